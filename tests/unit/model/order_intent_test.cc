// Tests for OrderIntent's shape validation: each rule names its field.
#include "model/order_intent.h"

#include <string>

#include <gtest/gtest.h>

namespace stonks {
namespace {

OrderIntent market_buy() {
  OrderIntent i;
  i.symbol = Symbol::parse("AAPL").value();
  i.side = Side::kBuy;
  i.qty = 10;
  return i;
}

OrderIntent limit_sell() {
  OrderIntent i = market_buy();
  i.side = Side::kSell;
  i.type = OrderType::kLimit;
  i.limit_price = Price::parse("101.50").value();
  return i;
}

void expect_invalid(const OrderIntent& i, const char* field) {
  Status s = validate(i);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.to_string();
  EXPECT_EQ(s.field(), field) << s.to_string();
}

TEST(OrderIntentValidationTest, AcceptsWellFormedMarketAndLimitOrders) {
  EXPECT_TRUE(validate(market_buy()).is_ok());
  EXPECT_TRUE(validate(limit_sell()).is_ok());
  OrderIntent i = market_buy();
  i.client_order_id = "abc.DEF_1:2-3";
  i.source = "strategy:sma";
  i.qty = OrderIntent::kMaxQuantity;
  EXPECT_TRUE(validate(i).is_ok());
}

TEST(OrderIntentValidationTest, RequiresATicker) {
  OrderIntent i = market_buy();
  i.symbol = Symbol();
  expect_invalid(i, "ticker");
}

TEST(OrderIntentValidationTest, RequiresAPositiveBoundedQuantity) {
  for (Quantity q : {Quantity{0}, Quantity{-1}, OrderIntent::kMaxQuantity + 1}) {
    OrderIntent i = market_buy();
    i.qty = q;
    expect_invalid(i, "qty");
  }
}

TEST(OrderIntentValidationTest, LimitOrdersNeedAPositiveLimitPrice) {
  OrderIntent i = limit_sell();
  i.limit_price.reset();
  expect_invalid(i, "limit_price");
  i.limit_price = Price();
  expect_invalid(i, "limit_price");
  i.limit_price = Price::from_units(-1);
  expect_invalid(i, "limit_price");
}

TEST(OrderIntentValidationTest, MarketOrdersTakeNoLimitPrice) {
  OrderIntent i = market_buy();
  i.limit_price = Price::from_units(100);
  expect_invalid(i, "limit_price");
}

TEST(OrderIntentValidationTest, ClientOrderIdIsOptionalButBoundedToTokenCharacters) {
  OrderIntent i = market_buy();
  i.client_order_id = "has space";
  expect_invalid(i, "client_order_id");
  i.client_order_id = std::string(OrderIntent::kMaxClientOrderIdLength + 1, 'a');
  expect_invalid(i, "client_order_id");
  i.client_order_id = std::string(OrderIntent::kMaxClientOrderIdLength, 'a');
  EXPECT_TRUE(validate(i).is_ok());
}

TEST(OrderIntentValidationTest, SourceMustBeANonEmptyToken) {
  OrderIntent i = market_buy();
  i.source = "";
  expect_invalid(i, "source");
  i.source = "strategy/sma";
  expect_invalid(i, "source");
  i.source = std::string(OrderIntent::kMaxSourceLength + 1, 's');
  expect_invalid(i, "source");
}

TEST(OrderIntentValidationTest, DefaultsAreAManualMarketBuy) {
  OrderIntent i;
  EXPECT_EQ(i.side, Side::kBuy);
  EXPECT_EQ(i.type, OrderType::kMarket);
  EXPECT_EQ(i.source, "manual");
  EXPECT_TRUE(i.client_order_id.empty());
  EXPECT_FALSE(i.limit_price.has_value());
}

}  // namespace
}  // namespace stonks
