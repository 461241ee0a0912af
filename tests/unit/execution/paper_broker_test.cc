// PaperBroker: fills at the quote with slippage and fees, resting limits,
// partial fills by quote size, and a quote's size shared across orders.
#include "execution/paper_broker.h"

#include <gtest/gtest.h>

#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

// An order already working at the broker (submitted), as the engine holds it.
Order working(OrderId id, const OrderIntent& intent) {
  Order o(id, intent, test_epoch());
  EXPECT_TRUE(o.transition(OrderStatus::kSubmitted, test_epoch()).is_ok());
  return o;
}

class PaperBrokerTest : public ::testing::Test {
 protected:
  BrokerView view(const Quote& q) const { return BrokerView{&q, paper, test_epoch()}; }

  // The single fill submit() produces, or a failed expectation.
  ExecutionReport only_fill(const Order& o, const Quote& q) {
    std::vector<ExecutionReport> out = broker.submit(o, view(q));
    EXPECT_EQ(out.size(), 1u);
    if (out.size() != 1) return {};
    EXPECT_EQ(out[0].kind, ExecutionReport::Kind::kFill);
    EXPECT_EQ(out[0].order_id, o.id());
    return out[0];
  }

  PaperFillConfig paper;
  PaperBroker broker;
};

// --- market orders ---------------------------------------------------------------

TEST_F(PaperBrokerTest, MarketBuyFillsAtTheAsk) {
  ExecutionReport r = only_fill(working(1, market("AAPL", Side::kBuy, 10)), quote("AAPL", "99.90", "100.10"));
  EXPECT_EQ(r.qty, 10);
  EXPECT_EQ(r.price, px("100.10"));
  EXPECT_EQ(r.fee, Money());
}

TEST_F(PaperBrokerTest, MarketBuyPaysTheAskPlusSlippage) {
  paper.slippage_bps = 10;
  ExecutionReport r = only_fill(working(1, market("AAPL", Side::kBuy, 10)), quote("AAPL", "99.90", "100.10"));
  EXPECT_EQ(r.price, px("100.2001"));  // 100.10 x 1.001
}

TEST_F(PaperBrokerTest, MarketSellGetsTheBidLessSlippage) {
  paper.slippage_bps = 10;
  ExecutionReport r = only_fill(working(1, market("AAPL", Side::kSell, 10)), quote("AAPL", "99.90", "100.10"));
  EXPECT_EQ(r.price, px("99.8001"));  // 99.90 x 0.999
}

TEST_F(PaperBrokerTest, FeeIsBpsOfTheNotionalPlusTheFlatFee) {
  paper.fee_bps = 25;
  paper.fee_per_fill = usd("0.99");
  ExecutionReport r = only_fill(working(1, market("AAPL", Side::kBuy, 10)), quote("AAPL", "99.90", "100.10"));
  EXPECT_EQ(r.fee, usd("3.4925"));  // 1001.00 x 0.0025 = 2.5025, + 0.99
}

TEST_F(PaperBrokerTest, FeeIsOnTheSlippedNotionalRoundedHalfAwayFromZero) {
  paper.slippage_bps = 10;
  paper.fee_bps = 5;
  ExecutionReport r = only_fill(working(1, market("AAPL", Side::kBuy, 10)), quote("AAPL", "99.90", "100.10"));
  // 10 x 100.2001 = 1002.001; 5 bps = 0.5010005 -> 0.501001
  EXPECT_EQ(r.fee, usd("0.501001"));
}

TEST_F(PaperBrokerTest, FlatFeeAloneIsChargedPerFill) {
  paper.fee_per_fill = usd("1");
  ExecutionReport r = only_fill(working(1, market("AAPL", Side::kSell, 1)), quote("AAPL", "99.90", "100.10"));
  EXPECT_EQ(r.fee, usd("1"));
}

TEST_F(PaperBrokerTest, NothingFillsWithoutAQuote) {
  EXPECT_TRUE(
      broker.submit(working(1, market("AAPL", Side::kBuy, 10)), BrokerView{nullptr, paper, test_epoch()}).empty());
}

// --- limit orders ----------------------------------------------------------------

TEST_F(PaperBrokerTest, LimitBuyRestsWhileTheAskIsAboveTheLimit) {
  Order o = working(1, limit("AAPL", Side::kBuy, 10, "100"));
  EXPECT_TRUE(broker.submit(o, view(quote("AAPL", "99.90", "100.10"))).empty());
  EXPECT_TRUE(broker.on_quote({&o}, view(quote("AAPL", "99.99", "100.000001"))).empty());
}

TEST_F(PaperBrokerTest, LimitBuyFillsAtTheAskOnceCrossed) {
  ExecutionReport r = only_fill(working(1, limit("AAPL", Side::kBuy, 10, "100")), quote("AAPL", "99.80", "99.95"));
  EXPECT_EQ(r.price, px("99.95")) << "a crossed limit fills at the better quote, not at the limit";
  EXPECT_EQ(r.qty, 10);
}

TEST_F(PaperBrokerTest, LimitBuyAtExactlyTheAskFills) {
  ExecutionReport r = only_fill(working(1, limit("AAPL", Side::kBuy, 10, "100")), quote("AAPL", "99.90", "100"));
  EXPECT_EQ(r.price, px("100"));
}

TEST_F(PaperBrokerTest, LimitBuyNeverPaysAboveTheLimitEvenWithSlippage) {
  paper.slippage_bps = 10;
  ExecutionReport r = only_fill(working(1, limit("AAPL", Side::kBuy, 10, "100")), quote("AAPL", "99.80", "99.95"));
  EXPECT_EQ(r.price, px("100"));  // 99.95 x 1.001 = 100.04995 -> capped at 100
  r = only_fill(working(2, limit("AAPL", Side::kBuy, 10, "100")), quote("AAPL", "99.00", "99.50"));
  EXPECT_EQ(r.price, px("99.5995"));  // slippage below the limit is kept
}

TEST_F(PaperBrokerTest, LimitSellRestsWhileTheBidIsBelowTheLimit) {
  Order o = working(1, limit("AAPL", Side::kSell, 10, "100"));
  EXPECT_TRUE(broker.submit(o, view(quote("AAPL", "99.999999", "100.10"))).empty());
}

TEST_F(PaperBrokerTest, LimitSellFillsAtTheBidOnceCrossed) {
  ExecutionReport r = only_fill(working(1, limit("AAPL", Side::kSell, 10, "100")), quote("AAPL", "100.05", "100.20"));
  EXPECT_EQ(r.price, px("100.05"));
}

TEST_F(PaperBrokerTest, LimitSellNeverGetsBelowTheLimitEvenWithSlippage) {
  paper.slippage_bps = 10;
  ExecutionReport r = only_fill(working(1, limit("AAPL", Side::kSell, 10, "100")), quote("AAPL", "100.05", "100.20"));
  EXPECT_EQ(r.price, px("100"));  // 100.05 x 0.999 = 99.94995 -> floored at 100
}

// --- sizes -----------------------------------------------------------------------

TEST_F(PaperBrokerTest, QuoteSizeCapsTheFill) {
  Order o = working(1, market("AAPL", Side::kBuy, 50));
  ExecutionReport r = only_fill(o, quote("AAPL", "99.90", "100.10", 1000, 30));
  EXPECT_EQ(r.qty, 30);
  ASSERT_TRUE(o.apply_fill(r.qty, r.price, r.fee, test_epoch()).is_ok());
  r = only_fill(o, quote("AAPL", "99.90", "100.20", 1000, 100));
  EXPECT_EQ(r.qty, 20) << "only the remaining quantity fills";
  EXPECT_EQ(r.price, px("100.20"));
}

TEST_F(PaperBrokerTest, SellsAreCappedByTheBidSize) {
  ExecutionReport r = only_fill(working(1, market("AAPL", Side::kSell, 50)), quote("AAPL", "99.90", "100.10", 7, 1));
  EXPECT_EQ(r.qty, 7);
}

TEST_F(PaperBrokerTest, ZeroSizeMeansUnlimited) {
  ExecutionReport r =
      only_fill(working(1, market("AAPL", Side::kBuy, 1'000'000)), quote("AAPL", "99.90", "100.10", 0, 0));
  EXPECT_EQ(r.qty, 1'000'000);
}

TEST_F(PaperBrokerTest, FlatFeeIsChargedOnEachPartialFill) {
  paper.fee_per_fill = usd("1");
  Order o = working(1, market("AAPL", Side::kBuy, 50));
  ExecutionReport a = only_fill(o, quote("AAPL", "99.90", "100", 0, 30));
  ASSERT_TRUE(o.apply_fill(a.qty, a.price, a.fee, test_epoch()).is_ok());
  ExecutionReport b = only_fill(o, quote("AAPL", "99.90", "100", 0, 30));
  EXPECT_EQ(a.fee, usd("1"));
  EXPECT_EQ(b.fee, usd("1"));
  EXPECT_EQ(b.qty, 20);
}

TEST_F(PaperBrokerTest, AFilledOrderGetsNoMoreFills) {
  Order o = working(1, market("AAPL", Side::kBuy, 5));
  ASSERT_TRUE(o.apply_fill(5, px("100"), Money(), test_epoch()).is_ok());
  EXPECT_TRUE(broker.submit(o, view(quote("AAPL", "99.90", "100.10"))).empty());
}

// --- on_quote --------------------------------------------------------------------

TEST_F(PaperBrokerTest, OnQuoteSharesTheQuoteSizeEarlierOrdersFirst) {
  Order a = working(1, market("AAPL", Side::kBuy, 20));
  Order b = working(2, limit("AAPL", Side::kBuy, 20, "101"));
  Order c = working(3, market("AAPL", Side::kBuy, 20));
  Order d = working(4, market("AAPL", Side::kBuy, 20));
  std::vector<ExecutionReport> out = broker.on_quote({&a, &b, &c, &d}, view(quote("AAPL", "99.90", "100.10", 0, 50)));
  ASSERT_EQ(out.size(), 3u) << "order 4 finds the ask used up";
  EXPECT_EQ(out[0].order_id, 1u);
  EXPECT_EQ(out[0].qty, 20);
  EXPECT_EQ(out[1].order_id, 2u);
  EXPECT_EQ(out[1].qty, 20);
  EXPECT_EQ(out[2].order_id, 3u);
  EXPECT_EQ(out[2].qty, 10);
  for (const auto& r : out) EXPECT_EQ(r.price, px("100.10"));
}

TEST_F(PaperBrokerTest, OnQuoteRestingOrdersDoNotUseUpTheSize) {
  Order resting = working(1, limit("AAPL", Side::kBuy, 20, "99"));
  Order taker = working(2, market("AAPL", Side::kBuy, 40));
  std::vector<ExecutionReport> out = broker.on_quote({&resting, &taker}, view(quote("AAPL", "99.90", "100.10", 0, 30)));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].order_id, 2u);
  EXPECT_EQ(out[0].qty, 30);
}

TEST_F(PaperBrokerTest, OnQuoteBuysAndSellsDrawOnTheirOwnSide) {
  Order buy = working(1, market("AAPL", Side::kBuy, 40));
  Order sell = working(2, market("AAPL", Side::kSell, 40));
  Order buy2 = working(3, market("AAPL", Side::kBuy, 40));
  std::vector<ExecutionReport> out =
      broker.on_quote({&buy, &sell, &buy2}, view(quote("AAPL", "99.90", "100.10", 25, 50)));
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].qty, 40);
  EXPECT_EQ(out[1].qty, 25);
  EXPECT_EQ(out[1].price, px("99.90"));
  EXPECT_EQ(out[2].qty, 10);
}

TEST_F(PaperBrokerTest, OnQuoteWithUnknownSizeFillsEveryCrossedOrderInFull) {
  Order a = working(1, market("AAPL", Side::kBuy, 500));
  Order b = working(2, market("AAPL", Side::kBuy, 700));
  std::vector<ExecutionReport> out = broker.on_quote({&a, &b}, view(quote("AAPL", "99.90", "100.10")));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].qty, 500);
  EXPECT_EQ(out[1].qty, 700);
}

TEST_F(PaperBrokerTest, OnQuoteWithoutAQuoteFillsNothing) {
  Order a = working(1, market("AAPL", Side::kBuy, 5));
  EXPECT_TRUE(broker.on_quote({&a}, BrokerView{nullptr, paper, test_epoch()}).empty());
}

// --- cancel ----------------------------------------------------------------------

TEST_F(PaperBrokerTest, CancelAnswersAtOnceWithACancelReport) {
  Order o = working(7, limit("AAPL", Side::kBuy, 10, "95"));
  Quote q = quote("AAPL", "99.90", "100.10");
  std::vector<ExecutionReport> out = broker.cancel(o, view(q));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, ExecutionReport::Kind::kCancelled);
  EXPECT_EQ(out[0].order_id, 7u);
  EXPECT_EQ(out[0].reason, "cancelled");
  EXPECT_EQ(out[0].qty, 0);
}

}  // namespace
}  // namespace stonks::testing
