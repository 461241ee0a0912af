// The persistence status, from the host's HostStatus.
#include "imgui_ui/persistence_status.h"

#include "imgui_ui/controls.h"
#include "imgui_ui/widget_ids.h"

namespace stonks::ui {

void draw_persistence_status(DeskContext& ctx) {
  const HostStatus& host = ctx.view.host;
  const std::string& detail = host.persistence_detail;
  const float gap = ImGui::GetFontSize() * 2;
  // kOff: the host keeps no store of its own (a server's desk): nothing to say.
  if (host.persistence != HostStatus::Persistence::kOff) ImGui::SameLine(0, gap);
  switch (host.persistence) {
    case HostStatus::Persistence::kOff:
      break;
    case HostStatus::Persistence::kSaved:
      ImGui::TextColored(kColorOk, "Saved%s%s", detail.empty() ? "" : " to ", detail.c_str());
      break;
    case HostStatus::Persistence::kSaving:
      ImGui::TextColored(kColorMuted, "Saving...");
      break;
    case HostStatus::Persistence::kFailed:
      inline_note(ctx.frame, ids::kPersistence, "Saving failed: " + (detail.empty() ? "unknown error" : detail), true);
      break;
  }
  if (!host.storage_persistent) {
    ImGui::SameLine(0, gap);
    const std::string warning = "The browser may evict this store: persistent storage was refused";
    ImGui::TextColored(kColorWarn, "%s", warning.c_str());
    ctx.frame.message(ids::kPersistence, warning, false);
  }
}

}  // namespace stonks::ui
