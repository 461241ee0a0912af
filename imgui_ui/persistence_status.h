// The persistence status: whether the host has saved the desk (saved,
// saving, failed with why), and a warning when the browser may evict it.
// Drawn at the end of the line above it (the account strip); nothing at all
// when there is nothing to say.
#pragma once

#include "imgui_ui/desk_context.h"

namespace stonks::ui {

void draw_persistence_status(DeskContext& ctx);

}  // namespace stonks::ui
