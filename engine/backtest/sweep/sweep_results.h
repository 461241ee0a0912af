// A sweep's results: each combination's numbers as the report prints them
// (hundredths), ranked, and written to and read back from sweep.csv, so that
// the shards of a sweep merged rank exactly as the whole sweep run at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backtest/report/backtest_report.h"
#include "model/fixed_point.h"
#include "model/status.h"

namespace stonks {

// A replay's numbers in hundredths, rounded half away from zero from the
// report's: what report_percent and report_ratio print (12.34% is 1234).
struct SweepMetrics {
  int trades = 0;
  std::int64_t return_pct = 0;  // total return
  std::int64_t sharpe = 0;
  std::int64_t drawdown_pct = 0;  // max drawdown, >= 0
  std::int64_t win_rate_pct = 0;
  Money final_equity;  // to the cent
  bool operator==(const SweepMetrics&) const = default;
};

SweepMetrics sweep_metrics(const BacktestReport& report);
// A metric as sweep.csv and the table print it: 1234 -> "12.34", -5 -> "-0.05".
std::string hundredths_text(std::int64_t hundredths);

struct SweepRow {
  std::size_t combination = 0;      // SweepGrid's number
  std::vector<std::string> values;  // one per swept key
  SweepMetrics in_sample;           // the whole replay without a split
  std::optional<SweepMetrics> out_of_sample;
  bool operator==(const SweepRow&) const = default;
};

enum class SweepRank { kSharpe, kReturn, kDrawdown };

// "sharpe", "return" or "drawdown"; kInvalidArgument naming "--rank" otherwise.
Result<SweepRank> parse_sweep_rank(std::string_view text);

// Best first by the in-sample metric (Sharpe and return high, drawdown low),
// equal ones by combination number.
void rank_sweep(std::vector<SweepRow>& rows, SweepRank rank);

struct SweepTable {
  std::vector<std::string> keys;  // the swept parameters, in axis order
  std::size_t combinations = 0;   // in the whole grid, every shard's included
  bool split = false;             // rows carry out-of-sample numbers
  std::vector<SweepRow> rows;
  bool operator==(const SweepTable&) const = default;
};

// Header "combination,of,<keys...>,trades,return_pct,sharpe,max_drawdown_pct,
// win_rate_pct,final_equity" (then the same five with "oos_" when split),
// one row per entry in the order given, numbers as the report prints them.
std::string sweep_csv(const SweepTable& table);
// The reverse; kInvalidArgument "LINE: reason" for a text sweep_csv did not write.
Result<SweepTable> parse_sweep_csv(std::string_view text);

// The shards' tables as one: the same keys, grid size and split in all, no
// combination twice (kInvalidArgument otherwise), ranked.
Result<SweepTable> merge_sweeps(std::vector<SweepTable> shards, SweepRank rank);

// The first `max_rows` rows (ranked already) as an aligned text table.
std::string sweep_text(const SweepTable& table, std::size_t max_rows);

}  // namespace stonks
