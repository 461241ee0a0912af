// The backtest report's chart as one SVG document: price candles with the
// fills marked, and the equity curve with its drawdown shaded.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "backtest/report/backtest_report.h"
#include "backtest/report/report_candles.h"
#include "core/chunked_vector.h"
#include "model/fill.h"

namespace stonks {

// Plain SVG 1.1 text, no scripts or external references; the same inputs
// give the same text (coordinates with one decimal). From the top: a header line (the report's
// span, final equity, net P&L, fills); one price panel per entry of
// `prices` (at most kReportMaxPricePanels), every candle of its series with
// price and time tick labels, and each fill of that symbol as a marker at
// its price and PriceCandles::fill_time(fill.at): a green up-triangle for a
// buy, a red down-triangle for a sell, its tip on the price; last the equity panel,
// report.equity_curve as a line with the fall below its running peak shaded.
// All geometry comes from CandleChart and LineChart.
//
// Element classes a reader (or a test) can count: `panel price` (one <g>
// per price panel, with data-symbol) and `panel curve` (the equity panel);
// `candle up` / `candle down` (one <g> per candle); `marker buy` / `marker
// sell` (one <path> per fill shown; a fill older than the oldest candle kept
// is not); `equity` (the line); `drawdown` (the shading); `tick` (axis labels).
std::string report_svg(const BacktestReport& report, const std::vector<PriceCandles>& prices,
                       const ChunkedVector<Fill>& fills);

}  // namespace stonks
