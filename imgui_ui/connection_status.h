// The connection status of a desk that mirrors a server: connected to where,
// or lost since when, with the state on screen marked stale until the link
// is back. Drawn at the end of the account strip's line; nothing for a desk
// that runs its own engine.
#pragma once

#include "imgui_ui/desk_context.h"

namespace stonks::ui {

void draw_connection_status(DeskContext& ctx);

}  // namespace stonks::ui
