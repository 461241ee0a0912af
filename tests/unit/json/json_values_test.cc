// Tests for the wire forms of decimals and timestamps, and safe JSON text I/O.
#include "json/json_values.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace stonks {
namespace {

using nlohmann::json;

std::int64_t micros(const json& j) {
  Result<std::int64_t> r = micros_from_json(j);
  EXPECT_TRUE(r.is_ok()) << j.dump() << ": " << r.status().to_string();
  return r.is_ok() ? *r : -424242;
}

// Expects `j` to be refused and returns the refusal's message.
std::string refusal(const json& j) {
  Result<std::int64_t> r = micros_from_json(j);
  EXPECT_FALSE(r.is_ok()) << dump_json(j) << " was accepted as " << (r.is_ok() ? *r : 0);
  EXPECT_EQ(r.status().code(), r.is_ok() ? StatusCode::kOk : StatusCode::kInvalidArgument);
  return r.status().message();
}

TEST(JsonValuesTest, DecimalsAreWrittenAsExactStrings) {
  EXPECT_EQ(to_json(Price::parse("123.45").value()), json("123.45"));
  EXPECT_EQ(to_json(Money::from_micros(1)), json("0.000001"));
  EXPECT_EQ(to_json(Money::from_units(-2)), json("-2.00"));
}

TEST(JsonValuesTest, ReadsDecimalStrings) {
  EXPECT_EQ(micros(json("123.45")), 123'450'000);
  EXPECT_EQ(micros(json("0.000001")), 1);
  EXPECT_EQ(micros(json("1e2")), 100'000'000);
  EXPECT_EQ(micros(json("-0.5")), -500'000);
}

TEST(JsonValuesTest, ReadsJsonIntegersAsWholeUnits) {
  EXPECT_EQ(micros(json(12)), 12'000'000);
  EXPECT_EQ(micros(json(-3)), -3'000'000);
  EXPECT_EQ(micros(json(0)), 0);
  EXPECT_EQ(micros(json(std::uint64_t{5})), 5'000'000);
  EXPECT_EQ(micros(json(std::int64_t{9'223'372'036'854})), 9'223'372'036'854'000'000);
  refusal(json(std::int64_t{9'223'372'036'855}));
  refusal(json(std::numeric_limits<std::uint64_t>::max()));
  refusal(json(std::numeric_limits<std::int64_t>::min()));
}

TEST(JsonValuesTest, ReadsFloatsWhoseShortestTextHasAtMostSixDecimals) {
  EXPECT_EQ(micros(json::parse("0.1")), 100'000);
  EXPECT_EQ(micros(json::parse("12.34")), 12'340'000);
  EXPECT_EQ(micros(json::parse("100.0")), 100'000'000);
  EXPECT_EQ(micros(json::parse("1e2")), 100'000'000);
  EXPECT_EQ(micros(json::parse("1e-6")), 1);
  EXPECT_EQ(micros(json::parse("-0.000001")), -1);
  EXPECT_EQ(micros(json::parse("0.3")), 300'000);
}

TEST(JsonValuesTest, RefusesFloatsWithTooManyDecimalsOrOutOfRange) {
  EXPECT_NE(refusal(json::parse("1.5e-6")).find("decimal"), std::string::npos);
  refusal(json::parse("0.1234567"));
  refusal(json(0.1 + 0.2));  // 0.30000000000000004
  refusal(json::parse("1e300"));
  refusal(json::parse("1e13"));
  refusal(json(std::numeric_limits<double>::infinity()));
  refusal(json(std::nan("")));
}

TEST(JsonValuesTest, RefusesNonNumericStringsWithAClearMessage) {
  for (const char* text : {"NaN", "Infinity", "-Infinity", "inf", "1e400", "", "abc", "1,5", " 1"}) {
    std::string message = refusal(json(text));
    EXPECT_NE(message.find("expected a decimal amount"), std::string::npos) << text << ": " << message;
  }
}

TEST(JsonValuesTest, RefusesOtherJsonTypesNamingWhatItGot) {
  EXPECT_NE(refusal(json(true)).find("got true"), std::string::npos);
  EXPECT_NE(refusal(json(nullptr)).find("got null"), std::string::npos);
  EXPECT_NE(refusal(json::array({1})).find("got an array"), std::string::npos);
  EXPECT_NE(refusal(json::object()).find("got an object"), std::string::npos);
}

TEST(JsonValuesTest, ShortestDoubleTextIsTheShortestRoundTrip) {
  EXPECT_EQ(shortest_double_text(0.1), "0.1");
  EXPECT_EQ(shortest_double_text(123.45), "123.45");
  EXPECT_EQ(shortest_double_text(100.0), "1e+02");
  EXPECT_EQ(shortest_double_text(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(shortest_double_text(1.5e-6), "1.5e-06");
}

TEST(JsonValuesTest, TimestampsAreIso8601UtcStrings) {
  Timestamp t = timestamp_from_micros(1'795'944'600'250'000);
  EXPECT_EQ(to_json(t), json("2026-11-29T09:30:00.250000Z"));
  Result<Timestamp> back = timestamp_from_json(to_json(t));
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(*back, t);
}

TEST(JsonValuesTest, RefusesTimestampsThatAreNotStrictIsoStrings) {
  for (const json& j : {json(1'795'944'600), json("2026-02-30T00:00:00Z"), json("2026-11-24T09:30:00"),
                        json("2026-11-24T09:30:00.1234567Z"), json(nullptr)}) {
    Result<Timestamp> t = timestamp_from_json(j);
    ASSERT_FALSE(t.is_ok()) << j.dump();
    EXPECT_NE(t.status().message().find("ISO-8601"), std::string::npos) << t.status().message();
  }
}

TEST(JsonValuesTest, ParseJsonReportsMalformedTextWithoutThrowing) {
  EXPECT_TRUE(parse_json(R"({"a":[1,2,{"b":null}]})").is_ok());
  for (const char* text : {"", "{", "[1,]", "{\"a\":1e400}", "NaN", "{'a':1}", "\"\xff\""}) {
    Result<json> r = parse_json(text);
    EXPECT_FALSE(r.is_ok()) << text;
    if (!r.is_ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

TEST(JsonValuesTest, DumpJsonReplacesInvalidUtf8InsteadOfThrowing) {
  json j = std::string("bad \xff byte");
  std::string out;
  EXPECT_NO_THROW(out = dump_json(j));
  EXPECT_EQ(out, "\"bad \xEF\xBF\xBD byte\"");
  EXPECT_EQ(valid_utf8("ok \xC3\xA9"), "ok \xC3\xA9");
  EXPECT_EQ(valid_utf8("cut \xC3"), "cut \xEF\xBF\xBD");
}

}  // namespace
}  // namespace stonks
