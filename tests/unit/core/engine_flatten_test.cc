// Halt & flatten (Engine::halt_and_flatten): the halt, every pending approval
// rejected, every working order cancelled, every position closed as the
// operator's decision, the report; and an operator's halt over a daily-loss
// halt, which the next day must not lift.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/engine.h"
#include "support/engine_harness.h"
#include "support/sink_queries.h"

namespace stonks::testing {
namespace {

using std::chrono::hours;

void allow_short(EngineHarness& h) {
  RiskConfig c = h.engine.state().config;
  c.limits.allow_short = true;
  ASSERT_TRUE(h.engine.update_config(c, "operator", h.now).is_ok());
}

const FlattenClose* close_of(const FlattenReport& r, const std::string& ticker) {
  auto it =
      std::find_if(r.closes.begin(), r.closes.end(), [&](const FlattenClose& c) { return c.symbol == sym(ticker); });
  return it == r.closes.end() ? nullptr : &*it;
}

// Long 10 AAPL, short 5 MSFT, a resting limit buy, and two orders waiting
// for the operator.
struct BusyDesk {
  BusyDesk() {
    allow_short(h);
    long_aapl = h.submit(market("AAPL", Side::kBuy, 10));
    short_msft = h.submit(market("MSFT", Side::kSell, 5));
    resting = h.submit(limit("AAPL", Side::kBuy, 3, "95"));
    h.require_paper_approval();
    pending_a = h.submit(market("AAPL", Side::kBuy, 1));
    pending_b = h.submit(market("MSFT", Side::kBuy, 2));
  }
  EngineHarness h;
  Order long_aapl, short_msft, resting, pending_a, pending_b;
};

TEST(EngineFlatten, LeavesNoPendingApprovalNoWorkingOrderAndNoOpenPosition) {
  BusyDesk d;
  EngineHarness& h = d.h;
  ASSERT_EQ(h.engine.state().approvals.pending_count(), 2u);
  ASSERT_EQ(d.resting.status(), OrderStatus::kSubmitted);
  h.advance(std::chrono::seconds(5));
  const std::size_t before = h.sink.events.size();

  Result<FlattenReport> r = h.engine.halt_and_flatten("alice", "risk off", h.now);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const EngineState& s = h.engine.state();
  EXPECT_TRUE(s.halted);
  EXPECT_EQ(s.halt_cause, HaltCause::kOperator);
  EXPECT_EQ(s.halt_reason, "risk off");
  EXPECT_EQ(s.approvals.pending_count(), 0u);
  EXPECT_TRUE(s.working_orders.empty());
  EXPECT_TRUE(s.open_orders.empty());
  for (const auto& [symbol, p] : s.portfolio.positions()) EXPECT_EQ(p.qty, 0) << symbol.str();

  // The waiting orders were rejected by alice, with her reason.
  for (const Order& o : {d.pending_a, d.pending_b}) {
    const ApprovalRequest* req = s.approvals.find(o.approval_id());
    EXPECT_EQ(req->status, ApprovalStatus::kRejected);
    EXPECT_EQ(req->decided_by, "alice");
    EXPECT_EQ(req->reason, "risk off");
  }
  EXPECT_EQ(r->approvals_rejected, (std::vector<ApprovalId>{d.pending_a.approval_id(), d.pending_b.approval_id()}));
  EXPECT_EQ(s.order(d.resting.id())->status(), OrderStatus::kCancelled);
  EXPECT_EQ(r->orders_cancelled, std::vector<OrderId>{d.resting.id()});
  EXPECT_TRUE(r->cancels_requested.empty());

  // Each close: a market order against the position, filled, approved by
  // alice at once although paper approval is on.
  ASSERT_EQ(r->closes.size(), 2u);
  const FlattenClose* aapl = close_of(*r, "AAPL");
  const FlattenClose* msft = close_of(*r, "MSFT");
  ASSERT_TRUE(aapl && msft);
  EXPECT_EQ(aapl->position, 10);
  EXPECT_EQ(msft->position, -5);
  for (const FlattenClose* c : {aapl, msft}) {
    EXPECT_TRUE(c->closed());
    EXPECT_EQ(c->status, OrderStatus::kFilled);
    const Order* o = s.order(c->order_id);
    EXPECT_EQ(o->intent().source, "flatten");
    EXPECT_EQ(o->intent().type, OrderType::kMarket);
    const ApprovalRequest* req = s.approvals.find(o->approval_id());
    ASSERT_NE(req, nullptr);
    EXPECT_EQ(req->status, ApprovalStatus::kApproved);
    EXPECT_EQ(req->decided_by, "alice");
    EXPECT_EQ(req->created_at, h.now);
  }
  EXPECT_EQ(s.order(aapl->order_id)->intent().side, Side::kSell);
  EXPECT_EQ(s.order(msft->order_id)->intent().side, Side::kBuy);

  // Its own event ends it, holding the report the command returned.
  const auto flattened = events_of<Flattened>(h.sink, before);
  ASSERT_EQ(flattened.size(), 1u);
  EXPECT_EQ(flattened[0].report, *r);
  EXPECT_EQ(event_name(h.sink.events.back().event), std::string("flattened"));
  EXPECT_EQ(s.last_flatten, *r);
  EXPECT_EQ(r->by, "alice");
  EXPECT_EQ(r->at, h.now);
}

TEST(EngineFlatten, TheStateAfterAFlattenReplaysIdentically) {
  BusyDesk d;
  ASSERT_TRUE(d.h.engine.halt_and_flatten("alice", "risk off", d.h.now).is_ok());
  RecordingBroker broker;
  Engine fresh(broker, nullptr);
  for (const EventRecord& r : d.h.sink.events) ASSERT_TRUE(fresh.replay(r).is_ok()) << r.seq;
  EXPECT_TRUE(fresh.state() == d.h.engine.state());
  EXPECT_TRUE(broker.submitted.empty());
}

TEST(EngineFlatten, APositionTheRiskChecksRefuseToCloseIsReportedNotRetried) {
  BusyDesk d;
  EngineHarness& h = d.h;
  // MSFT leaves the tradable list: no order in it passes, closing included.
  RiskConfig c = h.engine.state().config;
  c.limits.tradable_symbols = {sym("AAPL")};
  ASSERT_TRUE(h.engine.update_config(c, "operator", h.now).is_ok());

  Result<FlattenReport> r = h.engine.halt_and_flatten("alice", "", h.now);
  ASSERT_TRUE(r.is_ok());
  const FlattenClose* msft = close_of(*r, "MSFT");
  ASSERT_NE(msft, nullptr);
  EXPECT_FALSE(msft->closed());
  EXPECT_EQ(msft->status, OrderStatus::kRiskRejected);
  ASSERT_FALSE(msft->reasons.empty());
  EXPECT_EQ(msft->reasons[0].code, ReasonCode::kSymbolNotTradable);
  EXPECT_EQ(h.engine.state().portfolio.position(sym("MSFT")).qty, -5);
  EXPECT_TRUE(close_of(*r, "AAPL")->closed());
  // Nothing is left trying: the next tick sends nothing.
  const std::size_t sent = h.broker.submitted.size();
  h.advance(std::chrono::seconds(1));
  ASSERT_TRUE(h.engine.tick(h.now).is_ok());
  EXPECT_EQ(h.broker.submitted.size(), sent);
}

TEST(EngineFlatten, APositionWithoutAQuoteGetsACloseThatWaitsForTheMarket) {
  EngineHarness h;
  // A bar gives NVDA a last price but no quote; the buy fills on the next bar.
  Bar bar;
  bar.symbol = sym("NVDA");
  bar.open = bar.high = bar.low = bar.close = px("50");
  bar.volume = 100;
  bar.at = h.now;
  ASSERT_TRUE(h.engine.on_bar(bar, h.now).is_ok());
  Order o = h.submit(market("NVDA", Side::kBuy, 4));
  bar.at = h.now + std::chrono::minutes(1);
  h.advance(std::chrono::minutes(1));
  ASSERT_TRUE(h.engine.on_bar(bar, h.now).is_ok());
  ASSERT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kFilled);

  Result<FlattenReport> r = h.engine.halt_and_flatten("alice", "", h.now);
  ASSERT_TRUE(r.is_ok());
  const FlattenClose* nvda = close_of(*r, "NVDA");
  ASSERT_NE(nvda, nullptr);
  EXPECT_EQ(nvda->status, OrderStatus::kSubmitted);
  EXPECT_TRUE(nvda->closed());
  EXPECT_EQ(h.engine.state().working_orders.of(sym("NVDA")).size(), 1u);
}

TEST(EngineFlatten, AWorkingOrderAtARemoteBrokerIsReportedAsACancelRequested) {
  EngineHarness h;
  h.broker.answers_cancels = false;
  const Order resting = h.submit(limit("AAPL", Side::kBuy, 3, "95"));
  Result<FlattenReport> r = h.engine.halt_and_flatten("alice", "", h.now);
  ASSERT_TRUE(r.is_ok());
  EXPECT_TRUE(r->orders_cancelled.empty());
  EXPECT_EQ(r->cancels_requested, std::vector<OrderId>{resting.id()});
  EXPECT_TRUE(h.engine.state().cancel_requests.contains(resting.id()));
}

TEST(EngineFlatten, WithNothingOpenItOnlyHalts) {
  EngineHarness h;
  Result<FlattenReport> r = h.engine.halt_and_flatten("alice", "lunch", h.now);
  ASSERT_TRUE(r.is_ok());
  EXPECT_TRUE(h.engine.state().halted);
  EXPECT_TRUE(r->approvals_rejected.empty() && r->orders_cancelled.empty() && r->closes.empty());
  // Flattening again while halted adds no second halt.
  const std::size_t halts = events_of<HaltChanged>(h.sink).size();
  ASSERT_TRUE(h.engine.halt_and_flatten("alice", "again", h.now).is_ok());
  EXPECT_EQ(events_of<HaltChanged>(h.sink).size(), halts);
}

TEST(EngineFlatten, BadInputChangesNothing) {
  BusyDesk d;
  const EngineState before = d.h.engine.state();
  const std::size_t events = d.h.sink.events.size();
  EXPECT_EQ(d.h.engine.halt_and_flatten("", "x", d.h.now).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(d.h.engine.halt_and_flatten("alice", "a\x1b[31m", d.h.now).status().field(), "reason");
  EXPECT_EQ(d.h.engine.halt_and_flatten("alice", std::string(501, 'x'), d.h.now).status().field(), "reason");
  EXPECT_EQ(d.h.sink.events.size(), events);
  EXPECT_TRUE(d.h.engine.state() == before);
}

// A daily-loss halt: 100 AAPL bought, the price falls far enough that the
// day's loss passes max_daily_loss (1,000).
void lose_the_day(EngineHarness& h) {
  RiskConfig c = h.engine.state().config;
  c.limits.max_daily_loss = usd("1000");
  c.guards.price_shock_bps = 0;
  ASSERT_TRUE(h.engine.update_config(c, "operator", h.now).is_ok());
  h.submit(market("AAPL", Side::kBuy, 100));
  h.set_quote("AAPL", "80", "80.10");
  ASSERT_TRUE(h.engine.state().halted);
  ASSERT_EQ(h.engine.state().halt_cause, HaltCause::kDailyLoss);
}

TEST(EngineHalt, TheNextDayLiftsADailyLossHalt) {
  EngineHarness h;
  lose_the_day(h);
  h.advance(hours(24));
  ASSERT_TRUE(h.engine.tick(h.now).is_ok());
  EXPECT_FALSE(h.engine.state().halted);
}

TEST(EngineHalt, AnOperatorsHaltOverADailyLossHaltOutlastsTheDay) {
  EngineHarness h;
  lose_the_day(h);
  const std::size_t before = h.sink.events.size();
  ASSERT_TRUE(h.engine.set_halted(true, "alice", "until we know why", h.now).is_ok());
  const auto halts = events_of<HaltChanged>(h.sink, before);
  ASSERT_EQ(halts.size(), 1u);
  EXPECT_EQ(halts[0], (HaltChanged{true, HaltCause::kOperator, "alice", "until we know why"}));
  EXPECT_EQ(h.engine.state().halt_cause, HaltCause::kOperator);

  h.advance(hours(24));
  ASSERT_TRUE(h.engine.tick(h.now).is_ok());
  EXPECT_TRUE(h.engine.state().halted);
  EXPECT_EQ(h.engine.state().halt_reason, "until we know why");
  // Only the operator lifts it.
  ASSERT_TRUE(h.engine.set_halted(false, "alice", "", h.now).is_ok());
  EXPECT_FALSE(h.engine.state().halted);
}

TEST(EngineHalt, HaltAndFlattenOverADailyLossHaltAlsoOutlastsTheDay) {
  EngineHarness h;
  lose_the_day(h);
  ASSERT_TRUE(h.engine.halt_and_flatten("alice", "", h.now).is_ok());
  EXPECT_EQ(h.engine.state().portfolio.position(sym("AAPL")).qty, 0);
  h.advance(hours(24));
  ASSERT_TRUE(h.engine.tick(h.now).is_ok());
  EXPECT_TRUE(h.engine.state().halted);
}

}  // namespace
}  // namespace stonks::testing
