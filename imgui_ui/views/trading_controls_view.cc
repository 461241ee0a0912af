// Trading Controls: two columns of sections.
#include "imgui_ui/views/trading_controls_view.h"

#include <algorithm>

#include <imgui.h>

#include "imgui_ui/sections/recent_orders_panel.h"

namespace stonks::ui {

void TradingControlsView::draw(DeskContext& ctx) {
  const float em = ImGui::GetFontSize();
  const float left = std::clamp(ImGui::GetContentRegionAvail().x * 0.34f, em * 24, em * 36);
  if (ImGui::BeginChild("##left", ImVec2(left, 0))) {
    mode_.draw(ctx);
    ImGui::Spacing();
    approval_config_.draw(ctx);
    ImGui::Spacing();
    ticket_.draw(ctx);
  }
  ImGui::EndChild();
  ImGui::SameLine();
  if (ImGui::BeginChild("##right", ImVec2(0, 0))) {
    const float height = ImGui::GetContentRegionAvail().y;
    approvals_.draw(ctx, height * 0.42f);
    lockouts_.draw(ctx, height * 0.34f);
    draw_recent_orders(ctx, 0);  // the rest
  }
  ImGui::EndChild();
}

}  // namespace stonks::ui
