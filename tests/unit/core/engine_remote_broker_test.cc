// What a remote broker's answers do to an order: accepted, expired at the
// broker with its fills kept, and a cancel that waits for the broker under a
// durable request (carried into the final cancel, or ended by a fill that
// won the race). Also: a broker without paper fills refuses paper orders.
#include <gtest/gtest.h>

#include <vector>

#include "core/engine.h"
#include "support/engine_harness.h"
#include "support/sink_queries.h"

namespace stonks::testing {
namespace {

ExecutionReport report(ExecutionReport::Kind kind, OrderId id, std::string reason = "") {
  ExecutionReport r;
  r.kind = kind;
  r.order_id = id;
  r.reason = std::move(reason);
  return r;
}

ExecutionReport fill(OrderId id, Quantity qty, const std::string& price) {
  ExecutionReport r = report(ExecutionReport::Kind::kFill, id);
  r.qty = qty;
  r.price = px(price);
  return r;
}

// A limit buy below the market: it rests at the venue, submitted.
Order resting(EngineHarness& h) {
  Order o = h.submit(limit("AAPL", Side::kBuy, 10, "99"));
  EXPECT_EQ(o.status(), OrderStatus::kSubmitted);
  return o;
}

TEST(EngineRemoteBroker, AnAcceptedOrderIsWorkingAndStillFills) {
  EngineHarness h;
  const Order o = resting(h);
  ASSERT_TRUE(h.engine.report_execution(report(ExecutionReport::Kind::kAccepted, o.id()), h.now).is_ok());
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kAccepted);
  EXPECT_EQ(events_of<OrderAccepted>(h.sink).size(), 1u);
  const auto working = h.engine.state().working_orders.of(sym("AAPL"));
  EXPECT_EQ(std::vector<OrderId>(working.begin(), working.end()), std::vector<OrderId>{o.id()});
  ASSERT_TRUE(h.engine.report_execution(fill(o.id(), 10, "99"), h.now).is_ok());
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kFilled);
}

TEST(EngineRemoteBroker, OnlyASubmittedOrderCanBeAccepted) {
  EngineHarness h;
  const Order o = resting(h);
  ASSERT_TRUE(h.engine.report_execution(fill(o.id(), 4, "99"), h.now).is_ok());
  const std::size_t events = h.sink.events.size();
  EXPECT_EQ(h.engine.report_execution(report(ExecutionReport::Kind::kAccepted, o.id()), h.now).code(),
            StatusCode::kConflict);
  EXPECT_EQ(h.sink.events.size(), events);
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kPartiallyFilled);
}

TEST(EngineRemoteBroker, ABrokerExpiryEndsTheOrderAndKeepsWhatFilled) {
  EngineHarness h;
  const Order o = resting(h);
  ASSERT_TRUE(h.engine.report_execution(fill(o.id(), 4, "99"), h.now).is_ok());
  ASSERT_TRUE(
      h.engine.report_execution(report(ExecutionReport::Kind::kExpired, o.id(), "day order ended"), h.now).is_ok());
  const Order* after = h.engine.state().order(o.id());
  EXPECT_EQ(after->status(), OrderStatus::kExpired);
  EXPECT_EQ(after->filled_qty(), 4);
  EXPECT_EQ(reason_texts(after->reasons()), std::vector<std::string>{"EXPIRED_AT_BROKER: day order ended"});
  EXPECT_EQ(h.engine.state().portfolio.position(sym("AAPL")).qty, 4);
  EXPECT_TRUE(h.engine.state().working_orders.empty());
  EXPECT_EQ(h.engine.report_execution(fill(o.id(), 1, "99"), h.now).code(), StatusCode::kConflict);
}

TEST(EngineRemoteBroker, ACancelTheBrokerAnswersLaterIsADurableRequest) {
  EngineHarness h;
  h.broker.answers_cancels = false;
  const Order o = resting(h);
  Result<Order> asked = h.engine.cancel_order(o.id(), "alice", "wrong size", h.now);
  ASSERT_TRUE(asked.is_ok()) << asked.status().to_string();
  EXPECT_EQ(asked->status(), OrderStatus::kSubmitted) << "working until the broker answers";
  ASSERT_EQ(events_of<CancelRequested>(h.sink).size(), 1u);
  EXPECT_EQ(events_of<CancelRequested>(h.sink)[0], (CancelRequested{o.id(), "alice", "wrong size"}));
  ASSERT_TRUE(h.engine.state().cancel_requests.contains(o.id()));
  EXPECT_EQ(h.engine.state().cancel_requests.at(o.id()), (CancelRequest{"alice", "wrong size", h.now}));

  // Asking again asks the broker again, and records nothing new.
  const std::size_t events = h.sink.events.size();
  ASSERT_TRUE(h.engine.cancel_order(o.id(), "bob", "", h.now).is_ok());
  EXPECT_EQ(h.broker.cancelled, (std::vector<OrderId>{o.id(), o.id()}));
  EXPECT_EQ(h.sink.events.size(), events);

  // The broker's cancel is recorded as the request's, by and reason.
  ASSERT_TRUE(
      h.engine.report_execution(report(ExecutionReport::Kind::kCancelled, o.id(), "cancelled at the broker"), h.now)
          .is_ok());
  const Order* after = h.engine.state().order(o.id());
  EXPECT_EQ(after->status(), OrderStatus::kCancelled);
  EXPECT_EQ(reason_texts(after->reasons()), std::vector<std::string>{"CANCELLED: alice: wrong size"});
  EXPECT_TRUE(h.engine.state().cancel_requests.empty());
}

TEST(EngineRemoteBroker, AFillThatWinsTheRaceEndsTheRequest) {
  EngineHarness h;
  h.broker.answers_cancels = false;
  const Order o = resting(h);
  ASSERT_TRUE(h.engine.cancel_order(o.id(), "alice", "", h.now).is_ok());
  ASSERT_TRUE(h.engine.report_execution(fill(o.id(), 10, "99"), h.now).is_ok());
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kFilled);
  EXPECT_TRUE(h.engine.state().cancel_requests.empty());
  EXPECT_EQ(h.engine.cancel_order(o.id(), "alice", "", h.now).status().code(), StatusCode::kConflict);
}

TEST(EngineRemoteBroker, AnOrderCancelledByTheBrokerUnaskedSaysSo) {
  EngineHarness h;
  const Order o = resting(h);
  ASSERT_TRUE(
      h.engine.report_execution(report(ExecutionReport::Kind::kCancelled, o.id(), "halted symbol"), h.now).is_ok());
  EXPECT_EQ(reason_texts(h.engine.state().order(o.id())->reasons()),
            std::vector<std::string>{"CANCELLED: broker: halted symbol"});
}

TEST(EngineRemoteBroker, TheRequestIsRebuiltByReplay) {
  EngineHarness h;
  h.broker.answers_cancels = false;
  const Order o = resting(h);
  ASSERT_TRUE(h.engine.cancel_order(o.id(), "alice", "wrong size", h.now).is_ok());
  RecordingBroker broker;
  Engine replayed(broker, nullptr);
  for (const EventRecord& r : h.sink.events) ASSERT_TRUE(replayed.replay(r).is_ok());
  EXPECT_EQ(replayed.state(), h.engine.state());
  EXPECT_TRUE(replayed.state().cancel_requests.contains(o.id()));
}

TEST(EngineRemoteBroker, ABrokerWithoutPaperFillsRefusesPaperOrdersAtIntake) {
  EngineHarness h;
  h.broker.paper_capable = false;
  const Order o = h.submit(market("AAPL", Side::kBuy, 10));
  EXPECT_EQ(o.status(), OrderStatus::kRiskRejected);
  ASSERT_FALSE(o.reasons().empty());
  EXPECT_EQ(o.reasons()[0].code, ReasonCode::kPaperTradingUnavailable);
  EXPECT_TRUE(h.broker.submitted.empty());
  ASSERT_TRUE(h.engine.set_mode(TradingMode::kLive, "alice", h.now).is_ok());
  const Order live = h.submit(market("AAPL", Side::kBuy, 10));
  EXPECT_NE(live.status(), OrderStatus::kRiskRejected) << reason_texts(live.reasons()).size();
}

}  // namespace
}  // namespace stonks::testing
