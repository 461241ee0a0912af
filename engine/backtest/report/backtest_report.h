// BacktestReport: the numbers a replay is judged by, as pure functions of the
// equity tracker and the fills (docs/backtest.md, "Report").
#pragma once

#include <cstddef>
#include <map>
#include <vector>

#include "backtest/report/equity_curve.h"
#include "backtest/report/equity_tracker.h"
#include "backtest/report/trades.h"
#include "model/fill.h"
#include "model/fixed_point.h"
#include "model/time.h"

namespace stonks {

// One symbol's part of a replay.
struct SymbolResult {
  Symbol symbol;
  std::size_t fills = 0;
  int trades = 0;  // closed
  int wins = 0;
  int losses = 0;
  bool open = false;  // its position was not flat at the end
  Money pnl;          // of its closed trades, fees taken
  Money fees;         // of all its fills
  bool operator==(const SymbolResult&) const = default;
};

// How the report tells the times of its bars: a fill on a bar happened at
// the bar's open, its start, which is its end less its length.
struct ReportTimes {
  std::map<Symbol, Duration> bar_lengths;  // per symbol (ReportCandles::bar_lengths); 0 or absent: unknown
  bool daily = false;                      // every bar ends at midnight UTC: print dates
};

// Ratios are fractions (0.05 = 5%), computed in one fixed order and rounded
// to 6 decimals, so every build that prints them with fixed decimals prints
// the same text. Money is exact.
struct BacktestReport {
  Timestamp start{};             // the first equity point (the first bar's end time)
  Timestamp end{};               // the last one
  Duration first_bar_length{0};  // the first point's shortest bar, for when the replay began
  bool daily = false;            // ReportTimes::daily
  std::size_t points = 0;
  std::size_t fills = 0;
  Money starting_equity;
  Money final_equity;
  Money net_pnl;  // final - starting
  Money fees_paid;

  double total_return = 0;            // final / starting - 1
  double cagr = 0;                    // (final / starting)^(1 / years) - 1, years of 365.25 days from start to end
  double annual_volatility = 0;       // sample stdev of daily returns x sqrt(252)
  double sharpe = 0;                  // mean / stdev of daily returns x sqrt(252), risk-free 0
  double max_drawdown = 0;            // deepest fall from a running peak, as a fraction of that peak
  Duration max_drawdown_duration{0};  // from that peak until equity regained it (or the end)
  double exposure = 0;                // share of equity points with a position open

  int trades = 0;  // closed trades
  int wins = 0;    // P&L > 0
  int losses = 0;  // P&L < 0
  int open_trades = 0;
  double win_rate = 0;  // wins / trades
  Money average_win;    // mean P&L of the wins
  Money average_loss;   // mean P&L of the losses (negative)

  std::vector<Trade> trade_list;         // entry and exit at the start of the fills' bars
  std::vector<SymbolResult> per_symbol;  // every symbol with fills, in ticker order
  EquityCurve equity_curve;              // EquityTracker::curve(): thinned past kMaxPoints
};

// The report of a replay folded into `equity` (with its starting cash) that
// produced `fills`. No points gives zeros throughout.
BacktestReport make_report(const EquityTracker& equity, const ChunkedVector<Fill>& fills, const ReportTimes& times);

}  // namespace stonks
