// Position: what is held in one symbol. Cost is tracked as exact money so that
// cash + cost basis - realized P&L + fees always equals what was deposited.
#pragma once

#include "model/fixed_point.h"
#include "model/symbol.h"

namespace stonks {

struct Position {
  Symbol symbol;
  Quantity qty = 0;    // > 0 long, < 0 short
  Money cost_basis;    // signed: qty * average cost, exact (negative for shorts)
  Money realized_pnl;  // realized in this symbol since the account opened

  // Average cost per share; zero when flat.
  Price avg_cost() const {
    if (qty == 0) return Price();
    // Shorts carry a negative cost for a negative quantity; the average is positive.
    return qty > 0 ? average_price(cost_basis, qty) : average_price(-cost_basis, -qty);
  }
  Money market_value(Price mark) const { return saturating_notional(mark, qty); }
  Money unrealized_pnl(Price mark) const { return market_value(mark) - cost_basis; }
  bool operator==(const Position&) const = default;
};

}  // namespace stonks
