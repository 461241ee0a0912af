// Engine commands end to end through EngineHarness: idempotency, validation,
// resting and partial fills, cancels, remote execution reports, halts, the
// daily-loss limit, cooldowns and config versions.
#include "core/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/engine_harness.h"
#include "support/sink_queries.h"

namespace stonks::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

Money day_pnl(const EngineHarness& h) { return h.engine.state().portfolio.day_pnl(h.engine.state().market); }

RiskConfig with_limits(const EngineHarness& h, void (*edit)(RiskConfig&)) {
  RiskConfig c = h.engine.state().config;
  edit(c);
  return c;
}

// --- idempotent client_order_id -----------------------------------------------

TEST(EngineOrders, ResubmittingTheSameIntentReturnsTheOriginalOrderAndAddsNoEvents) {
  EngineHarness h;
  Order first = h.submit(market("AAPL", Side::kBuy, 10, "c-1"));
  ASSERT_EQ(first.status(), OrderStatus::kFilled);
  const std::size_t events = h.sink.events.size();
  h.advance(seconds(5));
  Result<Order> again = h.engine.submit_order(market("AAPL", Side::kBuy, 10, "c-1"), h.now);
  ASSERT_TRUE(again.is_ok()) << again.status().to_string();
  EXPECT_EQ(*again, first);
  EXPECT_EQ(h.sink.events.size(), events);
  EXPECT_EQ(h.broker.submitted, std::vector<OrderId>{first.id()});
  EXPECT_EQ(h.engine.state().portfolio.position(sym("AAPL")).qty, 10);
}

TEST(EngineOrders, ReusingAClientOrderIdForADifferentIntentIsAConflict) {
  EngineHarness h;
  Order first = h.submit(market("AAPL", Side::kBuy, 10, "c-1"));
  const std::size_t events = h.sink.events.size();
  Result<Order> other = h.engine.submit_order(market("AAPL", Side::kBuy, 11, "c-1"), h.now);
  EXPECT_EQ(other.status().code(), StatusCode::kConflict);
  EXPECT_NE(other.status().message().find("c-1"), std::string::npos) << other.status().to_string();
  EXPECT_EQ(h.sink.events.size(), events);
  EXPECT_EQ(h.engine.state().orders.size(), 1u);
  EXPECT_EQ(h.engine.submit_order(limit("AAPL", Side::kBuy, 10, "100", "c-1"), h.now).status().code(),
            StatusCode::kConflict);
}

TEST(EngineOrders, TheEngineNamesOrdersThatCameWithoutAClientOrderId) {
  EngineHarness h;
  Order o = h.submit(market("AAPL", Side::kBuy, 1));
  EXPECT_EQ(o.intent().client_order_id, "so-" + std::to_string(o.id()));
}

TEST(EngineOrders, ANewOrderMayNotChooseAnIdWithTheEnginesPrefix) {
  EngineHarness h;
  const std::size_t events = h.sink.events.size();
  for (const char* id : {"so-1", "so-2", "so-", "so-x", "so-01"}) {
    Result<Order> r = h.engine.submit_order(market("AAPL", Side::kBuy, 1, id), h.now);
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << id;
    EXPECT_EQ(r.status().field(), "client_order_id") << id;
  }
  EXPECT_EQ(h.sink.events.size(), events);
  // A prefix elsewhere in the id is the user's to use.
  EXPECT_EQ(h.submit(market("AAPL", Side::kBuy, 1, "my-so-1")).intent().client_order_id, "my-so-1");
}

TEST(EngineOrders, ResubmittingWithTheAssignedIdReturnsTheOriginal) {
  EngineHarness h;
  Order unnamed = h.submit(market("MSFT", Side::kBuy, 1));
  Result<Order> again = h.engine.submit_order(market("MSFT", Side::kBuy, 1, unnamed.intent().client_order_id), h.now);
  ASSERT_TRUE(again.is_ok()) << again.status().to_string();
  EXPECT_EQ(again->id(), unnamed.id());
  EXPECT_EQ(h.engine.state().orders.size(), 1u);
  // The same id with a different intent is a conflict, as for chosen ids.
  EXPECT_EQ(
      h.engine.submit_order(market("MSFT", Side::kBuy, 2, unnamed.intent().client_order_id), h.now).status().code(),
      StatusCode::kConflict);
}

// --- validation -----------------------------------------------------------------

struct BadIntent {
  const char* what;
  OrderIntent intent;
  const char* field;
};

TEST(EngineOrders, InvalidIntentsAreRefusedNamingTheFieldAndEmitNothing) {
  EngineHarness h;
  OrderIntent market_with_limit = market("AAPL", Side::kBuy, 1);
  market_with_limit.limit_price = px("100");
  OrderIntent limit_without_price = limit("AAPL", Side::kBuy, 1, "100");
  limit_without_price.limit_price.reset();
  OrderIntent no_source = market("AAPL", Side::kBuy, 1);
  no_source.source = "";
  OrderIntent no_ticker = market("AAPL", Side::kBuy, 1);
  no_ticker.symbol = Symbol();
  const std::vector<BadIntent> cases = {
      {"zero qty", market("AAPL", Side::kBuy, 0), "qty"},
      {"negative qty", market("AAPL", Side::kSell, -5), "qty"},
      {"qty above 1e9", market("AAPL", Side::kBuy, OrderIntent::kMaxQuantity + 1), "qty"},
      {"market with limit", market_with_limit, "limit_price"},
      {"limit without price", limit_without_price, "limit_price"},
      {"zero limit price", limit("AAPL", Side::kBuy, 1, "0"), "limit_price"},
      {"client id with a space", market("AAPL", Side::kBuy, 1, "my order"), "client_order_id"},
      {"client id too long", market("AAPL", Side::kBuy, 1, std::string(65, 'x')), "client_order_id"},
      {"empty source", no_source, "source"},
      {"no ticker", no_ticker, "ticker"},
  };
  const std::size_t events = h.sink.events.size();
  for (const BadIntent& c : cases) {
    Result<Order> r = h.engine.submit_order(c.intent, h.now);
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << c.what;
    EXPECT_EQ(r.status().field(), c.field) << c.what << ": " << r.status().to_string();
  }
  EXPECT_EQ(h.sink.events.size(), events);
  EXPECT_TRUE(h.engine.state().orders.empty());
  EXPECT_EQ(h.engine.state().next_order_id, 1u);
  EXPECT_TRUE(h.broker.submitted.empty());
}

TEST(EngineOrders, InvalidOperatorCommandsEmitNothing) {
  EngineHarness h;
  const std::size_t events = h.sink.events.size();
  EXPECT_EQ(h.engine.deposit(Money(), "ops", h.now).field(), "amount");
  EXPECT_EQ(h.engine.deposit(usd("10"), "", h.now).field(), "by");
  EXPECT_EQ(h.engine.on_quote(quote("AAPL", "101", "100"), h.now).field(), "bid");
  EXPECT_EQ(h.engine.create_lockout(h.lockout_request("AAPL", 0), h.now).status().field(), "duration_minutes");
  EXPECT_EQ(h.engine.set_halted(true, "ops", "bad\nreason", h.now).field(), "reason");
  // Text that would not come back from the journal byte for byte.
  EXPECT_EQ(h.engine.set_halted(true, "ops", "bad \xFF bytes", h.now).field(), "reason");
  EXPECT_EQ(h.engine.set_halted(true, "op\xC3", "why", h.now).field(), "by");
  LockoutRequest latin1 = h.lockout_request("AAPL", 30);
  latin1.reason = "caf\xE9";
  EXPECT_EQ(h.engine.create_lockout(latin1, h.now).status().field(), "reason");
  NewsEvent news;
  news.symbol = *Symbol::parse("AAPL");
  news.severity = 10;
  news.headline = "\xED\xA0\x80 surrogate";
  EXPECT_EQ(h.engine.on_news(news, h.now).field(), "headline");
  // A bar keeps its own time; one the journal could not read back is refused.
  Bar far;
  far.symbol = *Symbol::parse("AAPL");
  far.open = far.high = far.low = far.close = *Price::parse("100");
  far.at = timestamp_from_micros(253'402'300'800'000'000);  // 10000-01-01
  EXPECT_EQ(h.engine.on_bar(far, h.now).field(), "at");
  // Nor may any command stamp its events with such a time.
  const Timestamp year_10000 = far.at;
  EXPECT_EQ(h.engine.deposit(usd("10"), "ops", year_10000).field(), "now");
  EXPECT_EQ(h.engine.submit_order(market("AAPL", Side::kBuy, 1), year_10000).status().field(), "now");
  EXPECT_EQ(h.engine.tick(year_10000).field(), "now");
  EXPECT_EQ(h.sink.events.size(), events);
  EXPECT_FALSE(h.engine.state().halted);
}

// --- resting and partial fills ------------------------------------------------------

TEST(EngineOrders, LimitOrderRestsThenFillsOnACrossingQuote) {
  EngineHarness h;
  Order o = h.submit(limit("AAPL", Side::kBuy, 10, "99.50"));
  EXPECT_EQ(o.status(), OrderStatus::kSubmitted);
  const auto working = h.engine.state().working_orders.of(sym("AAPL"));
  EXPECT_EQ(std::vector<OrderId>(working.begin(), working.end()), std::vector<OrderId>{o.id()});
  EXPECT_TRUE(h.engine.state().fills.empty());

  h.advance(seconds(1));
  ASSERT_TRUE(h.engine.on_quote(quote("AAPL", "99.55", "99.60"), h.now).is_ok());
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kSubmitted) << "99.60 does not cross 99.50";

  h.advance(seconds(1));
  const std::size_t before = h.sink.events.size();
  ASSERT_TRUE(h.engine.on_quote(quote("AAPL", "99.30", "99.45"), h.now).is_ok());
  EXPECT_EQ(event_names(h.sink, before), (std::vector<std::string>{"quote_received", "order_filled"}));
  const Order* filled = h.engine.state().order(o.id());
  EXPECT_EQ(filled->status(), OrderStatus::kFilled);
  EXPECT_EQ(filled->avg_fill_price(), px("99.45"));
  EXPECT_EQ(h.engine.state().portfolio.position(sym("AAPL")).qty, 10);
  EXPECT_EQ(h.engine.state().portfolio.cash(), usd("99005.50"));
  EXPECT_TRUE(h.engine.state().working_orders.empty());
  EXPECT_TRUE(h.engine.state().open_orders.empty());
}

TEST(EngineOrders, PartialFillsAcrossQuotesUntilFilled) {
  EngineHarness h;
  Order o = h.submit(limit("AAPL", Side::kBuy, 50, "99.50"));
  h.advance(seconds(1));
  ASSERT_TRUE(h.engine.on_quote(quote("AAPL", "99.30", "99.40", 100, 20), h.now).is_ok());
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kPartiallyFilled);
  EXPECT_EQ(h.engine.state().order(o.id())->filled_qty(), 20);
  h.advance(seconds(1));
  ASSERT_TRUE(h.engine.on_quote(quote("AAPL", "99.30", "99.45", 100, 20), h.now).is_ok());
  EXPECT_EQ(h.engine.state().order(o.id())->filled_qty(), 40);
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kPartiallyFilled);
  h.advance(seconds(1));
  ASSERT_TRUE(h.engine.on_quote(quote("AAPL", "99.40", "99.50", 100, 100), h.now).is_ok());

  const Order* done = h.engine.state().order(o.id());
  EXPECT_EQ(done->status(), OrderStatus::kFilled);
  EXPECT_EQ(done->filled_notional(), usd("4972"));  // 20 x 99.40 + 20 x 99.45 + 10 x 99.50
  EXPECT_EQ(done->avg_fill_price(), px("99.44"));
  const auto& fills = h.engine.state().fills;
  ASSERT_EQ(fills.size(), 3u);
  EXPECT_EQ(fills[0].qty, 20);
  EXPECT_EQ(fills[1].qty, 20);
  EXPECT_EQ(fills[2].qty, 10);
  EXPECT_EQ(fills[2].price, px("99.50"));
  EXPECT_EQ(h.engine.state().portfolio.position(sym("AAPL")).cost_basis, usd("4972"));
  EXPECT_TRUE(h.engine.state().working_orders.empty());
}

TEST(EngineOrders, MarketOrderTakesWhatTheQuoteOffersAndWorksTheRest) {
  EngineHarness h;
  h.advance(seconds(1));
  ASSERT_TRUE(h.engine.on_quote(quote("MSFT", "199.80", "200.20", 100, 30), h.now).is_ok());
  Order o = h.submit(market("MSFT", Side::kBuy, 50));
  EXPECT_EQ(o.status(), OrderStatus::kPartiallyFilled);
  EXPECT_EQ(o.filled_qty(), 30);
  h.advance(seconds(1));
  ASSERT_TRUE(h.engine.on_quote(quote("MSFT", "199.90", "200.30", 100, 100), h.now).is_ok());
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kFilled);
  EXPECT_EQ(h.engine.state().order(o.id())->filled_notional(), usd("10012"));  // 30 x 200.20 + 20 x 200.30
}

// --- cancels --------------------------------------------------------------------

TEST(EngineCancel, CancellingAWorkingOrderTakesItOffTheBook) {
  EngineHarness h;
  Order o = h.submit(limit("AAPL", Side::kBuy, 10, "99"));
  ASSERT_EQ(o.status(), OrderStatus::kSubmitted);
  Result<Order> c = h.engine.cancel_order(o.id(), "alice", "changed my mind", h.now);
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  EXPECT_EQ(c->status(), OrderStatus::kCancelled);
  EXPECT_EQ(h.broker.cancelled, std::vector<OrderId>{o.id()});
  EXPECT_TRUE(h.engine.state().working_orders.empty());
  EXPECT_TRUE(h.engine.state().open_orders.empty());
  h.advance(seconds(1));
  ASSERT_TRUE(h.engine.on_quote(quote("AAPL", "98", "98.10"), h.now).is_ok());
  EXPECT_TRUE(h.engine.state().fills.empty()) << "a cancelled order never fills";
}

TEST(EngineCancel, CancellingAWorkingOrderRecordsWhoCancelledIt) {
  EngineHarness h;
  Order o = h.submit(limit("AAPL", Side::kBuy, 10, "99"));
  const std::size_t before = h.sink.events.size();
  ASSERT_TRUE(h.engine.cancel_order(o.id(), "alice", "changed my mind", h.now).is_ok());
  auto cancelled = events_of<OrderCancelled>(h.sink, before);
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_EQ(cancelled[0].by, "alice");
  EXPECT_EQ(cancelled[0].reason, "changed my mind");
}

TEST(EngineCancel, ACancelWithoutAReasonNamesWhoCancelled) {
  EngineHarness h;
  Order o = h.submit(limit("AAPL", Side::kBuy, 10, "99"));
  Result<Order> c = h.engine.cancel_order(o.id(), "alice", "", h.now);
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  EXPECT_EQ(reason_texts(c->reasons()), std::vector<std::string>{"CANCELLED: alice"});
}

TEST(EngineCancel, CancellingAPendingOrderRejectsItsApproval) {
  EngineHarness h;
  h.require_paper_approval();
  Order o = h.submit(market("AAPL", Side::kBuy, 10));
  ASSERT_EQ(o.status(), OrderStatus::kPendingApproval);
  h.advance(minutes(1));
  Result<Order> c = h.engine.cancel_order(o.id(), "alice", "stale idea", h.now);
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  EXPECT_EQ(c->status(), OrderStatus::kCancelled);
  EXPECT_EQ(reason_texts(c->reasons()), std::vector<std::string>{"CANCELLED: alice: stale idea"});
  const ApprovalRequest* r = h.engine.state().approvals.find(o.approval_id());
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->status, ApprovalStatus::kRejected);
  EXPECT_EQ(r->decided_by, "alice");
  EXPECT_EQ(r->decided_at, h.now);
  EXPECT_EQ(r->reason, "order cancelled: stale idea");
  EXPECT_EQ(h.engine.state().approvals.pending_count(), 0u);
  EXPECT_TRUE(h.broker.submitted.empty());
  EXPECT_TRUE(h.broker.cancelled.empty());
  EXPECT_EQ(h.engine.decide_approval(o.approval_id(), true, "bob", "", h.now).status().code(), StatusCode::kConflict);
  EXPECT_TRUE(h.broker.submitted.empty());
}

TEST(EngineCancel, CancellingAPartlyFilledOrderKeepsItsFills) {
  EngineHarness h;
  Order o = h.submit(limit("AAPL", Side::kBuy, 50, "99.50"));
  h.advance(seconds(1));
  ASSERT_TRUE(h.engine.on_quote(quote("AAPL", "99.30", "99.40", 100, 20), h.now).is_ok());
  Result<Order> c = h.engine.cancel_order(o.id(), "alice", "", h.now);
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  EXPECT_EQ(c->status(), OrderStatus::kCancelled);
  EXPECT_EQ(c->filled_qty(), 20);
  EXPECT_EQ(h.engine.state().portfolio.position(sym("AAPL")).qty, 20);
}

TEST(EngineCancel, CancellingAFilledOrderIsAConflictAndUnknownIsNotFound) {
  EngineHarness h;
  Order o = h.submit(market("AAPL", Side::kBuy, 10));
  ASSERT_EQ(o.status(), OrderStatus::kFilled);
  const std::size_t events = h.sink.events.size();
  EXPECT_EQ(h.engine.cancel_order(o.id(), "alice", "", h.now).status().code(), StatusCode::kConflict);
  EXPECT_EQ(h.engine.cancel_order(999, "alice", "", h.now).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(h.engine.cancel_order(o.id(), "", "", h.now).status().field(), "by");
  EXPECT_EQ(h.sink.events.size(), events);
  EXPECT_TRUE(h.broker.cancelled.empty());
}

// --- report_execution -------------------------------------------------------------

TEST(EngineReports, AReportForAnUnknownOrderIsNotFound) {
  EngineHarness h;
  ExecutionReport r;
  r.order_id = 42;
  r.qty = 1;
  r.price = px("100");
  EXPECT_EQ(h.engine.report_execution(r, h.now).code(), StatusCode::kNotFound);
}

TEST(EngineReports, AFillForAPendingOrderIsAConflict) {
  EngineHarness h;
  h.require_paper_approval();
  Order o = h.submit(market("AAPL", Side::kBuy, 10));
  ExecutionReport r;
  r.order_id = o.id();
  r.qty = 10;
  r.price = px("100");
  const std::size_t events = h.sink.events.size();
  EXPECT_EQ(h.engine.report_execution(r, h.now).code(), StatusCode::kConflict);
  EXPECT_EQ(h.sink.events.size(), events);
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kPendingApproval);
}

TEST(EngineReports, FillsThatDoNotFitTheOrderAreRefused) {
  EngineHarness h;
  Order o = h.submit(limit("AAPL", Side::kBuy, 10, "99"));
  const std::size_t events = h.sink.events.size();
  ExecutionReport r;
  r.order_id = o.id();
  r.price = px("99");
  r.qty = 11;
  EXPECT_EQ(h.engine.report_execution(r, h.now).field(), "qty") << "over-fill";
  r.qty = 0;
  EXPECT_EQ(h.engine.report_execution(r, h.now).field(), "qty");
  r.qty = 5;
  r.price = Price();
  EXPECT_EQ(h.engine.report_execution(r, h.now).field(), "price");
  r.price = px("99");
  r.fee = usd("-0.01");
  EXPECT_EQ(h.engine.report_execution(r, h.now).field(), "fee");
  EXPECT_EQ(h.sink.events.size(), events);
  EXPECT_EQ(h.engine.state().order(o.id())->filled_qty(), 0);
}

TEST(EngineReports, RemoteFillsAreBookedUntilTheOrderIsFilled) {
  EngineHarness h;
  Order o = h.submit(limit("AAPL", Side::kBuy, 10, "99"));
  ExecutionReport r;
  r.order_id = o.id();
  r.qty = 4;
  r.price = px("98.90");
  r.fee = usd("0.50");
  ASSERT_TRUE(h.engine.report_execution(r, h.now).is_ok());
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kPartiallyFilled);
  EXPECT_EQ(h.engine.state().portfolio.cash(), usd("99603.90"));  // 100000 - 395.60 - 0.50
  r.qty = 6;
  ASSERT_TRUE(h.engine.report_execution(r, h.now).is_ok());
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kFilled);
  EXPECT_EQ(h.engine.state().order(o.id())->fees(), usd("1"));
  r.qty = 1;
  EXPECT_EQ(h.engine.report_execution(r, h.now).code(), StatusCode::kConflict) << "filled orders take no more";
}

TEST(EngineReports, ABrokerRejectionEndsASubmittedOrder) {
  EngineHarness h;
  Order o = h.submit(limit("AAPL", Side::kBuy, 10, "99"));
  ExecutionReport r;
  r.kind = ExecutionReport::Kind::kRejected;
  r.order_id = o.id();
  r.reason = "no shares to borrow";
  ASSERT_TRUE(h.engine.report_execution(r, h.now).is_ok());
  const Order* after = h.engine.state().order(o.id());
  EXPECT_EQ(after->status(), OrderStatus::kRejected);
  EXPECT_EQ(reason_texts(after->reasons()), std::vector<std::string>{"BROKER_REJECTED: no shares to borrow"});
  EXPECT_TRUE(h.engine.state().working_orders.empty());
}

TEST(EngineReports, ABrokerRejectionOfAPartlyFilledOrderIsRefusedNotJournaled) {
  EngineHarness h;
  Order o = h.submit(limit("AAPL", Side::kBuy, 10, "99"));
  ExecutionReport fill;
  fill.order_id = o.id();
  fill.qty = 4;
  fill.price = px("98.90");
  ASSERT_TRUE(h.engine.report_execution(fill, h.now).is_ok());
  const std::size_t events = h.sink.events.size();
  ExecutionReport reject;
  reject.kind = ExecutionReport::Kind::kRejected;
  reject.order_id = o.id();
  reject.reason = "venue closed";
  EXPECT_EQ(h.engine.report_execution(reject, h.now).code(), StatusCode::kConflict);
  EXPECT_EQ(h.sink.events.size(), events);
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kPartiallyFilled);
}

// --- halts, daily loss, cooldown ------------------------------------------------------

TEST(EngineHalt, HaltedAcceptsOnlyExposureReducingOrders) {
  EngineHarness h;
  ASSERT_EQ(h.submit(market("AAPL", Side::kBuy, 10)).status(), OrderStatus::kFilled);
  const std::size_t before = h.sink.events.size();
  ASSERT_TRUE(h.engine.set_halted(true, "operator", "flash crash", h.now).is_ok());
  ASSERT_EQ(events_of<HaltChanged>(h.sink, before).size(), 1u);
  EXPECT_EQ(events_of<HaltChanged>(h.sink, before)[0],
            (HaltChanged{true, HaltCause::kOperator, "operator", "flash crash"}));
  EXPECT_TRUE(h.engine.state().halted);

  Order buy = h.submit(market("MSFT", Side::kBuy, 1));
  EXPECT_EQ(buy.status(), OrderStatus::kRiskRejected);
  EXPECT_EQ(reason_texts(buy.reasons()),
            std::vector<std::string>{"TRADING_HALTED: trading is halted: only exposure-reducing orders are accepted"});
  Order too_many = h.submit(market("AAPL", Side::kSell, 11));
  EXPECT_EQ(too_many.status(), OrderStatus::kRiskRejected);
  Order reduce = h.submit(market("AAPL", Side::kSell, 10));
  EXPECT_EQ(reduce.status(), OrderStatus::kFilled);
  EXPECT_EQ(h.engine.state().portfolio.position(sym("AAPL")).qty, 0);

  ASSERT_TRUE(h.engine.set_halted(false, "operator", "", h.now).is_ok());
  EXPECT_EQ(h.submit(market("MSFT", Side::kBuy, 1)).status(), OrderStatus::kFilled);
}

TEST(EngineHalt, SettingTheSameHaltTwiceAddsNoEvent) {
  EngineHarness h;
  ASSERT_TRUE(h.engine.set_halted(true, "operator", "x", h.now).is_ok());
  const std::size_t events = h.sink.events.size();
  ASSERT_TRUE(h.engine.set_halted(true, "operator", "again", h.now).is_ok());
  EXPECT_EQ(h.sink.events.size(), events);
  EXPECT_EQ(h.engine.state().halt_reason, "x");
}

// Starts a fresh UTC day (so the day begins with the deposit already in
// equity) with max_daily_loss 1000.
void start_clean_day(EngineHarness& h) {
  ASSERT_TRUE(
      h.engine
          .update_config(with_limits(h, [](RiskConfig& c) { c.limits.max_daily_loss = Money::from_units(1000); }),
                         "risk", h.now)
          .is_ok());
  h.advance(hours(24));
  ASSERT_TRUE(h.engine.tick(h.now).is_ok());
  ASSERT_EQ(h.engine.state().portfolio.day_start_equity(), usd("100000"));
}

TEST(EngineDailyLoss, BreachingTheDailyLossHaltsAndANewDayLiftsIt) {
  EngineHarness h;
  start_clean_day(h);
  ASSERT_EQ(h.submit(market("AAPL", Side::kBuy, 100)).status(), OrderStatus::kFilled);  // 10010.00
  EXPECT_EQ(day_pnl(h), usd("-10"));
  EXPECT_FALSE(h.engine.state().halted);

  h.advance(minutes(2));  // outside the price-shock window
  std::size_t before = h.sink.events.size();
  ASSERT_TRUE(h.engine.on_quote(quote("AAPL", "89.90", "90.10"), h.now).is_ok());
  EXPECT_EQ(day_pnl(h), usd("-1010"));
  EXPECT_EQ(event_names(h.sink, before), (std::vector<std::string>{"quote_received", "halt_changed"}));
  EXPECT_EQ(events_of<HaltChanged>(h.sink, before).at(0),
            (HaltChanged{true, HaltCause::kDailyLoss, "system", "DAILY_LOSS_LIMIT: day_pnl=-1010.00 limit=-1000.00"}));
  EXPECT_TRUE(h.engine.state().halted);

  Order more = h.submit(market("MSFT", Side::kBuy, 1));
  EXPECT_EQ(more.status(), OrderStatus::kRiskRejected);
  EXPECT_EQ(reason_texts(more.reasons()),
            (std::vector<std::string>{"TRADING_HALTED: trading is halted: only exposure-reducing orders are accepted",
                                      "DAILY_LOSS_LIMIT: day_pnl=-1010.00 limit=-1000.00"}));

  h.advance(hours(24));
  before = h.sink.events.size();
  ASSERT_TRUE(h.engine.tick(h.now).is_ok());
  EXPECT_EQ(event_names(h.sink, before), (std::vector<std::string>{"day_started", "halt_changed"}));
  auto day = events_of<DayStarted>(h.sink, before).at(0);
  EXPECT_EQ(day.day, utc_day(h.now));
  EXPECT_EQ(day.start_equity, usd("98990"));
  EXPECT_EQ(events_of<HaltChanged>(h.sink, before).at(0),
            (HaltChanged{false, HaltCause::kDailyLoss, "system", "new trading day"}));
  EXPECT_FALSE(h.engine.state().halted);
  EXPECT_EQ(h.submit(market("MSFT", Side::kBuy, 1)).status(), OrderStatus::kFilled);
}

TEST(EngineDailyLoss, ANewDayDoesNotLiftTheOperatorsHalt) {
  EngineHarness h;
  ASSERT_TRUE(h.engine.set_halted(true, "operator", "investigating", h.now).is_ok());
  h.advance(hours(24));
  const std::size_t before = h.sink.events.size();
  ASSERT_TRUE(h.engine.tick(h.now).is_ok());
  EXPECT_EQ(event_names(h.sink, before), std::vector<std::string>{"day_started"});
  EXPECT_TRUE(h.engine.state().halted);
}

// The bug issue 12 fixed: whether a halt came from the daily-loss limit was
// read from its reason's prefix, so an operator's halt that happened to say
// so was lifted by the next day.
TEST(EngineDailyLoss, AnOperatorHaltSurvivesTheDayRollWhateverItsReasonSays) {
  for (const char* reason : {"DAILY_LOSS_LIMIT", "DAILY_LOSS_LIMIT: my own words", "new trading day", ""}) {
    EngineHarness h;
    ASSERT_TRUE(h.engine.set_halted(true, "operator", reason, h.now).is_ok());
    EXPECT_EQ(h.engine.state().halt_cause, HaltCause::kOperator);
    h.advance(hours(24));
    const std::size_t before = h.sink.events.size();
    ASSERT_TRUE(h.engine.tick(h.now).is_ok());
    EXPECT_EQ(event_names(h.sink, before), std::vector<std::string>{"day_started"}) << reason;
    EXPECT_TRUE(h.engine.state().halted) << reason;
    EXPECT_EQ(h.engine.state().halt_reason, reason);
  }
}

TEST(EngineMode, LiveNeedsABrokerThatCanTradeLive) {
  EngineHarness h;
  h.broker.live_capable = false;
  const std::size_t before = h.sink.events.size();
  EXPECT_EQ(h.engine.set_mode(TradingMode::kLive, "operator", h.now).code(), StatusCode::kConflict);
  EXPECT_EQ(h.engine.state().mode, TradingMode::kPaper);
  EXPECT_EQ(h.sink.events.size(), before);
  h.broker.live_capable = true;
  EXPECT_TRUE(h.engine.set_mode(TradingMode::kLive, "operator", h.now).is_ok());
  EXPECT_EQ(h.engine.state().mode, TradingMode::kLive);
}

TEST(EngineDailyLoss, DepositIsNotCountedAsDayProfit) {
  EngineHarness h;
  EXPECT_EQ(day_pnl(h), Money());
  ASSERT_TRUE(h.engine.deposit(usd("5000"), "ops", h.now).is_ok());
  EXPECT_EQ(day_pnl(h), Money());
}

TEST(EngineCooldown, ALosingExitLocksTheSymbolForTheCooldown) {
  EngineHarness h;
  ASSERT_EQ(h.submit(market("AAPL", Side::kBuy, 10)).status(), OrderStatus::kFilled);  // at 100.10
  const std::size_t before = h.sink.events.size();
  ASSERT_EQ(h.submit(market("AAPL", Side::kSell, 10)).status(), OrderStatus::kFilled);  // at 99.90: -2.00
  auto created = events_of<LockoutCreated>(h.sink, before);
  ASSERT_EQ(created.size(), 1u);
  const Lockout l = created[0].lockout;
  EXPECT_EQ(l.source, LockoutSource::kCooldown);
  EXPECT_EQ(l.reason, "cooldown after losing exit (realized -2.00)");
  EXPECT_EQ(l.expires_at, h.now + seconds(300));
  EXPECT_EQ(l.created_by, "system");

  h.advance(seconds(299));
  Order next = h.submit(market("AAPL", Side::kBuy, 1));
  EXPECT_EQ(next.status(), OrderStatus::kRiskRejected);
  ASSERT_FALSE(next.reasons().empty());
  EXPECT_EQ(next.reasons()[0].code, ReasonCode::kLockedOut);
  EXPECT_TRUE(starts_with(next.reasons()[0].detail, "AAPL locked out (cooldown lockout "))
      << next.reasons()[0].to_string();
  EXPECT_EQ(h.submit(market("MSFT", Side::kBuy, 1)).status(), OrderStatus::kFilled) << "other symbols trade on";

  h.advance(seconds(1));
  ASSERT_TRUE(h.engine.tick(h.now).is_ok());
  EXPECT_TRUE(h.engine.state().lockouts.find(l.id)->expired);
  EXPECT_EQ(h.submit(market("AAPL", Side::kBuy, 1)).status(), OrderStatus::kFilled);
}

TEST(EngineCooldown, AProfitableExitStartsNoCooldownByDefault) {
  EngineHarness h;
  ASSERT_EQ(h.submit(market("AAPL", Side::kBuy, 10)).status(), OrderStatus::kFilled);
  h.advance(minutes(2));
  h.set_quote("AAPL", "101", "101.20");
  ASSERT_EQ(h.submit(market("AAPL", Side::kSell, 10)).status(), OrderStatus::kFilled);
  EXPECT_TRUE(h.engine.state().lockouts.all().empty());
  EXPECT_EQ(h.submit(market("AAPL", Side::kBuy, 1)).status(), OrderStatus::kFilled);
}

// --- rate limit -------------------------------------------------------------------

TEST(EngineRateLimit, AcceptsExactlyMaxOrdersPerWindow) {
  EngineHarness h;
  ASSERT_TRUE(
      h.engine.update_config(with_limits(h, [](RiskConfig& c) { c.limits.max_orders_per_window = 3; }), "risk", h.now)
          .is_ok());
  for (int i = 0; i < 3; ++i) EXPECT_EQ(h.submit(market("MSFT", Side::kBuy, 1)).status(), OrderStatus::kFilled) << i;
  Order fourth = h.submit(market("MSFT", Side::kBuy, 1));
  EXPECT_EQ(reason_texts(fourth.reasons()), std::vector<std::string>{"RATE_LIMITED: max=3 per 60s"});
}

TEST(EngineRateLimit, ThrottleLiftsOnceTheWindowHasPassed) {
  EngineHarness h;
  ASSERT_TRUE(
      h.engine.update_config(with_limits(h, [](RiskConfig& c) { c.limits.max_orders_per_window = 3; }), "risk", h.now)
          .is_ok());
  int accepted = 0;
  Order last;
  for (int i = 0; i < 5; ++i) {
    last = h.submit(market("MSFT", Side::kBuy, 1));
    if (last.status() == OrderStatus::kFilled) ++accepted;
  }
  EXPECT_LE(accepted, 3);
  EXPECT_EQ(reason_texts(last.reasons()), std::vector<std::string>{"RATE_LIMITED: max=3 per 60s"});
  h.advance(seconds(60));
  EXPECT_EQ(h.submit(market("MSFT", Side::kBuy, 1)).status(), OrderStatus::kFilled);
}

TEST(EngineRateLimit, ApprovingAHeldOrderIsNotThrottled) {
  EngineHarness h;
  h.require_paper_approval();
  ASSERT_TRUE(
      h.engine.update_config(with_limits(h, [](RiskConfig& c) { c.limits.max_orders_per_window = 2; }), "risk", h.now)
          .is_ok());
  Order held = h.submit(market("MSFT", Side::kBuy, 1));
  ASSERT_EQ(held.status(), OrderStatus::kPendingApproval);
  for (int i = 0; i < 3; ++i) h.submit(market("MSFT", Side::kBuy, 1));  // fill the window
  Result<ApprovalOutcome> r = h.engine.decide_approval(held.approval_id(), true, "alice", "", h.now);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->order.status(), OrderStatus::kFilled);
}

// --- config versions --------------------------------------------------------------

TEST(EngineConfig, UpdatingTheConfigMakesANewVersion) {
  EngineHarness h;
  RiskConfig next = h.engine.state().config;
  next.version = 99;  // ignored
  next.limits.max_open_orders = 5;
  const std::size_t before = h.sink.events.size();
  Result<RiskConfig> r = h.engine.update_config(next, "alice", h.now);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->version, 2);
  EXPECT_EQ(h.engine.state().config.version, 2);
  EXPECT_EQ(h.engine.state().config.limits.max_open_orders, 5);
  EXPECT_EQ(event_names(h.sink, before), std::vector<std::string>{"config_changed"});
  ASSERT_EQ(h.engine.state().config_history.size(), 1u);
  EXPECT_EQ(h.engine.state().config_history[0].changed_by, "alice");
  EXPECT_EQ(h.engine.state().config_history[0].config.version, 2);
}

TEST(EngineConfig, InvalidConfigIsRefusedNamingTheFieldWithNoNewVersion) {
  EngineHarness h;
  RiskConfig bad = h.engine.state().config;
  bad.limits.max_open_orders = 0;
  const std::size_t before = h.sink.events.size();
  Result<RiskConfig> r = h.engine.update_config(bad, "alice", h.now);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "limits.max_open_orders");
  OperatorApprovalConfig section;
  section.approval_timeout_minutes = 0;
  EXPECT_EQ(h.engine.update_approval_config(section, "alice", h.now).status().field(),
            "operator_approval.approval_timeout_minutes");
  EXPECT_EQ(h.engine.state().config.version, 1);
  EXPECT_EQ(h.engine.state().config.limits.max_open_orders, 100);
  EXPECT_TRUE(h.engine.state().config_history.empty());
  EXPECT_EQ(h.sink.events.size(), before);
}

TEST(EngineConfig, AnUnchangedConfigMakesNoNewVersion) {
  EngineHarness h;
  const std::size_t before = h.sink.events.size();
  Result<RiskConfig> r = h.engine.update_config(h.engine.state().config, "alice", h.now);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->version, 1);
  EXPECT_EQ(h.sink.events.size(), before);
}

TEST(EngineConfig, NewLimitsApplyToTheNextOrder) {
  EngineHarness h;
  ASSERT_TRUE(
      h.engine
          .update_config(with_limits(h, [](RiskConfig& c) { c.limits.max_order_notional = Money::from_units(500); }),
                         "risk", h.now)
          .is_ok());
  Order o = h.submit(market("AAPL", Side::kBuy, 5));  // 500.50
  EXPECT_EQ(o.status(), OrderStatus::kRiskRejected);
  EXPECT_EQ(reason_texts(o.reasons()),
            std::vector<std::string>{"MAX_ORDER_NOTIONAL_EXCEEDED: max=500.00 notional=500.50"});
}

}  // namespace
}  // namespace stonks::testing
