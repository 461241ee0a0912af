#include "sweep.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "backtest/backtest_runner.h"
#include "backtest/sweep/sweep_grid.h"
#include "backtest/sweep/sweep_results.h"
#include "backtest/sweep/sweep_run.h"
#include "bar_files.h"
#include "progress_line.h"
#include "replay_setup.h"
#include "strategy/strategy_registry.h"

namespace stonks {
namespace {

constexpr std::size_t kTableRows = 20;

volatile std::sig_atomic_t g_interrupted = 0;

// The first Ctrl-C stops the sweep after the runs in flight; a second one
// ends the process the usual way.
extern "C" void on_interrupt(int) {
  g_interrupted = 1;
  std::signal(SIGINT, SIG_DFL);
}

int fail(const std::string& message) {
  std::fprintf(stderr, "stonks-backtest: %s\n", message.c_str());
  return 1;
}

// The --strategy flags with combination `values` in place of (or beside)
// their own --param of the same key, for each strategy that takes the key.
std::vector<StrategyArg> with_values(std::vector<StrategyArg> strategies, const SweepValues& values) {
  for (StrategyArg& s : strategies) s.params = with_sweep_values(std::move(s.params), strategy_params(s.name), values);
  return strategies;
}

struct Outcome {
  std::optional<SweepRow> row;  // nullopt: the strategies refused the combination
  std::string refusal;
};

class Sweep {
 public:
  Sweep(const BacktestArgs& args, std::shared_ptr<const std::vector<Bar>> bars, std::set<Symbol> symbols,
        SweepGrid grid)
      : args_(args), bars_(std::move(bars)), symbols_(std::move(symbols)), grid_(std::move(grid)) {
    split_ = args.split_micros == 0 ? bars_->size() : split_index(*bars_, args.split_micros);
  }

  bool split_leaves_both_parts() const { return split_ > 0 && split_ < bars_->size(); }

  // Combination `i`: one replay, or two with a split.
  Outcome run(std::size_t i) const {
    const std::vector<std::pair<std::string, std::string>> values = grid_.combination(i);
    Outcome out;
    SweepRow row;
    row.combination = i;
    for (const auto& v : values) row.values.push_back(v.second);
    Result<SweepMetrics> in = replay(values, 0, split_);
    if (!in.is_ok()) {
      out.refusal = in.status().message();
      return out;
    }
    row.in_sample = *in;
    if (args_.split_micros != 0) {
      Result<SweepMetrics> oos = replay(values, split_, bars_->size());
      if (!oos.is_ok()) {
        out.refusal = oos.status().message();
        return out;
      }
      row.out_of_sample = *oos;
    }
    out.row = std::move(row);
    return out;
  }

 private:
  Result<SweepMetrics> replay(const std::vector<std::pair<std::string, std::string>>& values, std::size_t first,
                              std::size_t last) const {
    Result<std::vector<SymbolStrategy>> strategies = make_strategies(with_values(args_.strategies, values), symbols_);
    if (!strategies.is_ok()) return strategies.status();
    Result<std::unique_ptr<BacktestRunner>> runner =
        BacktestRunner::open(nullptr, std::make_unique<VectorBarSource>(bars_, first, last),
                             std::move(strategies).value(), backtest_config(args_));
    if (!runner.is_ok()) return runner.status();
    if (Status st = (*runner)->run(); !st.is_ok()) return st;
    return sweep_metrics((*runner)->report());
  }

  const BacktestArgs& args_;
  std::shared_ptr<const std::vector<Bar>> bars_;
  std::set<Symbol> symbols_;
  SweepGrid grid_;
  std::size_t split_ = 0;
};

Status write_text(const std::filesystem::path& path, const std::string& text) {
  if (!path.parent_path().empty()) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return Status::io_error(path.parent_path().string() + ": " + ec.message());
  }
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  if (!f) return Status::io_error(path.string() + ": cannot be written");
  return Status::ok();
}

std::filesystem::path csv_path(const BacktestArgs& args) {
  return std::filesystem::path(args.out_dir.empty() ? "." : args.out_dir) / "sweep.csv";
}

// Prints the table and writes sweep.csv.
int report(const BacktestArgs& args, const SweepTable& table) {
  std::fputs(sweep_text(table, kTableRows).c_str(), stdout);
  const std::filesystem::path path = csv_path(args);
  if (Status st = write_text(path, sweep_csv(table)); !st.is_ok()) return fail(st.message());
  std::fprintf(stderr, "stonks-backtest: %zu rows written to %s\n", table.rows.size(), path.string().c_str());
  return 0;
}

}  // namespace

int run_sweep(const BacktestArgs& args) {
  Result<SweepGrid> grid = SweepGrid::make(args.sweeps);
  if (!grid.is_ok()) return fail(grid.status().message());
  for (const SweepAxis& axis : grid->axes()) {
    bool taken = false;
    for (const StrategyArg& s : args.strategies) taken = taken || find_param(strategy_params(s.name), axis.key);
    if (!taken) return fail("--sweep " + axis.key + ": no --strategy takes that parameter");
  }
  Result<std::shared_ptr<const std::vector<Bar>>> bars =
      read_bar_files(args.csv_files, BarFileOptions{args.symbol, args.bar_length});
  if (!bars.is_ok()) return fail(bars.status().message());
  std::set<Symbol> symbols;
  for (const Bar& b : **bars) symbols.insert(b.symbol);
  if (Result<std::vector<SymbolStrategy>> check = make_strategies(args.strategies, symbols); !check.is_ok())
    return fail(check.status().message());

  SweepTable table;
  for (const SweepAxis& a : grid->axes()) table.keys.push_back(a.key);
  table.combinations = grid->size();
  table.split = args.split_micros != 0;
  const auto [first, last] = args.shard == 0 ? std::pair<std::size_t, std::size_t>{0, grid->size()}
                                             : shard_range(grid->size(), args.shard, args.shards);
  const Sweep sweep(args, std::move(bars).value(), std::move(symbols), std::move(grid).value());
  if (table.split && !sweep.split_leaves_both_parts()) return fail("--split leaves one part without bars");

  std::atomic<std::size_t> next{first};
  std::atomic<std::size_t> done{0};
  std::mutex mu;
  std::vector<std::pair<std::size_t, std::string>> refused;  // combination, why
  g_interrupted = 0;
  std::signal(SIGINT, on_interrupt);
  auto work = [&] {
    for (std::size_t i; !g_interrupted && (i = next.fetch_add(1)) < last;) {
      Outcome o = sweep.run(i);
      std::lock_guard<std::mutex> lock(mu);
      if (o.row)
        table.rows.push_back(std::move(*o.row));
      else
        refused.emplace_back(i, std::move(o.refusal));
      ++done;
    }
  };
  const std::size_t count = last - first;
  std::size_t workers =
      args.workers > 0 ? static_cast<std::size_t>(args.workers) : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min(workers, std::max<std::size_t>(count, 1));
  std::vector<std::thread> pool;
  for (std::size_t w = 0; w < workers; ++w) pool.emplace_back(work);
  ProgressLine progress;
  while (done.load() < count && !g_interrupted) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    progress.show(done.load(), count, "runs");
  }
  for (std::thread& t : pool) t.join();
  progress.clear();
  std::signal(SIGINT, SIG_DFL);

  if (!refused.empty()) {
    std::sort(refused.begin(), refused.end());
    std::fprintf(stderr, "stonks-backtest: %zu combinations refused by the strategies, e.g. #%zu: %s\n", refused.size(),
                 refused.front().first, refused.front().second.c_str());
  }
  rank_sweep(table.rows, args.rank);
  const int status = report(args, table);
  if (g_interrupted) {
    std::fprintf(stderr, "stonks-backtest: stopped by Ctrl-C after %zu of %zu runs; sweep.csv has those\n", done.load(),
                 count);
    return 130;
  }
  return status;
}

int run_merge(const BacktestArgs& args) {
  std::vector<SweepTable> shards;
  for (const std::string& path : args.merge_files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(path + ": cannot be opened");
    std::stringstream text;
    text << in.rdbuf();
    Result<SweepTable> t = parse_sweep_csv(text.str());
    if (!t.is_ok()) return fail(path + ":" + t.status().message());
    shards.push_back(std::move(t).value());
  }
  Result<SweepTable> merged = merge_sweeps(std::move(shards), args.rank);
  if (!merged.is_ok()) return fail(merged.status().message());
  if (merged->rows.size() < merged->combinations)
    std::fprintf(stderr, "stonks-backtest: the files hold %zu of the sweep's %zu combinations\n", merged->rows.size(),
                 merged->combinations);
  return report(args, *merged);
}

}  // namespace stonks
