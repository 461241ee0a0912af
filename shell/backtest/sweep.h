// The CLI's sweeps: every combination of the swept parameters replayed over
// the same bars, one engine per run on a pool of threads, ranked and written
// to sweep.csv; and --merge, which ranks the sweep.csv files of a sweep's
// shards as one.
#pragma once

#include "backtest_args.h"

namespace stonks {

// The exit status: 0, 1 (the data, the strategies or a file failed) or 130
// (Ctrl-C: the runs finished so far are ranked and written).
int run_sweep(const BacktestArgs& args);
int run_merge(const BacktestArgs& args);

}  // namespace stonks
