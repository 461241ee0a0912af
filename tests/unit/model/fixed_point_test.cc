// Tests for Price/Money: exact parsing and printing, notional and bps math.
#include "model/fixed_point.h"

#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

namespace stonks {
namespace {

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

std::int64_t micros_of(const char* text) {
  Result<std::int64_t> r = fixed_point::parse_micros(text);
  EXPECT_TRUE(r.is_ok()) << text << ": " << r.status().to_string();
  return r.is_ok() ? *r : -424242;
}

void expect_refused(const char* text) {
  Result<std::int64_t> r = fixed_point::parse_micros(text);
  EXPECT_FALSE(r.is_ok()) << "'" << text << "' was accepted as " << (r.is_ok() ? *r : 0);
  if (!r.is_ok()) {
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << text;
  }
}

TEST(FixedPointTest, ParsesPlainDecimalsExactly) {
  EXPECT_EQ(micros_of("0"), 0);
  EXPECT_EQ(micros_of("12"), 12'000'000);
  EXPECT_EQ(micros_of("123.45"), 123'450'000);
  EXPECT_EQ(micros_of("0.000001"), 1);
  EXPECT_EQ(micros_of("-0.5"), -500'000);
  EXPECT_EQ(micros_of("+7.25"), 7'250'000);
  EXPECT_EQ(micros_of("0.1"), 100'000);            // exact, unlike the double 0.1
  EXPECT_EQ(micros_of("1.100000000"), 1'100'000);  // trailing zeros beyond six decimals are harmless
}

TEST(FixedPointTest, AppliesExponents) {
  EXPECT_EQ(micros_of("1e2"), 100'000'000);
  EXPECT_EQ(micros_of("1E2"), 100'000'000);
  EXPECT_EQ(micros_of("1.5e2"), 150'000'000);
  EXPECT_EQ(micros_of("1e-6"), 1);
  EXPECT_EQ(micros_of("25e-6"), 25);
  EXPECT_EQ(micros_of("0.0000010e1"), 10);
}

TEST(FixedPointTest, RefusesMoreThanSixDecimals) {
  expect_refused("1.5e-6");
  expect_refused("0.0000001");
  expect_refused("0.0000025");
  expect_refused("1e-7");
  expect_refused("25e-7");
}

TEST(FixedPointTest, RefusesTextThatIsNotAPlainDecimal) {
  for (const char* text : {"",    "NaN",   "nan", "Infinity", "-Infinity", "inf", ".5", "5.", "--1",   "+-1",    "1e",
                           "1e+", "1.2.3", " 1",  "1 ",       "0x10",      "1,5", "e5", "-",  "1e400", "1e-400x"}) {
    expect_refused(text);
  }
}

TEST(FixedPointTest, AcceptsTheInt64LimitsAndNothingBeyond) {
  EXPECT_EQ(micros_of("9223372036854.775807"), kMax);
  EXPECT_EQ(micros_of("-9223372036854.775808"), kMin);
  expect_refused("9223372036854.775808");
  expect_refused("-9223372036854.775809");
  expect_refused("10000000000000");
  expect_refused("1e13");
  expect_refused("1e400");
}

TEST(FixedPointTest, PrintsExactlyWithAtLeastTwoDecimals) {
  EXPECT_EQ(fixed_point::format_micros(0), "0.00");
  EXPECT_EQ(fixed_point::format_micros(1'500'000), "1.50");
  EXPECT_EQ(fixed_point::format_micros(1), "0.000001");
  EXPECT_EQ(fixed_point::format_micros(-2'000'000), "-2.00");
  EXPECT_EQ(fixed_point::format_micros(-500'000), "-0.50");
  EXPECT_EQ(fixed_point::format_micros(123'456'789), "123.456789");
  EXPECT_EQ(fixed_point::format_micros(kMax), "9223372036854.775807");
  EXPECT_EQ(fixed_point::format_micros(kMin), "-9223372036854.775808");
}

TEST(FixedPointTest, PrintedTextParsesBackToTheSameValue) {
  for (std::int64_t m : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{999'999},
                         std::int64_t{1'000'000}, std::int64_t{-123'456'789}, kMax, kMin}) {
    EXPECT_EQ(micros_of(fixed_point::format_micros(m).c_str()), m) << m;
  }
}

TEST(FixedPointTest, FixedParseAndToStringRoundTrip) {
  Result<Price> p = Price::parse("101.25");
  ASSERT_TRUE(p.is_ok());
  EXPECT_EQ(p->micros(), 101'250'000);
  EXPECT_EQ(p->to_string(), "101.25");
  EXPECT_FALSE(Money::parse("abc").is_ok());
}

TEST(FixedPointTest, CheckedNotionalMultipliesOrReportsOverflow) {
  EXPECT_EQ(checked_notional(Price::from_units(10), 3), Money::from_units(30));
  EXPECT_EQ(checked_notional(Price::parse("0.5").value(), -3), Money::parse("-1.5").value());
  EXPECT_EQ(checked_notional(Price::from_micros(kMax), 2), std::nullopt);
  EXPECT_EQ(checked_notional(Price::from_units(1'000'000), 10'000'000), std::nullopt);  // 1e13 units
  EXPECT_EQ(checked_notional(Price::from_micros(kMin), -1), std::nullopt);
}

TEST(FixedPointTest, SaturatingNotionalClampsWithTheRightSign) {
  EXPECT_EQ(saturating_notional(Price::from_micros(kMax), 2).micros(), kMax);
  EXPECT_EQ(saturating_notional(Price::from_micros(kMax), -2).micros(), kMin);
  EXPECT_EQ(saturating_notional(Price::from_micros(-kMax), 2).micros(), kMin);
  EXPECT_EQ(saturating_notional(Price::from_units(2), 3), Money::from_units(6));
}

TEST(FixedPointTest, ApplyBpsRoundsHalfAwayFromZero) {
  EXPECT_EQ(apply_bps(Price::from_units(100), 5), Price::parse("100.05").value());
  EXPECT_EQ(apply_bps(Price::from_units(100), -5), Price::parse("99.95").value());
  EXPECT_EQ(apply_bps(Price::from_units(100), 0), Price::from_units(100));
  // 1 micro * 1.5 = 1.5 micros -> 2; -1 micro * 1.5 -> -2.
  EXPECT_EQ(apply_bps(Price::from_micros(1), 5'000).micros(), 2);
  EXPECT_EQ(apply_bps(Price::from_micros(-1), 5'000).micros(), -2);
  // 3 micros * 1.0001 = 3.0003 -> 3.
  EXPECT_EQ(apply_bps(Price::from_micros(3), 1).micros(), 3);
  // Saturates instead of wrapping.
  EXPECT_EQ(apply_bps(Price::from_micros(kMax), 10'000).micros(), kMax);
}

TEST(FixedPointTest, BpsOfRoundsHalfAwayFromZero) {
  EXPECT_EQ(bps_of(Money::from_units(1), 1).micros(), 100);
  EXPECT_EQ(bps_of(Money::from_units(10'000), 25), Money::from_units(25));
  EXPECT_EQ(bps_of(Money::from_micros(5), 1'000).micros(), 1);    // 0.5 -> 1
  EXPECT_EQ(bps_of(Money::from_micros(4), 1'000).micros(), 0);    // 0.4 -> 0
  EXPECT_EQ(bps_of(Money::from_micros(-5), 1'000).micros(), -1);  // -0.5 -> -1
  EXPECT_EQ(bps_of(Money::from_micros(15), 1'000).micros(), 2);   // 1.5 -> 2
}

TEST(FixedPointTest, AveragePriceRoundsHalfAwayFromZero) {
  EXPECT_EQ(average_price(Money::from_units(30), 3), Price::from_units(10));
  EXPECT_EQ(average_price(Money::from_micros(5), 2).micros(), 3);  // 2.5 -> 3
  EXPECT_EQ(average_price(Money::from_micros(4), 3).micros(), 1);  // 1.33 -> 1
}

}  // namespace
}  // namespace stonks
