// CandleSeries: epoch-aligned buckets, edges, gaps, late points, the
// capacity bound and floor division before the epoch.
#include "chart/candle_series.h"

#include <gtest/gtest.h>

namespace stonks {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

Timestamp at_s(std::int64_t s) { return timestamp_from_micros(s * 1'000'000); }
Price cents(std::int64_t c) { return Price::from_micros(c * 10'000); }

TEST(CandleSeries, PointsInsideOneBucketFoldIntoOneCandle) {
  CandleSeries s(minutes(1), 10);
  EXPECT_TRUE(s.add(at_s(10), cents(100)));
  EXPECT_TRUE(s.add(at_s(30), cents(105)));
  EXPECT_TRUE(s.add(at_s(50), cents(95)));
  EXPECT_TRUE(s.add(at_s(60) - Duration(1), cents(101)));
  ASSERT_EQ(s.candles().size(), 1u);
  EXPECT_EQ(s.candles()[0], (Candle{at_s(0), cents(100), cents(105), cents(95), cents(101), 4}));
}

TEST(CandleSeries, APointExactlyOnAnEdgeOpensTheNextCandle) {
  CandleSeries s(minutes(1), 10);
  ASSERT_TRUE(s.add(at_s(59), cents(100)));
  ASSERT_TRUE(s.add(at_s(60), cents(102)));
  ASSERT_EQ(s.candles().size(), 2u);
  EXPECT_EQ(s.candles()[0].close, cents(100)) << "the edge's point is not the first candle's close";
  EXPECT_EQ(s.candles()[0].points, 1u);
  EXPECT_EQ(s.candles()[1].start, at_s(60));
  EXPECT_EQ(s.candles()[1].open, cents(102));
}

TEST(CandleSeries, BucketsAreAlignedOnTheEpochNotOnTheFirstPoint) {
  CandleSeries s(minutes(5), 10);
  const Timestamp t = *parse_iso8601("2026-01-05T12:03:17Z");
  ASSERT_TRUE(s.add(t, cents(100)));
  EXPECT_EQ(s.candles()[0].start, *parse_iso8601("2026-01-05T12:00:00Z"));
  ASSERT_TRUE(s.add(*parse_iso8601("2026-01-05T12:05:00Z"), cents(101)));
  EXPECT_EQ(s.candles().size(), 2u) << "12:05 opens the next 5-minute candle, not 12:08:17";
}

TEST(CandleSeries, AnEmptyBucketGetsNoCandle) {
  CandleSeries s(minutes(1), 10);
  ASSERT_TRUE(s.add(at_s(5), cents(100)));
  ASSERT_TRUE(s.add(at_s(200), cents(110)));
  ASSERT_EQ(s.candles().size(), 2u) << "minutes 1 and 2 had no point";
  EXPECT_EQ(s.candles()[0].start, at_s(0));
  EXPECT_EQ(s.candles()[1].start, at_s(180));
  EXPECT_EQ(s.candles()[1].open, cents(110)) << "a gap is a jump, not a flat candle carried over";
}

TEST(CandleSeries, APointOlderThanTheNewestBucketIsDropped) {
  CandleSeries s(minutes(1), 10);
  ASSERT_TRUE(s.add(at_s(130), cents(100)));
  EXPECT_FALSE(s.add(at_s(119), cents(50)));
  ASSERT_EQ(s.candles().size(), 1u);
  EXPECT_EQ(s.candles()[0], (Candle{at_s(120), cents(100), cents(100), cents(100), cents(100), 1}));
  // Older than the newest point but inside the newest bucket: folded in.
  EXPECT_TRUE(s.add(at_s(121), cents(90)));
  EXPECT_EQ(s.candles()[0].low, cents(90));
  EXPECT_EQ(s.candles()[0].close, cents(90));
}

TEST(CandleSeries, PastCapacityTheOldestCandleIsDropped) {
  CandleSeries s(minutes(1), 3);
  for (int m = 0; m < 5; ++m) ASSERT_TRUE(s.add(at_s(60 * m + 1), cents(100 + m)));
  ASSERT_EQ(s.candles().size(), 3u);
  EXPECT_EQ(s.candles().front().start, at_s(120));
  EXPECT_EQ(s.candles().front().open, cents(102));
  EXPECT_EQ(s.candles().back().start, at_s(240));
}

TEST(CandleSeries, ABarWidensHighAndLowAndTakesItsClose) {
  CandleSeries s(minutes(5), 10);
  ASSERT_TRUE(s.add(at_s(60), cents(1000), cents(1200), cents(900), cents(1100)));
  ASSERT_TRUE(s.add(at_s(120), cents(1100), cents(1300), cents(1000), cents(1050)));
  ASSERT_EQ(s.candles().size(), 1u);
  EXPECT_EQ(s.candles()[0], (Candle{at_s(0), cents(1000), cents(1300), cents(900), cents(1050), 2}));
}

TEST(CandleSeries, BucketStartFloorsTimesBeforeTheEpoch) {
  const Duration m = minutes(1);
  EXPECT_EQ(CandleSeries::bucket_start(at_s(0), m), at_s(0));
  EXPECT_EQ(CandleSeries::bucket_start(at_s(60) - Duration(1), m), at_s(0));
  EXPECT_EQ(CandleSeries::bucket_start(timestamp_from_micros(-1), m), at_s(-60));
  EXPECT_EQ(CandleSeries::bucket_start(at_s(-60), m), at_s(-60));
  EXPECT_EQ(CandleSeries::bucket_start(at_s(-61), m), at_s(-120));
}

TEST(CandleSeries, APointBeforeTheEpochOpensTheCandleStartingBeforeIt) {
  CandleSeries s(minutes(1), 10);
  ASSERT_TRUE(s.add(at_s(-1), cents(100)));
  ASSERT_TRUE(s.add(at_s(0), cents(101)));
  ASSERT_EQ(s.candles().size(), 2u);
  EXPECT_EQ(s.candles()[0].start, at_s(-60));
  EXPECT_EQ(s.candles()[1].start, at_s(0));
}

TEST(CandleSeries, ZeroLengthAndCapacityAreRaisedToOne) {
  CandleSeries s(Duration(0), 0);
  EXPECT_EQ(s.length(), Duration(1));
  EXPECT_EQ(s.capacity(), 1u);
  ASSERT_TRUE(s.add(at_s(1), cents(1)));
  ASSERT_TRUE(s.add(at_s(2), cents(2)));
  ASSERT_EQ(s.candles().size(), 1u);
  EXPECT_EQ(s.candles()[0].open, cents(2));
}

}  // namespace
}  // namespace stonks
