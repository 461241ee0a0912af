// The benchmark workloads of issue 3 (order pipeline, approval path, recovery)
// and issue 10 (replay, CSV import).
// Each builds its own engine, times only the section its rate describes, then
// checks the outcome (every order filled, state recovered equal) and exits
// the process if it is not what was meant to be measured.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bench_result.h"

namespace stonks::bench {

// `orders` market orders through submit_order to fills, no sink.
BenchResult pipeline_journal_off(std::uint64_t orders);

// The same with every event journaled to a FileStorage in a fresh directory
// under `tmp_root`, committed (write + fsync) once per `commit_every` orders.
BenchResult pipeline_journal_on(std::uint64_t orders, const std::string& tmp_root, std::uint64_t commit_every);

// `intents` market orders held pending approval (auto-approve off), then
// every one approved and filled. Two results: intake and decisions.
std::vector<BenchResult> approval_path(std::uint64_t intents);

// Writes a journal of about `events` events (the pipeline's), then times
// recovering a fresh engine from it: replay of every record, and (when the
// engine can snapshot its state) newest snapshot + the records after it.
std::vector<BenchResult> recovery(std::uint64_t events, const std::string& tmp_root, std::uint64_t commit_every);

// Issue 10: a backtest of `bars` generated one-minute bars of 50 symbols
// with an SMA crossover on each, through BacktestRunner without a journal
// (as stonks-backtest runs) or to a MemoryStorage journal (bars/s).
BenchResult replay_throughput(std::uint64_t bars, bool journaled);

// The same bars as CSV text through CsvBarParser in 64 KiB chunks (bytes/s;
// details hold MB/s and bars/s).
BenchResult csv_import(std::uint64_t bars);

}  // namespace stonks::bench
