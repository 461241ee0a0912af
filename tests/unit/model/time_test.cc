// Tests for ISO-8601 UTC timestamps: formatting, strict parsing, UTC days.
#include "model/time.h"

#include <gtest/gtest.h>

namespace stonks {
namespace {

Timestamp at(const char* text) {
  Result<Timestamp> t = parse_iso8601(text);
  EXPECT_TRUE(t.is_ok()) << text << ": " << t.status().to_string();
  return t.is_ok() ? *t : Timestamp{};
}

TEST(TimeTest, FormatsWholeSecondsWithoutFraction) {
  EXPECT_EQ(format_iso8601(timestamp_from_micros(0)), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_iso8601(timestamp_from_micros(1'000'000)), "1970-01-01T00:00:01Z");
}

TEST(TimeTest, FormatsSubSecondsWithSixDigits) {
  EXPECT_EQ(format_iso8601(timestamp_from_micros(1)), "1970-01-01T00:00:00.000001Z");
  EXPECT_EQ(format_iso8601(timestamp_from_micros(-1)), "1969-12-31T23:59:59.999999Z");
}

TEST(TimeTest, FormatsTheFirstAndLastYearsWithFourDigitsAndBeyondThemInFull) {
  EXPECT_EQ(format_iso8601(*parse_iso8601("0000-01-01T00:00:00Z")), "0000-01-01T00:00:00Z");
  EXPECT_EQ(format_iso8601(*parse_iso8601("9999-12-31T23:59:59.000010Z")), "9999-12-31T23:59:59.000010Z");
  const Timestamp y10000 = *parse_iso8601("9999-12-31T23:59:59Z") + std::chrono::seconds(1);
  EXPECT_EQ(format_iso8601(y10000), "10000-01-01T00:00:00Z");
  // Only the four-digit years can be read back.
  EXPECT_FALSE(in_iso8601_range(y10000));
  EXPECT_TRUE(in_iso8601_range(y10000 - std::chrono::microseconds(1)));
  EXPECT_TRUE(in_iso8601_range(*parse_iso8601("0000-01-01T00:00:00Z")));
  EXPECT_FALSE(in_iso8601_range(*parse_iso8601("0000-01-01T00:00:00Z") - std::chrono::microseconds(1)));
}

TEST(TimeTest, ParsesKnownInstants) {
  EXPECT_EQ(micros_since_epoch(at("1970-01-01T00:00:00Z")), 0);
  EXPECT_EQ(micros_since_epoch(at("2000-03-01T00:00:00Z")), 951'868'800'000'000);
  EXPECT_EQ(micros_since_epoch(at("1970-01-01T00:00:00.5Z")), 500'000);
  EXPECT_EQ(micros_since_epoch(at("1970-01-01T00:00:00.000001Z")), 1);
}

TEST(TimeTest, FormatThenParseRoundTrips) {
  for (std::int64_t us : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{1'795'944'600'123'456},
                          std::int64_t{951'782'400'000'000} /* 2000-02-29 */, std::int64_t{-86'400'000'000},
                          std::int64_t{4'102'444'799'999'999} /* 2099-12-31T23:59:59.999999 */}) {
    Timestamp t = timestamp_from_micros(us);
    std::string text = format_iso8601(t);
    Result<Timestamp> back = parse_iso8601(text);
    ASSERT_TRUE(back.is_ok()) << text;
    EXPECT_EQ(*back, t) << text;
  }
}

TEST(TimeTest, AcceptsLeapDaysOnlyInLeapYears) {
  EXPECT_TRUE(parse_iso8601("2024-02-29T12:00:00Z").is_ok());
  EXPECT_TRUE(parse_iso8601("2000-02-29T12:00:00Z").is_ok());
  EXPECT_FALSE(parse_iso8601("2026-02-29T12:00:00Z").is_ok());
  EXPECT_FALSE(parse_iso8601("2100-02-29T12:00:00Z").is_ok());
}

TEST(TimeTest, RefusesInvalidDatesAndTimes) {
  for (const char* text :
       {"2026-02-30T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
        "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z"}) {
    Result<Timestamp> t = parse_iso8601(text);
    EXPECT_FALSE(t.is_ok()) << text;
    if (!t.is_ok()) {
      EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

TEST(TimeTest, RefusesAnythingButTheStrictUtcForm) {
  for (const char* text :
       {"", "2026-11-24T09:30:00", "2026-11-24T09:30:00+00:00", "2026-11-24T09:30:00.1234567Z", "2026-11-24T09:30:00.Z",
        "2026-11-24 09:30:00Z", "2026-11-24t09:30:00z", "2026-11-24T09:30:00Zjunk", "2026-11-24T09:30Z",
        "26-11-24T09:30:00Z", "2026-11-24T09:30:00Z ", " 2026-11-24T09:30:00Z", "2026-1-24T09:30:00Z", "2026-11-24"}) {
    EXPECT_FALSE(parse_iso8601(text).is_ok()) << "'" << text << "' was accepted";
  }
}

TEST(TimeTest, UtcDayCountsWholeDaysAndFloorsBeforeTheEpoch) {
  EXPECT_EQ(utc_day(at("1970-01-01T00:00:00Z")), 0);
  EXPECT_EQ(utc_day(at("1970-01-01T23:59:59.999999Z")), 0);
  EXPECT_EQ(utc_day(at("1970-01-02T00:00:00Z")), 1);
  EXPECT_EQ(utc_day(at("1969-12-31T23:59:59Z")), -1);
}

}  // namespace
}  // namespace stonks
