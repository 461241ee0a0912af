// DeskContext: what every panel section draws with: the read-only view, the
// way to send requests, this frame's record, and the shared toasts and dialog.
#pragma once

#include "imgui_ui/desk.h"
#include "imgui_ui/frame_record.h"
#include "imgui_ui/modal.h"
#include "imgui_ui/requests.h"
#include "imgui_ui/toasts.h"

namespace stonks::ui {

struct DeskContext {
  const DeskView& view;
  Requests& requests;
  FrameRecord& frame;
  Toasts& toasts;
  Modal& modal;

  const EngineState& state() const { return view.state; }
};

}  // namespace stonks::ui
