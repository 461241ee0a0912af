#include "sandbox/latest_event_time.h"

#include <algorithm>

namespace stonks {

Timestamp latest_event_time(const EngineState& state, const EventLog& log) {
  Timestamp t{};
  auto see = [&t](Timestamp at) { t = std::max(t, at); };
  if (!log.records().empty()) see(log.records().back().at);
  for (const auto& [symbol, quote] : state.market.quotes()) see(quote.at);
  for (const auto& [id, order] : state.orders) see(order.updated_at());
  for (const auto& [id, request] : state.approvals.all()) {
    see(request.created_at);
    if (request.decided_at) see(*request.decided_at);
  }
  for (const auto& [id, lockout] : state.lockouts.all()) {
    see(lockout.created_at);
    if (lockout.removed_at) see(*lockout.removed_at);
    if (lockout.expired) see(lockout.expires_at);  // its expiry event came at or after this
  }
  if (!state.fills.empty()) see(state.fills.back().at);
  if (!state.recent_news.empty()) see(state.recent_news.back().at);
  if (!state.config_history.empty()) see(state.config_history.back().changed_at);
  // The day the portfolio is in started no later than its DayStarted event.
  see(timestamp_from_micros(state.portfolio.day() * 86'400'000'000));
  return t;
}

}  // namespace stonks
