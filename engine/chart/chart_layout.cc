// Chart layouts: scales, visible ranges and ticks.
#include "chart/chart_layout.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include "chart/axis_ticks.h"

namespace stonks {
namespace {

// Room above and below the data, as a share of its range, so wicks and the
// line never touch the frame.
constexpr double kPad = 0.06;

// [lo, hi] widened by kPad, and by at least one cent when flat.
std::pair<std::int64_t, std::int64_t> padded(std::int64_t lo, std::int64_t hi) {
  const std::int64_t pad = std::max<std::int64_t>(static_cast<std::int64_t>((hi - lo) * kPad), 10'000);
  return {lo - pad, hi + pad};
}

}  // namespace

ChartWindow settle_window(ChartWindow w, std::size_t total) {
  const double n = static_cast<double>(total);
  w.span = std::clamp(w.span, ChartWindow::kMinSpan, std::max(n, ChartWindow::kMinSpan));
  if (w.follow) w.first = n - w.span;
  w.first = std::clamp(w.first, std::min(0.0, n - w.span), std::max(0.0, n - w.span));
  return w;
}

ChartWindow zoom_window(ChartWindow w, double factor, double anchor, std::size_t total) {
  w = settle_window(w, total);
  const double span =
      std::clamp(w.span * factor, ChartWindow::kMinSpan, std::max(static_cast<double>(total), ChartWindow::kMinSpan));
  if (!w.follow) w.first = anchor - (anchor - w.first) * (span / w.span);
  w.span = span;
  return settle_window(w, total);
}

ChartWindow pan_window(ChartWindow w, double candles, std::size_t total) {
  w = settle_window(w, total);
  w.follow = false;
  w.first += candles;
  w = settle_window(w, total);
  if (w.first + w.span >= static_cast<double>(total) - 1e-9) w.follow = true;
  return w;
}

CandleChart::CandleChart(const std::deque<Candle>& series, ChartBox plot, ChartWindow window, int max_price_ticks,
                         int max_time_ticks)
    : series_(series), plot_(plot), window_(settle_window(window, series.size())) {
  const double n = static_cast<double>(series.size());
  begin_ = static_cast<std::size_t>(std::clamp(std::floor(window_.first), 0.0, n));
  end_ = static_cast<std::size_t>(std::clamp(std::ceil(window_.first + window_.span), 0.0, n));
  if (begin_ >= end_) return;
  for (std::size_t i = 1; i < series.size(); ++i) {
    const Duration d = series[i].start - series[i - 1].start;
    if (length_.count() == 0 || d < length_) length_ = d;
  }
  std::int64_t lo = series[begin_].low.micros(), hi = series[begin_].high.micros();
  for (std::size_t i = begin_; i < end_; ++i) {
    lo = std::min(lo, series[i].low.micros());
    hi = std::max(hi, series[i].high.micros());
  }
  const auto [plo, phi] = padded(lo, hi);
  low_ = Price::from_micros(plo);
  high_ = Price::from_micros(phi);

  const float half = std::max(0.5f, static_cast<float>(plot.w / window_.span) * 0.35f);
  marks_.reserve(end_ - begin_);
  for (std::size_t i = begin_; i < end_; ++i) {
    const Candle& c = series[i];
    marks_.push_back(CandleMark{i, x_of_index(static_cast<double>(i)), half, y_of(c.open), y_of(c.close), y_of(c.high),
                                y_of(c.low), c.close >= c.open});
  }
  for (std::int64_t v : nice_ticks(plo, phi, max_price_ticks))
    price_ticks_.push_back(AxisTick{y_of(Price::from_micros(v)), Price::from_micros(v).to_string()});
  // Time labels sit on the first visible candle at or after each tick time.
  const TimeTicks t = stonks::time_ticks(series[begin_].start, series[end_ - 1].start, max_time_ticks);
  std::size_t last = end_;
  for (Timestamp at : t.at) {
    const auto it = std::lower_bound(series.begin() + static_cast<std::ptrdiff_t>(begin_),
                                     series.begin() + static_cast<std::ptrdiff_t>(end_), at,
                                     [](const Candle& c, Timestamp v) { return c.start < v; });
    const std::size_t i = static_cast<std::size_t>(it - series.begin());
    if (i >= end_ || i == last) continue;
    last = i;
    time_ticks_.push_back(AxisTick{x_of_index(static_cast<double>(i)), time_tick_label(series[i].start, t.step)});
  }
}

float CandleChart::x_of_index(double index) const {
  return plot_.x + static_cast<float>((index - window_.first + 0.5) / window_.span) * plot_.w;
}

double CandleChart::index_at(float x) const {
  return window_.first + static_cast<double>((x - plot_.x) / plot_.w) * window_.span - 0.5;
}

float CandleChart::y_of(Price p) const {
  const double range = static_cast<double>(high_.micros() - low_.micros());
  if (range <= 0) return plot_.y + plot_.h / 2;
  return plot_.y + static_cast<float>((high_.micros() - p.micros()) / range) * plot_.h;
}

Price CandleChart::price_at(float y) const {
  const double range = static_cast<double>(high_.micros() - low_.micros());
  return Price::from_micros(high_.micros() - std::llround(static_cast<double>((y - plot_.y) / plot_.h) * range));
}

std::optional<std::size_t> CandleChart::candle_at(float x) const {
  const double i = std::round(index_at(x));
  if (i < static_cast<double>(begin_) || i >= static_cast<double>(end_)) return std::nullopt;
  return static_cast<std::size_t>(i);
}

std::optional<float> CandleChart::x_of_time(Timestamp t) const {
  if (begin_ >= end_) return std::nullopt;
  const auto first = series_.begin() + static_cast<std::ptrdiff_t>(begin_);
  const auto last = series_.begin() + static_cast<std::ptrdiff_t>(end_);
  auto it = std::upper_bound(first, last, t, [](Timestamp v, const Candle& c) { return v < c.start; });
  if (it == first) return std::nullopt;
  --it;
  const std::size_t i = static_cast<std::size_t>(it - series_.begin());
  // Past the candle's own length is a gap after it, not the candle (a lone
  // candle, whose length is unknown, puts marks at its centre).
  const Duration bucket = length_;
  if (bucket.count() > 0 && t - it->start >= bucket) return std::nullopt;
  const double within = bucket.count() > 0 ? static_cast<double>((t - it->start).count()) / bucket.count() : 0.5;
  return x_of_index(static_cast<double>(i) - 0.5 + within);
}

float CandleChart::x_of_time_clamped(Timestamp t) const {
  if (begin_ >= end_) return plot_.x;
  if (t < series_[begin_].start) return plot_.x;
  if (std::optional<float> x = x_of_time(t)) return std::clamp(*x, plot_.x, plot_.x + plot_.w);
  // In a gap or past the last visible candle: the edge of the candle before it.
  const auto it = std::upper_bound(series_.begin() + static_cast<std::ptrdiff_t>(begin_),
                                   series_.begin() + static_cast<std::ptrdiff_t>(end_), t,
                                   [](Timestamp v, const Candle& c) { return v < c.start; });
  const double i = static_cast<double>(it - series_.begin());
  return std::clamp(x_of_index(i - 0.5), plot_.x, plot_.x + plot_.w);
}

LineChart::LineChart(const std::vector<SeriesPoint>& points, ChartBox plot, int max_value_ticks, int max_time_ticks)
    : plot_(plot) {
  if (points.empty()) return;
  t0_ = points.front().at;
  t1_ = points.back().at;
  std::int64_t lo = points.front().value, hi = lo;
  for (const SeriesPoint& p : points) {
    lo = std::min(lo, p.value);
    hi = std::max(hi, p.value);
  }
  std::tie(low_, high_) = padded(lo, hi);
  std::int64_t peak = points.front().value;
  const std::size_t columns = std::max<std::size_t>(1, static_cast<std::size_t>(plot.w));
  const bool thin = points.size() > columns * 2;
  points_.reserve(thin ? columns + 1 : points.size());
  int column = -1;
  for (const SeriesPoint& p : points) {
    peak = std::max(peak, p.value);
    const LinePoint lp{x_of(p.at), y_of(p.value), y_of(peak)};
    const int c = static_cast<int>(lp.x - plot.x);
    if (thin && c == column) {
      if (lp.y > points_.back().y) points_.back() = lp;  // the column's lowest value
      points_.back().peak_y = lp.peak_y;
      continue;
    }
    column = c;
    points_.push_back(lp);
  }
  for (std::int64_t v : nice_ticks(low_, high_, max_value_ticks))
    value_ticks_.push_back(AxisTick{y_of(v), Money::from_micros(v).to_string()});
  const TimeTicks t = stonks::time_ticks(t0_, t1_, max_time_ticks);
  for (Timestamp at : t.at) time_ticks_.push_back(AxisTick{x_of(at), time_tick_label(at, t.step)});
}

float LineChart::y_of(std::int64_t value) const {
  const double range = static_cast<double>(high_ - low_);
  if (range <= 0) return plot_.y + plot_.h / 2;
  return plot_.y + static_cast<float>((high_ - value) / range) * plot_.h;
}

float LineChart::x_of(Timestamp t) const {
  const double range = static_cast<double>((t1_ - t0_).count());
  if (range <= 0) return plot_.x + plot_.w;
  return plot_.x + static_cast<float>((t - t0_).count() / range) * plot_.w;
}

}  // namespace stonks
