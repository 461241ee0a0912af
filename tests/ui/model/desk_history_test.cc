// DeskHistory: candles from the engine's quotes and bars, equity samples.
#include "imgui_ui/model/desk_history.h"

#include <gtest/gtest.h>

#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

using ui::CandleLength;
using ui::DeskHistory;
using namespace std::chrono;

void feed(DeskHistory& h, const RecordingSink& sink) {
  for (const EventRecord& r : sink.events) h.observe(r);
}

TEST(DeskHistory, QuotesBuildCandlesOfEveryLengthFromTheirMid) {
  EngineHarness e;
  e.now = *parse_iso8601("2026-11-24T14:30:00Z");
  e.set_quote("IBM", "99.90", "100.10");  // mid 100.00
  e.advance(seconds(30));
  e.set_quote("IBM", "100.90", "101.10");  // 101.00, same minute
  e.advance(seconds(30));
  e.set_quote("IBM", "98.90", "99.10");  // 99.00, exactly on the next minute: a new candle
  DeskHistory h;
  feed(h, e.sink);
  const CandleSeries* m1 = h.candles(sym("IBM"), CandleLength::k1m);
  ASSERT_NE(m1, nullptr);
  ASSERT_EQ(m1->candles().size(), 2u);
  const Candle& first = m1->candles()[0];
  EXPECT_EQ(first.open, px("100.00"));
  EXPECT_EQ(first.high, px("101.00"));
  EXPECT_EQ(first.low, px("100.00"));
  EXPECT_EQ(first.close, px("101.00"));
  EXPECT_EQ(m1->candles()[1].open, px("99.00"));
  const CandleSeries* h1 = h.candles(sym("IBM"), CandleLength::k1h);
  ASSERT_EQ(h1->candles().size(), 1u);
  EXPECT_EQ(h1->candles()[0].low, px("99.00"));
  EXPECT_EQ(h.candles(sym("ORCL"), CandleLength::k1m), nullptr);
}

TEST(DeskHistory, AnEventSeenTwiceCountsOnce) {
  EngineHarness e;
  e.set_quote("IBM", "99.90", "100.10");
  DeskHistory h;
  feed(h, e.sink);
  feed(h, e.sink);  // a page answered twice, a rebuild over what was seen
  EXPECT_EQ(h.candles(sym("IBM"), CandleLength::k1m)->candles()[0].points, 1u);
}

TEST(DeskHistory, ABarGoesToTheCandleOfTheMinuteItClosed) {
  DeskHistory h;
  Bar b{sym("IBM"), px("10"), px("12"), px("9"), px("11"), 100, *parse_iso8601("2026-11-24T14:31:00Z")};
  h.observe(EventRecord{1, b.at, BarReceived{b}});
  const Candle& c = h.candles(sym("IBM"), CandleLength::k1m)->candles().at(0);
  EXPECT_EQ(c.start, *parse_iso8601("2026-11-24T14:30:00Z"));  // [14:30, 14:31) holds a bar ending at 14:31
  EXPECT_EQ(c.high, px("12"));
  EXPECT_EQ(c.low, px("9"));
}

TEST(DeskHistory, DayOpenIsTheFirstPriceOfTheUtcDay) {
  EngineHarness e;
  e.now = *parse_iso8601("2026-11-24T23:59:00Z");
  e.set_quote("IBM", "49.90", "50.10");
  e.now = *parse_iso8601("2026-11-25T00:10:00Z");
  e.set_quote("IBM", "59.90", "60.10");
  e.advance(hours(2));
  e.set_quote("IBM", "69.90", "70.10");
  DeskHistory h;
  feed(h, e.sink);
  EXPECT_EQ(h.day_open(sym("IBM"), e.now), px("60.00"));
  EXPECT_EQ(h.day_open(sym("IBM"), *parse_iso8601("2026-11-24T23:59:30Z")), px("50.00"));
  EXPECT_EQ(h.day_open(sym("IBM"), *parse_iso8601("2026-11-26T08:00:00Z")), std::nullopt);
  EXPECT_EQ(h.day_open(sym("ORCL"), e.now), std::nullopt);
}

TEST(DeskHistory, EquityAddsAPointOnlyWhenItMovesAndStaysBounded) {
  EngineHarness e;
  DeskHistory h;
  for (int i = 0; i < 10; ++i) {  // a quiet account: one flat stretch of two points
    e.advance(seconds(1));
    h.sample_equity(e.engine.state(), e.now);
  }
  ASSERT_EQ(h.equity().size(), 2u);
  EXPECT_EQ(h.equity().back().at, e.now);
  ASSERT_TRUE(e.engine.deposit(usd("1"), "t", e.now).is_ok());
  e.advance(seconds(1));
  h.sample_equity(e.engine.state(), e.now);
  EXPECT_EQ(h.equity().size(), 3u);
  EXPECT_EQ(h.equity().back().value, e.engine.state().portfolio.cash().micros());

  for (std::size_t i = 0; i < DeskHistory::kMaxEquityPoints * 3; ++i) {
    ASSERT_TRUE(e.engine.deposit(usd("1"), "t", e.now).is_ok());
    e.advance(seconds(1));
    h.sample_equity(e.engine.state(), e.now);
    ASSERT_LE(h.equity().size(), DeskHistory::kMaxEquityPoints);
  }
  EXPECT_EQ(h.equity().front().at, test_epoch() + seconds(1));                     // the session's start stays
  EXPECT_EQ(h.equity().back().value, e.engine.state().portfolio.cash().micros());  // and its newest point
  for (std::size_t i = 1; i < h.equity().size(); ++i) EXPECT_LT(h.equity()[i - 1].at, h.equity()[i].at);
}

}  // namespace
}  // namespace stonks::testing
