// Engine commit semantics and replay: a failing sink stops the engine, and
// the committed events rebuild the same state.
#include "core/engine.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/engine_harness.h"
#include "support/sink_queries.h"

namespace stonks::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TEST(EngineSink, WhenTheSinkFailsEveryCommandAnswersUnavailable) {
  EngineHarness h;
  Order held = h.submit(limit("AAPL", Side::kBuy, 1, "99"));
  const std::size_t committed = h.sink.events.size();
  h.sink.fail_next = true;
  Result<Order> r = h.engine.submit_order(market("MSFT", Side::kBuy, 1), h.now);
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_TRUE(h.engine.failed());

  h.sink.fail_next = false;  // storage is back, but memory may be ahead of it
  EXPECT_EQ(h.engine.submit_order(market("MSFT", Side::kBuy, 1), h.now).status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(h.engine.on_quote(quote("AAPL", "99", "99.10"), h.now).code(), StatusCode::kUnavailable);
  EXPECT_EQ(h.engine.tick(h.now).code(), StatusCode::kUnavailable);
  EXPECT_EQ(h.engine.deposit(usd("1"), "ops", h.now).code(), StatusCode::kUnavailable);
  EXPECT_EQ(h.engine.cancel_order(held.id(), "ops", "", h.now).status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(h.engine.create_lockout(h.lockout_request("AAPL"), h.now).status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(h.engine.set_mode(TradingMode::kLive, "ops", h.now).code(), StatusCode::kUnavailable);
  EXPECT_EQ(h.engine.set_halted(true, "ops", "", h.now).code(), StatusCode::kUnavailable);
  EXPECT_EQ(h.engine.update_config(h.engine.state().config, "ops", h.now).status().code(), StatusCode::kUnavailable);
  ExecutionReport fill;
  fill.order_id = held.id();
  fill.qty = 1;
  fill.price = px("99");
  EXPECT_EQ(h.engine.report_execution(fill, h.now).code(), StatusCode::kUnavailable);
  EXPECT_EQ(h.sink.events.size(), committed);
  EXPECT_EQ(h.broker.cancelled.size(), 0u);
}

// --- replay -----------------------------------------------------------------------

// A long mixed session: fills, approvals (approved, rejected, expired), manual
// and system lockouts, resting and partial fills, cancels, remote reports,
// mode, halt and config changes, bars, deposits and a day roll.
void run_mixed_session(EngineHarness& h) {
  auto ok = [](const Status& s) { ASSERT_TRUE(s.is_ok()) << s.to_string(); };
  h.submit(market("AAPL", Side::kBuy, 10, "r-1"));
  h.require_paper_approval();
  Order a = h.submit(market("MSFT", Side::kBuy, 5));
  h.advance(seconds(10));
  ok(h.engine.decide_approval(a.approval_id(), true, "alice", "ok", h.now).status());
  Order b = h.submit(market("MSFT", Side::kBuy, 3));
  ok(h.engine.decide_approval(b.approval_id(), false, "alice", "no", h.now).status());
  h.submit(market("AAPL", Side::kBuy, 2));
  h.advance(minutes(31));
  ok(h.engine.tick(h.now));
  LockoutRequest req = h.lockout_request("TSLA", 60, "manual");
  Result<Lockout> manual = h.engine.create_lockout(req, h.now);
  ok(manual.status());
  ok(h.engine.remove_lockout(manual->id, "bob", h.now).status());
  NewsEvent n;
  n.symbol = sym("MSFT");
  n.headline = "guidance cut";
  n.severity = 90;
  ok(h.engine.on_news(n, h.now));
  OperatorApprovalConfig section = h.engine.state().config.operator_approval;
  section.auto_approve_paper = true;
  ok(h.engine.update_approval_config(section, "alice", h.now).status());
  Order resting = h.submit(limit("AAPL", Side::kBuy, 50, "99.50"));
  h.advance(seconds(5));
  ok(h.engine.on_quote(quote("AAPL", "99.30", "99.40", 100, 20), h.now));
  ok(h.engine.cancel_order(resting.id(), "alice", "enough", h.now).status());
  Bar bar;
  bar.symbol = sym("NVDA");
  bar.open = px("120");
  bar.high = px("121");
  bar.low = px("119");
  bar.close = px("120.5");
  bar.volume = 1000;
  bar.at = h.now;
  ok(h.engine.on_bar(bar, h.now));
  h.submit(market("AAPL", Side::kSell, 10));  // losing exit: cooldown
  ok(h.engine.set_mode(TradingMode::kLive, "alice", h.now));
  ok(h.engine.set_mode(TradingMode::kPaper, "alice", h.now));
  ok(h.engine.set_halted(true, "alice", "lunch", h.now));
  h.submit(market("MSFT", Side::kBuy, 1));  // refused while halted
  ok(h.engine.set_halted(false, "alice", "", h.now));
  h.advance(minutes(2));
  h.set_quote("TSLA", "50", "50.10");
  Order remote = h.submit(limit("TSLA", Side::kBuy, 10, "49"));
  ExecutionReport fill;
  fill.order_id = remote.id();
  fill.qty = 4;
  fill.price = px("48.90");
  fill.fee = usd("0.10");
  ok(h.engine.report_execution(fill, h.now));
  ExecutionReport cancel;
  cancel.kind = ExecutionReport::Kind::kCancelled;
  cancel.order_id = remote.id();
  cancel.reason = "day order expired";
  ok(h.engine.report_execution(cancel, h.now));
  ok(h.engine.deposit(usd("5000"), "ops", h.now));
  h.submit(market("AAPL", Side::kBuy, 5000));  // risk rejected
  h.advance(hours(24));
  ok(h.engine.tick(h.now));
  h.submit(market("NVDA", Side::kBuy, 3));
}

TEST(EngineReplay, ReplayingTheSinksEventsRebuildsTheSameState) {
  EngineHarness h;
  run_mixed_session(h);
  ASSERT_FALSE(HasFatalFailure());
  ASSERT_GT(h.sink.events.size(), 50u);
  // The session really went through each kind of event.
  for (const char* kind : {"approval_decided", "lockout_removed", "lockout_expired", "order_cancelled", "halt_changed",
                           "mode_changed", "bar_received", "news_received", "order_risk_rejected", "day_started"}) {
    std::vector<std::string> names = event_names(h.sink, 0);
    EXPECT_NE(std::find(names.begin(), names.end(), kind), names.end()) << kind;
  }

  RecordingBroker broker;
  Engine fresh(broker, nullptr);
  for (const EventRecord& r : h.sink.events) {
    Status st = fresh.replay(r);
    ASSERT_TRUE(st.is_ok()) << "seq " << r.seq << " " << event_name(r.event) << ": " << st.to_string();
  }
  EXPECT_TRUE(fresh.state() == h.engine.state());
  EXPECT_EQ(fresh.state().last_seq, h.sink.events.back().seq);
  EXPECT_EQ(fresh.state().portfolio, h.engine.state().portfolio);
  EXPECT_EQ(fresh.state().orders, h.engine.state().orders);
  EXPECT_TRUE(broker.submitted.empty()) << "replay never calls the broker";
}

TEST(EngineReplay, EventSeqsAreConsecutiveFromOne) {
  EngineHarness h;
  run_mixed_session(h);
  for (std::size_t i = 0; i < h.sink.events.size(); ++i) ASSERT_EQ(h.sink.events[i].seq, i + 1);
}

TEST(EngineReplay, AnOutOfOrderSeqIsCorruption) {
  EngineHarness h;
  h.submit(market("AAPL", Side::kBuy, 1));
  ASSERT_GE(h.sink.events.size(), 3u);
  RecordingBroker broker;
  Engine fresh(broker, nullptr);
  EXPECT_EQ(fresh.replay(h.sink.events[1]).code(), StatusCode::kCorruption);
  EXPECT_EQ(fresh.state().last_seq, 0u);
  ASSERT_TRUE(fresh.replay(h.sink.events[0]).is_ok());
  EXPECT_EQ(fresh.replay(h.sink.events[0]).code(), StatusCode::kCorruption) << "a repeated seq";
  EXPECT_EQ(fresh.replay(h.sink.events[2]).code(), StatusCode::kCorruption) << "a skipped seq";
  EXPECT_EQ(fresh.state().last_seq, 1u);
}

}  // namespace
}  // namespace stonks::testing
