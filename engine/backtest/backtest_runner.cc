#include "backtest/backtest_runner.h"

namespace stonks {
namespace {

constexpr const char* kActor = "backtest";
constexpr std::int64_t kMicrosPerDay = 86'400'000'000;

}  // namespace

Result<std::unique_ptr<BacktestRunner>> BacktestRunner::open(Storage* storage, std::unique_ptr<BarSource> bars,
                                                             std::vector<SymbolStrategy> strategies,
                                                             BacktestConfig config) {
  if (Status st = validate(config.risk); !st.is_ok()) return st;
  if (config.starting_cash <= Money() || config.starting_cash > Money::from_units(1'000'000'000'000))
    return Status::invalid_argument("starting cash must be above 0 and at most 1e12", "starting_cash");
  config.risk.operator_approval.auto_approve_paper = true;
  std::unique_ptr<BacktestRunner> r(new BacktestRunner(std::move(bars), std::move(config)));
  for (SymbolStrategy& s : strategies) r->strategies_[s.symbol].push_back(std::move(s.strategy));

  if (storage == nullptr) {
    r->bare_ = std::make_unique<Engine>(r->broker_, nullptr);
    r->engine_ = r->bare_.get();
    return r;
  }
  EngineStoreOptions options;
  options.sync_each_batch = false;  // group commit: step() flushes once
  options.snapshot_every = 0;       // a replay is read back from its journal, never resumed
  options.event_log_window = 1024;  // the journal holds the history; memory stays flat
  Result<std::unique_ptr<EngineStore>> store = EngineStore::open(*storage, r->broker_, options);
  if (!store.is_ok()) return store.status();
  if (!(*store)->recovery().fresh) return Status::conflict("the storage already holds a journal");
  r->store_ = std::move(store).value();
  r->engine_ = &r->store_->engine();
  return r;
}

void BacktestRunner::close_bar_time() {
  const EngineState& st = engine_->state();
  // Prices are positive, so a gross exposure above zero means some position is open.
  equity_.add(EquityPoint{last_.at, st.portfolio.equity_at(st.valuation.market_value()),
                          st.valuation.gross_exposure() > Money()});
}

Status BacktestRunner::replay(const Bar& bar) {
  const Timestamp now = bar.at;
  const bool first = !have_last_;
  if (!first && (now < last_.at || (now == last_.at && !(last_.symbol < bar.symbol)))) {
    if (now == last_.at && bar.symbol == last_.symbol)
      return Status::invalid_argument("two bars of " + bar.symbol.str() + " end at " + format_iso8601(now), "bars");
    return Status::invalid_argument("bars are not in replay order: " + bar.symbol.str() + " at " + format_iso8601(now) +
                                        " after " + last_.symbol.str() + " at " + format_iso8601(last_.at),
                                    "bars");
  }
  if (first) {
    if (Status st = engine_->update_config(config_.risk, kActor, now).status(); !st.is_ok()) return st;
    if (Status st = engine_->deposit(config_.starting_cash, kActor, now); !st.is_ok()) return st;
  } else if (now != last_.at) {
    close_bar_time();
  }
  const bool new_time = first || now != last_.at;
  last_ = bar;
  have_last_ = true;
  if (new_time) {
    if (Status st = engine_->tick(now); !st.is_ok()) return st;
  }
  if (Status st = engine_->on_bar(bar, now); !st.is_ok()) return st;
  if (auto it = strategies_.find(bar.symbol); it != strategies_.end()) {
    for (const std::unique_ptr<Strategy>& s : it->second) {
      for (const OrderIntent& intent : s->on_bar(bar, StrategyContext{engine_->state(), now})) {
        Result<Order> order = engine_->submit_order(intent, now);
        if (!order.is_ok()) return order.status();
      }
    }
  }
  candles_.add(bar);
  midnight_bars_ = midnight_bars_ && micros_since_epoch(now) % kMicrosPerDay == 0;
  ++bars_done_;
  return Status::ok();
}

Status BacktestRunner::step(std::size_t max_bars) {
  if (!failure_.is_ok() || done_) return failure_;
  Bar bar;
  for (std::size_t i = 0; i < max_bars && failure_.is_ok(); ++i) {
    Result<bool> got = bars_->next(bar);
    if (!got.is_ok()) {
      failure_ = got.status();
      break;
    }
    if (!*got) {
      if (!have_last_) {
        failure_ = Status::invalid_argument("no bars to replay", "bars");
        break;
      }
      close_bar_time();
      done_ = true;
      break;
    }
    failure_ = replay(bar);
    if (!failure_.is_ok()) failed_bar_ = bar;
  }
  if (failure_.is_ok() && store_) failure_ = store_->flush();
  return failure_;
}

Status BacktestRunner::run() {
  while (!done_)
    if (Status st = step(1 << 16); !st.is_ok()) return st;
  return Status::ok();
}

ReplayProgress BacktestRunner::progress(double elapsed_seconds) const {
  ReplayProgress p;
  p.bars_done = bars_done_;
  p.bars_total = bars_->total();
  if (elapsed_seconds > 0) p.bars_per_second = static_cast<double>(bars_done_) / elapsed_seconds;
  return p;
}

BacktestReport BacktestRunner::report() const {
  return make_report(equity_, state().fills, ReportTimes{candles_.bar_lengths(), midnight_bars_});
}

}  // namespace stonks
