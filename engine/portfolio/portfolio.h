// Portfolio: cash, positions and P&L, changed only by deposits and fills.
#pragma once

#include <cstdint>

#include "market/market_state.h"
#include "model/fill.h"
#include "model/fixed_point.h"
#include "model/symbol_map.h"
#include "portfolio/position.h"

namespace stonks {

class Portfolio {
 public:
  // Every stored field of a portfolio, for restore() (snapshots).
  struct Fields {
    Money cash;
    Money deposits;
    Money realized_pnl;
    Money fees_paid;
    SymbolMap<Position> positions;  // flat ones included: they keep their realized P&L
    std::int64_t day = 0;
    Money day_start_equity;
    Money day_deposits;
  };
  // Rebuilds a portfolio from its stored fields, taking them as they are.
  static Portfolio restore(Fields fields);

  // Adds cash. Not profit: day P&L leaves out what was deposited today.
  void deposit(Money amount) {
    cash_ += amount;
    deposits_ += amount;
    day_deposits_ += amount;
  }

  // Books a fill: cash moves by the notional and the fee; the position's
  // quantity and cost basis change; closing quantity realizes P&L against the
  // average cost. A fill that crosses zero closes first, then opens the rest.
  // Returns the P&L this fill realized (negative: a losing exit).
  Money apply_fill(const Fill& fill);
  // The P&L apply_fill(fill) would realize, without booking it.
  Money realized_by(const Fill& fill) const;

  // Starts a new trading day: day P&L counts from `equity_now`.
  void start_day(std::int64_t day, Money equity_now) {
    day_ = day;
    day_start_equity_ = equity_now;
    day_deposits_ = Money();
  }

  Money cash() const { return cash_; }
  Money deposits() const { return deposits_; }
  Money realized_pnl() const { return realized_pnl_; }
  Money fees_paid() const { return fees_paid_; }
  std::int64_t day() const { return day_; }
  Money day_start_equity() const { return day_start_equity_; }
  const SymbolMap<Position>& positions() const { return positions_; }
  // Position in `s`; a flat one when nothing is held.
  Position position(const Symbol& s) const;

  // Valuations at the market's marks; a symbol without a mark counts at
  // cost. Each walks every position (Valuation keeps them incrementally).
  Money market_value(const MarketState& m) const;
  Money unrealized_pnl(const MarketState& m) const;
  Money equity(const MarketState& m) const { return equity_at(market_value(m)); }
  Money gross_exposure(const MarketState& m) const;
  Money short_market_value(const MarketState& m) const;  // positive magnitude
  Money day_pnl(const MarketState& m) const { return day_pnl_at(market_value(m)); }
  // The same, given the positions' total market value.
  Money equity_at(Money market_value) const { return cash_ + market_value; }
  Money day_pnl_at(Money market_value) const { return equity_at(market_value) - day_start_equity_ - day_deposits_; }
  Money day_deposits() const { return day_deposits_; }

  bool operator==(const Portfolio&) const = default;

 private:
  // Moves `pos` by `fill` and returns the realized P&L; the one place the
  // close-then-open rule lives.
  static Money book_fill(Position& pos, const Fill& fill);

  Money cash_;
  Money deposits_;
  Money realized_pnl_;
  Money fees_paid_;
  SymbolMap<Position> positions_;
  std::int64_t day_ = 0;
  Money day_start_equity_;
  Money day_deposits_;
};

}  // namespace stonks
