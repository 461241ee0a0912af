// Trade: one position-based round trip, built from the fills of a replay
// (docs/backtest.md, "Trades").
#pragma once

#include <vector>

#include "core/chunked_vector.h"
#include "model/fill.h"
#include "model/fixed_point.h"
#include "model/side.h"
#include "model/symbol.h"
#include "model/time.h"

namespace stonks {

struct Trade {
  Symbol symbol;
  Side side = Side::kBuy;  // kBuy: a long trade, kSell: a short one
  Quantity qty = 0;        // every share opened, which is every share closed
  Timestamp entry_at{};    // the first fill that opened it
  Price entry_price;       // volume-weighted over the opening fills
  Timestamp exit_at{};     // the fill that brought the position back to 0
  Price exit_price;        // volume-weighted over the closing fills
  Money fees;              // every fill's fee, a flipping fill's split by quantity
  Money pnl;               // exact: closing notional - opening notional (the other way for shorts) - fees
  bool operator==(const Trade&) const = default;
};

struct TradeList {
  std::vector<Trade> closed;         // in the order they closed (fill order)
  std::vector<Symbol> open_symbols;  // whose position was not flat after the last fill, in ticker order
};

// Walks `fills` (in fill order, every symbol starting flat): a trade opens
// when a symbol's position leaves 0 and closes when it returns to 0; a fill
// that crosses 0 closes one trade and opens the next with the rest, its fee
// split in proportion to the quantities (rounded half away from zero on the
// closing part, the rest on the opening one).
TradeList trades_from_fills(const ChunkedVector<Fill>& fills);

}  // namespace stonks
