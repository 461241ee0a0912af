// Fills from bars through the engine: a symbol with bars and no quote keeps a
// market order working until the next bar, resting limits fill on a later
// bar, volume-capped orders finish over several bars, and a quoted symbol
// keeps filling at its quotes.
#include <gtest/gtest.h>

#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

constexpr Duration kDay = std::chrono::hours(24);

class EngineBarFillsTest : public ::testing::Test {
 protected:
  // The next daily bar of `ticker`, ending at the harness's clock a day on.
  void next_bar(const std::string& ticker, const std::string& open, const std::string& high, const std::string& low,
                const std::string& close, Quantity volume = 0) {
    h.advance(kDay);
    Status st = h.engine.on_bar(Bar{sym(ticker), px(open), px(high), px(low), px(close), volume, h.now}, h.now);
    ASSERT_TRUE(st.is_ok()) << st.to_string();
  }
  const Order& order(OrderId id) const { return *h.engine.state().order(id); }

  EngineHarness h;  // quotes AAPL and MSFT; IBM has bars only
};

TEST_F(EngineBarFillsTest, AMarketOrderWithoutAQuoteWaitsForTheNextBarsOpen) {
  next_bar("IBM", "100", "101", "99", "100");
  const Order o = h.submit(market("IBM", Side::kBuy, 10));
  EXPECT_EQ(o.status(), OrderStatus::kSubmitted) << "no fill at the close it was decided on";
  EXPECT_TRUE(h.engine.state().fills.empty());

  next_bar("IBM", "101.50", "103", "101", "102");
  ASSERT_EQ(h.engine.state().fills.size(), 1u);
  const Fill& f = h.engine.state().fills.back();
  EXPECT_EQ(f.price, px("101.50"));
  EXPECT_EQ(f.at, h.now);
  EXPECT_EQ(order(o.id()).status(), OrderStatus::kFilled);
  EXPECT_EQ(h.engine.state().portfolio.position(sym("IBM")).qty, 10);
}

TEST_F(EngineBarFillsTest, ARestingLimitFillsOnTheFirstBarThatReachesIt) {
  next_bar("IBM", "100", "101", "99", "100");
  const Order o = h.submit(limit("IBM", Side::kBuy, 10, "95"));
  next_bar("IBM", "99", "100", "97", "98");
  next_bar("IBM", "98", "99", "95.01", "96");
  EXPECT_EQ(order(o.id()).status(), OrderStatus::kSubmitted) << "lows of 97 and 95.01 never reached 95";
  next_bar("IBM", "96", "97", "94.50", "95.50");
  EXPECT_EQ(order(o.id()).status(), OrderStatus::kFilled);
  EXPECT_EQ(order(o.id()).avg_fill_price(), px("95"));
}

TEST_F(EngineBarFillsTest, AVolumeCappedOrderFillsOverSeveralBars) {
  next_bar("IBM", "100", "101", "99", "100");
  const Order o = h.submit(market("IBM", Side::kBuy, 50));
  next_bar("IBM", "100", "101", "99", "100", 30);
  EXPECT_EQ(order(o.id()).status(), OrderStatus::kPartiallyFilled);
  EXPECT_EQ(order(o.id()).filled_qty(), 30);
  next_bar("IBM", "102", "103", "101", "102", 30);
  EXPECT_EQ(order(o.id()).status(), OrderStatus::kFilled);
  // 30 at 100, 20 at 102: 5040 / 50 = 100.80.
  EXPECT_EQ(order(o.id()).avg_fill_price(), px("100.80"));
}

TEST_F(EngineBarFillsTest, AQuotedSymbolFillsAtItsQuotesNotItsBars) {
  const Order o = h.submit(limit("AAPL", Side::kBuy, 10, "99"));  // the ask is 100.10
  EXPECT_EQ(o.status(), OrderStatus::kSubmitted);
  next_bar("AAPL", "100", "100.50", "98", "100");
  EXPECT_EQ(order(o.id()).status(), OrderStatus::kSubmitted) << "the bar's low of 98 is not a quote";
  h.set_quote("AAPL", "98.80", "98.90");
  EXPECT_EQ(order(o.id()).status(), OrderStatus::kFilled);
  EXPECT_EQ(order(o.id()).avg_fill_price(), px("98.90"));
}

TEST_F(EngineBarFillsTest, BarsOfOneSymbolLeaveAnotherSymbolsOrdersAlone) {
  next_bar("IBM", "100", "101", "99", "100");
  h.advance(std::chrono::seconds(1));
  ASSERT_TRUE(h.engine.on_bar(Bar{sym("ORCL"), px("50"), px("51"), px("49"), px("50"), 0, h.now}, h.now).is_ok());
  const Order o = h.submit(market("IBM", Side::kBuy, 10));
  next_bar("ORCL", "50", "51", "49", "50");
  EXPECT_EQ(order(o.id()).status(), OrderStatus::kSubmitted);
}

}  // namespace
}  // namespace stonks::testing
