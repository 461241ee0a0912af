// ModePanel: the trading mode switch (disabled / paper; live shown but not
// offered here) and the halt (reduce-only) switch with its reason.
#pragma once

#include "imgui_ui/desk_context.h"
#include "imgui_ui/widgets/field_errors.h"

namespace stonks::ui {

struct ModePanel {
  char halt_reason[256] = {};
  FieldErrors errors;

  void draw(DeskContext& ctx);
};

}  // namespace stonks::ui
