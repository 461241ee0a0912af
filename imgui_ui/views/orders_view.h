// The Orders view: the blotter of every order (filters by status, ticker,
// side, source and free text; sortable columns; a clipped list, so 100,000
// rows cost what the visible ones do), the selected order's timeline,
// Cancel on open orders, and the filtered rows exported as CSV.
#pragma once

#include <vector>

#include "imgui_ui/desk_context.h"
#include "imgui_ui/model/order_rows.h"

namespace stonks::ui {

class OrdersView {
 public:
  void draw(DeskContext& ctx);

  // Remembered across reloads (the desk's settings).
  OrderFilter filter;
  OrderSort sort;

 private:
  void draw_filters(DeskContext& ctx);
  void draw_table(DeskContext& ctx, float height);
  void draw_timeline(DeskContext& ctx);
  // The filtered, sorted ids, recomputed when an order came, the filter or
  // the sort changed. Rows that read how orders progress (a status filter,
  // the free text, a sort by status, fills or reasons) are also recomputed
  // when a fill or an approval moves a count, and at most every
  // kRefreshFrames frames while any event commits (for status changes that
  // move no count); a quiet engine costs no recomputing.
  const std::vector<OrderId>& rows(const EngineState& state);

  static constexpr int kRefreshFrames = 30;
  char ticker_[16] = {};
  char source_[64] = {};
  char text_[64] = {};
  std::vector<OrderId> rows_;
  struct Key {
    std::size_t orders = 0, fills = 0, open = 0, approvals = 0, pending = 0;
    OrderFilter filter;
    OrderSort sort;
    bool operator==(const Key&) const = default;
  };
  Key key_;
  EventSeq rows_seq_ = 0;  // the state's last_seq when rows_ was made
  int age_ = 0;            // frames since
  bool made_ = false;
};

// Asks the API to cancel order `id`; the outcome shows as a toast.
void cancel_order(DeskContext& ctx, OrderId id);

}  // namespace stonks::ui
