// PositionSizing: how many shares a built-in strategy opens a position with,
// a fixed quantity or a percentage of the engine's equity.
#pragma once

#include "core/engine_state.h"
#include "model/fixed_point.h"
#include "model/order_intent.h"
#include "model/status.h"
#include "strategy/strategy_params.h"

namespace stonks {

// The two sizing parameters every built-in strategy takes, at most one of
// them given. Neither: a fixed kDefaultQty, which qty's table row cannot
// give as its default (it would then always be there beside equity_pct).
inline constexpr Quantity kDefaultQty = 1;
inline constexpr ParamDef kQtyParam =
    absent_means(integer_param("qty", 1, OrderIntent::kMaxQuantity), "1 share unless equity_pct is given");
inline constexpr ParamDef kEquityPctParam =
    absent_means(decimal_above("equity_pct", 0, 100 * fixed_point::kScale), "instead of qty");

class PositionSizing {
 public:
  // From checked values: qty shares, equity_pct percent of equity, or
  // kDefaultQty shares when neither is given; both is kInvalidArgument
  // naming params.equity_pct.
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
