// Chart layouts: the window's follow, pan and zoom clamping; the candle
// chart's visible candles, scales, ticks and time-to-x mapping; the line
// chart's drawdown peak and per-column thinning.
#include "chart/chart_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace stonks {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

Price cents(std::int64_t c) { return Price::from_micros(c * 10'000); }
std::int64_t units(std::int64_t u) { return u * 1'000'000; }

const Timestamp kBase = *parse_iso8601("2026-01-05T14:00:00Z");

// One-minute candles from kBase at the given minutes. Candle k (its position
// in the list) spans cents 100+k .. 105+k; even ones rise, odd ones fall.
std::deque<Candle> candles_at(const std::vector<int>& mins) {
  std::deque<Candle> out;
  for (std::size_t k = 0; k < mins.size(); ++k) {
    const auto i = static_cast<std::int64_t>(k);
    const bool up = k % 2 == 0;
    out.push_back(Candle{kBase + minutes(mins[k]), cents(up ? 101 + i : 104 + i), cents(105 + i), cents(100 + i),
                         cents(up ? 104 + i : 101 + i), 1});
  }
  return out;
}

std::deque<Candle> minute_candles(int n) {
  std::vector<int> mins(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) mins[static_cast<std::size_t>(i)] = i;
  return candles_at(mins);
}

// Minutes 0..9 and 20..29: ten empty buckets between candles 9 and 10.
std::deque<Candle> gapped_candles() {
  std::vector<int> mins;
  for (int i = 0; i < 10; ++i) mins.push_back(i);
  for (int i = 20; i < 30; ++i) mins.push_back(i);
  return candles_at(mins);
}

constexpr ChartBox kPlot{0, 0, 600, 300};

// [SECTION] ChartWindow

TEST(ChartWindow, FollowingPutsTheNewestCandleAtTheRightEdge) {
  const ChartWindow w = settle_window(ChartWindow{}, 200);
  EXPECT_DOUBLE_EQ(w.span, ChartWindow::kDefaultSpan);
  EXPECT_DOUBLE_EQ(w.first + w.span, 200);
  EXPECT_TRUE(w.follow);
}

TEST(ChartWindow, TheSpanStaysBetweenTheMinimumAndTheSeries) {
  EXPECT_DOUBLE_EQ(settle_window(ChartWindow{.first = 0, .span = 500, .follow = true}, 200).span, 200);
  EXPECT_DOUBLE_EQ(settle_window(ChartWindow{.first = 0, .span = 500, .follow = true}, 200).first, 0);
  EXPECT_DOUBLE_EQ(settle_window(ChartWindow{.first = 0, .span = 2, .follow = true}, 200).span, ChartWindow::kMinSpan);
  // Fewer candles than the minimum span: the newest still at the right edge.
  const ChartWindow few = settle_window(ChartWindow{}, 4);
  EXPECT_DOUBLE_EQ(few.span, ChartWindow::kMinSpan);
  EXPECT_DOUBLE_EQ(few.first, -6);
}

TEST(ChartWindow, NotFollowingKeepsFirstWithinTheSeries) {
  EXPECT_DOUBLE_EQ(settle_window(ChartWindow{.first = -50, .span = 80, .follow = false}, 200).first, 0);
  EXPECT_DOUBLE_EQ(settle_window(ChartWindow{.first = 500, .span = 80, .follow = false}, 200).first, 120);
  EXPECT_DOUBLE_EQ(settle_window(ChartWindow{.first = 33.5, .span = 80, .follow = false}, 200).first, 33.5);
}

TEST(ChartWindow, PanningBackStopsFollowingAndPanningToTheEndFollowsAgain) {
  ChartWindow w = pan_window(ChartWindow{}, -30, 200);
  EXPECT_DOUBLE_EQ(w.first, 90);
  EXPECT_FALSE(w.follow);
  w = pan_window(w, 10, 200);
  EXPECT_DOUBLE_EQ(w.first, 100);
  EXPECT_FALSE(w.follow);
  w = pan_window(w, 100, 200);
  EXPECT_DOUBLE_EQ(w.first, 120) << "clamped at the newest candle";
  EXPECT_TRUE(w.follow);
}

TEST(ChartWindow, PanningPastTheStartStopsAtTheFirstCandle) {
  const ChartWindow w = pan_window(ChartWindow{.first = 10, .span = 80, .follow = false}, -50, 200);
  EXPECT_DOUBLE_EQ(w.first, 0);
  EXPECT_FALSE(w.follow);
}

TEST(ChartWindow, ZoomingKeepsTheAnchorUnderTheMouse) {
  const ChartWindow w = zoom_window(ChartWindow{.first = 40, .span = 80, .follow = false}, 0.5, 60, 200);
  EXPECT_DOUBLE_EQ(w.span, 40);
  EXPECT_DOUBLE_EQ(w.first, 50);
  EXPECT_DOUBLE_EQ((60 - w.first) / w.span, (60 - 40) / 80.0) << "the anchor's share of the width is kept";
  EXPECT_FALSE(w.follow);
}

TEST(ChartWindow, ZoomingWhileFollowingKeepsTheRightEdge) {
  ChartWindow w = zoom_window(ChartWindow{}, 0.5, 150, 200);
  EXPECT_DOUBLE_EQ(w.span, 40);
  EXPECT_DOUBLE_EQ(w.first, 160);
  EXPECT_TRUE(w.follow);
  w = zoom_window(w, 4, 170, 200);
  EXPECT_DOUBLE_EQ(w.span, 160);
  EXPECT_DOUBLE_EQ(w.first, 40);
  EXPECT_TRUE(w.follow);
}

TEST(ChartWindow, ZoomIsClampedBetweenTheMinimumSpanAndTheSeries) {
  const ChartWindow start{.first = 40, .span = 80, .follow = false};
  const ChartWindow in = zoom_window(start, 0.01, 60, 200);
  EXPECT_DOUBLE_EQ(in.span, ChartWindow::kMinSpan);
  EXPECT_DOUBLE_EQ(in.first, 57.5);
  const ChartWindow out = zoom_window(start, 100, 60, 200);
  EXPECT_DOUBLE_EQ(out.span, 200);
  EXPECT_DOUBLE_EQ(out.first, 0);
}

// [SECTION] CandleChart

TEST(CandleChart, OnlyTheVisibleCandlesAreLaidOut) {
  const std::deque<Candle> s = minute_candles(100);
  const CandleChart c(s, kPlot, ChartWindow{.first = 20, .span = 30, .follow = false});
  EXPECT_EQ(c.begin(), 20u);
  EXPECT_EQ(c.end(), 50u);
  ASSERT_EQ(c.marks().size(), 30u);
  for (std::size_t k = 0; k < c.marks().size(); ++k) EXPECT_EQ(c.marks()[k].index, 20 + k);
  // Half a candle off each edge: both partial candles are laid out too.
  const CandleChart partial(s, kPlot, ChartWindow{.first = 20.5, .span = 30, .follow = false});
  ASSERT_EQ(partial.marks().size(), 31u);
  EXPECT_EQ(partial.marks().front().index, 20u);
  EXPECT_EQ(partial.marks().back().index, 50u);
  EXPECT_FLOAT_EQ(partial.marks().front().x, 0);
  EXPECT_FLOAT_EQ(partial.marks().back().x, 600);
}

TEST(CandleChart, CandlesSitInEqualSlotsAcrossThePlot) {
  const std::deque<Candle> s = minute_candles(100);
  const CandleChart c(s, kPlot, ChartWindow{.first = 20, .span = 30, .follow = false});
  for (std::size_t k = 0; k < c.marks().size(); ++k) {
    EXPECT_NEAR(c.marks()[k].x, 10 + 20 * static_cast<float>(k), 1e-3) << k;
    EXPECT_FLOAT_EQ(c.marks()[k].half_width, 7) << "35% of a 20-pixel slot";
  }
}

TEST(CandleChart, AHighIsDrawnAboveItsLowAndTheBodyBetween) {
  const std::deque<Candle> s = minute_candles(100);
  const CandleChart c(s, kPlot, ChartWindow{.first = 20, .span = 30, .follow = false});
  for (const CandleMark& m : c.marks()) {
    const Candle& k = s[m.index];
    EXPECT_LT(m.high_y, m.low_y) << m.index;
    EXPECT_LE(m.high_y, std::min(m.open_y, m.close_y));
    EXPECT_GE(m.low_y, std::max(m.open_y, m.close_y));
    EXPECT_EQ(m.up, k.close >= k.open);
    if (m.up) {
      EXPECT_LT(m.close_y, m.open_y) << "a rising candle closes higher on screen";
    }
    EXPECT_GE(m.high_y, kPlot.y);
    EXPECT_LE(m.low_y, kPlot.y + kPlot.h);
  }
}

TEST(CandleChart, ThePriceRangeCoversTheVisibleLowsAndHighsOnly) {
  const std::deque<Candle> s = minute_candles(100);
  const CandleChart c(s, kPlot, ChartWindow{.first = 20, .span = 30, .follow = false});
  // Visible candles 20..49 span 1.20 .. 1.54; the whole series 1.00 .. 2.04.
  EXPECT_LT(c.low(), cents(120));
  EXPECT_GT(c.low(), cents(110));
  EXPECT_GT(c.high(), cents(154));
  EXPECT_LT(c.high(), cents(164));
  EXPECT_FLOAT_EQ(c.y_of(c.high()), kPlot.y);
  EXPECT_FLOAT_EQ(c.y_of(c.low()), kPlot.y + kPlot.h);
  EXPECT_EQ(c.price_at(c.y_of(cents(133))), cents(133));
}

TEST(CandleChart, PriceTicksAreExactPricesAtTheirY) {
  const std::deque<Candle> s = minute_candles(100);
  const CandleChart c(s, kPlot, ChartWindow{.first = 20, .span = 30, .follow = false});
  std::vector<std::string> labels;
  for (const AxisTick& t : c.price_ticks()) {
    labels.push_back(t.label);
    EXPECT_FLOAT_EQ(t.pos, c.y_of(*Price::parse(t.label)));
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"1.20", "1.30", "1.40", "1.50"}));
}

TEST(CandleChart, TimeTicksLabelTheCandlesTheyFallOn) {
  const std::deque<Candle> s = minute_candles(100);
  const CandleChart c(s, kPlot, ChartWindow{.first = 20, .span = 30, .follow = false});
  ASSERT_EQ(c.time_ticks().size(), 6u);  // 14:20 .. 14:45 every 5 minutes
  for (std::size_t k = 0; k < c.time_ticks().size(); ++k) {
    EXPECT_FLOAT_EQ(c.time_ticks()[k].pos, c.marks()[5 * k].x);
  }
  EXPECT_EQ(c.time_ticks().front().label, "14:20");
  EXPECT_EQ(c.time_ticks().back().label, "14:45");
}

TEST(CandleChart, CandleAtFindsTheCandleUnderItsX) {
  const std::deque<Candle> s = minute_candles(100);
  const CandleChart c(s, kPlot, ChartWindow{.first = 20, .span = 30, .follow = false});
  for (const CandleMark& m : c.marks()) {
    EXPECT_EQ(c.candle_at(m.x), m.index);
    EXPECT_EQ(c.candle_at(m.x - m.half_width), m.index);
    EXPECT_EQ(c.candle_at(m.x + m.half_width), m.index);
  }
  EXPECT_EQ(c.candle_at(-25), std::nullopt) << "candle 18 is off the left edge";
  EXPECT_EQ(c.candle_at(615), std::nullopt) << "candle 50 is off the right edge";
}

TEST(CandleChart, XOfTimeFallsInsideTheCandleWhoseBucketHoldsIt) {
  const std::deque<Candle> s = gapped_candles();
  const CandleChart c(s, kPlot, ChartWindow{.first = 0, .span = 20, .follow = false});
  ASSERT_EQ(c.marks().size(), 20u);
  const float slot = kPlot.w / 20;
  std::optional<float> x = c.x_of_time(kBase + minutes(5) + seconds(30));
  ASSERT_TRUE(x);
  EXPECT_NEAR(*x, c.marks()[5].x, 1e-3) << "half-way through the bucket: the centre";
  EXPECT_EQ(c.candle_at(*x), 5u);
  x = c.x_of_time(kBase + minutes(5));
  ASSERT_TRUE(x);
  EXPECT_NEAR(*x, c.marks()[5].x - slot / 2, 1e-3) << "the bucket's first instant: the left edge";
  x = c.x_of_time(kBase + minutes(10) - Duration(1));
  ASSERT_TRUE(x);
  EXPECT_GT(*x, c.marks()[9].x);
  EXPECT_LE(*x, c.marks()[9].x + slot / 2);
  x = c.x_of_time(kBase + minutes(20));  // candle 10 after the gap
  ASSERT_TRUE(x);
  EXPECT_NEAR(*x, c.marks()[10].x - slot / 2, 1e-3);
  x = c.x_of_time(kBase + minutes(29) + seconds(30));  // the newest candle
  ASSERT_TRUE(x);
  EXPECT_NEAR(*x, c.marks()[19].x, 1e-3);
}

TEST(CandleChart, XOfTimeIsNulloptInAGapAndOutsideTheVisibleCandles) {
  const std::deque<Candle> s = gapped_candles();
  const CandleChart c(s, kPlot, ChartWindow{.first = 0, .span = 20, .follow = false});
  EXPECT_EQ(c.x_of_time(kBase + minutes(10)), std::nullopt) << "the first instant of the gap";
  EXPECT_EQ(c.x_of_time(kBase + minutes(15)), std::nullopt);
  EXPECT_EQ(c.x_of_time(kBase + minutes(20) - Duration(1)), std::nullopt) << "the gap's last instant";
  EXPECT_EQ(c.x_of_time(kBase - Duration(1)), std::nullopt) << "before the first candle";
  EXPECT_EQ(c.x_of_time(kBase + minutes(30)), std::nullopt) << "after the newest candle's bucket";
  const CandleChart left(s, kPlot, ChartWindow{.first = 0, .span = 10, .follow = false});
  EXPECT_EQ(left.x_of_time(kBase + minutes(25)), std::nullopt) << "candle 15 is not visible";
  EXPECT_TRUE(left.x_of_time(kBase + minutes(9)));
}

TEST(CandleChart, XOfTimeMeasuresTheCandleLengthNotTheFirstGap) {
  // A gap between the first two candles must not stretch the newest candle.
  const std::deque<Candle> s = candles_at({0, 10, 11, 12});
  const CandleChart c(s, kPlot, ChartWindow{.first = 0, .span = 10, .follow = false});
  EXPECT_TRUE(c.x_of_time(kBase + minutes(12) + seconds(59)));
  EXPECT_EQ(c.x_of_time(kBase + minutes(13)), std::nullopt);
  EXPECT_EQ(c.x_of_time(kBase + minutes(5)), std::nullopt);
}

TEST(CandleChart, XOfTimeClampedPutsGapsOnTheEdgeOfTheNextCandle) {
  const std::deque<Candle> s = gapped_candles();
  const CandleChart c(s, kPlot, ChartWindow{.first = 0, .span = 20, .follow = false});
  EXPECT_FLOAT_EQ(c.x_of_time_clamped(kBase - hours(1)), kPlot.x);
  EXPECT_NEAR(c.x_of_time_clamped(kBase + minutes(15)), c.marks()[10].x - kPlot.w / 40, 1e-3);
  EXPECT_FLOAT_EQ(c.x_of_time_clamped(kBase + hours(5)), kPlot.x + kPlot.w);
}

TEST(CandleChart, AnEmptySeriesLaysOutNothing) {
  const std::deque<Candle> s;
  const CandleChart c(s, kPlot, ChartWindow{});
  EXPECT_TRUE(c.marks().empty());
  EXPECT_TRUE(c.price_ticks().empty());
  EXPECT_TRUE(c.time_ticks().empty());
  EXPECT_EQ(c.candle_at(300), std::nullopt);
  EXPECT_EQ(c.x_of_time(kBase), std::nullopt);
}

// [SECTION] LineChart

TEST(LineChart, SpansThePlotByTimeAndValue) {
  const std::vector<SeriesPoint> pts = {{kBase, units(100)},
                                        {kBase + hours(1), units(120)},
                                        {kBase + hours(2), units(90)},
                                        {kBase + hours(3), units(130)}};
  const ChartBox box{10, 20, 400, 200};
  const LineChart l(pts, box);
  ASSERT_EQ(l.points().size(), 4u);
  EXPECT_FLOAT_EQ(l.points()[0].x, 10);
  EXPECT_NEAR(l.points()[1].x, 10 + 400.f / 3, 1e-3);
  EXPECT_FLOAT_EQ(l.points()[3].x, 410);
  EXPECT_LT(l.points()[3].y, l.points()[2].y) << "130 is drawn above 90";
  EXPECT_LE(l.low(), units(90));
  EXPECT_GE(l.high(), units(130));
  for (const LinePoint& p : l.points()) {
    EXPECT_GE(p.y, box.y);
    EXPECT_LE(p.y, box.y + box.h);
  }
  ASSERT_EQ(l.time_ticks().size(), 4u);
  EXPECT_EQ(l.time_ticks()[1].label, "15:00");
  EXPECT_NEAR(l.time_ticks()[1].pos, l.points()[1].x, 1e-3);
}

TEST(LineChart, PeakYLiesAboveTheCurveAfterAFall) {
  const std::vector<SeriesPoint> pts = {{kBase, units(100)},
                                        {kBase + hours(1), units(120)},
                                        {kBase + hours(2), units(90)},
                                        {kBase + hours(3), units(130)}};
  const LineChart l(pts, ChartBox{10, 20, 400, 200});
  ASSERT_EQ(l.points().size(), 4u);
  EXPECT_FLOAT_EQ(l.points()[0].peak_y, l.points()[0].y);
  EXPECT_FLOAT_EQ(l.points()[1].peak_y, l.points()[1].y) << "a new high is its own peak";
  EXPECT_FLOAT_EQ(l.points()[2].peak_y, l.y_of(units(120)));
  EXPECT_LT(l.points()[2].peak_y, l.points()[2].y) << "in drawdown: the peak is above the curve";
  EXPECT_FLOAT_EQ(l.points()[3].peak_y, l.points()[3].y);
}

TEST(LineChart, ThinningKeepsEachColumnsLowestValue) {
  std::vector<SeriesPoint> pts;
  for (int i = 0; i < 1000; ++i) {
    const std::int64_t v = i == 333 ? units(500) : i == 700 ? units(1500) : units(1000);
    pts.push_back({kBase + seconds(i), v});
  }
  const ChartBox box{0, 0, 10, 100};
  const LineChart l(pts, box);
  ASSERT_LE(l.points().size(), 11u) << "one point per pixel column";
  ASSERT_GE(l.points().size(), 10u);
  for (std::size_t i = 1; i < l.points().size(); ++i)
    EXPECT_GT(static_cast<int>(l.points()[i].x), static_cast<int>(l.points()[i - 1].x)) << "one per column";
  const auto dip =
      std::find_if(l.points().begin(), l.points().end(), [](const LinePoint& p) { return static_cast<int>(p.x) == 3; });
  ASSERT_NE(dip, l.points().end());
  EXPECT_FLOAT_EQ(dip->y, l.y_of(units(500))) << "the dip at point 333 survives thinning";
  EXPECT_FLOAT_EQ(l.points().back().peak_y, l.y_of(units(1500))) << "the peak still counts after thinning";
  EXPECT_FLOAT_EQ(l.points().front().peak_y, l.y_of(units(1000)));
}

TEST(LineChart, ValueTicksAreMoneyAtTheirY) {
  const std::vector<SeriesPoint> pts = {{kBase, units(10'000)}, {kBase + hours(24), units(10'100)}};
  const LineChart l(pts, ChartBox{0, 0, 400, 200});
  std::vector<std::string> labels;
  for (const AxisTick& t : l.value_ticks()) {
    labels.push_back(t.label);
    EXPECT_FLOAT_EQ(t.pos, l.y_of(Money::parse(t.label)->micros()));
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"10000.00", "10050.00", "10100.00"}));
}

TEST(LineChart, NoPointsLayOutNothing) {
  const LineChart l({}, ChartBox{0, 0, 400, 200});
  EXPECT_TRUE(l.points().empty());
  EXPECT_TRUE(l.value_ticks().empty());
  EXPECT_TRUE(l.time_ticks().empty());
}

}  // namespace
}  // namespace stonks
