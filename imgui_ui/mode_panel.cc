// ModePanel: PUT /api/admin/trading/mode and PUT /api/admin/trading/halt.
#include "imgui_ui/mode_panel.h"

#include "imgui_ui/controls.h"
#include "imgui_ui/widget_ids.h"

namespace stonks::ui {
namespace {

constexpr FieldWidget kHaltFields[] = {{"reason", ids::kHaltReason}};

void request_mode(DeskContext& ctx, TradingMode mode) {
  const std::string name = to_string(mode);
  Toasts* toasts = &ctx.toasts;
  ctx.requests.send("PUT", "/api/admin/trading/mode", {{"mode", name}}, [toasts, name](const ApiReply& r) {
    toasts->outcome(r, "Trading mode is now " + name, "Could not switch to " + name);
  });
}

}  // namespace

void ModePanel::draw(DeskContext& ctx) {
  const EngineState& state = ctx.state();
  section_header("Trading Mode");
  const TradingMode mode = state.mode;
  if (choice_button(ctx.frame, ids::kModeDisabled, "Disabled", mode == TradingMode::kDisabled) &&
      mode != TradingMode::kDisabled)
    request_mode(ctx, TradingMode::kDisabled);
  ImGui::SameLine();
  if (choice_button(ctx.frame, ids::kModePaper, "Paper", mode == TradingMode::kPaper) && mode != TradingMode::kPaper)
    request_mode(ctx, TradingMode::kPaper);
  ImGui::SameLine();
  choice_button(ctx.frame, ids::kModeLive, "Live", mode == TradingMode::kLive, false);
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
  ImGui::TextWrapped("Live needs stonks-server with a broker.");
  ImGui::PopStyleColor();

  if (recorded_checkbox(ctx.frame, ids::kHaltToggle, "Halt (reduce-only)", state.halted)) {
    const bool halt = !state.halted;
    nlohmann::json body = {{"halted", halt}};
    if (halt_reason[0] != '\0') body["reason"] = halt_reason;
    errors.clear();
    ctx.requests.send("PUT", "/api/admin/trading/halt", body, [this, toasts = &ctx.toasts, halt](const ApiReply& r) {
      if (!r.ok()) {
        errors.set(r, kHaltFields, ids::kHaltToggle);
        return;
      }
      halt_reason[0] = '\0';
      toasts->info(halt ? "Trading halted: only orders that reduce exposure pass" : "Halt lifted");
    });
  }
  ImGui::SameLine();
  field_label("Reason", 0);
  if (recorded_input_text(ctx.frame, ids::kHaltReason, halt_reason, ImGui::GetFontSize() * 12)) errors.clear();
  inline_error(ctx.frame, errors, ids::kHaltReason);
  inline_error(ctx.frame, errors, ids::kHaltToggle);
  if (state.halted) {
    ImGui::PushStyleColor(ImGuiCol_Text, kColorWarn);
    ImGui::TextWrapped("Halted%s%s: only orders that reduce exposure pass.", state.halt_reason.empty() ? "" : " - ",
                       state.halt_reason.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace stonks::ui
