#include "risk/guards.h"

#include <cstdlib>
#include <utility>

namespace stonks {

std::optional<GuardLockout> news_shock_guard(const GuardConfig& g, const NewsEvent& news, const LockoutBook& book,
                                             Timestamp now) {
  if (news.severity < g.news_shock_severity || g.news_shock_lockout_minutes <= 0) return std::nullopt;
  if (book.has_active(news.symbol, LockoutSource::kNewsShock, now)) return std::nullopt;
  return GuardLockout{news.symbol, LockoutSource::kNewsShock,
                      "news severity " + std::to_string(news.severity) + ": " + news.headline,
                      std::chrono::minutes(g.news_shock_lockout_minutes)};
}

std::optional<GuardLockout> price_shock_guard(const GuardConfig& g, const Symbol& s, const MarketState& market,
                                              const LockoutBook& book, Timestamp now) {
  if (g.price_shock_bps <= 0 || g.price_shock_lockout_minutes <= 0) return std::nullopt;
  std::optional<Price> last = market.last_price(s);
  if (!last) return std::nullopt;
  for (const auto& [at, then] : market.history_since(s, now - std::chrono::seconds(g.price_shock_window_seconds))) {
    if (then.micros() <= 0) continue;
    // |last - then| / then > bps / 10000, in integers.
    __int128 move = static_cast<__int128>(last->micros() - then.micros()) * 10'000;
    if (move < 0) move = -move;
    if (move > static_cast<__int128>(then.micros()) * g.price_shock_bps) {
      if (book.has_active(s, LockoutSource::kNewsShock, now)) return std::nullopt;
      return GuardLockout{s, LockoutSource::kNewsShock,
                          "price moved from " + then.to_string() + " to " + last->to_string() + " within " +
                              std::to_string(g.price_shock_window_seconds) + "s",
                          std::chrono::minutes(g.price_shock_lockout_minutes)};
    }
  }
  return std::nullopt;
}

std::optional<GuardLockout> cooldown_guard(const GuardConfig& g, const Symbol& s, Money realized,
                                           const LockoutBook& book, Timestamp now) {
  // The reason is built last: most fills trigger no cooldown, and this runs on every fill.
  const bool after_loss = realized.micros() < 0 && g.cooldown_after_loss_seconds > g.cooldown_after_fill_seconds;
  const int seconds = after_loss ? g.cooldown_after_loss_seconds : g.cooldown_after_fill_seconds;
  if (seconds <= 0 || book.has_active(s, LockoutSource::kCooldown, now)) return std::nullopt;
  std::string reason = after_loss ? "cooldown after losing exit (realized " + realized.to_string() + ")"
                                  : std::string("cooldown after fill");
  return GuardLockout{s, LockoutSource::kCooldown, std::move(reason), std::chrono::seconds(seconds)};
}

}  // namespace stonks
