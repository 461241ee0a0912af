// Tests for the JSON shapes of Quote, Bar and NewsEvent.
#include "json/market_data_json.h"

#include <gtest/gtest.h>

namespace stonks {
namespace {

using nlohmann::json;

Timestamp t(std::int64_t seconds) { return timestamp_from_micros(seconds * 1'000'000); }
Price px(const char* text) { return Price::parse(text).value(); }

void expect_error(const Status& s, const std::string& field, const std::string& message_part) {
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.to_string();
  EXPECT_EQ(s.field(), field) << s.to_string();
  EXPECT_NE(s.message().find(message_part), std::string::npos) << s.to_string();
}

TEST(MarketDataJsonTest, QuoteIsWrittenWithItsWireNamesAndRoundTrips) {
  Quote q{Symbol::parse("MSFT").value(), px("410.10"), px("410.12"), 300, 200, t(30)};
  json j = to_json(q);
  EXPECT_EQ(j, json::parse(R"({"ticker":"MSFT","bid":"410.10","ask":"410.12","bid_size":300,"ask_size":200,
      "at":"1970-01-01T00:00:30Z"})"));
  Result<Quote> back = quote_from_json(j);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(*back, q);
}

TEST(MarketDataJsonTest, QuoteSizesDefaultToZero) {
  Result<Quote> q =
      quote_from_json(json::parse(R"({"ticker":"MSFT","bid":410,"ask":"410.5","at":"2026-11-24T14:30:00Z"})"));
  ASSERT_TRUE(q.is_ok()) << q.status().to_string();
  EXPECT_EQ(q->bid_size, 0);
  EXPECT_EQ(q->ask_size, 0);
  EXPECT_EQ(q->bid, Price::from_units(410));
}

TEST(MarketDataJsonTest, QuoteIsStrict) {
  expect_error(quote_from_json(json::parse(R"({"ticker":"MSFT","bid":"1","ask":"2"})"), "quote").status(), "quote.at",
               "is required");
  expect_error(
      quote_from_json(json::parse(R"({"ticker":"MSFT","bid":"1","ask":"2","at":"2026-11-24T14:30:00Z","mid":1})"))
          .status(),
      "mid", "unknown field");
  expect_error(quote_from_json(
                   json::parse(R"({"ticker":"MSFT","bid":"1","ask":"2","bid_size":1.5,"at":"2026-11-24T14:30:00Z"})"))
                   .status(),
               "bid_size", "expected an integer");
}

TEST(MarketDataJsonTest, BarRoundTrips) {
  Bar b{Symbol::parse("SPY").value(), px("500"), px("505.5"), px("499.25"), px("503"), 1'000'000, t(3600)};
  json j = to_json(b);
  EXPECT_EQ(j, json::parse(R"({"ticker":"SPY","open":"500.00","high":"505.50","low":"499.25","close":"503.00",
      "volume":1000000,"at":"1970-01-01T01:00:00Z"})"));
  Result<Bar> back = bar_from_json(j);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(*back, b);
}

TEST(MarketDataJsonTest, BarRequiresEveryField) {
  json j = to_json(Bar{Symbol::parse("SPY").value(), px("1"), px("1"), px("1"), px("1"), 1, t(0)});
  for (const char* key : {"ticker", "open", "high", "low", "close", "volume", "at"}) {
    json k = j;
    k.erase(key);
    expect_error(bar_from_json(k, "bar").status(), std::string("bar.") + key, "is required");
  }
}

TEST(MarketDataJsonTest, NewsEventUsesTickerHeadlineSeverityAt) {
  NewsEvent n{Symbol::parse("TSLA").value(), "Recall announced", 85, t(7)};
  json j = to_json(n);
  EXPECT_EQ(j, json::parse(R"({"ticker":"TSLA","headline":"Recall announced","severity":85,
      "at":"1970-01-01T00:00:07Z"})"));
  Result<NewsEvent> back = news_event_from_json(j);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(*back, n);
}

TEST(MarketDataJsonTest, NewsEventIsStrict) {
  json base = to_json(NewsEvent{Symbol::parse("TSLA").value(), "x", 85, t(7)});
  json a = base;
  a["severity"] = 85.5;
  expect_error(news_event_from_json(a).status(), "severity", "expected an integer");
  json b = base;
  b["headline"] = 5;
  expect_error(news_event_from_json(b).status(), "headline", "expected a string");
  json c = base;
  c["symbol"] = "TSLA";
  expect_error(news_event_from_json(c).status(), "symbol", "unknown field");
  json d = base;
  d["at"] = "2026-02-30T00:00:00Z";
  expect_error(news_event_from_json(d).status(), "at", "ISO-8601");
}

}  // namespace
}  // namespace stonks
