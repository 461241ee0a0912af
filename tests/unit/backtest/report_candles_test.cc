// ReportCandles: bars folded at their last instant, the candle length chosen
// from the ladder (never finer than the bars, at most 300 candles), one
// series per symbol, and where a fill is marked.
#include "backtest/report/report_candles.h"

#include <gtest/gtest.h>

#include "scripted_strategy.h"

namespace stonks::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

Bar bar_at(const std::string& ticker, Timestamp end, int cents) {
  const Price p = Price::from_micros(cents * 10'000);
  return Bar{sym(ticker), p, p + px("0.5"), p - px("0.5"), p, 0, end};
}

TEST(ReportCandles, DailyBarsMakeOneDayCandles) {
  ReportCandles rc;
  rc.add(daily_bar("IBM", 1, "100", "101", "99", "100"));
  rc.add(daily_bar("IBM", 2, "100", "102", "98", "101"));
  rc.add(daily_bar("IBM", 3, "102", "104", "101", "103"));
  const std::vector<PriceCandles> out = rc.candles();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].symbol, sym("IBM"));
  EXPECT_EQ(out[0].series.length(), hours(24)) << "never finer than the bars";
  EXPECT_EQ(out[0].bar_length, hours(24));
  ASSERT_EQ(out[0].series.candles().size(), 3u);
  EXPECT_EQ(out[0].series.candles()[1],
            (Candle{*parse_iso8601("2026-01-06T00:00:00Z"), px("100"), px("102"), px("98"), px("101"), 1}));
}

TEST(ReportCandles, ABarEndingAtMidnightBelongsToTheDayItCovers) {
  ReportCandles rc;
  rc.add(bar_at("IBM", *parse_iso8601("2026-01-06T00:00:00Z"), 1000));
  rc.add(bar_at("IBM", *parse_iso8601("2026-01-07T00:00:00Z"), 1010));
  const std::vector<PriceCandles> out = rc.candles();
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].series.candles().size(), 2u);
  EXPECT_EQ(out[0].series.candles()[0].start, *parse_iso8601("2026-01-05T00:00:00Z"));
}

TEST(ReportCandles, TooManyCandlesMoveUpTheLadder) {
  ReportCandles days;
  for (int d = 1; d <= 400; ++d) days.add(daily_bar("IBM", d, "100", "101", "99", "100"));
  const PriceCandles weekly = days.candles().at(0);
  EXPECT_EQ(weekly.series.length(), hours(24 * 7)) << "400 day candles are too many";
  EXPECT_LE(weekly.series.candles().size(), kReportMaxCandles);
  std::uint32_t points = 0;
  for (const Candle& c : weekly.series.candles()) points += c.points;
  EXPECT_EQ(points, 400u) << "every bar is in a candle";

  ReportCandles minute_bars;
  const Timestamp t0 = *parse_iso8601("2026-01-05T14:30:00Z");
  for (int m = 1; m <= 200; ++m) minute_bars.add(bar_at("IBM", t0 + minutes(m), 1000 + m));
  EXPECT_EQ(minute_bars.candles().at(0).series.length(), minutes(1));
  EXPECT_EQ(minute_bars.candles().at(0).series.candles().size(), 200u);
  for (int m = 201; m <= 1000; ++m) minute_bars.add(bar_at("IBM", t0 + minutes(m), 1000));
  EXPECT_EQ(minute_bars.candles().at(0).series.length(), minutes(5));
  EXPECT_EQ(minute_bars.candles().at(0).series.candles().size(), 200u);
}

TEST(ReportCandles, PastTheLadderTheNewestCandlesOfTheLongestLengthAreKept) {
  ReportCandles rc;
  const Timestamp t0 = *parse_iso8601("2026-01-01T00:00:00Z");
  for (int i = 0; i < 310; ++i) rc.add(bar_at("IBM", t0 + hours(24 * 400) * i, 1000 + i));
  const PriceCandles out = rc.candles().at(0);
  EXPECT_EQ(out.series.length(), hours(24 * 365));
  ASSERT_EQ(out.series.candles().size(), kReportMaxCandles);
  EXPECT_EQ(out.series.candles().front().open, Price::from_micros(1010 * 10'000)) << "the oldest 10 dropped";
}

TEST(ReportCandles, EachSymbolHasItsOwnCandlesInTickerOrder) {
  ReportCandles rc;
  for (int d = 1; d <= 3; ++d) {
    rc.add(daily_bar("MSFT", d, "300", "301", "299", "300"));
    rc.add(daily_bar("IBM", d, "100", "101", "99", "100"));
  }
  const std::vector<PriceCandles> out = rc.candles();
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].symbol, sym("IBM"));
  EXPECT_EQ(out[1].symbol, sym("MSFT"));
  EXPECT_EQ(out[0].series.candles().size(), 3u);
  EXPECT_EQ(out[1].series.candles().back().close, px("300"));
}

TEST(ReportCandles, AFillIsMarkedInTheMiddleOfItsBar) {
  PriceCandles daily{sym("IBM"), CandleSeries(hours(24), 10), hours(24)};
  EXPECT_EQ(daily.fill_time(*parse_iso8601("2026-01-06T00:00:00Z")), *parse_iso8601("2026-01-05T12:00:00Z"));
  PriceCandles minute_bars_in_hours{sym("IBM"), CandleSeries(hours(1), 10), minutes(1)};
  EXPECT_EQ(minute_bars_in_hours.fill_time(*parse_iso8601("2026-01-05T14:31:00Z")),
            *parse_iso8601("2026-01-05T14:30:30Z"));
  PriceCandles lone{sym("IBM"), CandleSeries(hours(24), 10), Duration(0)};
  EXPECT_EQ(lone.fill_time(*parse_iso8601("2026-01-06T00:00:00Z")),
            *parse_iso8601("2026-01-06T00:00:00Z") - Duration(1))
      << "the bar's last instant";
}

}  // namespace
}  // namespace stonks::testing
