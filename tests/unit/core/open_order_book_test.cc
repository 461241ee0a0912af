#include "core/open_order_book.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace stonks
