// RiskEngine: runs every pre-trade check in a fixed order and reports all
// denials, not just the first.
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <vector>

#include "model/order_intent.h"
#include "risk/risk_checks.h"

namespace stonks {

// How many checks evaluate_risk runs; check i is named risk_check_name(i).
inline constexpr std::size_t kRiskCheckCount = 15;
// The name of check `i` (below kRiskCheckCount) as the API shows it, e.g. "buying_power".
const char* risk_check_name(std::size_t i);

struct RiskResult {
  std::vector<Reason> denials;          // empty: the order passed
  std::bitset<kRiskCheckCount> passed;  // bit i: check i passed (bits, not names: no allocation per order)
  Money notional;                       // at the reference price; zero without one

  bool ok() const { return denials.empty(); }
  // The names of the checks that passed, in check order.
  std::vector<std::string> passed_names() const;
};

// Evaluates `o` against every check. Pure: same inputs, same result.
RiskResult evaluate_risk(const RiskContext& ctx, const OrderIntent& o);

}  // namespace stonks
