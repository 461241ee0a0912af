// The command line of stonks-backtest, parsed without touching any file.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backtest/sweep/sweep_grid.h"
#include "backtest/sweep/sweep_results.h"
#include "model/fixed_point.h"
#include "model/status.h"
#include "model/symbol.h"
#include "model/time.h"

namespace stonks {

// One --strategy with the --param flags that followed it.
struct StrategyArg {
  std::string name;
  std::optional<Symbol> only;  // NAME@TICKER: that symbol only; otherwise every symbol of the data
  std::vector<std::pair<std::string, std::string>> params;
};

struct BacktestArgs {
  bool help = false;
  std::vector<std::string> csv_files;
  std::optional<Symbol> symbol;  // for files without a Symbol column
  Duration bar_length{0};        // 0: times are bar ends
  std::vector<StrategyArg> strategies;
  Money cash = Money::from_units(100'000);
  int slippage_bps = 0;
  int fee_bps = 0;
  Money fee_per_fill;
  std::string out_dir;      // empty: print only (a sweep: sweep.csv in the current directory)
  std::string journal_dir;  // empty: no journal

  // A sweep: every combination of these, one replay each (sweep.h).
  std::vector<SweepAxis> sweeps;
  SweepRank rank = SweepRank::kSharpe;
  std::int64_t split_micros = 0;  // 0 < split < 1e6 (0.7 is 700000); 0: no split
  int shard = 0;                  // --shard K/N: the K-th (1-based) of N slices; 0: all
  int shards = 0;
  int workers = 0;                       // 0: one per core
  std::vector<std::string> merge_files;  // --merge: rank these sweep.csv files as one
};

// kInvalidArgument naming the flag ("--cash") for an unknown flag, a
// missing or malformed value, a --param before any --strategy or without
// '=', no --csv, or no --strategy (neither is needed with --merge, which
// takes no replay flags), or --split, --shard or --workers without
// --sweep. `--help` anywhere gives help = true and nothing else is checked.
Result<BacktestArgs> parse_backtest_args(const std::vector<std::string>& args);

// What --help prints: every flag.
std::string backtest_usage();

}  // namespace stonks
