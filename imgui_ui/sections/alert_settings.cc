#include "imgui_ui/sections/alert_settings.h"

#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {
namespace {

const char* label(AlertKind kind) {
  switch (kind) {
    case AlertKind::kPendingApproval:
      return "A new pending approval";
    case AlertKind::kSystemLockout:
      return "A system lockout";
    case AlertKind::kFill:
      return "A fill";
    case AlertKind::kRiskRejection:
      return "A risk rejection (not the ticket's)";
    case AlertKind::kHalt:
      return "A halt";
  }
  return "";
}

}  // namespace

void draw_alert_settings(DeskContext& ctx, AlertSettings& settings, const AlertHost& host) {
  if (!ImGui::BeginPopup(kAlertsPopup)) return;
  section_header("Alerts");
  if (ImGui::BeginTable("##alert_kinds", 3, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("When");
    ImGui::TableSetupColumn("Toast");
    ImGui::TableSetupColumn("Sound");
    ImGui::TableHeadersRow();
    for (const auto& [kind, name] : EnumNames<AlertKind>::table) {
      const std::size_t k = static_cast<std::size_t>(kind);
      ImGui::TableNextRow();
      table_cell(label(kind));
      ImGui::TableNextColumn();
      ImGui::PushID(name);
      if (recorded_checkbox(ctx.frame, ids::alert_toggle_id(name, "toast"), "##toast", settings.toast[k]))
        settings.toast[k] = !settings.toast[k];
      ImGui::TableNextColumn();
      if (recorded_checkbox(ctx.frame, ids::alert_toggle_id(name, "sound"), "##sound", settings.sound[k]))
        settings.sound[k] = !settings.sound[k];
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::TextColored(kColorMuted, "Repeats within %.0f s collapse into one, with a count.",
                     AlertCollapser::kWindowSeconds);
  if (recorded_checkbox(ctx.frame, ids::kAlertsNotify, "Browser notifications while this tab is hidden",
                        settings.notify)) {
    settings.notify = !settings.notify;
    if (settings.notify && host.ask_permission) host.ask_permission();
  }
  if (recorded_button(ctx.frame, ids::kAlertsTestTone, "Play a test tone", static_cast<bool>(host.play_tone)))
    host.play_tone(AlertKind::kPendingApproval);
  ImGui::EndPopup();
}

}  // namespace stonks::ui
