// The backtest report as text for a terminal, CSV for the trades and the
// equity curve, and JSON: the same characters from every build.
#pragma once

#include <string>

#include "backtest/backtest_report.h"

namespace stonks {

// Labelled lines: money exact, ratios as percentages with 2 decimals, the
// Sharpe ratio with 3, the drawdown's length in days with 2.
std::string report_text(const BacktestReport& report);

// Header "symbol,side,qty,entry_time,entry_price,exit_time,exit_price,fees,pnl",
// then one row per closed trade; side is "long" or "short", times ISO-8601.
std::string trades_csv(const BacktestReport& report);

// Header "time,equity", then one row per equity point.
std::string equity_csv(const BacktestReport& report);

// One object of the report's numbers (not the trades or the curve): money
// as exact decimal strings, times as ISO-8601, ratios as numbers with at
// most 6 decimals, the drawdown's length in whole seconds. Ends in a newline.
std::string report_json(const BacktestReport& report);

}  // namespace stonks
