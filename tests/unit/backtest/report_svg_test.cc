// The report's SVG: well-formed, one element per candle and per fill, each
// marker on its bar's candle at its price, tick labels and the equity curve
// with its drawdown; for a real replay and for reports built by hand.
#include "backtest/report/report_svg.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <vector>

#include "backtest/backtest_runner.h"
#include "journal/memory_storage.h"
#include "scripted_strategy.h"

namespace stonks::testing {
namespace {

std::size_t count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + needle.size())) ++n;
  return n;
}

// Empty when every tag is closed in order, self-closed or a declaration,
// and '&' only starts an entity; otherwise what is wrong.
std::string xml_problem(const std::string& s) {
  std::vector<std::string> open;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      bool entity = false;
      for (const char* e : {"&amp;", "&lt;", "&gt;", "&quot;"}) entity = entity || s.compare(i, std::strlen(e), e) == 0;
      if (!entity) return "a bare & at " + std::to_string(i);
      ++i;
      continue;
    }
    if (s[i] != '<') {
      ++i;
      continue;
    }
    const std::size_t end = s.find('>', i);
    if (end == std::string::npos) return "an unclosed tag at " + std::to_string(i);
    const std::string tag = s.substr(i + 1, end - i - 1);
    if (tag.find('<') != std::string::npos) return "a '<' inside the tag at " + std::to_string(i);
    const std::string name = tag.substr(tag[0] == '/' ? 1 : 0, tag.find_first_of(" /", 1) - (tag[0] == '/' ? 1 : 0));
    if (tag[0] == '/') {
      if (open.empty() || open.back() != name)
        return "</" + name + "> closes <" + (open.empty() ? "" : open.back()) + ">";
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(name);
    }
    i = end + 1;
  }
  return open.empty() ? "" : "<" + open.back() + "> is never closed";
}

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
};

// The body of each candle, in document order.
std::vector<Rect> candle_bodies(const std::string& svg) {
  std::vector<Rect> out;
  for (std::size_t at = svg.find("<g class=\"candle "); at != std::string::npos;
       at = svg.find("<g class=\"candle ", at + 1)) {
    Rect r;
    const std::size_t rect = svg.find("<rect ", at);
    EXPECT_EQ(
        std::sscanf(svg.c_str() + rect, "<rect x=\"%f\" y=\"%f\" width=\"%f\" height=\"%f\"", &r.x, &r.y, &r.w, &r.h),
        4);
    out.push_back(r);
  }
  return out;
}

// The tip (the first point) of each marker of `side` ("buy" or "sell").
std::vector<std::pair<float, float>> marker_tips(const std::string& svg, const std::string& side) {
  std::vector<std::pair<float, float>> out;
  const std::string key = "<path class=\"marker " + side + "\" d=\"M";
  for (std::size_t at = svg.find(key); at != std::string::npos; at = svg.find(key, at + 1)) {
    float x = 0, y = 0;
    EXPECT_EQ(std::sscanf(svg.c_str() + at + key.size(), "%f %f", &x, &y), 2);
    out.emplace_back(x, y);
  }
  return out;
}

// IBM over six days; bought 10 on bar 2's close (filled at bar 3's open,
// 102) and sold on bar 5's close (filled at bar 6's open, 106).
std::vector<Bar> six_days() {
  return {daily_bar("IBM", 1, "100", "101", "99", "100"),  daily_bar("IBM", 2, "100", "102", "99", "101"),
          daily_bar("IBM", 3, "102", "104", "101", "103"), daily_bar("IBM", 4, "103", "105", "102", "104"),
          daily_bar("IBM", 5, "104", "106", "103", "105"), daily_bar("IBM", 6, "106", "107", "105", "106")};
}

struct Replayed {
  MemoryStorage storage;
  std::unique_ptr<BacktestRunner> runner;
  std::vector<PriceCandles> candles;
  std::string svg;
};

std::unique_ptr<Replayed> replay_six_days() {
  auto r = std::make_unique<Replayed>();
  std::vector<SymbolStrategy> s;
  s.push_back({sym("IBM"), scripted("IBM", 10, {{2, Side::kBuy}, {5, Side::kSell}})});
  Result<std::unique_ptr<BacktestRunner>> opened =
      BacktestRunner::open(&r->storage, std::make_unique<VectorBarSource>(six_days()), std::move(s), {});
  EXPECT_TRUE(opened.is_ok()) << opened.status().to_string();
  if (!opened.is_ok()) return r;
  r->runner = std::move(opened).value();
  EXPECT_TRUE(r->runner->run().is_ok());
  r->candles = r->runner->candles().candles();
  r->svg = report_svg(r->runner->report(), r->candles, r->runner->state().fills);
  return r;
}

TEST(ReportSvg, IsAWellFormedSvgDocument) {
  const auto r = replay_six_days();
  ASSERT_TRUE(r->runner);
  EXPECT_EQ(r->svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(r->svg.substr(r->svg.size() - 7), "</svg>\n");
  EXPECT_EQ(xml_problem(r->svg), "");
  EXPECT_NE(r->svg.find("net P&amp;L"), std::string::npos) << "text is escaped";
  EXPECT_EQ(count(r->svg, "class=\"panel price\" data-symbol=\"IBM\""), 1u);
  EXPECT_EQ(count(r->svg, "class=\"panel curve\""), 1u);
}

TEST(ReportSvg, DrawsOneElementPerCandle) {
  const auto r = replay_six_days();
  ASSERT_TRUE(r->runner);
  ASSERT_EQ(r->candles.size(), 1u);
  ASSERT_EQ(r->candles[0].series.candles().size(), 6u);
  EXPECT_EQ(count(r->svg, "<g class=\"candle "), 6u);
  EXPECT_EQ(count(r->svg, "<g class=\"candle up\""), 6u) << "every bar closes at or above its open";
  EXPECT_EQ(count(r->svg, "<g class=\"candle down\""), 0u);
  const std::vector<Rect> bodies = candle_bodies(r->svg);
  ASSERT_EQ(bodies.size(), 6u);
  for (std::size_t i = 1; i < bodies.size(); ++i) EXPECT_GT(bodies[i].x, bodies[i - 1].x + bodies[i - 1].w);
}

TEST(ReportSvg, MarksEachFillOnItsBarsCandleAtItsPrice) {
  const auto r = replay_six_days();
  ASSERT_TRUE(r->runner);
  ASSERT_EQ(r->runner->state().fills.size(), 2u);
  const auto buys = marker_tips(r->svg, "buy");
  const auto sells = marker_tips(r->svg, "sell");
  ASSERT_EQ(buys.size(), 1u);
  ASSERT_EQ(sells.size(), 1u);
  const std::vector<Rect> bodies = candle_bodies(r->svg);
  ASSERT_EQ(bodies.size(), 6u);
  // The buy filled on bar 3 (index 2), the sell on bar 6 (index 5), each at its bar's open.
  EXPECT_GE(buys[0].first, bodies[2].x);
  EXPECT_LE(buys[0].first, bodies[2].x + bodies[2].w);
  EXPECT_GE(sells[0].first, bodies[5].x);
  EXPECT_LE(sells[0].first, bodies[5].x + bodies[5].w);
  // Bar 3 rose from its open of 102 to 103: the buy's tip is on the body's bottom edge. Bar 6 opened and
  // closed at 106 (a flat body, drawn 1 px high from the open down): the sell's tip is on its top edge.
  EXPECT_NEAR(buys[0].second, bodies[2].y + bodies[2].h, 0.16);
  EXPECT_NEAR(sells[0].second, bodies[5].y, 0.16);
  EXPECT_LT(sells[0].second, buys[0].second) << "106 is drawn above 102";
  EXPECT_NE(r->svg.find("<title>buy 10 @ 102.00, "), std::string::npos);
  EXPECT_NE(r->svg.find("<title>sell 10 @ 106.00, "), std::string::npos);
}

TEST(ReportSvg, LabelsThePriceTimeAndEquityAxes) {
  const auto r = replay_six_days();
  ASSERT_TRUE(r->runner);
  // Prices 99 .. 107 padded: ticks every 2.
  for (const char* label : {">100.00</text>", ">102.00</text>", ">104.00</text>", ">106.00</text>"})
    EXPECT_NE(r->svg.find(label), std::string::npos) << label;
  EXPECT_NE(r->svg.find("class=\"tick\">01-"), std::string::npos) << "a day label on the time axis";
  EXPECT_NE(r->svg.find("class=\"tick\">100000.00</text>"), std::string::npos) << "the starting equity";
  EXPECT_NE(r->svg.find("IBM, 1 day candles (6)"), std::string::npos);
}

TEST(ReportSvg, DrawsTheEquityCurveAndShadesItsDrawdown) {
  BacktestReport report;
  report.start = day_end(1);
  report.end = day_end(4);
  const std::vector<std::string> values = {"1000", "1100", "900", "1200"};
  for (int d = 1; d <= 4; ++d) report.equity_curve.push_back(EquityPoint{day_end(d), usd(values[d - 1]), false});
  const std::string svg = report_svg(report, {}, ChunkedVector<Fill>{});
  EXPECT_EQ(xml_problem(svg), "");
  EXPECT_EQ(count(svg, "class=\"panel price\""), 0u);
  EXPECT_EQ(count(svg, "<polyline class=\"equity\""), 1u);
  const std::string key = "<polyline class=\"equity\" points=\"";
  const std::size_t at = svg.find(key);
  ASSERT_NE(at, std::string::npos);
  const std::string points = svg.substr(at + key.size(), svg.find('"', at + key.size()) - at - key.size());
  EXPECT_EQ(count(points, ","), 4u) << "one x,y pair per equity point";
  EXPECT_EQ(count(svg, "<path class=\"drawdown\""), 1u);
  EXPECT_EQ(count(svg, "class=\"marker"), 0u);
}

TEST(ReportSvg, MarksOnlyTheFillsOfThePanelsSymbolThatItsCandlesHold) {
  PriceCandles ibm{sym("IBM"), CandleSeries(std::chrono::hours(24), 2), std::chrono::hours(24)};
  for (int d = 1; d <= 3; ++d) ibm.series.add(chart_time(day_end(d)), px("100"), px("101"), px("99"), px("100"));
  ASSERT_EQ(ibm.series.candles().size(), 2u) << "day 1's candle is dropped";
  ChunkedVector<Fill> fills;
  fills.push_back(Fill{1, 1, sym("IBM"), Side::kBuy, 5, px("100"), Money(), day_end(1)});
  fills.push_back(Fill{2, 2, sym("IBM"), Side::kSell, 5, px("100.5"), Money(), day_end(3)});
  fills.push_back(Fill{3, 3, sym("MSFT"), Side::kBuy, 5, px("100"), Money(), day_end(3)});
  const std::string svg = report_svg(BacktestReport{}, {ibm}, fills);
  EXPECT_EQ(xml_problem(svg), "");
  EXPECT_EQ(count(svg, "class=\"marker buy\""), 0u) << "day 1 has no candle any more; MSFT has no panel";
  EXPECT_EQ(count(svg, "class=\"marker sell\""), 1u);
}

TEST(ReportSvg, DrawsAtMostEightPricePanels) {
  std::vector<PriceCandles> prices;
  for (char c = 'A'; c <= 'J'; ++c) {
    PriceCandles p{sym(std::string(1, c)), CandleSeries(std::chrono::hours(24), 10), std::chrono::hours(24)};
    p.series.add(chart_time(day_end(1)), px("10"));
    prices.push_back(p);
  }
  const std::string svg = report_svg(BacktestReport{}, prices, ChunkedVector<Fill>{});
  EXPECT_EQ(xml_problem(svg), "");
  EXPECT_EQ(count(svg, "class=\"panel price\""), kReportMaxPricePanels);
  EXPECT_EQ(count(svg, "data-symbol=\"H\""), 1u);
  EXPECT_EQ(count(svg, "data-symbol=\"I\""), 0u);
}

}  // namespace
}  // namespace stonks::testing
