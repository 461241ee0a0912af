// The backtest report as text for a terminal, CSV for the trades and the
// equity curve, and JSON: the same characters from every build.
#pragma once

#include <string>

#include "backtest/report/backtest_report.h"

namespace stonks {

// One number format for the text and the CSVs: money to the cent (rounded
// half away from zero), prices as given, ratios and percentages with 2
// decimals, durations in days with 1. Times are ISO-8601, or dates
// (YYYY-MM-DD) when the report is daily: a trade's times are its bars'
// starts (the date of the bar), an equity point's its bar's end (the date
// of the day it closes).
std::string report_money(Money m);
std::string report_ratio(double x);           // 1.23
std::string report_percent(double fraction);  // 0.0123 -> 1.23%
std::string report_days(Duration d);          // 1.5 days
// A moment a bar starts at, or (bar_end) one it ends at.
std::string report_time(const BacktestReport& report, Timestamp bar_start);
std::string report_bar_end(const BacktestReport& report, Timestamp bar_end);

// "2026-01-05 .. 2026-01-14": from the first bar's start to the last's end
// (the last bar's date, when daily).
std::string report_range(const BacktestReport& report);

// Labelled lines, then a row per symbol with fills.
std::string report_text(const BacktestReport& report);

// Header "symbol,side,qty,entry_time,entry_price,exit_time,exit_price,fees,pnl",
// then one row per closed trade; side is "long" or "short".
std::string trades_csv(const BacktestReport& report);

// Header "time,equity", then one row per point of the (thinned) curve.
std::string equity_csv(const BacktestReport& report);

// One object of the report's numbers (not the trades or the curve), whether
// it is daily (so a viewer prints dates as report_time does), and its
// "per_symbol" rows: money as exact decimal strings, times as ISO-8601,
// ratios as numbers with at most 6 decimals, the drawdown's length in whole
// seconds. For programs, so exact rather than rounded. Ends in a newline.
std::string report_json(const BacktestReport& report);

}  // namespace stonks
