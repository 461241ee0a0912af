// RsiStrategy ("rsi"): trades Wilder's RSI of the closes (rsi.h) against an
// oversold and an overbought level. Long-only by default: buys below
// oversold and sells the position above overbought; with allow_short, the
// mirror: a short above overbought, bought back below oversold.
#pragma once

#include <string>
#include <vector>

#include "strategy/position_sizing.h"
#include "strategy/rsi.h"
#include "strategy/strategy.h"
#include "strategy/strategy_params.h"

namespace stonks {

class RsiStrategy final : public Strategy {
 public:
  static constexpr const char* kName = "rsi";
  // Wilder's own period and levels. RSI lies in [0, 100], so the levels do
  // too; oversold < overbought is checked by params_from.
  static constexpr ParamDef kParams[] = {
      with_default(integer_param("period", 2, 10'000), "14"),
      with_default(decimal_param("oversold", 0, 100 * fixed_point::kScale), "30"),
      with_default(decimal_param("overbought", 0, 100 * fixed_point::kScale), "70"),
      with_default(flag_param("allow_short"), "false"),
      kQtyParam,
      kEquityPctParam,
  };

  struct Params {
    int period = 0;
    std::int64_t oversold_micros = 0;
    std::int64_t overbought_micros = 0;
    bool allow_short = false;
    PositionSizing sizing;
  };
  // From values checked against kParams; kInvalidArgument naming
  // params.overbought unless oversold < overbought, or the sizing field
  // (see PositionSizing::from).
  static Result<Params> params_from(const ParamValues& values);

  RsiStrategy(Symbol symbol, Params params);

  const std::string& name() const override { return name_; }

  // Once there is an RSI (period changes in, not all of them 0), with the
  // position the engine's: flat and RSI < oversold buys size shares; long
  // and RSI > overbought sells the position. With allow_short: flat and
  // RSI > overbought sells size shares short; short and RSI < oversold buys
  // it back (long-only leaves a short alone). An RSI at a level is neither
  // side of it. Nothing while an order of this strategy is open in the
  // symbol.
  std::vector<OrderIntent> on_bar(const Bar& bar, const StrategyContext& ctx) override;

 private:
  const std::string name_ = kName;
  const std::string source_;
  Symbol symbol_;
  Params params_;
  Rsi rsi_;
};

}  // namespace stonks
