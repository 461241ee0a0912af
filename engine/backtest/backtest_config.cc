#include "backtest/backtest_config.h"

namespace stonks {

RiskConfig backtest_risk_config() {
  RiskConfig c;
  RiskLimits& l = c.limits;
  const Money wide = Money::from_units(100'000'000'000);
  l.max_order_notional = wide;
  l.max_position_notional = wide;
  l.max_gross_exposure = wide;
  l.max_daily_loss = wide;
  l.max_open_orders = 10'000;
  l.max_orders_per_window = 1'000'000;
  l.rate_window_seconds = 1;
  l.allow_short = true;
  c.guards.cooldown_after_fill_seconds = 0;
  c.guards.cooldown_after_loss_seconds = 0;
  c.guards.price_shock_bps = 0;
  return c;
}

}  // namespace stonks
