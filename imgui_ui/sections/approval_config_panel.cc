// ApprovalConfigPanel: PUT /api/admin/trading/approval-config, one field at a time.
#include "imgui_ui/sections/approval_config_panel.h"

#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {
namespace {

constexpr FieldWidget kTimeoutFields[] = {{"approval_timeout_minutes", ids::kApprovalTimeout}};

// The words of the question one approval-config switch asks before it flips.
struct SwitchQuestion {
  const char* field;  // its name in approval-config
  const char* title_on;
  const char* body_on;
  const char* done_on;
  const char* title_off;
  const char* body_off;
  const char* done_off;
  const char* failed;
};

constexpr SwitchQuestion kAutoApproveQuestion{
    "auto_approve_paper",
    "Turn paper auto-approval on?",
    "Paper orders will go straight to the paper broker without waiting for you. "
    "Orders already in Pending Approvals still wait for your decision.",
    "Paper orders are auto-approved again",
    "Turn paper auto-approval off?",
    "Paper orders will wait for your approval in Pending Approvals, from the next order on. "
    "Nothing already sent changes.",
    "Paper orders now wait for your approval",
    "Could not change paper auto-approval"};

constexpr SwitchQuestion kFourEyesQuestion{
    "four_eyes",
    "Turn four eyes on?",
    "An order will be approved only by an operator other than the one who submitted it: nobody can "
    "approve their own orders, from the next decision on (orders already waiting included).",
    "Four eyes on: approvals only by another operator than the submitter",
    "Turn four eyes off?",
    "An operator will be able to approve the orders they submitted themselves, from the next decision on "
    "(orders already waiting included).",
    "Four eyes off: submitters may approve their own orders",
    "Could not change four eyes"};

ModalSpec switch_question(Requests& requests, Toasts& toasts, const SwitchQuestion& q, bool turn_on) {
  ModalSpec spec;
  spec.title = turn_on ? q.title_on : q.title_off;
  spec.body = turn_on ? q.body_on : q.body_off;
  spec.ok_label = turn_on ? "Turn on" : "Turn off";
  spec.on_ok = [requests = &requests, toasts = &toasts, &q, turn_on](const std::string&) {
    requests->send(
        "PUT", "/api/admin/trading/approval-config", {{q.field, turn_on}},
        [toasts, &q, turn_on](const ApiReply& r) { toasts->outcome(r, turn_on ? q.done_on : q.done_off, q.failed); });
  };
  return spec;
}

}  // namespace

void ApprovalConfigPanel::draw(DeskContext& ctx) {
  const OperatorApprovalConfig& config = ctx.state().config.operator_approval;
  section_header("Paper Order Approval");
  ImGui::TextWrapped("%s", config.auto_approve_paper
                               ? "Paper orders are auto-approved: they go straight to the paper broker."
                               : "Paper orders wait for your approval in Pending Approvals.");
  if (recorded_checkbox(ctx.frame, ids::kAutoApproveToggle, "Auto-approve paper orders", config.auto_approve_paper))
    ctx.modal.open(switch_question(ctx.requests, ctx.toasts, kAutoApproveQuestion, !config.auto_approve_paper));
  // Four eyes beside it when the column has room (its place depends on the width alone).
  constexpr const char* kFourEyes = "Four eyes";
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
  const float four_eyes_width =
      ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(kFourEyes).x;
  if (ImGui::GetContentRegionAvail().x < four_eyes_width) ImGui::NewLine();
  if (recorded_checkbox(ctx.frame, ids::kFourEyesToggle, kFourEyes, config.four_eyes))
    ctx.modal.open(switch_question(ctx.requests, ctx.toasts, kFourEyesQuestion, !config.four_eyes));
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", config.four_eyes ? "On: an order is approved only by an operator other than its submitter"
                                             : "Off: an operator may approve the orders they submitted");

  if (!editing_timeout) timeout_minutes = config.approval_timeout_minutes;
  field_label("Approval timeout", 0);
  if (recorded_input_int(ctx.frame, ids::kApprovalTimeout, timeout_minutes, ImGui::GetFontSize() * 4)) {
    editing_timeout = true;
    errors.clear();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted("minutes");
  ImGui::SameLine();
  const bool changed = editing_timeout && timeout_minutes != config.approval_timeout_minutes;
  if (recorded_button(ctx.frame, ids::kApprovalTimeoutSave, "Save", changed)) {
    const int minutes = timeout_minutes;
    ctx.requests.send(
        "PUT", "/api/admin/trading/approval-config", {{"approval_timeout_minutes", minutes}},
        [this, toasts = &ctx.toasts, minutes](const ApiReply& r) {
          if (!r.ok()) {
            errors.set(r, kTimeoutFields, ids::kApprovalTimeoutSave);
            return;
          }
          editing_timeout = false;
          toasts->info("New orders now wait at most " + std::to_string(minutes) + " minutes for approval");
        });
  }
  inline_error(ctx.frame, errors, ids::kApprovalTimeout);
  inline_error(ctx.frame, errors, ids::kApprovalTimeoutSave);
  ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
  ImGui::TextWrapped("Live orders %s.",
                     config.require_approval_for_live ? "always wait for approval" : "go straight to the broker");
  ImGui::PopStyleColor();
  rules.draw(ctx);
}

}  // namespace stonks::ui
