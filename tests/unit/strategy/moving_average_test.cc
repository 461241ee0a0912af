// The simple moving average the strategies share, on closes worked out by
// hand: "a" is the mean of the last 2 closes, "b" of the last 3.
#include "strategy/moving_average.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <limits>

namespace stonks {
namespace {

constexpr std::int64_t kDollar = 1'000'000;  // micro-units

TEST(MovingAverage, IsFullOnceItsLengthOfClosesHaveCome) {
  MovingAverage a(3);
  EXPECT_EQ(a.length(), 3u);
  a.push(10 * kDollar);
  a.push(11 * kDollar);
  EXPECT_FALSE(a.full());
  a.push(12 * kDollar);
  EXPECT_TRUE(a.full());
  a.push(13 * kDollar);
  EXPECT_TRUE(a.full());
}

// Pushes each close (micro-units) to both averages.
void push_both(MovingAverage& a, MovingAverage& b, std::initializer_list<std::int64_t> closes) {
  for (std::int64_t c : closes) {
    a.push(c);
    b.push(c);
  }
}

TEST(MovingAverage, ComparesTwoAveragesAsTheOldestClosesLeave) {
  MovingAverage a(2), b(3);
  push_both(a, b, {12 * kDollar, 11 * kDollar, 10 * kDollar});
  EXPECT_EQ(a.compare(b), -1);  // a = 10.5 < b = 11
  EXPECT_EQ(b.compare(a), 1);
  push_both(a, b, {13 * kDollar});
  EXPECT_EQ(a.compare(b), 1);  // 11 left a, 12 left b: a = 11.5 > b = 34/3 = 11.33
  push_both(a, b, {6 * kDollar});
  EXPECT_EQ(a.compare(b), -1);  // a = 19/2 = 9.5 < b = 29/3 = 9.67
}

TEST(MovingAverage, EqualAveragesCompareEqualExactly) {
  // 10 11 12 10: a = 22/2 = 11, b = 33/3 = 11.
  MovingAverage a(2), b(3);
  push_both(a, b, {10 * kDollar, 11 * kDollar, 12 * kDollar, 10 * kDollar});
  EXPECT_EQ(a.compare(b), 0);
  // Lengths 1 and 3 over 0.10 0.30 0.10 0.20: a = 0.20, b = 0.60/3 = 0.20
  // exactly (in binary floating point 0.30 + 0.10 + 0.20 is a hair above 0.6).
  MovingAverage c(1), d(3);
  push_both(c, d, {100'000, 300'000, 100'000, 200'000});
  EXPECT_EQ(c.compare(d), 0);
  EXPECT_EQ(d.compare(c), 0);
}

TEST(MovingAverage, TheLongestWindowOfTheLargestClosesStaysExact) {
  // 10^4 closes at the int64 maximum M against one close at M and one at
  // M - 1: the means are M, M and M - 1, and only an exact sum tells them apart.
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  MovingAverage longest(10'000), newest(1);
  for (int i = 0; i < 10'000; ++i) longest.push(kMax);
  newest.push(kMax);
  EXPECT_EQ(longest.compare(newest), 0);
  newest.push(kMax - 1);
  EXPECT_EQ(longest.compare(newest), 1);
  EXPECT_EQ(newest.compare(longest), -1);
}

}  // namespace
}  // namespace stonks
