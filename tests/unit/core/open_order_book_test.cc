#include "core/open_order_book.h"

#include <gtest/gtest.h>

#include <vector>

namespace stonks {
namespace {

Order held(OrderId id, const char* symbol, Side side, Quantity qty) {
  OrderIntent in;
  in.symbol = *Symbol::parse(symbol);
  in.side = side;
  in.qty = qty;
  in.type = OrderType::kLimit;
  in.limit_price = Price::from_units(10);
  Order o(id, in, Timestamp{});
  EXPECT_TRUE(o.transition(OrderStatus::kPendingApproval, Timestamp{}).is_ok());
  return o;
}

TEST(OpenOrderBook, ASymbolWhoseOrdersEndedEqualsOneThatNeverHadAny) {
  const MarketState market;
  OpenOrderBook churned;
  Order a = held(1, "AAPL", Side::kBuy, 5);
  Order b = held(2, "MSFT", Side::kSell, 3);
  churned.update(a, market);
  churned.update(b, market);
  ASSERT_TRUE(a.transition(OrderStatus::kCancelled, Timestamp{}).is_ok());
  churned.update(a, market);

  OpenOrderBook fresh;
  fresh.update(b, market);
  EXPECT_EQ(churned, fresh);
  EXPECT_EQ(churned.size(), 1u);

  // The emptied symbol's totals start from zero when it trades again.
  Order c = held(3, "AAPL", Side::kBuy, 2);
  churned.update(c, market);
  fresh.update(c, market);
  EXPECT_EQ(churned, fresh);
  const OpenOrderSummary sum = churned.summary(*Symbol::parse("AAPL"), 0, market);
  EXPECT_EQ(sum.buy_qty_in_symbol, 2);
  EXPECT_EQ(sum.count, 2);
  EXPECT_EQ(sum.buy_notional, Money::from_units(20));
}

TEST(OpenOrderBook, BooksWithDifferentOpenOrdersDiffer) {
  const MarketState market;
  OpenOrderBook one;
  OpenOrderBook other;
  one.update(held(1, "AAPL", Side::kBuy, 5), market);
  other.update(held(1, "AAPL", Side::kBuy, 6), market);
  EXPECT_NE(one, other);
}

TEST(OpenOrderBook, OrdersEndingInAnyOrderLeaveTheRestAsIfAddedAlone) {
  const MarketState market;
  OpenOrderBook churned;
  std::vector<Order> orders;
  for (OrderId id = 1; id <= 300; ++id) {
    orders.push_back(held(id, id % 2 ? "AAPL" : "MSFT", Side::kBuy, static_cast<Quantity>(id)));
    churned.update(orders.back(), market);
  }
  // End all but every seventh, oldest first: holes at the front and in the
  // middle, enough of them for the list to be swept.
  OpenOrderBook fresh;
  Quantity aapl = 0;
  for (Order& o : orders) {
    if (o.id() % 7 == 0) {
      fresh.update(o, market);
      if (o.id() % 2) aapl += o.remaining_qty();
      continue;
    }
    ASSERT_TRUE(o.transition(OrderStatus::kCancelled, Timestamp{}).is_ok());
    churned.update(o, market);
  }
  EXPECT_EQ(churned, fresh);
  EXPECT_EQ(churned.size(), 42u);
  EXPECT_EQ(churned.ids(), fresh.ids());
  EXPECT_EQ(churned.ids().front(), 7u);
  EXPECT_TRUE(churned.contains(294));
  EXPECT_FALSE(churned.contains(293));
  EXPECT_FALSE(churned.contains(301));
  EXPECT_EQ(churned.summary(*Symbol::parse("AAPL"), 0, market).buy_qty_in_symbol, aapl);
  // The order under check comes back out of the summary wherever it sits.
  const OpenOrderSummary without_21 = churned.summary(*Symbol::parse("AAPL"), 21, market);
  EXPECT_EQ(without_21.count, 41);
  EXPECT_EQ(without_21.buy_qty_in_symbol, aapl - 21);
}

TEST(OpenOrderBook, AnOrderOpeningBelowTheNewestTakesItsPlaceInIdOrder) {
  const MarketState market;
  OpenOrderBook book;
  book.update(held(5, "AAPL", Side::kBuy, 1), market);
  book.update(held(2, "AAPL", Side::kBuy, 1), market);
  book.update(held(9, "AAPL", Side::kBuy, 1), market);
  EXPECT_EQ(book.ids(), (std::vector<OrderId>{2, 5, 9}));
  OpenOrderBook ordered;
  for (OrderId id : {2, 5, 9}) ordered.update(held(id, "AAPL", Side::kBuy, 1), market);
  EXPECT_EQ(book, ordered);
}

}  // namespace
}  // namespace stonks
