// The kill switch: halt & flatten (POST /api/admin/trading/flatten), asked
// for from the status strip and confirmed twice, and its report, which
// stays under the strip until the operator dismisses it.
#pragma once

#include <string>

#include "imgui_ui/desk_context.h"

namespace stonks::ui {

// Step one lists what will happen (from the state now) and takes a reason;
// step two asks once more before sending.
void ask_halt_and_flatten(DeskContext& ctx);

// The newest report (state.last_flatten) unless `dismissed` holds its time;
// Dismiss sets it (the desk remembers it across reloads).
void draw_flatten_report(DeskContext& ctx, std::string& dismissed);

}  // namespace stonks::ui
