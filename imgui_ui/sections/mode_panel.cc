// ModePanel: PUT /api/admin/trading/mode and PUT /api/admin/trading/halt.
#include "imgui_ui/sections/mode_panel.h"

#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {
namespace {

constexpr FieldWidget kHaltFields[] = {{"reason", ids::kHaltReason}};

void request_mode(Requests& requests, Toasts& toasts_ref, TradingMode mode) {
  const std::string name = to_string(mode);
  Toasts* toasts = &toasts_ref;
  requests.send("PUT", "/api/admin/trading/mode", {{"mode", name}}, [toasts, name](const ApiReply& r) {
    toasts->outcome(r, "Trading mode is now " + name, "Could not switch to " + name);
  });
}

// Live trades real money: asked first, saying where orders will go and
// whether the operator still approves each one.
void ask_live(DeskContext& ctx) {
  const bool approval = ctx.state().config.operator_approval.require_approval_for_live;
  ModalSpec spec;
  spec.title = "Switch to LIVE trading?";
  spec.body = std::string("Orders sent from now on go to the broker and trade in its account.\n") +
              (approval ? "Each one still waits for an operator's approval (require_approval_for_live is on)."
                        : "require_approval_for_live is OFF: orders go to the broker without approval.");
  spec.ok_label = "Go live";
  // The dialog outlives this frame's context: it keeps the desk's own parts.
  spec.on_ok = [requests = &ctx.requests, toasts = &ctx.toasts](const std::string&) {
    request_mode(*requests, *toasts, TradingMode::kLive);
  };
  ctx.modal.open(std::move(spec));
}

}  // namespace

void ModePanel::draw(DeskContext& ctx) {
  const EngineState& state = ctx.state();
  section_header("Trading Mode");
  const TradingMode mode = state.mode;
  if (choice_button(ctx.frame, ids::kModeDisabled, "Disabled", mode == TradingMode::kDisabled) &&
      mode != TradingMode::kDisabled)
    request_mode(ctx.requests, ctx.toasts, TradingMode::kDisabled);
  ImGui::SameLine();
  if (choice_button(ctx.frame, ids::kModePaper, "Paper", mode == TradingMode::kPaper) && mode != TradingMode::kPaper)
    request_mode(ctx.requests, ctx.toasts, TradingMode::kPaper);
  ImGui::SameLine();
  // Only a server trading at a broker can go live; it refuses (409) while
  // the broker's account cannot trade, and the toast says why.
  const bool has_broker = ctx.view.broker != nullptr;
  if (choice_button(ctx.frame, ids::kModeLive, "Live", mode == TradingMode::kLive, has_broker) &&
      mode != TradingMode::kLive)
    ask_live(ctx);
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
  ImGui::TextWrapped(has_broker ? "Live sends orders to the broker." : "Live needs stonks-server with a broker.");
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
