// Chart layouts: where each candle, line point, tick and marker of a chart
// goes inside a rectangle, as plain numbers. The desk draws them with
// ImGui's draw lists and stonks-backtest writes them as SVG; neither
// computes a scale of its own, so the two pictures agree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "chart/candle_series.h"
#include "model/fixed_point.h"
#include "model/time.h"

namespace stonks {

// A rectangle in pixels, y growing downwards (screen and SVG alike).
struct ChartBox {
  float x = 0, y = 0, w = 0, h = 0;
};

struct AxisTick {
  float pos = 0;  // x for the time axis, y for the value axis
  std::string label;
};

// Which candles a chart shows: `first` is the index of the candle at the
// left edge (fractional, so a drag pans smoothly), `span` how many fit
// across. `follow` keeps the newest candle at the right edge as more arrive.
struct ChartWindow {
  static constexpr double kMinSpan = 10;
  static constexpr double kDefaultSpan = 80;
  double first = 0;
  double span = kDefaultSpan;
  bool follow = true;
};
// Where `w` lands for a series of `total` candles: following puts the newest
// at the right edge; otherwise `first` is kept within the series.
ChartWindow settle_window(ChartWindow w, std::size_t total);
// Zooms by `factor` (< 1 in, > 1 out) around candle index `anchor`, which
// stays under the mouse; the span stays within [kMinSpan, max(total, kMinSpan)].
// Zooming never stops following: the right edge stays where it is.
ChartWindow zoom_window(ChartWindow w, double factor, double anchor, std::size_t total);
// Pans by `candles` (positive: later); reaching the newest candle follows again.
ChartWindow pan_window(ChartWindow w, double candles, std::size_t total);

// One visible candle's geometry.
struct CandleMark {
  std::size_t index = 0;  // into the series
  float x = 0;            // centre
  float half_width = 0;
  float open_y = 0, close_y = 0, high_y = 0, low_y = 0;
  bool up = true;  // close >= open
};

class CandleChart {
 public:
  // Lays out the candles of `series` that are at least partly inside `plot`
  // under `window` (settled first). The price axis spans the visible
  // candles' lows and highs with a little room; an empty series has none.
  CandleChart(const std::deque<Candle>& series, ChartBox plot, ChartWindow window, int max_price_ticks = 6,
              int max_time_ticks = 6);

  // The visible candles: indices [begin, end) of the series.
  std::size_t begin() const { return begin_; }
  std::size_t end() const { return end_; }
  const std::vector<CandleMark>& marks() const { return marks_; }
  const std::vector<AxisTick>& price_ticks() const { return price_ticks_; }
  const std::vector<AxisTick>& time_ticks() const { return time_ticks_; }
  const ChartWindow& window() const { return window_; }
  Price low() const { return low_; }
  Price high() const { return high_; }

  float x_of_index(double index) const;
  double index_at(float x) const;
  float y_of(Price p) const;
  Price price_at(float y) const;
  // The visible candle under pixel column `x`, if any.
  std::optional<std::size_t> candle_at(float x) const;
  // Where a moment goes: inside the visible candle whose bucket holds it
  // (its position in the bucket), nullopt when no visible candle does.
  std::optional<float> x_of_time(Timestamp t) const;
  // The same, clamped to the visible candles: a moment before the first one
  // maps to the left edge, after the last to the right (shaded spans).
  float x_of_time_clamped(Timestamp t) const;

 private:
  const std::deque<Candle>& series_;
  ChartBox plot_;
  ChartWindow window_;
  std::size_t begin_ = 0, end_ = 0;
  // The candles' length: the series does not store it, so it is measured as
  // the smallest spacing of neighbours (0 for a lone candle).
  Duration length_{0};
  Price low_, high_;
  std::vector<CandleMark> marks_;
  std::vector<AxisTick> price_ticks_;
  std::vector<AxisTick> time_ticks_;
};

// A value over time (equity): x by time across the whole series, y by value.
struct SeriesPoint {
  Timestamp at{};
  std::int64_t value = 0;  // micro-units of money
  bool operator==(const SeriesPoint&) const = default;
};

struct LinePoint {
  float x = 0, y = 0;
  float peak_y = 0;  // the running peak's y: below it (y > peak_y) is drawdown
};

class LineChart {
 public:
  // Lays out `points` (time ascending) in `plot`. More points than pixel
  // columns are thinned to one per column, keeping each column's lowest, so
  // a drawdown never disappears from view.
  LineChart(const std::vector<SeriesPoint>& points, ChartBox plot, int max_value_ticks = 5, int max_time_ticks = 6);

  const std::vector<LinePoint>& points() const { return points_; }
  const std::vector<AxisTick>& value_ticks() const { return value_ticks_; }
  const std::vector<AxisTick>& time_ticks() const { return time_ticks_; }
  std::int64_t low() const { return low_; }
  std::int64_t high() const { return high_; }
  float y_of(std::int64_t value) const;
  float x_of(Timestamp t) const;

 private:
  ChartBox plot_;
  Timestamp t0_{}, t1_{};
  std::int64_t low_ = 0, high_ = 0;
  std::vector<LinePoint> points_;
  std::vector<AxisTick> value_ticks_;
  std::vector<AxisTick> time_ticks_;
};

}  // namespace stonks
