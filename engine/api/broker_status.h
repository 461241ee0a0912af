// BrokerStatus: what a live server knows of its broker -- the link, the
// latency, the rate budget and the broker's account and positions -- and the
// JSON of GET /api/broker, written by the server and read by the panel.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/broker_reconciliation.h"
#include "model/enum_names.h"
#include "model/status.h"
#include "model/time.h"

namespace stonks {

struct BrokerStatus {
  // kUnknown until the first request ended; kFailing while the last one got
  // no answer or a 5xx.
  enum class Link { kUnknown, kConnected, kFailing };
  Link link = Link::kUnknown;
  std::optional<Timestamp> failing_since;  // kFailing: the first failure in this run of them
  std::string last_error;                  // the newest failure, kept after the link recovers
  std::optional<Timestamp> last_error_at;
  std::optional<std::int64_t> latency_ms;  // the last answered request's round trip

  // From the X-RateLimit-* headers of the last answer that had them.
  struct RateBudget {
    std::int64_t limit = 0;
    std::int64_t remaining = 0;
    Timestamp reset{};  // when the window refills
    bool operator==(const RateBudget&) const = default;
  };
  std::optional<RateBudget> rate;

  BrokerHoldings holdings;
  std::optional<Timestamp> holdings_at;  // when the last account/positions answer came

  bool operator==(const BrokerStatus&) const = default;
};

// Answered by stonks-server itself, not the ApiRouter: only a server
// trading at a broker knows one.
inline constexpr std::string_view kBrokerStatusPath = "/api/broker";

// GET /api/broker on a server trading at a broker: {"broker": "alpaca",
// "link": {...}, "rate_limit": {...}|null, "account": {...}|null,
// "positions": [...]|null, "checked_at": ..., "differences": [...]}
// (docs/api.md). `differences` are reconcile()'s against the server's engine.
nlohmann::json broker_status_json(std::string_view broker, const BrokerStatus& status,
                                  const std::vector<BrokerDifference>& differences);

// Reads that answer back (the differences are the reader's to recompute
// against its own state). nullopt for {"broker": "paper"}: no broker to show.
// kInvalidArgument naming the field for anything else malformed.
Result<std::optional<BrokerStatus>> broker_status_from_json(const nlohmann::json& body);

template <>
struct EnumNames<BrokerStatus::Link> {
  using L = BrokerStatus::Link;
  static constexpr EnumName<L> table[] = {
      {L::kUnknown, "unknown"}, {L::kConnected, "connected"}, {L::kFailing, "failing"}};
};
template <>
struct EnumNames<BrokerDifference::Kind> {
  using K = BrokerDifference::Kind;
  static constexpr EnumName<K> table[] = {{K::kCash, "cash"}, {K::kPosition, "position"}};
};

}  // namespace stonks
