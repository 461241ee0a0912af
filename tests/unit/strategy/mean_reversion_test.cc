// Mean reversion on hand-worked closes. Unless a test says otherwise:
// window = 3, entry = 1, exit = 0, qty = 10. For a window of n closes with
// sum S and sum of squares Q, the newest close c has z = d / sqrt(v) with
// d = n*c - S and v = n*Q - S^2 (the population z-score, both parts scaled
// by n); the comments give d, v and z worked out by hand.
#include "strategy/mean_reversion.h"

#include <gtest/gtest.h>

#include "strategy_fixture.h"

namespace stonks::testing {
namespace {

ParamList mr(ParamList extra = {}) {
  ParamList p{{"window", "3"}, {"entry", "1"}, {"qty", "10"}};
  p.insert(p.end(), extra.begin(), extra.end());
  return p;
}

TEST(MeanReversion, EntersLongBelowMinusEntryAndExitsAboveMinusExit) {
  StrategyFixture f("mean_reversion", mr());
  EXPECT_EQ(f.close("10"), "");  // window not full
  EXPECT_EQ(f.close("10"), "");  // window not full
  // 10 10 7: d = 21 - 27 = -6, v = 3*249 - 27^2 = 18, z = -6/sqrt(18) = -1.41 < -1.
  EXPECT_EQ(f.close("7"), "buy 10");
  EXPECT_EQ(f.position(), 10);
  // 10 7 8: d = 24 - 25 = -1, v = 3*213 - 625 = 14, z = -0.27, not above -0: hold.
  EXPECT_EQ(f.close("8"), "");
  // 7 8 10: d = 30 - 25 = 5, v = 14, z = 1.34 > 0: exit.
  EXPECT_EQ(f.close("10"), "sell 10");
  EXPECT_EQ(f.position(), 0);
  // 8 10 12: d = 36 - 30 = 6, v = 3*308 - 900 = 24, z = 1.22 > entry, but long-only.
  EXPECT_EQ(f.close("12"), "");
}

TEST(MeanReversion, AnExitThresholdAboveZeroExitsSooner) {
  StrategyFixture f("mean_reversion", mr({{"exit", "0.5"}}));
  for (const char* c : {"10", "10"}) f.close(c);
  EXPECT_EQ(f.close("7"), "buy 10");
  EXPECT_EQ(f.close("8"), "sell 10");  // z = -1/sqrt(14) = -0.27 > -0.5
}

TEST(MeanReversion, WithShortsTheMirrorRulesSellAboveEntryAndBuyBackBelowExit) {
  StrategyFixture f("mean_reversion", mr({{"allow_short", "true"}}));
  for (const char* c : {"10", "10"}) f.close(c);
  EXPECT_EQ(f.close("7"), "buy 10");    // z = -1.41
  EXPECT_EQ(f.close("8"), "");          // z = -0.27
  EXPECT_EQ(f.close("10"), "sell 10");  // z = 1.34: the long exits; no flip on the same bar
  EXPECT_EQ(f.position(), 0);
  EXPECT_EQ(f.close("12"), "sell 10");  // flat, z = 6/sqrt(24) = 1.22 > 1: short
  EXPECT_EQ(f.position(), -10);
  // 10 12 10: d = 30 - 32 = -2, v = 3*344 - 32^2 = 8, z = -0.71 < exit 0: buy back.
  EXPECT_EQ(f.close("10"), "buy 10");
  EXPECT_EQ(f.position(), 0);
}

TEST(MeanReversion, LongOnlyLeavesAShortItDidNotOpenAlone) {
  StrategyFixture f("mean_reversion", mr());
  f.h.submit(market("AAPL", Side::kSell, 5));  // the operator goes short by hand
  for (const char* c : {"10", "10"}) f.close(c);
  EXPECT_EQ(f.close("7"), "");  // z = -1.41 would enter, but it is not flat
  EXPECT_EQ(f.position(), -5);
}

TEST(MeanReversion, ExitsWhatTheEngineHoldsIncludingAManualBuy) {
  StrategyFixture f("mean_reversion", mr());
  f.h.submit(market("AAPL", Side::kBuy, 3));
  for (const char* c : {"7", "8"}) f.close(c);
  EXPECT_EQ(f.close("10"), "sell 3");  // 7 8 10: z = 1.34 > 0
}

TEST(MeanReversion, EqualClosesHaveNoStandardDeviationAndGiveNoSignal) {
  // Long 5 with exit 0.5: if a flat window counted as z = 0, 0 > -0.5 would sell.
  StrategyFixture f("mean_reversion", mr({{"exit", "0.5"}}));
  f.h.submit(market("AAPL", Side::kBuy, 5));
  for (const char* c : {"10", "10", "10", "10"}) EXPECT_EQ(f.close(c), "");
  EXPECT_EQ(f.position(), 5);
}

TEST(MeanReversion, ThresholdsAreComparedExactly) {
  // A window of 2 always gives z = +-1 exactly: 10 9: d = 18 - 19 = -1,
  // v = 2*181 - 19^2 = 1, z = -1. Not below -1; below -0.999999.
  StrategyFixture at("mean_reversion", {{"window", "2"}, {"entry", "1"}, {"qty", "10"}});
  at.close("10");
  EXPECT_EQ(at.close("9"), "");
  StrategyFixture under("mean_reversion", {{"window", "2"}, {"entry", "0.999999"}, {"qty", "10"}});
  under.close("10");
  EXPECT_EQ(under.close("9"), "buy 10");

  // 10 10 7: z = -6/sqrt(18) = -sqrt(2) = -1.41421356...
  StrategyFixture below("mean_reversion", {{"window", "3"}, {"entry", "1.414213"}, {"qty", "10"}});
  StrategyFixture above("mean_reversion", {{"window", "3"}, {"entry", "1.414214"}, {"qty", "10"}});
  for (const char* c : {"10", "10"}) {
    below.close(c);
    above.close(c);
  }
  EXPECT_EQ(below.close("7"), "buy 10");
  EXPECT_EQ(above.close("7"), "");
}

TEST(MeanReversion, SizesByEquityPercentRoundingDown) {
  // Equity 100000; 1% = 1000, / 7 = 142.86 -> 142 shares.
  StrategyFixture f("mean_reversion", {{"window", "3"}, {"entry", "1"}, {"equity_pct", "1"}});
  for (const char* c : {"10", "10"}) f.close(c);
  EXPECT_EQ(f.close("7"), "buy 142");
}

TEST(MeanReversion, SendsNothingWhileItsBuyWaitsAndExitsOnceItIsApproved) {
  StrategyFixture f("mean_reversion", mr());
  f.h.require_paper_approval();
  for (const char* c : {"10", "10"}) f.close(c);
  ASSERT_EQ(f.close("7"), "buy 10");
  const OrderId waiting = f.orders[0].id();
  ASSERT_EQ(f.orders[0].status(), OrderStatus::kPendingApproval);
  // 10 7 5: d = 15 - 22 = -7, v = 3*174 - 22^2 = 38, z = -1.14 < -1: the same
  // buy again, held back.
  EXPECT_EQ(f.close("5"), "");
  EXPECT_EQ(f.h.engine.state().approvals.pending_count(), 1u);

  const ApprovalId id = f.h.engine.state().order(waiting)->approval_id();
  ASSERT_TRUE(f.h.engine.decide_approval(id, true, "operator", "ok", f.h.now).is_ok());
  EXPECT_EQ(f.position(), 10);
  // 7 5 3: d = 9 - 15 = -6, v = 3*83 - 225 = 24, z = -1.22: long, hold.
  EXPECT_EQ(f.close("3"), "");
  // 5 3 10: d = 30 - 18 = 12, v = 3*134 - 18^2 = 78, z = 1.36 > 0: exit.
  EXPECT_EQ(f.close("10"), "sell 10");
}

TEST(MeanReversion, AsksAgainOnceTheOperatorRejectedItsBuy) {
  StrategyFixture f("mean_reversion", mr());
  f.h.require_paper_approval();
  for (const char* c : {"10", "10"}) f.close(c);
  ASSERT_EQ(f.close("7"), "buy 10");
  const OrderId waiting = f.orders[0].id();
  EXPECT_EQ(f.close("5"), "");  // z = -1.14, held back
  const ApprovalId id = f.h.engine.state().order(waiting)->approval_id();
  ASSERT_TRUE(f.h.engine.decide_approval(id, false, "operator", "not now", f.h.now).is_ok());
  EXPECT_EQ(f.close("3"), "buy 10");  // flat, z = -1.22 < -1
  EXPECT_EQ(f.orders[0].status(), OrderStatus::kPendingApproval);
}

TEST(MeanReversion, HugeClosesStayExactAndOnesBeyondTheRangeGiveNoSignalUntilTheyLeave) {
  // 10^9 and 10^9 - 1 (at the ceiling): window 2, z = -1 < -0.5.
  StrategyFixture big("mean_reversion", {{"window", "2"}, {"entry", "0.5"}, {"qty", "10"}});
  big.close("1000000000");
  EXPECT_EQ(big.close("999999999"), "buy 10");

  // A close above the ceiling holds back every signal while it is in the
  // window: 1000000000.000001 then 1 (z would be -1); then 1 0.5: z = -1.
  StrategyFixture over("mean_reversion", {{"window", "2"}, {"entry", "0.5"}, {"qty", "10"}});
  over.close("1000000000.000001");
  EXPECT_EQ(over.close("1"), "");
  EXPECT_EQ(over.close("0.5"), "buy 10");
}

TEST(MeanReversion, OrdersCarryTheStrategysSource) {
  StrategyFixture f("mean_reversion", mr());
  for (const char* c : {"10", "10"}) f.close(c);
  ASSERT_EQ(f.close("7"), "buy 10");
  EXPECT_EQ(f.intents[0].source, "strategy:mean_reversion");
  EXPECT_EQ(f.intents[0].type, OrderType::kMarket);
  EXPECT_TRUE(f.intents[0].client_order_id.empty());
  EXPECT_EQ(f.strategy->name(), "mean_reversion");
}

TEST(MeanReversion, WithNoParametersUsesAWindowOfTwentyEntryTwoExitZeroAndOneShare) {
  // 19 closes of 10 then 7: S = 197, Q = 19*100 + 49 = 1949, d = 20*7 - 197
  // = -57, v = 20*1949 - 197^2 = 171, z = -57/sqrt(171) = -4.36 < -2: buy 1.
  // Then 10 (a 10 left): S = 197, d = 200 - 197 = 3, z = 0.23 > -0: sell.
  StrategyFixture f("mean_reversion", {});
  for (int i = 0; i < 19; ++i) ASSERT_EQ(f.close("10"), "");
  EXPECT_EQ(f.close("7"), "buy 1");
  EXPECT_EQ(f.close("10"), "sell 1");
}

}  // namespace
}  // namespace stonks::testing
