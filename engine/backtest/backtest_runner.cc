#include "backtest/backtest_runner.h"

#include <set>

#include "backtest/replay_order.h"

namespace stonks {
namespace {

constexpr const char* kActor = "backtest";

}  // namespace

Result<std::unique_ptr<BacktestRunner>> BacktestRunner::open(Storage& storage, std::vector<Bar> bars,
                                                             std::vector<SymbolStrategy> strategies,
                                                             BacktestConfig config) {
  if (bars.empty()) return Status::invalid_argument("no bars to replay", "bars");
  if (Status st = validate(config.risk); !st.is_ok()) return st;
  if (config.starting_cash <= Money() || config.starting_cash > Money::from_units(1'000'000'000'000))
    return Status::invalid_argument("starting cash must be above 0 and at most 1e12", "starting_cash");
  std::set<Symbol> with_bars;
  for (const Bar& b : bars) with_bars.insert(b.symbol);
  for (const SymbolStrategy& s : strategies)
    if (!with_bars.count(s.symbol))
      return Status::invalid_argument("a strategy is switched on for " + s.symbol.str() + ", which has no bars",
                                      "strategies");

  sort_for_replay(bars);
  for (std::size_t i = 1; i < bars.size(); ++i)
    if (bars[i].at == bars[i - 1].at && bars[i].symbol == bars[i - 1].symbol)
      return Status::invalid_argument("two bars of " + bars[i].symbol.str() + " end at " + format_iso8601(bars[i].at),
                                      "bars");
  config.risk.operator_approval.auto_approve_paper = true;
  std::unique_ptr<BacktestRunner> r(new BacktestRunner(std::move(bars), std::move(config)));
  for (SymbolStrategy& s : strategies) r->strategies_[s.symbol].push_back(std::move(s.strategy));

  EngineStoreOptions options;
  options.sync_each_batch = false;  // group commit: step() flushes once
  options.snapshot_every = 0;       // a replay is read back from its journal, never resumed
  options.event_log_window = 1024;  // the journal holds the history; memory stays flat
  Result<std::unique_ptr<EngineStore>> store = EngineStore::open(storage, r->broker_, options);
  if (!store.is_ok()) return store.status();
  if (!(*store)->recovery().fresh) return Status::conflict("the storage already holds a journal");
  r->store_ = std::move(store).value();

  Engine& engine = r->store_->engine();
  const Timestamp start = r->bars_.front().at;
  if (Status st = engine.update_config(r->config_.risk, kActor, start).status(); !st.is_ok()) return st;
  if (Status st = engine.deposit(r->config_.starting_cash, kActor, start); !st.is_ok()) return st;
  if (Status st = r->store_->flush(); !st.is_ok()) return st;
  return r;
}

Status BacktestRunner::replay_one() {
  Engine& engine = store_->engine();
  const Bar& bar = bars_[next_];
  const Timestamp now = bar.at;
  if (next_ == 0 || bars_[next_ - 1].at != now) {
    if (Status st = engine.tick(now); !st.is_ok()) return st;
  }
  if (Status st = engine.on_bar(bar, now); !st.is_ok()) return st;
  if (auto it = strategies_.find(bar.symbol); it != strategies_.end()) {
    for (const std::unique_ptr<Strategy>& s : it->second) {
      for (const OrderIntent& intent : s->on_bar(bar, StrategyContext{engine.state(), now})) {
        Result<Order> order = engine.submit_order(intent, now);
        if (!order.is_ok()) return order.status();
      }
    }
  }
  ++next_;
  if (done() || bars_[next_].at != now) {
    const EngineState& st = engine.state();
    // Prices are positive, so a gross exposure above zero means some position is open.
    curve_.push_back(
        EquityPoint{now, st.portfolio.equity_at(st.valuation.market_value()), st.valuation.gross_exposure() > Money()});
  }
  return Status::ok();
}

Status BacktestRunner::step(std::size_t max_bars) {
  if (!failure_.is_ok()) return failure_;
  for (std::size_t i = 0; i < max_bars && !done() && failure_.is_ok(); ++i) failure_ = replay_one();
  if (failure_.is_ok()) failure_ = store_->flush();
  return failure_;
}

ReplayProgress BacktestRunner::progress(double elapsed_seconds) const {
  ReplayProgress p;
  p.bars_done = next_;
  p.bars_total = bars_.size();
  if (elapsed_seconds > 0) p.bars_per_second = static_cast<double>(next_) / elapsed_seconds;
  return p;
}

}  // namespace stonks
