// RiskEngine: runs every pre-trade check in a fixed order and reports all
// denials, not just the first.
#pragma once

#include <vector>

#include "model/order_intent.h"
#include "risk/risk_check_set.h"
#include "risk/risk_checks.h"

namespace stonks {

struct RiskResult {
  std::vector<Reason> denials;  // empty: the order passed
  RiskCheckSet passed;          // bit i: check i passed
  Money notional;               // at the reference price; zero without one

  bool ok() const { return denials.empty(); }
};

// Evaluates `o` against every check. Pure: same inputs, same result.
RiskResult evaluate_risk(const RiskContext& ctx, const OrderIntent& o);

}  // namespace stonks
