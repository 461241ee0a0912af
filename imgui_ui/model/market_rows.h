// The market watch's data: one row per quoted ticker with its prices, the
// change since the day's first price, and whether it is locked out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/engine_state.h"
#include "imgui_ui/model/desk_history.h"

namespace stonks::ui {

struct MarketRow {
  Symbol symbol;
  std::optional<Price> last;  // the mark (quote mid or bar close)
  std::optional<Price> bid, ask, spread;
  std::optional<Price> change;             // last - the day's first price
  std::optional<std::int64_t> change_bps;  // the same in basis points of that price
  bool locked = false;
  std::string lock_reason;  // of the lockout that ends last, with its source
};

enum class MarketColumn { kTicker, kLast, kChange, kChangePct, kBid, kAsk, kSpread };

// Every ticker the engine has a price for, filtered by `filter` (part of the
// ticker, any case), sorted by `column`.
std::vector<MarketRow> market_rows(const EngineState& state, const DeskHistory* history, Timestamp now,
                                   const std::string& filter, MarketColumn column, bool ascending);

// "+1.25%", "-0.40%", "0.00%": basis points with two decimals, exact.
std::string format_bps_percent(std::int64_t bps);
// "+1.25" or "-0.40": a signed price change.
std::string format_signed(Price p);

// The newest `max_points` prices of the engine's short history (the
// sparkline), oldest first.
std::vector<Price> recent_prices(const MarketState& market, const Symbol& symbol, std::size_t max_points);

}  // namespace stonks::ui
