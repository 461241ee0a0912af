// Tests for Order's lifecycle: legal and illegal transitions, fills, restore.
#include "model/order.h"

#include <set>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace stonks {
namespace {

using S = OrderStatus;

const std::vector<S> kAllStatuses = {S::kReceived,  S::kRiskRejected,    S::kPendingApproval, S::kApproved,
                                     S::kSubmitted, S::kPartiallyFilled, S::kFilled,          S::kRejected,
                                     S::kExpired,   S::kCancelled,       S::kAccepted};

// The lifecycle as the design describes it, written out independently of
// can_transition() so a change to either shows up here.
const std::set<std::pair<S, S>> kLegal = {
    {S::kReceived, S::kRiskRejected},     {S::kReceived, S::kPendingApproval},
    {S::kReceived, S::kSubmitted},        {S::kReceived, S::kRejected},
    {S::kPendingApproval, S::kApproved},  {S::kPendingApproval, S::kRejected},
    {S::kPendingApproval, S::kExpired},   {S::kPendingApproval, S::kCancelled},
    {S::kApproved, S::kSubmitted},        {S::kApproved, S::kRejected},
    {S::kSubmitted, S::kPartiallyFilled}, {S::kSubmitted, S::kFilled},
    {S::kSubmitted, S::kCancelled},       {S::kSubmitted, S::kRejected},
    {S::kSubmitted, S::kAccepted},        {S::kSubmitted, S::kExpired},
    {S::kAccepted, S::kPartiallyFilled},  {S::kAccepted, S::kFilled},
    {S::kAccepted, S::kCancelled},        {S::kAccepted, S::kRejected},
    {S::kAccepted, S::kExpired},          {S::kPartiallyFilled, S::kPartiallyFilled},
    {S::kPartiallyFilled, S::kFilled},    {S::kPartiallyFilled, S::kCancelled},
    {S::kPartiallyFilled, S::kExpired},
};

Timestamp t(std::int64_t seconds) { return timestamp_from_micros(seconds * 1'000'000); }

OrderIntent intent(Quantity qty = 10) {
  OrderIntent i;
  i.symbol = Symbol::parse("AAPL").value();
  i.qty = qty;
  return i;
}

// An order driven through legal moves into `status`.
Order order_in(S status) {
  Order o(7, intent(10), t(0));
  auto move = [&](S to) { ASSERT_TRUE(o.transition(to, t(1)).is_ok()) << to_string(to); };
  switch (status) {
    case S::kReceived:
      break;
    case S::kRiskRejected:
      move(S::kRiskRejected);
      break;
    case S::kPendingApproval:
      move(S::kPendingApproval);
      break;
    case S::kApproved:
      move(S::kPendingApproval);
      move(S::kApproved);
      break;
    case S::kSubmitted:
      move(S::kSubmitted);
      break;
    case S::kAccepted:
      move(S::kSubmitted);
      move(S::kAccepted);
      break;
    case S::kPartiallyFilled:
      move(S::kSubmitted);
      EXPECT_TRUE(o.apply_fill(4, Price::from_units(100), Money(), t(2)).is_ok());
      break;
    case S::kFilled:
      move(S::kSubmitted);
      EXPECT_TRUE(o.apply_fill(10, Price::from_units(100), Money(), t(2)).is_ok());
      break;
    case S::kRejected:
      move(S::kRejected);
      break;
    case S::kExpired:
      move(S::kPendingApproval);
      move(S::kExpired);
      break;
    case S::kCancelled:
      move(S::kPendingApproval);
      move(S::kCancelled);
      break;
  }
  EXPECT_EQ(o.status(), status);
  return o;
}

TEST(OrderLifecycleTest, CanTransitionMatchesTheDesignedLifecycle) {
  for (S from : kAllStatuses)
    for (S to : kAllStatuses)
      EXPECT_EQ(can_transition(from, to), kLegal.count({from, to}) == 1) << to_string(from) << " -> " << to_string(to);
}

TEST(OrderLifecycleTest, EveryLegalNonFillTransitionSucceeds) {
  for (S from : kAllStatuses) {
    for (S to : kAllStatuses) {
      if (!kLegal.count({from, to}) || to == S::kPartiallyFilled || to == S::kFilled) continue;
      Order o = order_in(from);
      Status s = o.transition(to, t(5), {Reason{ReasonCode::kCancelled, "because"}});
      ASSERT_TRUE(s.is_ok()) << to_string(from) << " -> " << to_string(to) << ": " << s.to_string();
      EXPECT_EQ(o.status(), to);
      EXPECT_EQ(o.updated_at(), t(5));
      ASSERT_FALSE(o.reasons().empty());
      EXPECT_EQ(o.reasons().back(), (Reason{ReasonCode::kCancelled, "because"}));
    }
  }
}

TEST(OrderLifecycleTest, EveryIllegalTransitionIsAConflictAndLeavesTheOrderUnchanged) {
  for (S from : kAllStatuses) {
    for (S to : kAllStatuses) {
      if (kLegal.count({from, to}) && to != S::kPartiallyFilled && to != S::kFilled) continue;
      Order o = order_in(from);
      const Order before = o;
      Status s = o.transition(to, t(9), {Reason{ReasonCode::kCancelled, "nope"}});
      EXPECT_EQ(s.code(), StatusCode::kConflict) << to_string(from) << " -> " << to_string(to);
      EXPECT_EQ(o, before) << to_string(from) << " -> " << to_string(to);
    }
  }
}

TEST(OrderLifecycleTest, TerminalStatusesAllowNoFurtherMove) {
  for (S from : kAllStatuses) {
    bool any_exit = false;
    for (S to : kAllStatuses) any_exit = any_exit || can_transition(from, to);
    EXPECT_EQ(is_terminal(from), !any_exit) << to_string(from);
  }
}

TEST(OrderLifecycleTest, StatusNamesRoundTrip) {
  for (S s : kAllStatuses) EXPECT_EQ(parse_enum<OrderStatus>(to_string(s)), s);
  EXPECT_EQ(parse_enum<OrderStatus>("FILLED"), std::nullopt);
  EXPECT_EQ(parse_enum<OrderStatus>(""), std::nullopt);
}

TEST(OrderLifecycleTest, FillsAccumulateUntilTheOrderIsFilled) {
  Order o = order_in(S::kSubmitted);
  ASSERT_TRUE(o.apply_fill(4, Price::from_units(100), Money::parse("0.40").value(), t(2)).is_ok());
  EXPECT_EQ(o.status(), S::kPartiallyFilled);
  EXPECT_EQ(o.filled_qty(), 4);
  EXPECT_EQ(o.remaining_qty(), 6);
  ASSERT_TRUE(o.apply_fill(6, Price::from_units(110), Money::parse("0.60").value(), t(3)).is_ok());
  EXPECT_EQ(o.status(), S::kFilled);
  EXPECT_EQ(o.filled_qty(), 10);
  EXPECT_EQ(o.filled_notional(), Money::from_units(1'060));
  EXPECT_EQ(o.avg_fill_price(), Price::from_units(106));
  EXPECT_EQ(o.fees(), Money::from_units(1));
  EXPECT_EQ(o.updated_at(), t(3));
}

TEST(OrderLifecycleTest, AverageFillPriceIsZeroBeforeAnyFill) {
  EXPECT_EQ(order_in(S::kSubmitted).avg_fill_price(), Price());
}

TEST(OrderLifecycleTest, OverfillAndEmptyFillsAreRefusedWithoutChange) {
  Order o = order_in(S::kPartiallyFilled);  // 4 of 10 filled
  const Order before = o;
  EXPECT_EQ(o.apply_fill(7, Price::from_units(100), Money(), t(3)).code(), StatusCode::kConflict);
  EXPECT_EQ(o.apply_fill(0, Price::from_units(100), Money(), t(3)).code(), StatusCode::kConflict);
  EXPECT_EQ(o.apply_fill(-1, Price::from_units(100), Money(), t(3)).code(), StatusCode::kConflict);
  EXPECT_EQ(o, before);
  EXPECT_TRUE(o.apply_fill(6, Price::from_units(100), Money(), t(3)).is_ok());
}

TEST(OrderLifecycleTest, FillsAreRefusedUnlessTheOrderIsWorkingAtTheBroker) {
  for (S from : kAllStatuses) {
    if (is_open_at_broker(from)) continue;
    Order o = order_in(from);
    const Order before = o;
    EXPECT_EQ(o.apply_fill(1, Price::from_units(100), Money(), t(3)).code(), StatusCode::kConflict) << to_string(from);
    EXPECT_EQ(o, before) << to_string(from);
  }
}

TEST(OrderLifecycleTest, CancellingAPartiallyFilledOrderKeepsItsFills) {
  Order o = order_in(S::kPartiallyFilled);
  ASSERT_TRUE(o.transition(S::kCancelled, t(4)).is_ok());
  EXPECT_EQ(o.filled_qty(), 4);
  EXPECT_EQ(o.apply_fill(1, Price::from_units(100), Money(), t(5)).code(), StatusCode::kConflict);
}

Order::Fields fields_of(const Order& o) {
  return Order::Fields{o.id(),   o.intent(),     o.status(),     o.filled_qty(), o.filled_notional(),
                       o.fees(), o.created_at(), o.updated_at(), o.reasons(),    o.approval_id()};
}

TEST(OrderLifecycleTest, AnAcceptedOrderFillsAndABrokerExpiryKeepsTheFills) {
  Order o = order_in(S::kAccepted);
  EXPECT_TRUE(is_open_at_broker(o.status()));
  ASSERT_TRUE(o.apply_fill(3, Price::from_units(100), Money(), t(3)).is_ok());
  EXPECT_EQ(o.status(), S::kPartiallyFilled);
  ASSERT_TRUE(o.transition(S::kExpired, t(4), {Reason{ReasonCode::kExpiredAtBroker, "day order"}}).is_ok());
  EXPECT_EQ(o.filled_qty(), 3);
  EXPECT_TRUE(is_terminal(o.status()));
  ASSERT_TRUE(Order::restore(fields_of(o)).is_ok()) << "an expired order may hold fills";
}

TEST(OrderRestoreTest, RestoresEveryReachableState) {
  for (S s : kAllStatuses) {
    Order o = order_in(s);
    o.set_approval_id(42);
    Result<Order> back = Order::restore(fields_of(o));
    ASSERT_TRUE(back.is_ok()) << to_string(s) << ": " << back.status().to_string();
    EXPECT_EQ(*back, o);
  }
}

TEST(OrderRestoreTest, RefusesFieldsNoLifecycleCouldProduce) {
  struct Case {
    const char* name;
    void (*edit)(Order::Fields&);
    const char* field;
  };
  const Case cases[] = {
      {"overfilled", [](Order::Fields& f) { f.filled_qty = 11; }, "filled_qty"},
      {"negative fill", [](Order::Fields& f) { f.filled_qty = -1; }, "filled_qty"},
      {"filled but short", [](Order::Fields& f) { f.status = S::kFilled; }, "filled_qty"},
      {"partial with all", [](Order::Fields& f) { f.filled_qty = 10; }, "filled_qty"},
      {"pending with fills", [](Order::Fields& f) { f.status = S::kPendingApproval; }, "filled_qty"},
      {"notional without fills",
       [](Order::Fields& f) {
         f.status = S::kSubmitted;
         f.filled_qty = 0;
       },
       "filled_notional"},
      {"time runs backwards", [](Order::Fields& f) { f.updated_at = f.created_at - Duration(1); }, "updated_at"},
  };
  for (const Case& c : cases) {
    Order::Fields f = fields_of(order_in(S::kPartiallyFilled));
    c.edit(f);
    Result<Order> r = Order::restore(f);
    ASSERT_FALSE(r.is_ok()) << c.name;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << c.name;
    EXPECT_EQ(r.status().field(), c.field) << c.name;
  }
}

}  // namespace
}  // namespace stonks
