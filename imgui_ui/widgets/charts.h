// The desk's charts, drawn with ImGui's draw lists from engine/chart's
// layouts (the same geometry stonks-backtest writes as SVG): candles with
// wheel zoom, drag to pan, a crosshair reading the candle under the mouse,
// fill markers and shaded spans; and a line (equity) with its drawdown
// shaded. Only what is visible is drawn.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include <imgui.h>

#include "chart/chart_layout.h"

namespace stonks::ui {

struct ChartMarker {
  Timestamp at{};
  Price price;
  bool buy = true;
};
struct ChartSpan {
  Timestamp from{}, to{};
};

// What the candle chart showed this frame (the page's hooks read it).
struct CandleChartShown {
  std::size_t visible = 0;  // candles drawn
  Price low, high;          // the price axis
  std::size_t markers = 0;  // fill markers drawn
};

// "<title>: 12 candles, 99.50 to 101.20, 3 fills": what the page's hooks read.
std::string chart_summary(const std::string& title, const CandleChartShown& shown);

// Draws `series` into a region of `size` (0 width or height: the rest of
// the window); `window` is the caller's, moved by the wheel and drags.
CandleChartShown draw_candle_chart(const char* id, const std::deque<Candle>& series, ChartWindow& window, ImVec2 size,
                                   const std::vector<ChartMarker>& markers, const std::vector<ChartSpan>& spans);

// Draws `points` (time ascending) with the area between the running peak
// and the curve shaded; a crosshair reads the value under the mouse.
void draw_line_chart(const char* id, const std::vector<SeriesPoint>& points, ImVec2 size);

// A small line of recent prices in the current table cell.
void draw_sparkline(const std::vector<Price>& prices, ImVec2 size, bool up);

}  // namespace stonks::ui
