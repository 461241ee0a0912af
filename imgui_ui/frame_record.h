// FrameRecord: what one frame of the desk drew that tests and the browser's
// test hooks look up: each id'd widget's rectangle and each message shown.
#pragma once

#include <string>
#include <vector>

#include "imgui_ui/desk.h"

namespace stonks::ui {

class FrameRecord {
 public:
  // Forgets the previous frame.
  void begin();
  // Records the last ImGui item under `id`, clipped to the part that is
  // visible (so its centre is clickable); nothing when it is scrolled or
  // clipped out of view.
  void widget(std::string id);
  void message(std::string where, std::string text, bool error);

  const std::vector<WidgetRect>& widgets() const { return widgets_; }
  const std::vector<DeskMessage>& messages() const { return messages_; }

 private:
  std::vector<WidgetRect> widgets_;
  std::vector<DeskMessage> messages_;
};

}  // namespace stonks::ui
