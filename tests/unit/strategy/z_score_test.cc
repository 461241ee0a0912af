// The exact arithmetic under mean reversion: the 256-bit product, the
// z-score against a decimal threshold, and the rolling window that gives it,
// on values worked out by hand.
#include "strategy/z_score.h"

#include <gtest/gtest.h>

namespace stonks {
namespace {

constexpr UInt128 kTwo64 = static_cast<UInt128>(1) << 64;

TEST(StrategyExactMath, WideMultiplyKeepsEveryBit) {
  EXPECT_EQ(wide_multiply(3, 5), (UInt256{0, 15}));
  EXPECT_EQ(wide_multiply(kTwo64, kTwo64), (UInt256{1, 0}));  // 2^128
  // (2^128 - 1)^2 = 2^256 - 2^129 + 1: high half 2^128 - 2, low half 1.
  const UInt128 max = ~static_cast<UInt128>(0);
  EXPECT_EQ(wide_multiply(max, max), (UInt256{max - 1, 1}));
  // (2^64 + 1)(2^64 - 1) = 2^128 - 1: all in the low half.
  EXPECT_EQ(wide_multiply(kTwo64 + 1, kTwo64 - 1), (UInt256{0, max}));
  EXPECT_LT(wide_multiply(kTwo64, kTwo64 - 1), wide_multiply(kTwo64, kTwo64));
}

TEST(StrategyExactMath, ComparesAZScoreWithAThresholdWithoutRounding) {
  // 10 10 7: d = -6, v = 18, z = -sqrt(2) = -1.41421356...
  const ZScore root2{-6, 18};
  EXPECT_EQ(root2.compare(-1'414'213), -1);
  EXPECT_EQ(root2.compare(-1'414'214), 1);
  EXPECT_EQ(root2.compare(0), -1);
  EXPECT_EQ(root2.compare(1'000'000), -1);
  // 10 9 in a window of 2: d = -1, v = 1, z = -1 exactly.
  const ZScore minus_one{-1, 1};
  EXPECT_EQ(minus_one.compare(-1'000'000), 0);
  EXPECT_EQ(minus_one.compare(-999'999), -1);
  EXPECT_EQ(minus_one.compare(-1'000'001), 1);
  // The newest close at the mean: z = 0.
  const ZScore zero{0, 8};
  EXPECT_EQ(zero.compare(0), 0);
  EXPECT_EQ(zero.compare(1), -1);
  EXPECT_EQ(zero.compare(-1), 1);
  // Positive z against positive thresholds: d = 5, v = 14, z = 1.33630620...
  const ZScore up{5, 14};
  EXPECT_EQ(up.compare(1'336'306), 1);
  EXPECT_EQ(up.compare(1'336'307), -1);
}

TEST(StrategyExactMath, TheLargestWindowOfTheLargestClosesStaysInRange) {
  // 10^4 closes: 9999 at 10^15 micro-units and the newest at 0. S = 9999e15,
  // Q = 9999e30: d = -9999e15, v = 10^4 * 9999e30 - 9999^2 e30 = 9999e30,
  // so z = -9999e15 / (sqrt(9999) e15) = -sqrt(9999) = -99.99499987...
  const Int128 e15 = 1'000'000'000'000'000;
  const ZScore z{-9999 * e15, static_cast<UInt128>(9999) * e15 * e15};
  EXPECT_EQ(z.compare(-99'994'999), -1);
  EXPECT_EQ(z.compare(-99'995'000), 1);
  EXPECT_EQ(z.compare(-100'000'000), 1);
}

constexpr std::int64_t kDollar = 1'000'000;  // micro-units

TEST(RollingZScore, GivesTheNewestClosesZScoreOnceTheWindowIsFull) {
  RollingZScore z(3);
  z.push(10 * kDollar);
  z.push(10 * kDollar);
  EXPECT_EQ(z.value().v, 0u);  // two of three
  // 10 10 7 in dollars: d = 3*7 - 27 = -6, v = 3*249 - 27^2 = 18; in
  // micro-units d scales by 10^6 and v by 10^12.
  z.push(7 * kDollar);
  EXPECT_EQ(z.value().d, -6 * kDollar);
  EXPECT_EQ(z.value().v, static_cast<UInt128>(18) * kDollar * kDollar);
  // 10 7 8: the first 10 left. d = 24 - 25 = -1, v = 3*213 - 625 = 14.
  z.push(8 * kDollar);
  EXPECT_EQ(z.value().d, -1 * kDollar);
  EXPECT_EQ(z.value().v, static_cast<UInt128>(14) * kDollar * kDollar);
}

TEST(RollingZScore, EqualClosesGiveNone) {
  RollingZScore z(2);
  for (int i = 0; i < 3; ++i) z.push(10 * kDollar);
  EXPECT_EQ(z.value().v, 0u);
}

TEST(RollingZScore, AnOversizedCloseHoldsItBackUntilItLeaves) {
  RollingZScore z(2);
  z.push(RollingZScore::kMaxCloseMicros);  // at the ceiling: counted
  z.push(RollingZScore::kMaxCloseMicros - 1);
  EXPECT_EQ(z.value().d, -1);  // 2(M - 1) - (2M - 1) = -1, v = 1 (z = -1)
  EXPECT_EQ(z.value().v, 1u);
  z.push(RollingZScore::kMaxCloseMicros + 1);  // above: no z-score while it is in
  EXPECT_EQ(z.value().v, 0u);
  z.push(kDollar);
  EXPECT_EQ(z.value().v, 0u);
  z.push(kDollar / 2);  // 1 and 0.5: d = -0.5, v = 0.25 (in dollars), z = -1
  EXPECT_EQ(z.value().d, -kDollar / 2);
  EXPECT_EQ(z.value().v, static_cast<UInt128>(kDollar / 2) * (kDollar / 2));
}

}  // namespace
}  // namespace stonks
