// BacktestRunner: replays bars through an engine and the strategies switched
// on for their symbols, as fast as possible or N bars at a time.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "backtest/backtest_config.h"
#include "backtest/bars/bar_source.h"
#include "backtest/report/backtest_report.h"
#include "backtest/report/equity_tracker.h"
#include "backtest/report/report_candles.h"
#include "core/engine.h"
#include "execution/paper_broker.h"
#include "journal/engine_store.h"
#include "journal/storage.h"
#include "model/symbol_map.h"
#include "strategy/strategy.h"

namespace stonks {

// One strategy switched on for one symbol: it sees that symbol's bars only.
struct SymbolStrategy {
  Symbol symbol;
  std::unique_ptr<Strategy> strategy;
};

struct ReplayProgress {
  std::size_t bars_done = 0;
  std::optional<std::size_t> bars_total;  // when the source knows it
  double bars_per_second = 0;             // over the caller's elapsed time; 0 before any has passed
};

// Owns a PaperBroker and an engine (paper mode, auto-approval on), journaled
// to the caller's Storage when one is given (it must be empty: a backtest
// starts from nothing), else keeping no journal at all. Each bar, pulled
// from the BarSource in replay order: time passes (Engine::tick) when the
// bar's time is new, the bar goes to Engine::on_bar (which fills orders
// working from earlier bars), then each strategy of the bar's symbol, in the
// order given, sees the bar and its intents are submitted with the bar's end
// time as `now`, through risk like any order. When a bar time is over the
// equity tracker gets its point.
//
// What it holds does not grow with the bars: the engine's state (orders and
// fills grow with the trades), the EquityTracker, the report's candles and
// one bar. The engine is set up (config, then the starting cash) at the
// first bar's time.
//
// Deterministic: the same bars, strategies and config give the same journal
// byte for byte, and the same curve and fills. Reads no clock; the caller
// supplies elapsed time for progress(). Not thread-safe; runners share
// nothing, so a sweep runs one per thread. `storage` must outlive the runner.
class BacktestRunner {
 public:
  // kInvalidArgument for a bad config (its field) or cash outside
  // 0 < cash <= 1e12 ("starting_cash"); kConflict when the storage already
  // holds a journal; storage errors as they come.
  static Result<std::unique_ptr<BacktestRunner>> open(Storage* storage, std::unique_ptr<BarSource> bars,
                                                      std::vector<SymbolStrategy> strategies, BacktestConfig config);

  BacktestRunner(const BacktestRunner&) = delete;
  BacktestRunner& operator=(const BacktestRunner&) = delete;

  // Replays up to `max_bars` more bars, then makes the journal durable. A
  // failure stops the replay for good: it is returned now and by every later
  // step(), and failed_at() is the bar it happened at unless the source
  // failed (its error names where). Failures: the
  // source's (a bad CSV row), a command the engine refuses (a strategy's
  // malformed intent, a storage failure), two bars of one symbol at one time
  // (kInvalidArgument, field "bars"), or no bars at all (the same).
  Status step(std::size_t max_bars);
  // Every remaining bar.
  Status run();
  bool done() const { return done_; }
  ReplayProgress progress(double elapsed_seconds) const;
  // The bar a failure happened at: nullopt unless the replay of a bar failed.
  const std::optional<Bar>& failed_at() const { return failed_bar_; }

  // The report over the bars replayed so far.
  BacktestReport report() const;
  const EquityTracker& equity() const { return equity_; }
  const ReportCandles& candles() const { return candles_; }
  const EngineState& state() const { return engine_->state(); }

 private:
  BacktestRunner(std::unique_ptr<BarSource> bars, BacktestConfig config)
      : bars_(std::move(bars)), config_(std::move(config)), equity_(config_.starting_cash) {}
  Status replay(const Bar& bar);
  // The equity point of the bar time just over.
  void close_bar_time();

  PaperBroker broker_;                  // before the engine: it holds the broker until it goes
  std::unique_ptr<EngineStore> store_;  // with a journal
  std::unique_ptr<Engine> bare_;        // without one
  Engine* engine_ = nullptr;            // store_'s or bare_
  std::unique_ptr<BarSource> bars_;
  BacktestConfig config_;
  SymbolMap<std::vector<std::unique_ptr<Strategy>>> strategies_;  // looked up per bar
  std::size_t bars_done_ = 0;
  Bar last_;  // the bar replayed last, when have_last_
  bool have_last_ = false;
  std::optional<Bar> failed_bar_;
  bool done_ = false;
  EquityTracker equity_;
  ReportCandles candles_;
  bool midnight_bars_ = true;  // every bar ends at midnight UTC: a daily report prints dates
  Status failure_;
};

}  // namespace stonks
