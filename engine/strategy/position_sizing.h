// PositionSizing: how many shares a built-in strategy opens a position with,
// a fixed quantity or a percentage of the engine's equity.
#pragma once

#include "core/engine_state.h"
#include "model/fixed_point.h"
#include "model/order_intent.h"
#include "model/status.h"
#include "strategy/strategy_params.h"

namespace stonks {

// The two sizing parameters every built-in strategy takes; exactly one of
// them must be given.
inline constexpr ParamDef kQtyParam = integer_param("qty", 1, OrderIntent::kMaxQuantity);
inline constexpr ParamDef kEquityPctParam = decimal_above("equity_pct", 0, 100 * fixed_point::kScale);

class PositionSizing {
 public:
  // From checked values holding exactly one of qty and equity_pct; otherwise
  // kInvalidArgument naming params.qty (neither) or params.equity_pct (both).
  static Result<PositionSizing> from(const ParamValues& values);

  // Shares for a new position at `close`: the fixed quantity, or
  // floor(equity * pct / 100 / close) with the equity at the state's marks
  // (zero when the equity is not positive), capped at the largest order.
  Quantity shares(const EngineState& state, Price close) const;

 private:
  PositionSizing(Quantity qty, std::int64_t pct_micros) : qty_(qty), pct_micros_(pct_micros) {}

  Quantity qty_ = 0;             // the fixed quantity, or 0
  std::int64_t pct_micros_ = 0;  // the equity percentage when qty_ is 0
};

}  // namespace stonks
