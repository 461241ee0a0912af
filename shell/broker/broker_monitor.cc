#include "broker_monitor.h"

namespace stonks::alpaca {

void BrokerMonitor::request_ended(const AlpacaReply& reply, Timestamp now) {
  std::lock_guard lock(mu_);
  BrokerStatus& s = status_;
  if (!reply.answered || reply.status >= 500) {
    if (s.link != BrokerStatus::Link::kFailing) s.failing_since = now;
    s.link = BrokerStatus::Link::kFailing;
    s.last_error = reply.describe();
    s.last_error_at = now;
  } else {
    s.link = BrokerStatus::Link::kConnected;
    s.failing_since.reset();
    if (reply.status == 429) {
      s.last_error = reply.describe();
      s.last_error_at = now;
    }
  }
  if (reply.answered) s.latency_ms = reply.latency.count();
  if (reply.rate_limit && reply.rate_remaining && reply.rate_reset)
    s.rate = BrokerStatus::RateBudget{*reply.rate_limit, *reply.rate_remaining,
                                      Timestamp(std::chrono::seconds(*reply.rate_reset))};
}

void BrokerMonitor::account_seen(const BrokerAccount& account, Timestamp now) {
  std::lock_guard lock(mu_);
  status_.holdings.account = account;
  status_.holdings_at = now;
}

void BrokerMonitor::positions_seen(std::vector<BrokerPosition> positions, Timestamp now) {
  std::lock_guard lock(mu_);
  status_.holdings.positions = std::move(positions);
  status_.holdings_at = now;
}

void BrokerMonitor::unreadable(const std::string& what, Timestamp now) {
  std::lock_guard lock(mu_);
  status_.last_error = what;
  status_.last_error_at = now;
}

BrokerStatus BrokerMonitor::status() const {
  std::lock_guard lock(mu_);
  return status_;
}

}  // namespace stonks::alpaca
