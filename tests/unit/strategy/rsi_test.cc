// Wilder's RSI on closes worked out by hand. With period 2 every average
// is a sum of halvings, so the hand values in dollars are exact in the
// indicator's units (10^-12 of a dollar: kUnit below is one dollar).
#include "strategy/rsi.h"

#include <gtest/gtest.h>

#include <limits>

namespace stonks {
namespace {

constexpr std::int64_t kDollar = 1'000'000;                                   // micro-units
constexpr Int128 kUnit = static_cast<Int128>(kDollar) * Rsi::kUnitsPerMicro;  // a dollar in G and L's units
constexpr std::int64_t kPercent = 1'000'000;                                  // thresholds are micro-units too

Rsi pushed(int period, std::initializer_list<double> dollars) {
  Rsi rsi(period);
  for (double d : dollars) rsi.push(static_cast<std::int64_t>(d * kDollar));
  return rsi;
}

TEST(Rsi, SeedsWithThePlainMeansThenSmoothsLikeWilder) {
  Rsi rsi(2);
  rsi.push(10 * kDollar);
  rsi.push(11 * kDollar);  // +1: one change of two
  EXPECT_FALSE(rsi.ready());
  // 10 11 10: changes +1, -1. G = (1 + 0)/2 = 0.5, L = (0 + 1)/2 = 0.5, RSI = 50.
  rsi.push(10 * kDollar);
  ASSERT_TRUE(rsi.ready());
  EXPECT_EQ(rsi.average_gain(), kUnit / 2);
  EXPECT_EQ(rsi.average_loss(), kUnit / 2);
  EXPECT_EQ(rsi.compare(50 * kPercent), 0);
  // 12: +2. G = (1 * 0.5 + 2)/2 = 1.25, L = (0.5 + 0)/2 = 0.25,
  // RSI = 100 * 1.25 / 1.5 = 83.33.
  rsi.push(12 * kDollar);
  EXPECT_EQ(rsi.average_gain(), kUnit * 5 / 4);
  EXPECT_EQ(rsi.average_loss(), kUnit / 4);
  EXPECT_EQ(rsi.compare(83'333'333), 1);
  EXPECT_EQ(rsi.compare(83'333'334), -1);
  // 13: +1. G = (1.25 + 1)/2 = 1.125, L = 0.125, RSI = 100 * 1.125 / 1.25 = 90.
  rsi.push(13 * kDollar);
  EXPECT_EQ(rsi.compare(90 * kPercent), 0);
  // 12: -1. G = 0.5625, L = (0.125 + 1)/2 = 0.5625, RSI = 50.
  rsi.push(12 * kDollar);
  EXPECT_EQ(rsi.average_gain(), rsi.average_loss());
  EXPECT_EQ(rsi.compare(50 * kPercent), 0);
}

TEST(Rsi, OnlyGainsIsAHundredAndOnlyLossesIsZero) {
  const Rsi up = pushed(3, {1, 2, 3, 4});  // G = 1, L = 0
  ASSERT_TRUE(up.ready());
  EXPECT_EQ(up.compare(100 * kPercent), 0);
  EXPECT_EQ(up.compare(99'999'999), 1);
  const Rsi down = pushed(3, {4, 3, 2, 1});  // G = 0, L = 1
  ASSERT_TRUE(down.ready());
  EXPECT_EQ(down.compare(0), 0);
  EXPECT_EQ(down.compare(1), -1);
}

TEST(Rsi, UnchangedClosesGiveNone) {
  EXPECT_FALSE(pushed(2, {10, 10, 10, 10}).ready());  // G = L = 0: 0 / 0
  EXPECT_TRUE(pushed(2, {10, 10, 10, 11}).ready());   // G = (0 + 1)/2 = 0.5
}

TEST(Rsi, EachStepRoundsToTheNearestUnitHalvesUp) {
  // Period 3 on closes of 0 0 0 0 2 0 micro-units: the seed is G = L = 0
  // (no RSI); +2: G = 2 * 10^6 / 3 = 666666.67 -> 666667 units, L = 0; -2:
  // G = 2 * 666667 / 3 = 444444.67 -> 444445, L = 2 * 10^6 / 3 -> 666667.
  // In rationals RSI = 100 * (4/9) / (4/9 + 6/9) = 40 exactly; rounded it is
  // 100 * 444445 / 1111112 = 40.0000179999...
  Rsi rsi(3);
  for (std::int64_t c : {0, 0, 0, 0}) rsi.push(c);
  EXPECT_FALSE(rsi.ready());
  rsi.push(2);
  EXPECT_EQ(rsi.average_gain(), 666'667);
  EXPECT_EQ(rsi.average_loss(), 0);
  rsi.push(0);
  EXPECT_EQ(rsi.average_gain(), 444'445);
  EXPECT_EQ(rsi.average_loss(), 666'667);
  EXPECT_EQ(rsi.compare(40 * kPercent), 1);
  EXPECT_EQ(rsi.compare(40'000'017), 1);
  EXPECT_EQ(rsi.compare(40'000'018), -1);

  // Halves go up: period 2, closes 0 1 micro-units and then 1s (no change):
  // G = 10^6 / 2 = 500000, halved at each 1: five halvings give 15625
  // exactly, the sixth 7812.5 -> 7813.
  Rsi halves(2);
  for (std::int64_t c : {0, 1, 1}) halves.push(c);
  EXPECT_EQ(halves.average_gain(), 500'000);
  for (int i = 0; i < 5; ++i) halves.push(1);
  EXPECT_EQ(halves.average_gain(), 15'625);
  halves.push(1);
  EXPECT_EQ(halves.average_gain(), 7'813);
}

TEST(Rsi, TheLongestPeriodOfTheLargestChangesStaysInRange) {
  // 10^4 changes as the closes swing between the int64 extremes, each of
  // 2^64 - 1 micro-units: 5000 gains and 5000 losses, so G = L, RSI = 50.
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  Rsi rsi(10'000);
  for (int i = 0; i <= 10'000; ++i) rsi.push(i % 2 == 0 ? kMin : kMax);
  ASSERT_TRUE(rsi.ready());
  EXPECT_EQ(rsi.average_gain(), rsi.average_loss());
  EXPECT_EQ(rsi.compare(50 * kPercent), 0);
  // The last close was kMin; kMax again is a gain c with G = L = c / 2
  // before it: G = (9999 * c/2 + c) / 10^4 = c * 10001 / 20000, L = c * 9999
  // / 20000, RSI = 100 * 10001 / 20000 = 50.005.
  rsi.push(kMax);
  EXPECT_EQ(rsi.compare(50'004'999), 1);
  EXPECT_EQ(rsi.compare(50'005'001), -1);
}

}  // namespace
}  // namespace stonks
