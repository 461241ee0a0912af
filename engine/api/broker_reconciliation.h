// Broker reconciliation: what a live broker says the account holds, beside
// what the engine's state says, and every difference between the two. Pure:
// a host fetches the broker's view; this only compares. A difference is
// reported to the operator, never resolved here: neither side overwrites the
// other.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/engine_state.h"
#include "model/fixed_point.h"
#include "model/symbol.h"

namespace stonks {

struct BrokerAccount {
  Money cash;
  Money buying_power;
  Money equity;
  bool operator==(const BrokerAccount&) const = default;
};

struct BrokerPosition {
  Symbol symbol;
  Quantity qty = 0;  // < 0 short
  Price avg_entry_price;
  Money market_value;  // at the broker's mark, signed like qty
  bool operator==(const BrokerPosition&) const = default;
};

// What the broker last answered; a part is absent until it answered once.
struct BrokerHoldings {
  std::optional<BrokerAccount> account;
  std::optional<std::vector<BrokerPosition>> positions;  // one per symbol held; flat ones are absent
  bool operator==(const BrokerHoldings&) const = default;
};

struct BrokerDifference {
  enum class Kind { kCash, kPosition };
  Kind kind = Kind::kCash;
  Symbol symbol;  // kPosition
  Money engine_cash, broker_cash;
  Quantity engine_qty = 0, broker_qty = 0;  // kPosition

  // "cash: engine 98999, broker 100000" / "AAPL: engine holds 10, broker 15".
  std::string describe() const;
  bool operator==(const BrokerDifference&) const = default;
};

// Cash first (exact: fixed point, no tolerance), then one difference per
// symbol whose quantity differs, in symbol order; a part the broker has not
// answered yet is not compared. Empty when the two agree.
std::vector<BrokerDifference> reconcile(const EngineState& state, const BrokerHoldings& broker);

}  // namespace stonks
