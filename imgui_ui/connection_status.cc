// The connection status, from the host's HostStatus.
#include "imgui_ui/connection_status.h"

#include "imgui_ui/controls.h"
#include "imgui_ui/widget_ids.h"

namespace stonks::ui {

void draw_connection_status(DeskContext& ctx) {
  const HostStatus& host = ctx.view.host;
  if (host.link == HostStatus::Link::kNone) return;
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  if (host.link == HostStatus::Link::kLive) {
    const std::string text = "Connected to " + host.link_detail;
    ImGui::TextColored(kColorOk, "%s", text.c_str());
    ctx.frame.message(ids::kConnection, text, false);
    return;
  }
  // What the operator sees may be out of date: said where the eye goes, as an error.
  inline_note(ctx.frame, ids::kConnection,
              "Connection lost" + (host.link_detail.empty() ? std::string() : ": " + host.link_detail) +
                  ". Showing the last state received (stale); reconnecting...",
              true);
}

}  // namespace stonks::ui
