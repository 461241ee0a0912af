// The account strip: cash, equity, day P&L, buying power, open orders and
// the pending count on one line, read from the engine state.
#pragma once

#include "imgui_ui/desk_context.h"

namespace stonks::ui {

void draw_account_strip(DeskContext& ctx);

}  // namespace stonks::ui
