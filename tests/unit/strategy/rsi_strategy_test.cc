// The RSI strategy on hand-worked closes. Unless a test says otherwise:
// period = 2, oversold = 30, overbought = 70 (the defaults), qty = 10. With
// G and L the average gain and loss (rsi.h), the comments give them and
// RSI = 100 * G / (G + L) worked out by hand; period 2 halves at each step,
// so these are exact.
#include "strategy/rsi_strategy.h"

#include <gtest/gtest.h>

#include "strategy_fixture.h"

namespace stonks::testing {
namespace {

ParamList rsi(ParamList extra = {}) {
  ParamList p{{"period", "2"}, {"qty", "10"}};
  p.insert(p.end(), extra.begin(), extra.end());
  return p;
}

TEST(RsiStrategy, SendsNothingUntilPeriodChangesAreIn) {
  // oversold 60: the first RSI, 50, buys.
  StrategyFixture f("rsi", rsi({{"oversold", "60"}}));
  EXPECT_EQ(f.close("10"), "");        // no change yet
  EXPECT_EQ(f.close("11"), "");        // +1: one change of two
  EXPECT_EQ(f.close("10"), "buy 10");  // -1: G = 0.5, L = 0.5, RSI = 50 < 60
}

TEST(RsiStrategy, LongOnlyBuysBelowOversoldAndSellsAboveOverbought) {
  StrategyFixture f("rsi", rsi());
  EXPECT_EQ(f.close("10"), "");
  EXPECT_EQ(f.close("11"), "");
  EXPECT_EQ(f.close("10"), "");       // RSI = 50
  EXPECT_EQ(f.close("9"), "buy 10");  // -1: G = 0.25, L = (0.5 + 1)/2 = 0.75, RSI = 25
  EXPECT_EQ(f.position(), 10);
  EXPECT_EQ(f.close("10"), "");         // +1: G = (0.25 + 1)/2 = 0.625, L = 0.375, RSI = 62.5
  EXPECT_EQ(f.close("11"), "sell 10");  // +1: G = 0.8125, L = 0.1875, RSI = 81.25
  EXPECT_EQ(f.position(), 0);
  EXPECT_EQ(f.close("12"), "");  // +1: G = 0.90625, L = 0.09375, RSI = 90.625, but long-only
}

TEST(RsiStrategy, WithShortsTheMirrorSellsAboveOverboughtAndBuysBackBelowOversold) {
  StrategyFixture f("rsi", rsi({{"allow_short", "true"}}));
  for (const char* c : {"10", "11", "10"}) EXPECT_EQ(f.close(c), "");
  EXPECT_EQ(f.close("9"), "buy 10");    // RSI = 25
  EXPECT_EQ(f.close("10"), "");         // RSI = 62.5
  EXPECT_EQ(f.close("11"), "sell 10");  // RSI = 81.25: the long exits; no flip on the same bar
  EXPECT_EQ(f.close("12"), "sell 10");  // flat, RSI = 90.625 > 70: short
  EXPECT_EQ(f.position(), -10);
  // -2: G = 0.453125, L = (0.09375 + 2)/2 = 1.046875, RSI = 45.3125/1.5 = 30.21: not below 30.
  EXPECT_EQ(f.close("10"), "");
  // -1: G = 0.2265625, L = (1.046875 + 1)/2 = 1.0234375, RSI = 22.65625/1.25 = 18.125.
  EXPECT_EQ(f.close("9"), "buy 10");
  EXPECT_EQ(f.position(), 0);
}

TEST(RsiStrategy, LongOnlyLeavesAShortItDidNotOpenAlone) {
  StrategyFixture f("rsi", rsi());
  f.h.submit(market("AAPL", Side::kSell, 5));  // the operator goes short by hand
  for (const char* c : {"10", "11", "10"}) f.close(c);
  EXPECT_EQ(f.close("9"), "");  // RSI = 25 would enter, but it is not flat
  EXPECT_EQ(f.position(), -5);
}

TEST(RsiStrategy, ExitsWhatTheEngineHoldsIncludingAManualBuy) {
  StrategyFixture f("rsi", rsi());
  f.h.submit(market("AAPL", Side::kBuy, 3));
  for (const char* c : {"10", "11", "10"}) f.close(c);  // RSI = 50: hold
  EXPECT_EQ(f.close("12"), "sell 3");                   // +2: G = 1.25, L = 0.25, RSI = 83.33
}

TEST(RsiStrategy, LevelsAreComparedExactly) {
  // 10 11 10 9: RSI = 25 exactly. Not below 25; below 25.000001.
  StrategyFixture at("rsi", rsi({{"oversold", "25"}}));
  StrategyFixture above("rsi", rsi({{"oversold", "25.000001"}}));
  for (const char* c : {"10", "11", "10"}) {
    at.close(c);
    above.close(c);
  }
  EXPECT_EQ(at.close("9"), "");
  EXPECT_EQ(above.close("9"), "buy 10");

  // 10 11 10 12 13: RSI = 90 exactly (G = 1.125, L = 0.125). Long 1: not
  // above 90; above 89.999999.
  StrategyFixture hold("rsi", rsi({{"overbought", "90"}}));
  StrategyFixture sell("rsi", rsi({{"overbought", "89.999999"}}));
  for (StrategyFixture* g : {&hold, &sell}) {
    g->h.submit(market("AAPL", Side::kBuy, 1));
    for (const char* c : {"10", "11", "10", "12"}) g->close(c);  // RSI = 83.33: hold
  }
  EXPECT_EQ(hold.close("13"), "");
  EXPECT_EQ(sell.close("13"), "sell 1");
}

TEST(RsiStrategy, UnchangedClosesHaveNoRsiAndGiveNoSignal) {
  // Long 5 with overbought 40: if no movement read as an RSI of 50 (or of
  // 100), it would sell.
  StrategyFixture f("rsi", rsi({{"overbought", "40"}}));
  f.h.submit(market("AAPL", Side::kBuy, 5));
  for (const char* c : {"10", "10", "10", "10"}) EXPECT_EQ(f.close(c), "");
  EXPECT_EQ(f.position(), 5);
}

TEST(RsiStrategy, SizesByEquityPercentRoundingDown) {
  // Equity 100000; 1% = 1000, / 9 = 111.11 -> 111 shares.
  StrategyFixture f("rsi", {{"period", "2"}, {"equity_pct", "1"}});
  for (const char* c : {"10", "11", "10"}) f.close(c);
  EXPECT_EQ(f.close("9"), "buy 111");
}

TEST(RsiStrategy, SendsNothingWhileItsBuyWaitsAndExitsOnceItIsApproved) {
  StrategyFixture f("rsi", rsi());
  f.h.require_paper_approval();
  for (const char* c : {"10", "11", "10"}) f.close(c);
  ASSERT_EQ(f.close("9"), "buy 10");  // RSI = 25
  const OrderId waiting = f.orders[0].id();
  ASSERT_EQ(f.orders[0].status(), OrderStatus::kPendingApproval);
  // -1: G = 0.125, L = (0.75 + 1)/2 = 0.875, RSI = 12.5: the same buy, held back.
  EXPECT_EQ(f.close("8"), "");
  EXPECT_EQ(f.h.engine.state().approvals.pending_count(), 1u);

  const ApprovalId id = f.h.engine.state().order(waiting)->approval_id();
  ASSERT_TRUE(f.h.engine.decide_approval(id, true, "operator", "ok", f.h.now).is_ok());
  EXPECT_EQ(f.position(), 10);
  // +4: G = (0.125 + 4)/2 = 2.0625, L = 0.4375, RSI = 206.25/2.5 = 82.5: exit.
  EXPECT_EQ(f.close("12"), "sell 10");
}

TEST(RsiStrategy, OrdersCarryTheStrategysSource) {
  StrategyFixture f("rsi", rsi());
  for (const char* c : {"10", "11", "10"}) f.close(c);
  ASSERT_EQ(f.close("9"), "buy 10");
  EXPECT_EQ(f.intents[0].source, "strategy:rsi");
  EXPECT_EQ(f.intents[0].type, OrderType::kMarket);
  EXPECT_TRUE(f.intents[0].client_order_id.empty());
  EXPECT_EQ(f.strategy->name(), "rsi");
}

TEST(RsiStrategy, WithNoParametersUsesPeriodFourteenThirtySeventyAndOneShare) {
  // 100 down to 86, one a bar: the 14th close has 13 changes, the 15th the
  // 14th: G = 0, L = 1, RSI = 0: buy 1. Then up by r: G = r/14, L = 13/14,
  // RSI = 100 * r / (r + 13): 30 -> 69.77 (hold), 31 -> 70.45 (sell).
  StrategyFixture hold("rsi", {});
  StrategyFixture sell("rsi", {});
  for (StrategyFixture* f : {&hold, &sell}) {
    for (int close = 100; close > 87; --close) ASSERT_EQ(f->close(std::to_string(close)), "");
    EXPECT_EQ(f->close("87"), "");  // 13 changes
    EXPECT_EQ(f->close("86"), "buy 1");
  }
  EXPECT_EQ(hold.close("116"), "");
  EXPECT_EQ(sell.close("117"), "sell 1");
}

}  // namespace
}  // namespace stonks::testing
