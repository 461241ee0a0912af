// Feed freshness: the newest quote across tickers.
#include "imgui_ui/model/feed_freshness.h"

#include <algorithm>

namespace stonks::ui {

FeedFreshness feed_freshness(const MarketState& market, Timestamp now, Duration stale_after) {
  std::optional<Timestamp> newest;
  for (const auto& [symbol, quote] : market.quotes())
    if (!newest || quote.at > *newest) newest = quote.at;
  if (!newest) return FeedFreshness{std::nullopt, true};
  const Duration age = std::max(now - *newest, Duration(0));
  return FeedFreshness{age, age > stale_after};
}

}  // namespace stonks::ui
