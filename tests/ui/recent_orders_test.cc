// Recent Orders: Cancel on an open order cancels it (a paper order at once;
// a remote broker's after it answers, the row saying the cancel was sent),
// and final orders offer no Cancel.
#include <gtest/gtest.h>

#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

// A limit buy below the market: it rests at the broker.
OrderId resting(DeskDriver& d) {
  OrderIntent in = limit("AAPL", Side::kBuy, 10, "95");
  Result<Order> o = d.engine.submit_order(in, d.now);
  EXPECT_TRUE(o.is_ok());
  EXPECT_EQ(o->status(), OrderStatus::kSubmitted);
  return o.is_ok() ? o->id() : 0;
}

TEST(RecentOrders, CancelEndsARestingPaperOrder) {
  DeskDriver d;
  const OrderId id = resting(d);
  d.frame(2);
  d.click(ids::order_cancel_id(id));
  EXPECT_EQ(d.engine.state().order(id)->status(), OrderStatus::kCancelled);
  EXPECT_NE(d.messages_at("toast").find("Order #" + std::to_string(id) + " cancelled"), std::string::npos)
      << d.messages_at("toast");
  d.frame(2);
  EXPECT_FALSE(d.shows(ids::order_cancel_id(id))) << "a final order offers no Cancel";
  EXPECT_FALSE(d.any_error());
}

TEST(RecentOrders, ACancelARemoteBrokerHasNotAnsweredIsShownAsSent) {
  DeskDriver d;
  d.broker.answers_cancels = false;
  const OrderId id = resting(d);
  d.frame(2);
  d.click(ids::order_cancel_id(id));
  EXPECT_EQ(d.engine.state().order(id)->status(), OrderStatus::kSubmitted);
  ASSERT_TRUE(d.engine.state().cancel_requests.contains(id));
  EXPECT_EQ(d.engine.state().cancel_requests.at(id).by, "operator");
  EXPECT_NE(d.messages_at("toast").find("cancel sent to the broker"), std::string::npos) << d.messages_at("toast");
  EXPECT_TRUE(d.shows(ids::order_cancel_id(id))) << "still open: asking again is allowed";
  EXPECT_FALSE(d.any_error());
}

TEST(RecentOrders, FilledOrdersOfferNoCancel) {
  DeskDriver d;
  Result<Order> o = d.engine.submit_order(market("AAPL", Side::kBuy, 1), d.now);
  ASSERT_TRUE(o.is_ok());
  ASSERT_EQ(o->status(), OrderStatus::kFilled);
  d.frame(2);
  EXPECT_FALSE(d.shows(ids::order_cancel_id(o->id())));
}

}  // namespace
}  // namespace stonks::testing
