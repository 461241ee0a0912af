// ApprovalsPanel: PUT /api/admin/trading/approvals/{id} from each row, the
// keys and the bulk bar.
#include "imgui_ui/sections/approvals_panel.h"

#include <cstdio>

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/model/pending_quote.h"
#include "imgui_ui/sections/order_outcome.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"
#include "risk/approval_gate.h"
#include "risk/risk_check_set.h"

namespace stonks::ui {
namespace {

std::string approval_path(ApprovalId id) { return "/api/admin/trading/approvals/" + std::to_string(id); }

std::string describe_intent(const OrderIntent& in) {
  std::string text =
      std::string(to_string(in.side)) + " " + std::to_string(in.qty) + " " + in.symbol.str() + " " + to_string(in.type);
  if (in.limit_price) text += " at " + in.limit_price->to_string();
  return text;
}

const std::vector<std::string>& reject_presets() {
  static const std::vector<std::string> presets = {"Too large", "Price moved", "Stale quote", "Not in today's plan",
                                                   "Duplicate"};
  return presets;
}

// Where ImGui 1.86 keeps each key in io.KeysDown: the backend's codes
// (GLFW's in the browser), letters as their ASCII capitals.
int key_index(QueueKey key) {
  switch (key) {
    case QueueKey::kUp:
      return ImGui::GetKeyIndex(ImGuiKey_UpArrow);
    case QueueKey::kDown:
      return ImGui::GetKeyIndex(ImGuiKey_DownArrow);
    case QueueKey::kSpace:
      return ImGui::GetKeyIndex(ImGuiKey_Space);
    case QueueKey::kEscape:
      return ImGui::GetKeyIndex(ImGuiKey_Escape);
    case QueueKey::kEnter:
      return ImGui::GetKeyIndex(ImGuiKey_Enter);
    case QueueKey::kJ:
      return 'J';
    case QueueKey::kK:
      return 'K';
    case QueueKey::kA:
      return 'A';
    case QueueKey::kR:
      return 'R';
    case QueueKey::kX:
      return 'X';
    case QueueKey::kSlash:
      return '/';
  }
  return -1;
}

Money total_notional(const EngineState& s, const std::vector<ApprovalId>& ids) {
  Money total;
  for (ApprovalId id : ids)
    if (const ApprovalRequest* r = s.approvals.find(id)) total = total + r->notional;
  return total;
}

std::string count_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " order" : " orders"); }

}  // namespace

void ApprovalsPanel::refresh_index(const EngineState& state) {
  const IndexKey key{&state, state.approvals.all().size(), state.approvals.pending_count(), state.last_seq};
  // Events change the pending set only by adding a request (the total grows)
  // or deciding one (the pending count drops), so while neither moved and the
  // seq went forward the list still holds. Another state object or a seq
  // going back (a restore, a reset) rebuilds it.
  if (key.state == key_.state && key.total == key_.total && key.pending == key_.pending && key.seq >= key_.seq) {
    key_.seq = key.seq;
    return;
  }
  key_ = key;
  pending_ = state.approvals.pending_ids();
  selection_.sync(pending_);
  std::erase_if(gate_reasons_, [&](const auto& entry) {
    const ApprovalRequest* r = state.approvals.find(entry.first);
    return !r || r->status != ApprovalStatus::kPending;
  });
}

const std::string& ApprovalsPanel::gate_reason_of(const EngineState& state, const ApprovalRequest& request,
                                                  const Order& order) {
  auto it = gate_reasons_.find(request.id);
  if (it != gate_reasons_.end()) return it->second;
  const GateDecision& gate = order.gate();
  std::string reason;
  if (gate.config_version == 0) {
    reason = "held (recorded before the gate named its rule)";
  } else {
    // A version this state does not hold (a replica that never saw it): the rule by number only.
    static const RiskConfig kUnknownConfig;
    const RiskConfig* config = state.config_at_version(gate.config_version);
    reason = gate_reason(gate, config ? *config : kUnknownConfig, std::nullopt) + " (config version " +
             std::to_string(gate.config_version) + ")";
  }
  return gate_reasons_.emplace(request.id, std::move(reason)).first->second;
}

void ApprovalsPanel::draw(DeskContext& ctx, float height) {
  refresh_index(ctx.state());
  if (ImGui::BeginChild("##approvals", ImVec2(0, height), true)) {
    const std::string title = "Pending Approvals (" + std::to_string(ctx.state().approvals.pending_count()) + ")";
    section_header(title.c_str());
    handle_keys(ctx);
    draw_report(ctx);
    if (pending_.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
      ImGui::TextWrapped("%s", ctx.state().config.operator_approval.auto_approve_paper
                                   ? "No orders are waiting for you. Paper orders are auto-approved; turn "
                                     "auto-approval off in Paper Order Approval to decide each one here."
                                   : "No orders are waiting for you. New paper orders will wait here.");
      ImGui::PopStyleColor();
    } else {
      draw_bulk_bar(ctx);
      draw_table(ctx);
    }
  }
  ImGui::EndChild();
}

void ApprovalsPanel::handle_keys(DeskContext& ctx) {
  // Keys belong to whatever takes text, and to an open dialog, first.
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || ctx.modal.is_open()) return;
  for (QueueKey key : kQueueKeys) {
    const int index = key_index(key);
    if (!ImGui::IsKeyPressed(index, true)) continue;
    const KeyPress press{key, !ImGui::IsKeyPressed(index, false), io.KeyShift, io.KeyCtrl || io.KeySuper};
    act(ctx, queue_action(press));
  }
}

void ApprovalsPanel::act(DeskContext& ctx, QueueAction action) {
  switch (action) {
    case QueueAction::kNone:
      return;
    case QueueAction::kUp:
    case QueueAction::kDown:
    case QueueAction::kExtendUp:
    case QueueAction::kExtendDown: {
      const bool up = action == QueueAction::kUp || action == QueueAction::kExtendUp;
      selection_.move(up ? -1 : 1, action == QueueAction::kExtendUp || action == QueueAction::kExtendDown);
      scroll_to_cursor_ = true;
      return;
    }
    case QueueAction::kToggle:
      return selection_.toggle();
    case QueueAction::kSelectAll:
      return selection_.select_all();
    case QueueAction::kClear:
      help_ = false;
      return selection_.clear();
    case QueueAction::kHelp:
      help_ = !help_;
      return;
    case QueueAction::kApprove:
      return ask_approve(ctx, selection_.targets());
    case QueueAction::kReject:
      return ask_reject(ctx, selection_.targets());
  }
}

std::vector<ApprovalId> ApprovalsPanel::decidable(const EngineState& s, const std::vector<ApprovalId>& ids) const {
  std::vector<ApprovalId> out;
  for (ApprovalId id : ids) {
    const ApprovalRequest* r = s.approvals.find(id);
    if (r && r->status == ApprovalStatus::kPending && !deciding_.contains(id)) out.push_back(id);
  }
  return out;
}

void ApprovalsPanel::draw_bulk_bar(DeskContext& ctx) {
  const EngineState& s = ctx.state();
  const std::size_t n = selection_.selected_count();
  const std::vector<ApprovalId> chosen = n ? selection_.targets() : std::vector<ApprovalId>{};
  if (recorded_button(ctx.frame, ids::kQueueSelectAll, "Select all")) selection_.select_all();
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::kQueueApproveSelected, ("Approve " + std::to_string(n)).c_str(), n > 0))
    ask_approve(ctx, chosen);
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::kQueueRejectSelected, ("Reject " + std::to_string(n)).c_str(), n > 0))
    ask_reject(ctx, chosen);
  ImGui::SameLine();
  const std::string summary = n ? std::to_string(n) + " selected, notional " + total_notional(s, chosen).to_string()
                                : "Keys: arrows, A approve, R reject, ? help";
  ImGui::TextColored(kColorMuted, "%s", summary.c_str());
  ctx.frame.message(ids::kQueueSummary, summary, false);
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::kQueueHelp, "?")) help_ = !help_;
  if (help_) {
    std::string text;
    for (const KeyHelp& h : queue_key_help()) text += std::string(h.keys) + ": " + h.what + "\n";
    ImGui::TextColored(kColorAccent, "%s", text.c_str());
    ctx.frame.message(ids::kQueueHelpText, text, false);
  }
}

void ApprovalsPanel::draw_report(DeskContext& ctx) {
  if (report_.empty()) return;
  const std::string head = report_waiting_ ? "Bulk decision: " + std::to_string(report_waiting_) + " awaiting an answer"
                                           : "Bulk decision: done";
  ImGui::TextUnformatted(head.c_str());
  ctx.frame.message(ids::kQueueReport, head, false);
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::kQueueReportDismiss, "Dismiss")) {
    report_.clear();
    return;
  }
  for (const auto& [text, refused] : report_) {
    ImGui::TextColored(refused ? kColorError : kColorOk, "%s", text.c_str());
    ctx.frame.message(ids::kQueueReport, text, refused);
  }
}

void ApprovalsPanel::draw_table(DeskContext& ctx) {
  if (!ImGui::BeginTable("##pending", 11, kListTableFlags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const char* name :
       {"#", "Order", "Notional", "Bid / Ask", "Moved", "Source", "Rule", "Risk", "Age", "Expires in"})
    ImGui::TableSetupColumn(name);
  ImGui::TableSetupColumn("Decision", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  const std::size_t cursor = selection_.cursor_index();
  if (scroll_to_cursor_) {
    // The cursor's row into view: the clipper draws only what is visible.
    const float row = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2;
    const float y = static_cast<float>(cursor) * row;
    if (y < ImGui::GetScrollY()) ImGui::SetScrollY(y);
    if (y + row * 2 > ImGui::GetScrollY() + ImGui::GetWindowHeight())
      ImGui::SetScrollY(y + row * 2 - ImGui::GetWindowHeight());
    scroll_to_cursor_ = false;
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(pending_.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ApprovalRequest* request = ctx.state().approvals.find(pending_[static_cast<std::size_t>(i)]);
      const Order* order = request ? ctx.state().order(request->order_id) : nullptr;
      ImGui::TableNextRow();
      // A request decided since the index was built is skipped, never
      // offered: the row stays empty until the index catches up.
      if (!order || request->status != ApprovalStatus::kPending) continue;
      draw_row(ctx, *request, *order, static_cast<std::size_t>(i) == cursor);
    }
  }
  ImGui::EndTable();
}

void ApprovalsPanel::draw_row(DeskContext& ctx, const ApprovalRequest& request, const Order& order, bool at_cursor) {
  const OrderIntent& in = order.intent();
  const Duration left = request.expires_at - ctx.view.now;
  ImGui::TableNextColumn();
  // The row itself selects: a click, shift-click (a range) or ctrl-click.
  const bool selected = selection_.selected(request.id);
  const std::string mark = std::string(at_cursor ? "> " : "  ") + std::to_string(request.id);
  ImGui::PushID(static_cast<int>(request.id));
  if (ImGui::Selectable(mark.c_str(), selected || at_cursor,
                        ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
    const ImGuiIO& io = ImGui::GetIO();
    selection_.click(request.id, io.KeyShift, io.KeyCtrl || io.KeySuper);
  }
  ImGui::PopID();
  ctx.frame.widget(ids::approval_id("row", request.id));
  table_cell(describe_intent(in));
  table_cell(request.notional.to_string());
  const PendingQuote q = pending_quote(request, order, ctx.state().market, ctx.view.now, ctx.stale_after);
  ImGui::TableNextColumn();
  ImGui::TextColored(q.stale ? kColorWarn : kColorText, "%s%s", bid_ask_text(q).c_str(), q.stale ? " (stale)" : "");
  if (q.stale && ImGui::IsItemHovered())
    ImGui::SetTooltip("The quote is older than %s: the price may have moved since",
                      format_duration(ctx.stale_after).c_str());
  ImGui::TableNextColumn();
  // A buy that got dearer or a sell that got cheaper moved against the order.
  const bool against = in.side == Side::kBuy ? q.move_bps > 0 : q.move_bps < 0;
  ImGui::TextColored(q.move_bps == 0 ? kColorMuted : (against ? kColorError : kColorOk), "%s", move_text(q).c_str());
  table_cell(in.source);
  {
    // The rule that held it, its reason on hover (and as the row's "rule" message).
    const std::uint32_t rule = order.gate().rule;
    char cell[24];
    if (rule)
      std::snprintf(cell, sizeof cell, "rule %u", static_cast<unsigned>(rule));
    else
      std::snprintf(cell, sizeof cell, "default");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(cell);
    const std::string& reason = gate_reason_of(ctx.state(), request, order);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", reason.c_str());
    ctx.frame.message(ids::approval_id("rule", request.id), std::string(cell) + ": " + reason, false);
  }
  table_cell(std::to_string(request.checks_passed.count()) + " passed");
  if (ImGui::IsItemHovered()) {
    std::string notes = "Checks passed when it arrived:";
    for (const std::string& check : risk_check_names(request.checks_passed)) notes += "\n  " + check;
    ImGui::SetTooltip("%s", notes.c_str());
  }
  table_cell(format_duration(ctx.view.now - request.created_at));
  ImGui::TableNextColumn();
  if (left <= Duration::zero()) {
    ImGui::TextColored(kColorError, "expired");
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, left < std::chrono::minutes(1) ? kColorWarn : kColorText);
    ImGui::TextUnformatted(format_duration(left).c_str());
    ImGui::PopStyleColor();
  }
  ctx.frame.message(ids::approval_id("row", request.id),
                    describe_intent(in) + "\t" + bid_ask_text(q) + (q.stale ? " (stale)" : "") + "\t" + move_text(q),
                    false);
  ImGui::TableNextColumn();
  // Past its expiry the API refuses a decision (409): not offered.
  const bool open = left > Duration::zero() && !deciding_.contains(request.id);
  if (recorded_button(ctx.frame, ids::approval_id("approve", request.id), "Approve", open))
    decide(ctx.requests, ctx.toasts, {request.id}, true, "");
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::approval_id("reject", request.id), "Reject", open)) ask_reject(ctx, {request.id});
}

void ApprovalsPanel::ask_approve(DeskContext& ctx, std::vector<ApprovalId> targets) {
  targets = decidable(ctx.state(), targets);
  if (targets.empty()) return;
  // One row by key, no selection: as its Approve button. A selection asks.
  if (selection_.selected_count() == 0 && targets.size() == 1)
    return decide(ctx.requests, ctx.toasts, targets, true, "");
  ModalSpec spec;
  spec.title = "Approve " + count_text(targets.size()) + "?";
  spec.body = count_text(targets.size()) + ", total notional " + total_notional(ctx.state(), targets).to_string() +
              ". Each is re-checked against the risk limits now; one that fails is refused and the report says why.";
  spec.ok_label = "Approve " + std::to_string(targets.size());
  spec.on_ok = [this, requests = &ctx.requests, toasts = &ctx.toasts, targets](const std::string&) {
    decide(*requests, *toasts, targets, true, "");
  };
  ctx.modal.open(std::move(spec));
}

void ApprovalsPanel::ask_reject(DeskContext& ctx, std::vector<ApprovalId> targets) {
  targets = decidable(ctx.state(), targets);
  if (targets.empty()) return;
  ModalSpec spec;
  if (targets.size() == 1 && selection_.selected_count() <= 1) {
    const ApprovalRequest& r = *ctx.state().approvals.find(targets[0]);
    const Order& order = *ctx.state().order(r.order_id);
    spec.title = "Reject approval #" + std::to_string(r.id) + "?";
    spec.body = "Order #" + std::to_string(order.id()) + ": " + describe_intent(order.intent()) +
                ". It will not reach the broker. Why? (recorded in the audit log)";
  } else {
    spec.title = "Reject " + count_text(targets.size()) + "?";
    spec.body = count_text(targets.size()) + ", total notional " + total_notional(ctx.state(), targets).to_string() +
                ". None will reach the broker. Why? (recorded in the audit log)";
  }
  spec.ok_label = "Reject";
  spec.ok_id = ids::kRejectConfirm;
  spec.cancel_id = ids::kRejectCancel;
  spec.input_id = ids::kRejectReason;
  spec.input_label = "Reason";
  spec.presets = reject_presets();
  spec.on_ok = [this, requests = &ctx.requests, toasts = &ctx.toasts, targets](const std::string& reason) {
    decide(*requests, *toasts, targets, false, reason);
  };
  ctx.modal.open(std::move(spec));
}

void ApprovalsPanel::decide(Requests& requests, Toasts& toasts_ref, const std::vector<ApprovalId>& targets,
                            bool approve, const std::string& reason) {
  // A bulk decision reports per order under the header; a single one in a toast.
  const bool bulk = targets.size() > 1;
  if (bulk) {
    report_.clear();
    report_waiting_ = targets.size();
    selection_.clear();
  }
  for (ApprovalId id : targets) {
    nlohmann::json body = {{"status", approve ? "approved" : "rejected"}};
    if (!reason.empty()) body["reason"] = reason;
    deciding_.insert(id);
    requests.send(
        "PUT", approval_path(id), body, [this, toasts = &toasts_ref, id, approve, bulk, reason](const ApiReply& r) {
          deciding_.erase(id);
          const std::string name = "#" + std::to_string(id);
          std::string text;
          bool refused = false;
          if (!r.ok()) {
            text = "Could not " + std::string(approve ? "approve " : "reject ") + name + ": " + r.error_text();
            refused = true;
          } else if (!approve) {
            text = "Approval " + name + " rejected" + (reason.empty() ? "" : ": " + reason);
          } else {
            const OrderOutcome outcome = describe_order(json_member(r.body, "order"));
            refused = outcome.refused;
            text = refused ? "Approval " + name + " approved, but the re-check refused the order.\n" + outcome.text()
                           : "Approval " + name + " approved. " + outcome.headline;
          }
          if (bulk) {
            report_.emplace_back(text, refused);
            if (report_waiting_) --report_waiting_;
          } else if (refused) {
            toasts->error(text);
          } else {
            toasts->info(text);
          }
        });
  }
}

}  // namespace stonks::ui
