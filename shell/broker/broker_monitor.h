// BrokerMonitor: what the network worker learned of the broker itself -- the
// link, latency, rate budget, account and positions -- for GET /api/broker.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "alpaca_client.h"
#include "api/broker_status.h"

namespace stonks::alpaca {

// Thread-safety: every call from any thread (the worker writes, the engine
// thread reads a copy).
class BrokerMonitor {
 public:
  // After each trading-API request: no answer or a 5xx is a failure (the
  // link is failing from the first of a run of them, with the broker's
  // message); any other answer connects it, with its round trip and rate
  // headers. `now` is the wall clock.
  void request_ended(const AlpacaReply& reply, Timestamp now);
  void account_seen(const BrokerAccount& account, Timestamp now);
  void positions_seen(std::vector<BrokerPosition> positions, Timestamp now);
  // An answer that could not be read: the last figures stand, the error is shown.
  void unreadable(const std::string& what, Timestamp now);

  BrokerStatus status() const;

 private:
  mutable std::mutex mu_;
  BrokerStatus status_;
};

}  // namespace stonks::alpaca
