// Valuation: the portfolio's totals at the market's marks (market value,
// unrealized P&L, gross exposure, short market value). The engine keeps one
// current by refreshing a single symbol whenever a quote, bar or fill touches
// it, so a risk check reads four numbers instead of walking every position
// on every order.
#pragma once

#include "market/market_state.h"
#include "model/fixed_point.h"
#include "model/symbol.h"
#include "model/symbol_map.h"
#include "portfolio/position.h"

namespace stonks {

class Portfolio;

// The price a position is valued at: the market's mark, or its average cost
// when the market has no price for it.
Price mark_price(const Symbol& s, const Position& p, const MarketState& m);

class Valuation {
 public:
  // Values every position from scratch.
  static Valuation of(const Portfolio& p, const MarketState& m);

  // Re-values one symbol after its position or its price changed.
  void refresh(const Symbol& s, const Portfolio& p, const MarketState& m);

  Money market_value() const { return total_.market_value; }
  Money unrealized_pnl() const { return total_.unrealized_pnl; }
  Money gross_exposure() const { return total_.gross_exposure; }
  Money short_market_value() const { return total_.short_market_value; }  // positive magnitude

  // Equal when the totals and every held symbol's part are; the zero part a
  // symbol keeps after its position went flat counts as absent.
  bool operator==(const Valuation& o) const;

 private:
  struct Part {
    Money market_value;
    Money unrealized_pnl;
    Money gross_exposure;
    Money short_market_value;
    bool operator==(const Part&) const = default;
  };
  static Part part_of(const Symbol& s, const Position& p, const MarketState& m);
  void add(const Part& part, int sign);

  // Symbols that have held a position. One that goes flat keeps a zero part
  // rather than leave the map: a desk flattens and reopens the same symbols
  // all day, and each erase and re-add rebuilt the map's index (5% of the
  // pipeline's time).
  SymbolMap<Part> parts_;
  Part total_;
};

}  // namespace stonks
