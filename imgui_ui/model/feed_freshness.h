// Whether the market feed is fresh: the age of the newest quote the engine
// holds, stale past a limit the operator sets (the status strip's amber).
#pragma once

#include <chrono>
#include <optional>

#include "market/market_state.h"
#include "model/time.h"

namespace stonks::ui {

struct FeedFreshness {
  std::optional<Duration> age;  // nullopt: no quote yet
  bool stale = false;           // no quote yet, or the newest is older than the limit
};

inline constexpr int kDefaultStaleAfterSeconds = 10;

// The newest quote's age at `now` (never negative) and whether it is past
// `stale_after`: a quote exactly `stale_after` old is still fresh.
FeedFreshness feed_freshness(const MarketState& market, Timestamp now, Duration stale_after);

}  // namespace stonks::ui
