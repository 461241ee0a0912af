// MarketState: the latest quote and a short price history per symbol, as the
// engine has seen them through quote and bar events.
#pragma once

#include <deque>
#include <optional>
#include <utility>
#include <vector>

#include "model/fixed_point.h"
#include "model/market_data.h"
#include "model/symbol.h"
#include "model/symbol_map.h"
#include "model/time.h"

namespace stonks {

class MarketState {
 public:
  // How much history each symbol keeps for the price-shock guard; older
  // points are dropped as new ones arrive.
  static constexpr Duration kMaxHistory = std::chrono::hours(1);
  using History = std::deque<std::pair<Timestamp, Price>>;

  // Rebuilds a market state from its stored fields (snapshots): what
  // quotes(), last_prices() and histories() returned. Takes them as they are.
  static MarketState restore(SymbolMap<Quote> quotes, SymbolMap<Price> last_prices, SymbolMap<History> histories);

  void apply_quote(const Quote& q);
  void apply_bar(const Bar& b);

  const Quote* quote(const Symbol& s) const;
  // The mark used for risk and P&L: the quote's mid, else the last bar close.
  std::optional<Price> last_price(const Symbol& s) const;
  // The price points seen for `s` at or after `since`, oldest first.
  std::vector<std::pair<Timestamp, Price>> history_since(const Symbol& s, Timestamp since) const;

  const SymbolMap<Quote>& quotes() const { return quotes_; }
  // Every symbol's mark (quote mid or bar close, whichever came last).
  const SymbolMap<Price>& last_prices() const { return last_price_; }
  // Every symbol's price history, oldest first.
  const SymbolMap<History>& histories() const { return history_; }

  bool operator==(const MarketState&) const = default;

 private:
  void record(const Symbol& s, Timestamp at, Price p);

  SymbolMap<Quote> quotes_;
  SymbolMap<Price> last_price_;
  SymbolMap<History> history_;
};

}  // namespace stonks
