// BacktestConfig: what a backtest starts from, with risk defaults suited to
// replaying history (docs/backtest.md, "Risk in a backtest").
#pragma once

#include "config/risk_config.h"
#include "model/fixed_point.h"

namespace stonks {

// The engine's RiskConfig with what a desk needs and a replay does not
// taken out of the way: notional, exposure and daily-loss limits at 1e11
// (buying power still binds), 10,000 open orders, a throttle of 1,000,000
// orders a second, shorting allowed (a strategy's short option needs it),
// and the cooldown and price-shock guards off (a historic gap would lock
// the symbol for the rest of a fast replay). Every other check is on.
RiskConfig backtest_risk_config();

struct BacktestConfig {
  Money starting_cash = Money::from_units(100'000);  // deposited before the first bar; 0 < cash <= 1e12
  // Validated like any config. operator_approval.auto_approve_paper is
  // forced on: a backtest has no operator to approve its orders.
  RiskConfig risk = backtest_risk_config();
};

}  // namespace stonks
