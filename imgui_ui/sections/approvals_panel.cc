// ApprovalsPanel: PUT /api/admin/trading/approvals/{id} from each row.
#include "imgui_ui/sections/approvals_panel.h"

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/sections/order_outcome.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"
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
  pending_.clear();
  for (const auto& [id, request] : state.approvals.all())
    if (request.status == ApprovalStatus::kPending) pending_.push_back(id);
}

void ApprovalsPanel::draw(DeskContext& ctx, float height) {
  refresh_index(ctx.state());
  if (ImGui::BeginChild("##approvals", ImVec2(0, height), true)) {
    const std::string title = "Pending Approvals (" + std::to_string(ctx.state().approvals.pending_count()) + ")";
    section_header(title.c_str());
    if (pending_.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
      ImGui::TextWrapped("%s", ctx.state().config.operator_approval.auto_approve_paper
                                   ? "No orders are waiting for you. Paper orders are auto-approved; turn "
                                     "auto-approval off in Paper Order Approval to decide each one here."
                                   : "No orders are waiting for you. New paper orders will wait here.");
      ImGui::PopStyleColor();
    } else {
      draw_table(ctx);
    }
  }
  ImGui::EndChild();
}

void ApprovalsPanel::draw_table(DeskContext& ctx) {
  if (!ImGui::BeginTable("##pending", 12, kListTableFlags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const char* name :
       {"#", "Ticker", "Side", "Qty", "Type", "Limit", "Notional", "Source", "Risk", "Age", "Expires in"})
    ImGui::TableSetupColumn(name);
  ImGui::TableSetupColumn("Decision", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
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
      draw_row(ctx, *request, *order);
    }
  }
  ImGui::EndTable();
}

void ApprovalsPanel::draw_row(DeskContext& ctx, const ApprovalRequest& request, const Order& order) {
  const OrderIntent& in = order.intent();
  const Duration left = request.expires_at - ctx.view.now;
  table_cell(std::to_string(request.id));
  table_cell(in.symbol.str());
  table_cell(to_string(in.side));
  table_cell(std::to_string(in.qty));
  table_cell(to_string(in.type));
  table_cell(in.limit_price ? in.limit_price->to_string() : "");
  table_cell(request.notional.to_string());
  table_cell(in.source);
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
  ImGui::TableNextColumn();
  // Past its expiry the API refuses a decision (409): not offered.
  const bool open = left > Duration::zero() && !deciding_.contains(request.id);
  if (recorded_button(ctx.frame, ids::approval_id("approve", request.id), "Approve", open)) approve(ctx, request.id);
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::approval_id("reject", request.id), "Reject", open))
    ask_reject(ctx, request, order);
}

void ApprovalsPanel::approve(DeskContext& ctx, ApprovalId id) {
  deciding_.insert(id);
  ctx.requests.send("PUT", approval_path(id), {{"status", "approved"}},
                    [this, toasts = &ctx.toasts, id](const ApiReply& r) {
                      deciding_.erase(id);
                      const std::string name = "Approval #" + std::to_string(id);
                      if (!r.ok()) {
                        toasts->error("Could not approve #" + std::to_string(id) + ": " + r.error_text());
                        return;
                      }
                      const OrderOutcome outcome = describe_order(json_member(r.body, "order"));
                      if (outcome.refused)
                        toasts->error(name + " approved, but the re-check refused the order.\n" + outcome.text());
                      else
                        toasts->info(name + " approved. " + outcome.headline);
                    });
}

void ApprovalsPanel::ask_reject(DeskContext& ctx, const ApprovalRequest& request, const Order& order) {
  const ApprovalId id = request.id;
  ModalSpec spec;
  spec.title = "Reject approval #" + std::to_string(id) + "?";
  spec.body = "Order #" + std::to_string(order.id()) + ": " + describe_intent(order.intent()) +
              ". It will not reach the broker. Why? (recorded in the audit log)";
  spec.ok_label = "Reject";
  spec.ok_id = ids::kRejectConfirm;
  spec.cancel_id = ids::kRejectCancel;
  spec.input_id = ids::kRejectReason;
  spec.input_label = "Reason";
  spec.on_ok = [this, requests = &ctx.requests, toasts = &ctx.toasts, id](const std::string& reason) {
    nlohmann::json body = {{"status", "rejected"}};
    if (!reason.empty()) body["reason"] = reason;
    deciding_.insert(id);
    requests->send("PUT", approval_path(id), body, [this, toasts, id, reason](const ApiReply& r) {
      deciding_.erase(id);
      toasts->outcome(r, "Approval #" + std::to_string(id) + " rejected" + (reason.empty() ? "" : ": " + reason),
                      "Could not reject #" + std::to_string(id));
    });
  };
  ctx.modal.open(std::move(spec));
}

}  // namespace stonks::ui
