// The Market view: the watch of every quoted ticker (sortable, filtered)
// beside the selected ticker's candle chart with our fills and lockouts.
#pragma once

#include "chart/chart_layout.h"
#include "imgui_ui/desk_context.h"
#include "imgui_ui/model/desk_history.h"
#include "imgui_ui/model/market_rows.h"
#include "imgui_ui/model/ticker_fills.h"

namespace stonks::ui {

class MarketView {
 public:
  void draw(DeskContext& ctx);

  // Remembered across reloads (the desk's settings).
  char filter[16] = {};
  CandleLength length = CandleLength::k1m;
  int stale_after_seconds = 10;

 private:
  void draw_watch(DeskContext& ctx, float width);
  void draw_chart(DeskContext& ctx);

  MarketColumn sort_column_ = MarketColumn::kTicker;
  bool ascending_ = true;
  ChartWindow window_;
  std::string charted_;  // the ticker window_ belongs to
  TickerFills fills_;    // each ticker's fills: the chart's markers
};

}  // namespace stonks::ui
