#include "strategy/position_sizing.h"

#include <algorithm>

#include "strategy/wide_int.h"

namespace stonks {

Result<PositionSizing> PositionSizing::from(const ParamValues& values) {
  const bool qty = values.has(kQtyParam.key), pct = values.has(kEquityPctParam.key);
  if (qty && pct) return Status::invalid_argument("must not be given together with qty", param_field("equity_pct"));
  if (pct) return PositionSizing(0, values.at(kEquityPctParam.key));
  return PositionSizing(qty ? values.at(kQtyParam.key) : kDefaultQty, 0);
}

Quantity PositionSizing::shares(const EngineState& state, Price close) const {
  if (qty_ > 0) return qty_;
  const Money equity = state.portfolio.equity_at(state.valuation.market_value());
  if (equity.micros() <= 0 || close.micros() <= 0) return 0;
  // equity and pct are micro-units, so the 10^6 of each and the /100 meet
  // the close's own 10^6 as one divisor; both products fit 128 bits.
  const Int128 shares = static_cast<Int128>(equity.micros()) * pct_micros_ /
                        (static_cast<Int128>(close.micros()) * 100 * fixed_point::kScale);
  return static_cast<Quantity>(std::min<Int128>(shares, OrderIntent::kMaxQuantity));
}

}  // namespace stonks
