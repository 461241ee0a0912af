// The account strip: cash, equity, day P&L, buying power, open orders and
// the pending count on one line, read from the engine state.
#pragma once

#include "imgui_ui/desk_context.h"

namespace stonks::ui {

void draw_account_strip(DeskContext& ctx);

// Buying power as the risk checks count it (every open order reserving), from
// the one function that defines it (risk/risk_checks.h): the strip's figure
// and the Broker section's engine column.
Money desk_buying_power(const EngineState& state, Timestamp now);

}  // namespace stonks::ui
