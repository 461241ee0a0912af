// FrameRecord: widget rectangles from ImGui's last-item data.
#include "imgui_ui/frame_record.h"

#include <algorithm>

#include <imgui.h>

namespace stonks::ui {

void FrameRecord::begin() {
  widgets_.clear();
  messages_.clear();
}

void FrameRecord::widget(std::string id) {
  if (!ImGui::IsItemVisible()) return;
  const ImVec2 item_min = ImGui::GetItemRectMin();
  const ImVec2 item_max = ImGui::GetItemRectMax();
  // The clip rectangle of the current window (or table cell): a widget half
  // scrolled away is only clickable where it still shows.
  const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
  const ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
  const float x0 = std::max(item_min.x, clip_min.x), y0 = std::max(item_min.y, clip_min.y);
  const float x1 = std::min(item_max.x, clip_max.x), y1 = std::min(item_max.y, clip_max.y);
  if (x1 <= x0 || y1 <= y0) return;
  widgets_.push_back(WidgetRect{std::move(id), x0, y0, x1 - x0, y1 - y0});
}

void FrameRecord::message(std::string where, std::string text, bool error) {
  messages_.push_back(DeskMessage{std::move(where), std::move(text), error});
}

}  // namespace stonks::ui
