// BacktestRunner: replays bars through a journaled engine and the strategies
// switched on for their symbols, as fast as possible or N bars at a time.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <vector>

#include "backtest/backtest_config.h"
#include "backtest/backtest_report.h"
#include "backtest/equity_curve.h"
#include "execution/paper_broker.h"
#include "journal/engine_store.h"
#include "journal/storage.h"
#include "strategy/strategy.h"

namespace stonks {

// One strategy switched on for one symbol: it sees that symbol's bars only.
struct SymbolStrategy {
  Symbol symbol;
  std::unique_ptr<Strategy> strategy;
};

struct ReplayProgress {
  std::size_t bars_done = 0;
  std::size_t bars_total = 0;
  double bars_per_second = 0;  // over the caller's elapsed time; 0 before any has passed
};

// Owns a PaperBroker and an EngineStore (paper mode, auto-approval on) on the
// caller's Storage, which must be empty: a backtest starts from nothing.
// Each bar, in time order across symbols (replay_order.h): time passes
// (Engine::tick) when the bar's time is new, the bar goes to Engine::on_bar
// (which fills orders working from earlier bars), then each strategy of the
// bar's symbol, in the order given, sees the bar and its intents are
// submitted with the bar's end time as `now`, through risk like any order.
// After the last bar of each time the equity curve gets a point.
//
// Deterministic: the same bars, strategies and config give the same journal
// byte for byte, and the same curve and fills. Reads no clock; the caller
// supplies elapsed time for progress(). Not thread-safe; `storage` must
// outlive the runner.
class BacktestRunner {
 public:
  // Sets the engine up at the first bar's time (the config, then the
  // starting cash). kInvalidArgument for no bars or two bars of a symbol
  // with the same time (field "bars", e.g. from two files), a bad
  // config (its field), cash outside 0 < cash <= 1e12 ("starting_cash"), or
  // a strategy for a symbol without bars ("strategies"); kConflict when the
  // storage already holds a journal; storage errors as they come.
  static Result<std::unique_ptr<BacktestRunner>> open(Storage& storage, std::vector<Bar> bars,
                                                      std::vector<SymbolStrategy> strategies, BacktestConfig config);

  BacktestRunner(const BacktestRunner&) = delete;
  BacktestRunner& operator=(const BacktestRunner&) = delete;

  // Replays up to `max_bars` more bars, then makes the journal durable. A
  // command the engine refuses (a strategy's malformed intent, a storage
  // failure) stops the replay for good: it is returned now and by every
  // later step(), and progress().bars_done is the index (in bars()) of the
  // bar it happened at.
  Status step(std::size_t max_bars);
  // Every remaining bar.
  Status run() { return step(bars_.size()); }
  bool done() const { return next_ == bars_.size(); }
  ReplayProgress progress(double elapsed_seconds) const;

  // The report over the bars replayed so far.
  BacktestReport report() const { return make_report(config_.starting_cash, curve_, state().fills); }
  const EquityCurve& equity_curve() const { return curve_; }
  const EngineState& state() const { return store_->engine().state(); }
  // The bars in replay order.
  const std::vector<Bar>& bars() const { return bars_; }

 private:
  BacktestRunner(std::vector<Bar> bars, BacktestConfig config) : bars_(std::move(bars)), config_(std::move(config)) {}
  Status replay_one();

  PaperBroker broker_;  // before store_: the engine holds it until the store goes
  std::unique_ptr<EngineStore> store_;
  std::vector<Bar> bars_;
  BacktestConfig config_;
  std::map<Symbol, std::vector<std::unique_ptr<Strategy>>> strategies_;
  std::size_t next_ = 0;
  EquityCurve curve_;
  Status failure_;
};

}  // namespace stonks
