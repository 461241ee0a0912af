// The exact arithmetic under mean reversion: the 256-bit product and the
// z-score against a decimal threshold, on values worked out by hand.
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

}  // namespace
}  // namespace stonks
