// The report's price charts on the wire: what a finished replay sends, read
// back unchanged; fills on their bar's candle; a malformed chart refused
// with the field that is wrong.
#include "backtest/report/report_chart_json.h"

#include <gtest/gtest.h>

#include "json/json_values.h"

namespace stonks::testing {
namespace {

Timestamp at(const char* iso) { return *parse_iso8601(iso); }
Price px(const char* text) { return *Price::parse(text); }

Bar daily(const char* end, const char* o, const char* h, const char* l, const char* c) {
  Bar b;
  b.symbol = *Symbol::parse("IBM");
  b.at = at(end);
  b.open = px(o);
  b.high = px(h);
  b.low = px(l);
  b.close = px(c);
  return b;
}

std::vector<PriceCandles> ibm_days() {
  ReportCandles candles;
  candles.add(daily("2026-01-06T00:00:00Z", "12", "12.5", "11.5", "12"));
  candles.add(daily("2026-01-07T00:00:00Z", "12", "12", "10.5", "11"));
  candles.add(daily("2026-01-08T00:00:00Z", "11", "11", "9.5", "10"));
  return candles.candles();
}

TEST(ReportChartJson, AChartComesBackAsItWasSent) {
  ChunkedVector<Fill> fills;
  Fill buy;
  buy.symbol = *Symbol::parse("IBM");
  buy.side = Side::kBuy;
  buy.price = px("11.00");
  buy.at = at("2026-01-07T00:00:00Z");  // the end of the second bar
  fills.push_back(buy);
  Fill other = buy;
  other.symbol = *Symbol::parse("MSFT");
  fills.push_back(other);

  const std::vector<PriceChart> charts = price_charts(ibm_days(), fills);
  ASSERT_EQ(charts.size(), 1u);
  EXPECT_EQ(charts[0].candle_length, std::chrono::hours(24));
  ASSERT_EQ(charts[0].candles.size(), 3u);
  EXPECT_EQ(charts[0].candles[1].start, at("2026-01-06T00:00:00Z"));
  // Only IBM's fill, in the middle of its bar's day.
  ASSERT_EQ(charts[0].fills.size(), 1u);
  EXPECT_EQ(charts[0].fills[0], (ChartFill{at("2026-01-06T12:00:00Z"), px("11.00"), Side::kBuy}));

  const nlohmann::json wire = price_charts_json(charts);
  EXPECT_EQ(wire[0]["candles"][1],
            nlohmann::json::parse(
                R"({"start":"2026-01-06T00:00:00Z","open":"12.00","high":"12.00","low":"10.50","close":"11.00"})"));
  Result<std::vector<PriceChart>> back = parse_price_charts(parse_json(dump_json(wire)).value());
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  std::vector<PriceChart> expected = charts;
  for (Candle& c : expected[0].candles) c.points = 0;  // a count the wire does not carry
  EXPECT_EQ(*back, expected);
}

TEST(ReportChartJson, AMalformedChartNamesTheField) {
  nlohmann::json wire = price_charts_json(price_charts(ibm_days(), {}));
  wire[0]["candles"][2]["high"] = "NaN";
  Result<std::vector<PriceChart>> bad = parse_price_charts(wire);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().field(), "price_charts[0].candles[2].high");
  wire = price_charts_json(price_charts(ibm_days(), {}));
  wire[0]["candle_seconds"] = 0;
  EXPECT_EQ(parse_price_charts(wire).status().field(), "price_charts[0].candle_seconds");
  EXPECT_FALSE(parse_price_charts(nlohmann::json::object()).is_ok());
}

}  // namespace
}  // namespace stonks::testing
