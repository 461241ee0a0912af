// SweepSession: /api/backtest/sweep's run, stonks-backtest --sweep beside
// the desk: every combination of the swept parameters replayed one after
// another over the CSV's bars (parsed once, held sorted and shared by the
// runs; with a split, in- then out-of-sample), a bounded number of bars per
// call, and ranked as the CLI ranks them. Each run is a BacktestRunner
// without storage, like the replay's: the desk never sees it.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_types.h"
#include "backtest/backtest_runner.h"
#include "backtest/sweep/sweep_grid.h"
#include "backtest/sweep/sweep_results.h"
#include "model/time.h"
#include "sandbox/replay_pacing.h"
#include "strategy/strategy_registry.h"

namespace stonks {

class SweepSession {
 public:
  // A browser runs the combinations one after another: more than this is
  // the CLI's work (its kMaxSweepCombinations, on every core).
  static constexpr std::size_t kMaxCombinations = 10'000;
  // Opening a run counts as this many bars against a call's budget, so that
  // a sweep of many runs over a few bars is paced too.
  static constexpr std::size_t kRunOpenBars = 100;

  // A POST /api/backtest/sweep body, read strictly (docs/api.md): the
  // sweep ready to run, or the 400 naming the field and nothing started.
  static std::variant<std::unique_ptr<SweepSession>, ApiResponse> start(const nlohmann::json& body);

  // As a replay at "max" (ReplayPacing): up to kMaxBarsPerAdvance bars per
  // call, or nothing while a host paces them with step_chunk().
  void advance(Duration real);
  // A host pacing the runs: replays up to `max_bars` more bars (a run
  // opened counting kRunOpenBars) and returns how many; 0 when done.
  std::size_t step_chunk(std::size_t max_bars);
  bool running() const { return next_ < grid_.size(); }
  // {"state": "running"|"done", "done", "total" (combinations), "keys",
  //  "rank", "split" (when given), "strategy" (as given), "symbols", "bars",
  //  "refused" and "refusal" (the first, when any), "rows" (ranked, when done)}.
  nlohmann::json status() const;

 private:
  SweepSession() = default;
  // Up to `max_bars` bars of runs (an opening counting kRunOpenBars); how many.
  std::size_t step(std::size_t max_bars);
  // The current combination's next replay (in-sample first).
  Status open_run();
  // The current run finished: its numbers kept, the next combination when it was the last part.
  void run_done();
  void refuse(const Status& why);
  void next_combination();

  SweepGrid grid_;
  std::vector<StrategySpec> specs_;  // one per symbol, before the combination's values
  std::shared_ptr<const std::vector<Bar>> bars_;
  std::size_t split_at_ = 0;  // the out-of-sample part's first bar; bars_->size() without a split
  BacktestConfig config_;
  SweepRank rank_ = SweepRank::kSharpe;
  nlohmann::json given_;  // rank, split, strategy and symbols as the status repeats them
  std::size_t next_ = 0;  // the combination running
  std::unique_ptr<BacktestRunner> runner_;
  std::optional<SweepMetrics> in_sample_;  // of next_, while its out-of-sample part runs
  std::vector<SweepRow> rows_;             // ranked once all ran
  std::size_t refused_ = 0;
  std::string refusal_;  // the first
  ReplayPacing pacing_;
};

}  // namespace stonks
