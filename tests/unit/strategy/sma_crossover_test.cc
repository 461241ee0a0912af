// SMA crossover on hand-worked closes. Every test uses fast = 2, slow = 3
// unless it says otherwise; the averages in the comments are worked out by
// hand: "f" is the mean of the last 2 closes, "s" of the last 3.
#include "strategy/sma_crossover.h"

#include <gtest/gtest.h>

#include "strategy_fixture.h"

namespace stonks::testing {
namespace {

ParamList sma(const std::string& extra_key = "", const std::string& extra_value = "") {
  ParamList p{{"fast", "2"}, {"slow", "3"}, {"qty", "10"}};
  if (!extra_key.empty()) p.emplace_back(extra_key, extra_value);
  return p;
}

TEST(SmaCrossover, SendsNothingBeforeTheSlowWindowIsFullAndOnlyRecordsTheFirstFullBar) {
  StrategyFixture f("sma", sma());
  EXPECT_EQ(f.close("10"), "");  // f and s not full
  EXPECT_EQ(f.close("11"), "");  // f = 10.5, s not full
  EXPECT_EQ(f.close("12"), "");  // f = 11.5 > s = 11: fast is above, recorded only
  EXPECT_EQ(f.position(), 0);
}

TEST(SmaCrossover, LongOnlyBuysOnTheCrossAboveAndSellsThePositionOnTheCrossBelow) {
  StrategyFixture f("sma", sma());
  EXPECT_EQ(f.close("12"), "");
  EXPECT_EQ(f.close("11"), "");
  EXPECT_EQ(f.close("10"), "");        // f = 10.5 < s = 11: below, recorded
  EXPECT_EQ(f.close("13"), "buy 10");  // f = 11.5 > s = 34/3 = 11.33: cross above
  EXPECT_EQ(f.position(), 10);
  EXPECT_EQ(f.close("14"), "");        // f = 13.5 > s = 37/3 = 12.33: still above
  EXPECT_EQ(f.close("9"), "sell 10");  // f = 11.5 < s = 36/3 = 12: cross below
  EXPECT_EQ(f.position(), 0);
  EXPECT_EQ(f.close("8"), "");         // f = 8.5 < s = 31/3 = 10.33: still below
  EXPECT_EQ(f.close("15"), "buy 10");  // f = 11.5 > s = 32/3 = 10.67: cross above
  EXPECT_EQ(f.position(), 10);
}

TEST(SmaCrossover, WithShortsTheCrossesFlipThePositionThroughZero) {
  StrategyFixture f("sma", sma("allow_short", "true"));
  for (const char* c : {"12", "11", "10"}) EXPECT_EQ(f.close(c), "");
  EXPECT_EQ(f.close("13"), "buy 10");  // cross above from flat: the size
  EXPECT_EQ(f.close("14"), "");
  EXPECT_EQ(f.close("9"), "sell 20");  // cross below: the 10 long and 10 short
  EXPECT_EQ(f.position(), -10);
  EXPECT_EQ(f.close("8"), "");
  EXPECT_EQ(f.close("15"), "buy 20");  // cross above: the 10 short back and 10 long
  EXPECT_EQ(f.position(), 10);
}

TEST(SmaCrossover, ACrossBelowWhileFlatOpensAShortOnlyWhenShortsAreAllowed) {
  // 10, 11, 12: f = 11.5 > s = 11, above; then 9: f = 10.5 < s = 32/3 = 10.67.
  StrategyFixture long_only("sma", sma());
  StrategyFixture shorts("sma", sma("allow_short", "true"));
  for (const char* c : {"10", "11", "12"}) {
    EXPECT_EQ(long_only.close(c), "");
    EXPECT_EQ(shorts.close(c), "");
  }
  EXPECT_EQ(long_only.close("9"), "");
  EXPECT_EQ(long_only.position(), 0);
  EXPECT_EQ(shorts.close("9"), "sell 10");
  EXPECT_EQ(shorts.position(), -10);
}

TEST(SmaCrossover, EqualAveragesAreNotACrossAndKeepTheSideFastWasOn) {
  StrategyFixture f("sma", sma());
  for (const char* c : {"10", "11", "12"}) EXPECT_EQ(f.close(c), "");  // above, recorded
  EXPECT_EQ(f.close("10"), "");                                        // f = 11 = s = 33/3: equal, still "above"
  EXPECT_EQ(f.close("15"), "");  // f = 12.5 > s = 37/3 = 12.33: above again, no cross
  EXPECT_EQ(f.position(), 0);

  StrategyFixture g("sma", sma());
  for (const char* c : {"12", "11", "10"}) EXPECT_EQ(g.close(c), "");  // below, recorded
  EXPECT_EQ(g.close("12"), "");                                        // f = 11 = s = 33/3: equal
  EXPECT_EQ(g.close("11"), "buy 10");                                  // f = 11.5 > s = 33/3 = 11: from below to above
}

TEST(SmaCrossover, AveragesAreComparedExactly) {
  // fast = 1, slow = 3. 0.10, 0.30, 0.10: f = 0.10 < s = 0.50/3, below.
  // 0.20: s = (0.30 + 0.10 + 0.20)/3 = 0.20 = f exactly (binary floating
  // point puts that sum a hair above 0.6, which would read as a cross).
  StrategyFixture f("sma", {{"fast", "1"}, {"slow", "3"}, {"qty", "10"}});
  for (const char* c : {"0.10", "0.30", "0.10"}) EXPECT_EQ(f.close(c), "");
  EXPECT_EQ(f.close("0.20"), "");
  EXPECT_EQ(f.close("0.25"), "buy 10");  // s = 0.55/3 = 0.1833 < f = 0.25
}

TEST(SmaCrossover, OrdersAreMarketOrdersWithTheStrategysSourceAndNoClientOrderId) {
  StrategyFixture f("sma", sma());
  for (const char* c : {"12", "11", "10"}) f.close(c);
  ASSERT_EQ(f.close("13"), "buy 10");
  OrderIntent want;
  want.symbol = sym("AAPL");
  want.side = Side::kBuy;
  want.qty = 10;
  want.type = OrderType::kMarket;
  want.source = "strategy:sma";
  EXPECT_EQ(f.intents, std::vector<OrderIntent>{want});
  EXPECT_EQ(f.strategy->name(), "sma");
  ASSERT_EQ(f.orders.size(), 1u);
  EXPECT_EQ(f.orders[0].status(), OrderStatus::kFilled);
  EXPECT_EQ(f.orders[0].intent().client_order_id, "so-" + std::to_string(f.orders[0].id()));
}

TEST(SmaCrossover, ReadsThePositionFromTheEngineSoManualTradesCount) {
  StrategyFixture f("sma", sma());
  for (const char* c : {"10", "11", "12"}) f.close(c);  // above, recorded
  f.h.submit(market("AAPL", Side::kBuy, 7));            // the operator buys 7 by hand
  EXPECT_EQ(f.close("9"), "sell 7");                    // f = 10.5 < s = 10.67: sells what is held
  EXPECT_EQ(f.position(), 0);

  // Already long when fast crosses above: nothing more to buy.
  StrategyFixture g("sma", sma());
  for (const char* c : {"12", "11", "10"}) g.close(c);
  g.h.submit(market("AAPL", Side::kBuy, 4));
  EXPECT_EQ(g.close("13"), "");
  EXPECT_EQ(g.position(), 4);
}

TEST(SmaCrossover, ARiskRejectedBuyLeavesItFlatSoTheNextCrossBelowSellsNothing) {
  StrategyFixture f("sma", sma());
  ASSERT_TRUE(f.h.engine.create_lockout(f.h.lockout_request("AAPL"), f.h.now).is_ok());
  for (const char* c : {"12", "11", "10"}) f.close(c);
  ASSERT_EQ(f.close("13"), "buy 10");
  EXPECT_EQ(f.orders[0].status(), OrderStatus::kRiskRejected);
  EXPECT_EQ(f.close("14"), "");
  EXPECT_EQ(f.close("9"), "");  // cross below, but the engine holds nothing
  EXPECT_EQ(f.position(), 0);
}

TEST(SmaCrossover, SendsNothingWhileItsOrderWaitsForTheOperatorAndResumesOnceDecided) {
  StrategyFixture f("sma", sma("allow_short", "true"));
  f.h.require_paper_approval();
  for (const char* c : {"12", "11", "10"}) f.close(c);
  ASSERT_EQ(f.close("13"), "buy 10");  // cross above
  ASSERT_EQ(f.orders[0].status(), OrderStatus::kPendingApproval);
  const OrderId waiting = f.orders[0].id();
  EXPECT_EQ(f.close("14"), "");
  EXPECT_EQ(f.close("9"), "");  // cross below (would sell 10 short): the buy still waits
  EXPECT_EQ(f.h.engine.state().approvals.pending_count(), 1u);

  const ApprovalId id = f.h.engine.state().order(waiting)->approval_id();
  ASSERT_TRUE(f.h.engine.decide_approval(id, false, "operator", "no", f.h.now).is_ok());
  EXPECT_EQ(f.position(), 0);
  // The windows kept moving while it waited: 9 was recorded as below, so
  // 8 (f = 8.5 < s = 10.33) is no cross and 15 (f = 11.5 > s = 10.67) is.
  EXPECT_EQ(f.close("8"), "");
  EXPECT_EQ(f.close("15"), "buy 10");
  EXPECT_EQ(f.h.engine.state().approvals.pending_count(), 1u);
}

TEST(SmaCrossover, AnotherSourcesOpenOrderDoesNotHoldItBack) {
  StrategyFixture f("sma", sma());
  f.h.require_paper_approval();
  f.h.submit(market("AAPL", Side::kBuy, 1));  // the operator's, waiting
  for (const char* c : {"12", "11", "10"}) f.close(c);
  EXPECT_EQ(f.close("13"), "buy 10");
  EXPECT_EQ(f.h.engine.state().approvals.pending_count(), 2u);
}

TEST(SmaCrossover, EquityPercentSizingRoundsDownAtTheCrossingClose) {
  // Equity 100000 (cash, nothing held). 36, 33, 30: below; 39: f = 34.5 >
  // s = 102/3 = 34, cross above: 10% of 100000 / 39 = 256.41 -> 256 shares.
  StrategyFixture f("sma", {{"fast", "2"}, {"slow", "3"}, {"equity_pct", "10"}});
  for (const char* c : {"36", "33", "30"}) f.close(c);
  EXPECT_EQ(f.close("39"), "buy 256");

  // 0.01% of 100000 is 10, under one share at 39: no order.
  StrategyFixture g("sma", {{"fast", "2"}, {"slow", "3"}, {"equity_pct", "0.01"}});
  for (const char* c : {"36", "33", "30"}) g.close(c);
  EXPECT_EQ(g.close("39"), "");
}

TEST(SmaCrossover, EquityPercentCountsHoldingsAtTheirMarks) {
  // 100 MSFT bought at the ask 200.20: cash 100000 - 20020 = 79980; marked
  // at the mid 200.00 they are worth 20000, so equity is 99980.
  // 30, 22, 20: f = 21 < s = 72/3 = 24, below; 25: f = 22.5 > s = 67/3 =
  // 22.33, cross above: 10% of 99980 = 9998, / 25 = 399.92 -> 399 shares
  // (the deposit would give 400, the cash alone 319).
  StrategyFixture f("sma", {{"fast", "2"}, {"slow", "3"}, {"equity_pct", "10"}});
  f.h.submit(market("MSFT", Side::kBuy, 100));
  for (const char* c : {"30", "22", "20"}) EXPECT_EQ(f.close(c), "");
  EXPECT_EQ(f.close("25"), "buy 399");
}

TEST(SmaCrossover, WithNoParametersAveragesTenAndThirtyClosesAndTradesOneShare) {
  // fast = 10, slow = 30, qty = 1. 29 closes of 100: slow not full. 90:
  // f = 990/10 = 99 < s = 2990/30 = 99.67, below, recorded. 200: f = 1090/10
  // = 109 > s = 3090/30 = 103, cross above.
  StrategyFixture f("sma", {});
  for (int i = 0; i < 29; ++i) ASSERT_EQ(f.close("100"), "");
  EXPECT_EQ(f.close("90"), "");
  EXPECT_EQ(f.close("200"), "buy 1");
}

}  // namespace
}  // namespace stonks::testing
