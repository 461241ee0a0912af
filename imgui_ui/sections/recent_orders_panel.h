// Recent orders: every order, newest first, with its status and why it was
// refused; clipped, so 100k orders cost what the visible rows cost.
#pragma once

#include "imgui_ui/desk_context.h"

namespace stonks::ui {

void draw_recent_orders(DeskContext& ctx, float height);

}  // namespace stonks::ui
