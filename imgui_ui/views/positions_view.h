// The Positions view: every position with its P&L and a totals row (Close
// sends the reducing order through the same route as the ticket, so risk
// and the approval gate apply), the account's figures, and the equity
// curve of the session with its drawdowns shaded.
#pragma once

#include "imgui_ui/desk_context.h"
#include "imgui_ui/model/book_rows.h"

namespace stonks::ui {

class PositionsView {
 public:
  void draw(DeskContext& ctx);

 private:
  void ask_close(DeskContext& ctx, const Symbol& symbol, Quantity qty);

  DayFills today_;  // today's fills per symbol; each frame adds only the new ones
};

}  // namespace stonks::ui
