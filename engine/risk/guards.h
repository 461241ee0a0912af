// System guards: the rules that lock a symbol without the operator — news
// shocks, price shocks and cooldowns. Pure: they say what lockout to create;
// the engine creates it.
#pragma once

#include <optional>
#include <string>

#include "config/risk_config.h"
#include "market/market_state.h"
#include "model/fixed_point.h"
#include "model/market_data.h"
#include "risk/lockout.h"

namespace stonks {

struct GuardLockout {
  Symbol symbol;
  LockoutSource source;
  std::string reason;
  Duration duration;
  bool operator==(const GuardLockout&) const = default;
};

// News at or above the severity threshold locks the symbol, unless a
// news-shock lockout is already active for it.
std::optional<GuardLockout> news_shock_guard(const GuardConfig& g, const NewsEvent& news, const LockoutBook& book,
                                             Timestamp now);

// A price at `now` that moved more than price_shock_bps from any price seen in
// the window locks the symbol (as a news_shock), unless one is already active.
// `market` must already hold the new price.
std::optional<GuardLockout> price_shock_guard(const GuardConfig& g, const Symbol& s, const MarketState& market,
                                              const LockoutBook& book, Timestamp now);

// After a fill: a losing exit (realized < 0) starts the loss cooldown; any
// fill starts the fill cooldown; the longer applies. Nothing when a cooldown
// is already active or both are off.
std::optional<GuardLockout> cooldown_guard(const GuardConfig& g, const Symbol& s, Money realized,
                                           const LockoutBook& book, Timestamp now);

}  // namespace stonks
