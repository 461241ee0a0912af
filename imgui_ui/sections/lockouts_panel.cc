// LockoutsPanel: POST and DELETE /api/admin/trading/lockouts.
#include "imgui_ui/sections/lockouts_panel.h"

#include <cstdio>

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {
namespace {

constexpr const char* kSides[] = {"both", "buy", "sell"};
constexpr FieldWidget kFormFields[] = {{"ticker", ids::kLockoutTicker},
                                       {"side", ids::kLockoutSide},
                                       {"reason", ids::kLockoutReason},
                                       {"duration_minutes", ids::kLockoutDuration}};

const ImVec4& source_color(LockoutSource source) {
  static const ImVec4 kCooldown{0.78f, 0.62f, 1.00f, 1.0f};
  switch (source) {
    case LockoutSource::kManual:
      return kColorAccent;
    case LockoutSource::kNewsShock:
      return kColorWarn;
    case LockoutSource::kCooldown:
      return kCooldown;
  }
  return kColorText;
}

// The columns both tables share: id, ticker, side, reason, source, created by.
void lockout_cells(const Lockout& l) {
  table_cell(std::to_string(l.id));
  table_cell(l.symbol.str());
  table_cell(to_string(l.side));
  table_cell(l.reason);
  if (ImGui::IsItemHovered() && !l.reason.empty()) ImGui::SetTooltip("%s", l.reason.c_str());
  ImGui::TableNextColumn();
  badge(lockout_source_label(l.source), source_color(l.source));
  table_cell(l.created_by);
}

void setup_columns(std::initializer_list<const char*> names) {
  for (const char* name : names)
    ImGui::TableSetupColumn(name, name == std::string_view("Reason") ? ImGuiTableColumnFlags_WidthStretch
                                                                     : ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
}

}  // namespace

void LockoutsPanel::draw(DeskContext& ctx, float height) {
  const EngineState& state = ctx.state();
  active_ = state.lockouts.active(ctx.view.now);
  if (ImGui::BeginChild("##lockouts", ImVec2(0, height), true)) {
    const std::string title = "Active Lockouts (" + std::to_string(active_.size()) + ")";
    ImGui::PushStyleColor(ImGuiCol_Text, kColorAccent);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 8);
    if (recorded_checkbox(ctx.frame, ids::kLockoutHistory, "Show history", show_history_))
      show_history_ = !show_history_;
    ImGui::Separator();
    draw_form(ctx);
    const float rest = ImGui::GetContentRegionAvail().y;
    draw_active(ctx, show_history_ ? rest * 0.5f : rest);
    if (show_history_) draw_history(ctx);
  }
  ImGui::EndChild();
}

void LockoutsPanel::draw_form(DeskContext& ctx) {
  if (ctx.nav.ticker_changes != ticker_changes_seen_) {  // a ticker selected elsewhere
    ticker_changes_seen_ = ctx.nav.ticker_changes;
    std::snprintf(form_.ticker, sizeof form_.ticker, "%s", ctx.nav.ticker.c_str());
  }
  const float em = ImGui::GetFontSize();
  bool edited = false;
  field_label("Ticker", 0);
  edited |=
      recorded_input_text(ctx.frame, ids::kLockoutTicker, form_.ticker, em * 5, ImGuiInputTextFlags_CharsUppercase);
  ImGui::SameLine();
  field_label("Side", 0);
  // A button and its menu rather than a Combo: the button's rectangle is
  // recorded whether or not the menu is open.
  const std::string side_label = std::string(kSides[form_.side]) + " v";
  if (recorded_button(ctx.frame, ids::kLockoutSide, side_label.c_str())) ImGui::OpenPopup("##side_menu");
  if (ImGui::BeginPopup("##side_menu")) {
    for (int i = 0; i < 3; ++i) {
      if (ImGui::Selectable(kSides[i], form_.side == i)) {
        form_.side = i;
        edited = true;
      }
      ctx.frame.widget(ids::lockout_side_choice_id(kSides[i]));
    }
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  field_label("Reason", 0);
  edited |= recorded_input_text(ctx.frame, ids::kLockoutReason, form_.reason, em * 14);
  ImGui::SameLine();
  field_label("Minutes", 0);
  edited |= recorded_input_int(ctx.frame, ids::kLockoutDuration, form_.duration_minutes, em * 3.5f);
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::kLockoutCreate, "Lock out")) create(ctx);
  if (edited) form_.errors.clear();
  inline_error(ctx.frame, form_.errors, ids::kLockoutTicker, ErrorPlace::kBelow, "Ticker");
  inline_error(ctx.frame, form_.errors, ids::kLockoutSide, ErrorPlace::kBelow, "Side");
  inline_error(ctx.frame, form_.errors, ids::kLockoutReason, ErrorPlace::kBelow, "Reason");
  inline_error(ctx.frame, form_.errors, ids::kLockoutDuration, ErrorPlace::kBelow, "Minutes");
  inline_error(ctx.frame, form_.errors, ids::kLockoutCreate, ErrorPlace::kBelow, "Lock out");
}

void LockoutsPanel::create(DeskContext& ctx) {
  form_.errors.clear();
  const nlohmann::json body = {{"ticker", form_.ticker},
                               {"side", kSides[form_.side]},
                               {"reason", form_.reason},
                               {"duration_minutes", form_.duration_minutes}};
  ctx.requests.send("POST", "/api/admin/trading/lockouts", body, [this, toasts = &ctx.toasts](const ApiReply& r) {
    if (!r.ok()) {
      form_.errors.set(r, kFormFields, ids::kLockoutCreate);
      return;
    }
    toasts->info(json_string(r.body, "ticker") + " locked out (" + json_string(r.body, "side") + ") until " +
                 json_string(r.body, "expires_at") + ", lockout #" + std::to_string(json_int(r.body, "id")));
    form_.ticker[0] = '\0';
    form_.reason[0] = '\0';
  });
}

void LockoutsPanel::draw_active(DeskContext& ctx, float height) {
  if (active_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    ImGui::TextWrapped("No ticker is locked out. Lock one out above; news shocks and cooldowns add their own.");
    ImGui::PopStyleColor();
    return;
  }
  if (!ImGui::BeginTable("##active", 8, kListTableFlags, ImVec2(0, height))) return;
  setup_columns({"#", "Ticker", "Side", "Reason", "Source", "Created by", "Time left", ""});
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(active_.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Lockout& l = *active_[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      lockout_cells(l);
      table_cell(format_duration(l.expires_at - ctx.view.now));
      ImGui::TableNextColumn();
      if (recorded_button(ctx.frame, ids::lockout_remove_id(l.id), "Remove", !removing_.contains(l.id)))
        ask_remove(ctx, l);
    }
  }
  ImGui::EndTable();
}

void LockoutsPanel::draw_history(DeskContext& ctx) {
  history_.clear();
  const auto& all = ctx.state().lockouts.all();
  for (auto it = all.rbegin(); it != all.rend(); ++it)
    if (!it->second.active_at(ctx.view.now)) history_.push_back(&it->second);
  ImGui::TextUnformatted("History: removed and expired");
  if (history_.empty()) {
    ImGui::TextColored(kColorMuted, "None yet.");
    return;
  }
  if (!ImGui::BeginTable("##history", 8, kListTableFlags)) return;
  setup_columns({"#", "Ticker", "Side", "Reason", "Source", "Created by", "Ended", "When"});
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(history_.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Lockout& l = *history_[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      lockout_cells(l);
      const Timestamp ended = l.removed_at ? *l.removed_at : l.expires_at;
      table_cell(l.removed_at ? "removed by " + l.removed_by : std::string("expired"));
      table_cell(format_duration(ctx.view.now - ended) + " ago");
    }
  }
  ImGui::EndTable();
}

void LockoutsPanel::ask_remove(DeskContext& ctx, const Lockout& lockout) {
  const std::string ticker = lockout.symbol.str();
  if (lockout.source == LockoutSource::kManual) {
    remove(ctx.requests, ctx.toasts, lockout.id, ticker);
    return;
  }
  ModalSpec spec;
  spec.title = std::string("Remove the ") + lockout_source_label(lockout.source) + " lockout on " + ticker + "?";
  spec.body = "A system guard set it (" + lockout.reason + "). Removing it early lets " + ticker +
              " trade again now, before the guard's time is up. The removal is recorded with your name.";
  spec.ok_label = "Remove";
  spec.on_ok = [this, requests = &ctx.requests, toasts = &ctx.toasts, id = lockout.id, ticker](const std::string&) {
    remove(*requests, *toasts, id, ticker);
  };
  ctx.modal.open(std::move(spec));
}

void LockoutsPanel::remove(Requests& requests, Toasts& toasts, LockoutId id, const std::string& ticker) {
  removing_.insert(id);
  const std::string name = "lockout #" + std::to_string(id) + " on " + ticker;
  requests.send("DELETE", "/api/admin/trading/lockouts/" + std::to_string(id), nullptr,
                [this, toasts = &toasts, id, name](const ApiReply& r) {
                  removing_.erase(id);
                  toasts->outcome(r, "Removed " + name, "Could not remove " + name);
                });
}

}  // namespace stonks::ui
