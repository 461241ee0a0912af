// MeanReversion ("mean_reversion"): trades the z-score of the close against
// the rolling mean and standard deviation of the last `window` closes. Enters
// long below -entry and exits above -exit; with allow_short, the mirror: a
// short above +entry, bought back below +exit.
#pragma once

#include <string>
#include <vector>

#include "strategy/position_sizing.h"
#include "strategy/strategy.h"
#include "strategy/strategy_params.h"
#include "strategy/z_score.h"

namespace stonks {

class MeanReversion final : public Strategy {
 public:
  static constexpr const char* kName = "mean_reversion";
  // entry's ceiling: over n closes |z| never exceeds sqrt(n - 1) < 100, so a
  // higher threshold could never trigger (and the bound keeps the exact
  // arithmetic in range). exit < entry is checked by params_from.
  static constexpr ParamDef kParams[] = {
      with_default(integer_param("window", 2, 10'000), "20"),
      with_default(decimal_above("entry", 0, 100 * fixed_point::kScale), "2"),
      with_default(decimal_param("exit", 0, 100 * fixed_point::kScale), "0"),
      with_default(flag_param("allow_short"), "false"),
      kQtyParam,
      kEquityPctParam,
  };

  struct Params {
    int window = 0;
    std::int64_t entry_micros = 0;
    std::int64_t exit_micros = 0;
    bool allow_short = false;
    PositionSizing sizing;
  };
  // From values checked against kParams; kInvalidArgument naming params.exit
  // unless exit < entry, or the sizing field (see PositionSizing::from).
  static Result<Params> params_from(const ParamValues& values);

  MeanReversion(Symbol symbol, Params params);

  const std::string& name() const override { return name_; }

  // Once the window gives a z-score (full, its closes not all equal, none
  // above RollingZScore::kMaxCloseMicros), with z the newest close's and
  // the position the engine's: flat and z < -entry buys size shares; long
  // and z > -exit sells the position.
  // With allow_short: flat and z > entry sells size shares short; short and
  // z < exit buys it back (long-only leaves a short alone). Nothing while an
  // order of this strategy is open in the symbol.
  std::vector<OrderIntent> on_bar(const Bar& bar, const StrategyContext& ctx) override;

 private:
  const std::string name_ = kName;
  const std::string source_;
  Symbol symbol_;
  Params params_;
  RollingZScore z_;
};

}  // namespace stonks
