// PaperBroker against bars: the next bar's open for market orders, the bar's
// range for limits (gaps fill at the open), volume caps, and never the bar
// an order was decided on (docs/backtest.md, "Fills from bars").
#include <gtest/gtest.h>

#include "execution/paper_broker.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

constexpr Duration kDay = std::chrono::hours(24);

// An order decided at test_epoch() (a bar's close), working at the broker.
Order working(OrderId id, const OrderIntent& intent) {
  Order o(id, intent, test_epoch());
  EXPECT_TRUE(o.transition(OrderStatus::kSubmitted, test_epoch()).is_ok());
  return o;
}

// The bar after the one the orders were decided on, unless `at` says otherwise.
Bar bar(const std::string& open, const std::string& high, const std::string& low, const std::string& close,
        Quantity volume = 0, Timestamp at = test_epoch() + kDay) {
  return Bar{sym("IBM"), px(open), px(high), px(low), px(close), volume, at};
}

class PaperBrokerBarFillsTest : public ::testing::Test {
 protected:
  std::vector<ExecutionReport> on_bar(const std::vector<const Order*>& orders, const Bar& b) {
    return broker.on_bar(orders, b, BrokerView{nullptr, paper, b.at});
  }
  // The single fill `o` gets from `b`, or a failed expectation.
  ExecutionReport only_fill(const Order& o, const Bar& b) {
    std::vector<ExecutionReport> out = on_bar({&o}, b);
    EXPECT_EQ(out.size(), 1u);
    if (out.size() != 1) return {};
    EXPECT_EQ(out[0].kind, ExecutionReport::Kind::kFill);
    EXPECT_EQ(out[0].order_id, o.id());
    return out[0];
  }

  PaperFillConfig paper;
  PaperBroker broker;
};

// --- market orders -----------------------------------------------------------------

TEST_F(PaperBrokerBarFillsTest, MarketBuyFillsAtTheNextOpenPlusSlippage) {
  paper.slippage_bps = 10;
  ExecutionReport r = only_fill(working(1, market("IBM", Side::kBuy, 10)), bar("100", "103", "99", "102"));
  EXPECT_EQ(r.qty, 10);
  EXPECT_EQ(r.price, px("100.10")) << "100 x 1.001: the open, not the close or the high";
}

TEST_F(PaperBrokerBarFillsTest, MarketSellFillsAtTheNextOpenLessSlippage) {
  paper.slippage_bps = 10;
  ExecutionReport r = only_fill(working(1, market("IBM", Side::kSell, 10)), bar("100", "103", "99", "102"));
  EXPECT_EQ(r.price, px("99.90"));  // 100 x 0.999
}

TEST_F(PaperBrokerBarFillsTest, NeverFillsOnTheBarTheOrderWasDecidedOnOrAnEarlierOne) {
  Order o = working(1, market("IBM", Side::kBuy, 10));
  EXPECT_TRUE(on_bar({&o}, bar("100", "103", "99", "102", 0, test_epoch())).empty())
      << "a bar ending when the order was made is the one it was decided on";
  EXPECT_TRUE(on_bar({&o}, bar("100", "103", "99", "102", 0, test_epoch() - kDay)).empty());
  EXPECT_EQ(only_fill(o, bar("100", "103", "99", "102", 0, test_epoch() + Duration(1))).price, px("100"));
}

TEST_F(PaperBrokerBarFillsTest, FeeIsBpsOfTheNotionalPlusTheFlatFee) {
  paper.slippage_bps = 10;
  paper.fee_bps = 25;
  paper.fee_per_fill = usd("0.99");
  ExecutionReport r = only_fill(working(1, market("IBM", Side::kBuy, 10)), bar("100", "103", "99", "102"));
  EXPECT_EQ(r.fee, usd("3.4925"));  // 10 x 100.10 = 1001.00; x 0.0025 = 2.5025; + 0.99
}

// --- limit orders ------------------------------------------------------------------

TEST_F(PaperBrokerBarFillsTest, LimitBuyTouchedInsideTheBarFillsAtTheLimit) {
  ExecutionReport r = only_fill(working(1, limit("IBM", Side::kBuy, 10, "100")), bar("102", "103", "99.50", "101"));
  EXPECT_EQ(r.price, px("100"));
}

TEST_F(PaperBrokerBarFillsTest, LimitBuyFillsWhenTheLowEqualsTheLimit) {
  ExecutionReport r = only_fill(working(1, limit("IBM", Side::kBuy, 10, "100")), bar("102", "103", "100", "101"));
  EXPECT_EQ(r.price, px("100"));
}

TEST_F(PaperBrokerBarFillsTest, LimitBuyRestsWhenTheLowStaysAboveTheLimit) {
  Order o = working(1, limit("IBM", Side::kBuy, 10, "100"));
  EXPECT_TRUE(on_bar({&o}, bar("102", "103", "100.000001", "101")).empty());
}

TEST_F(PaperBrokerBarFillsTest, LimitBuyGappedThroughFillsAtTheOpen) {
  ExecutionReport r = only_fill(working(1, limit("IBM", Side::kBuy, 10, "100")), bar("97", "99", "96", "98"));
  EXPECT_EQ(r.price, px("97")) << "the open is better than the limit";
}

TEST_F(PaperBrokerBarFillsTest, LimitSellTouchedInsideTheBarFillsAtTheLimit) {
  ExecutionReport r = only_fill(working(1, limit("IBM", Side::kSell, 10, "100")), bar("98", "100.50", "97", "99"));
  EXPECT_EQ(r.price, px("100"));
}

TEST_F(PaperBrokerBarFillsTest, LimitSellRestsWhenTheHighStaysBelowTheLimit) {
  Order o = working(1, limit("IBM", Side::kSell, 10, "100"));
  EXPECT_TRUE(on_bar({&o}, bar("98", "99.999999", "97", "99")).empty());
}

TEST_F(PaperBrokerBarFillsTest, LimitSellGappedThroughFillsAtTheOpen) {
  ExecutionReport r = only_fill(working(1, limit("IBM", Side::kSell, 10, "100")), bar("103", "104", "102", "103"));
  EXPECT_EQ(r.price, px("103"));
}

TEST_F(PaperBrokerBarFillsTest, SlippageOnALimitNeverPassesTheLimit) {
  paper.slippage_bps = 10;
  // Gap down to 99.95: 99.95 x 1.001 = 100.04995, capped at the limit.
  ExecutionReport r = only_fill(working(1, limit("IBM", Side::kBuy, 10, "100")), bar("99.95", "100", "99", "99.5"));
  EXPECT_EQ(r.price, px("100"));
  // Gap down to 99: 99 x 1.001 = 99.099, inside the limit: kept.
  r = only_fill(working(2, limit("IBM", Side::kBuy, 10, "100")), bar("99", "99.5", "98", "99"));
  EXPECT_EQ(r.price, px("99.099"));
  // Sells: gap up to 103, 103 x 0.999 = 102.897.
  r = only_fill(working(3, limit("IBM", Side::kSell, 10, "100")), bar("103", "104", "102", "103"));
  EXPECT_EQ(r.price, px("102.897"));
}

// --- volume ------------------------------------------------------------------------

TEST_F(PaperBrokerBarFillsTest, BarVolumeCapsWhatAllOrdersFillEarlierOrdersFirst) {
  Order a = working(1, market("IBM", Side::kBuy, 20));
  Order b = working(2, market("IBM", Side::kSell, 20));
  Order c = working(3, market("IBM", Side::kBuy, 20));
  std::vector<ExecutionReport> out = on_bar({&a, &b, &c}, bar("100", "101", "99", "100", 30));
  ASSERT_EQ(out.size(), 2u) << "order 3 finds the volume used up";
  EXPECT_EQ(out[0].order_id, 1u);
  EXPECT_EQ(out[0].qty, 20);
  EXPECT_EQ(out[1].order_id, 2u);
  EXPECT_EQ(out[1].qty, 10) << "buys and sells share one volume";
}

TEST_F(PaperBrokerBarFillsTest, AVolumeCappedFillPaysItsOwnFee) {
  paper.fee_per_fill = usd("1");
  paper.fee_bps = 10;
  ExecutionReport r = only_fill(working(1, market("IBM", Side::kBuy, 50)), bar("100", "101", "99", "100", 30));
  EXPECT_EQ(r.qty, 30);
  EXPECT_EQ(r.fee, usd("4"));  // 30 x 100 = 3000; 10 bps = 3; + 1
}

TEST_F(PaperBrokerBarFillsTest, LimitsNotReachedDoNotUseUpTheVolume) {
  Order resting = working(1, limit("IBM", Side::kBuy, 20, "90"));
  Order taker = working(2, market("IBM", Side::kBuy, 40));
  std::vector<ExecutionReport> out = on_bar({&resting, &taker}, bar("100", "101", "99", "100", 30));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].order_id, 2u);
  EXPECT_EQ(out[0].qty, 30);
}

TEST_F(PaperBrokerBarFillsTest, ZeroVolumeMeansUnknownAndDoesNotCap) {
  ExecutionReport r = only_fill(working(1, market("IBM", Side::kBuy, 1'000'000)), bar("100", "101", "99", "100", 0));
  EXPECT_EQ(r.qty, 1'000'000);
}

// --- quotes win --------------------------------------------------------------------

TEST_F(PaperBrokerBarFillsTest, ASymbolWithAQuoteIgnoresBars) {
  Order o = working(1, market("IBM", Side::kBuy, 10));
  Quote q = quote("IBM", "99.90", "100.10");
  const Bar b = bar("100", "101", "99", "100");
  EXPECT_TRUE(broker.on_bar({&o}, b, BrokerView{&q, paper, b.at}).empty());
}

}  // namespace
}  // namespace stonks::testing
