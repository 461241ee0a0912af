// SmaCrossover ("sma"): trades the crossing of a fast and a slow simple
// moving average of closes. Long-only by default: buys when the fast average
// crosses above the slow one, sells the position when it crosses below; with
// allow_short the downward cross also opens a short of the position size.
#pragma once

#include <string>
#include <vector>

#include "strategy/moving_average.h"
#include "strategy/position_sizing.h"
#include "strategy/strategy.h"
#include "strategy/strategy_params.h"

namespace stonks {

class SmaCrossover final : public Strategy {
 public:
  static constexpr const char* kName = "sma";
  // 1 <= fast < slow <= 10000 (the order is checked by params_from).
  static constexpr ParamDef kParams[] = {
      with_default(integer_param("fast", 1, 9'999), "10"),
      with_default(integer_param("slow", 2, 10'000), "30"),
      with_default(flag_param("allow_short"), "false"),
      kQtyParam,
      kEquityPctParam,
  };

  struct Params {
    int fast = 0;
    int slow = 0;
    bool allow_short = false;
    PositionSizing sizing;
  };
  // From values checked against kParams; kInvalidArgument naming params.slow
  // unless slow > fast, or the sizing field (see PositionSizing::from).
  static Result<Params> params_from(const ParamValues& values);

  SmaCrossover(Symbol symbol, Params params);

  const std::string& name() const override { return name_; }

  // Once both windows are full, the bar's relation (fast above, below or
  // equal to slow) is compared with the last side fast was on: the first
  // side seen is only recorded, and an equal bar keeps the side it had, so
  // equality is never a cross. Cross above: buy size shares, plus the short
  // if there is one; nothing if already long. Cross below: sell the long
  // position, plus size shares with allow_short; nothing if already short
  // or, long-only, flat. The position is the engine's (a manual trade
  // counts); a cross while an order of this strategy is open in the symbol
  // sends nothing.
  std::vector<OrderIntent> on_bar(const Bar& bar, const StrategyContext& ctx) override;

 private:
  const std::string name_ = kName;
  const std::string source_;
  Symbol symbol_;
  Params params_;
  MovingAverage fast_;
  MovingAverage slow_;
  int side_ = 0;  // the last relation (fast against slow) other than equal; 0 before any
};

}  // namespace stonks
