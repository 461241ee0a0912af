// BacktestReport: the numbers a replay is judged by, as pure functions of the
// starting cash, the equity curve and the fills (docs/backtest.md, "Report").
#pragma once

#include <cstddef>
#include <vector>

#include "backtest/equity_curve.h"
#include "backtest/trades.h"
#include "model/fill.h"
#include "model/fixed_point.h"
#include "model/time.h"

namespace stonks {

// Ratios are fractions (0.05 = 5%), computed in one fixed order and rounded
// to 6 decimals, so every build that prints them with fixed decimals prints
// the same text. Money is exact.
struct BacktestReport {
  Timestamp start{};  // the first equity point (the first bar's end time)
  Timestamp end{};    // the last one
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

  std::vector<Trade> trade_list;
  EquityCurve equity_curve;
};

// The report of a replay that started with `starting_cash` and produced
// `curve` and `fills`. An empty curve gives zeros throughout.
BacktestReport make_report(Money starting_cash, const EquityCurve& curve, const ChunkedVector<Fill>& fills);

}  // namespace stonks
