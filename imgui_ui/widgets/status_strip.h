// The status strip: the line that never scrolls away. Mode (LIVE in red),
// HALTED, the kill switch (halt & flatten), whether approvals are automatic or held, the pending count (a
// click opens the queue), active lockouts, the market feed's freshness,
// saving, and the server link. Each item is a chip; chips wrap to a new
// line rather than run off the edge, and a long one is elided with the
// whole text in its tooltip.
#pragma once

#include "imgui_ui/desk_context.h"

namespace stonks::ui {

struct StatusStripActions {
  bool open_queue = false;  // the pending-approvals chip was clicked
  bool flatten = false;     // the kill switch was clicked
  bool alerts = false;      // the Alerts chip was clicked
};

// `stale_after`: the feed is amber past this age.
StatusStripActions draw_status_strip(DeskContext& ctx, Duration stale_after);

}  // namespace stonks::ui
