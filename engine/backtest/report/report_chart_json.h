// The backtest report's price chart on the wire: per symbol the candles
// stonks-backtest draws in report.svg and the fills marked on them, so the
// desk's Replay view draws the same chart from /api/backtest.
#pragma once

#include <deque>
#include <vector>

#include <nlohmann/json.hpp>

#include "backtest/backtest_runner.h"
#include "backtest/report/report_candles.h"
#include "chart/candle_series.h"
#include "core/chunked_vector.h"
#include "model/fill.h"
#include "model/status.h"

namespace stonks {

// A fill as the chart marks it: at PriceCandles::fill_time, not the bar's end.
struct ChartFill {
  Timestamp at{};
  Price price;
  Side side = Side::kBuy;
  bool operator==(const ChartFill&) const = default;
};

struct PriceChart {
  Symbol symbol;
  Duration candle_length{0};
  std::deque<Candle> candles;
  std::vector<ChartFill> fills;  // those of the symbol no older than the first candle, in time order
  bool operator==(const PriceChart&) const = default;
};

// The first kReportMaxPricePanels entries of `prices` with their fills.
std::vector<PriceChart> price_charts(const std::vector<PriceCandles>& prices, const ChunkedVector<Fill>& fills);
// The same for a finished replay: the candles it folded its bars into.
std::vector<PriceChart> price_charts(const BacktestRunner& runner);

// [{"symbol": "AAPL", "candle_seconds": 86400,
//   "candles": [{"start": "2026-...Z", "open": "1.00", "high", "low", "close"}, ...],
//   "fills": [{"at": "2026-...Z", "price": "1.00", "side": "buy"}, ...]}, ...]
nlohmann::json price_charts_json(const std::vector<PriceChart>& charts);
// The reverse; kInvalidArgument naming the field ("price_charts[0].candles[3].high") when malformed.
Result<std::vector<PriceChart>> parse_price_charts(const nlohmann::json& value);

}  // namespace stonks
