// ReportCandles: the price candles of the backtest report's chart, folded
// from each symbol's bars as they stream, in the finest candle length of a
// ladder that shows the whole replay in at most kReportMaxCandles candles.
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <vector>

#include "chart/candle_series.h"
#include "model/market_data.h"
#include "model/symbol.h"
#include "model/symbol_map.h"
#include "model/time.h"

namespace stonks {

inline constexpr std::size_t kReportMaxCandles = 300;
// Price panels a report charts at most; symbols past these (in ticker order) are left out.
inline constexpr std::size_t kReportMaxPricePanels = 8;

// The moment a bar is charted at: its last instant (`at` is its end), so a
// daily bar ending at midnight sits in the candle of its own day.
inline Timestamp chart_time(Timestamp bar_end) { return bar_end - Duration(1); }

// One symbol's candles for the chart.
struct PriceCandles {
  Symbol symbol;
  CandleSeries series;
  Duration bar_length{0};  // the shortest spacing of its bars; 0 for a lone bar

  // Where a fill made on the bar ending at `fill_at` (a backtest fills at
  // bar ends) is marked: the middle of that bar, capped at the candle
  // length; the bar's last instant when its length is unknown. So a fill
  // sits on its bar's candle, not on the edge after it.
  Timestamp fill_time(Timestamp fill_at) const {
    const Duration half = std::min(bar_length, series.length()) / 2;
    return fill_at - std::max(half, Duration(1));
  }
};

// Folds every bar into candles of every length of a ladder at once (1 s, 5 s,
// 15 s, 30 s, 1 min, 5 min, 15 min, 30 min, 1 h, 4 h, 1 d, 7 d, 30 d, 91 d,
// 365 d), each bounded at kReportMaxCandles; a length is given up (and its
// memory freed) as soon as it needs more. So no bar is kept, and memory is
// a few thousand candles per symbol at most. Not thread-safe.
class ReportCandles {
 public:
  ReportCandles();

  // Folds `bar` at chart_time(bar.at) into its symbol's candles. Bars of one
  // symbol must come in time order (replay order does); an earlier one is
  // dropped, as CandleSeries drops it.
  void add(const Bar& bar);

  // Per symbol, in ticker order: the candles of the finest length that is
  // at least the symbol's shortest spacing of consecutive bars (so daily bars
  // make day candles or longer, never one-second ones) and that covers all
  // its bars in at most kReportMaxCandles candles. When even 365 d needs
  // more, its newest kReportMaxCandles.
  std::vector<PriceCandles> candles() const;

  // Per symbol, the shortest spacing of its consecutive bar times: the bar
  // length a report takes for it (0 for a lone bar).
  std::map<Symbol, Duration> bar_lengths() const;

 private:
  struct Rung {
    CandleSeries series;
    std::size_t opened = 0;  // candles ever opened, dropped ones included
    bool given_up = false;
  };
  struct PerSymbol {
    std::vector<Rung> rungs;  // in ladder order
    Timestamp last{};
    bool any = false;
    Duration min_spacing{0};  // 0 until two bar times are seen
  };

  SymbolMap<PerSymbol> symbols_;  // looked up per bar
};

}  // namespace stonks
