// DeskContext: what every view and section draws with: the read-only view,
// the way to send requests, this frame's record, the shared toasts and
// dialog, where the operator is (the open view, the selected ticker and
// order) and the host's services (saving a file).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "imgui_ui/desk.h"
#include "imgui_ui/frame_record.h"
#include "imgui_ui/requests.h"
#include "imgui_ui/widgets/modal.h"
#include "imgui_ui/widgets/toasts.h"

namespace stonks::ui {

// Where the operator is. Selecting a ticker anywhere selects it everywhere:
// fields that hold a ticker (the ticket, the lockout form) take it when
// `ticker_changes` moves on.
struct DeskNavigation {
  DeskViewId view = DeskViewId::kTrading;
  std::string ticker;
  std::uint64_t ticker_changes = 0;
  OrderId order = 0;  // the blotter's selected order (its timeline), 0: none

  void select_ticker(std::string t) {
    ticker = std::move(t);
    ++ticker_changes;
  }
};

struct DeskContext {
  const DeskView& view;
  Requests& requests;
  FrameRecord& frame;
  Toasts& toasts;
  Modal& modal;
  DeskNavigation& nav;
  // Saves `text` as a file named `name` (a download in the browser); empty
  // when the host cannot.
  const std::function<void(const std::string& name, const std::string& text)>& save_file;
  Duration stale_after;  // a quote older than this is stale (the Market view's setting)

  const EngineState& state() const { return view.state; }
};

}  // namespace stonks::ui
