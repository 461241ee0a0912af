// Halt & flatten, whatever came before it: after it no approval is pending,
// no order is working (but those whose cancel a remote broker has yet to
// answer), every position it reports closed is flat, and its events replay
// to the same state.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "properties/property_support.h"

namespace stonks::props {
namespace {

using std::chrono::seconds;

RC_GTEST_PROP(FlattenProperties, AfterAFlattenNothingIsPendingWorkingOrOpen, ()) {
  PropEngine p(generous_config());
  p.broker.answers_cancels = *rc::gen::weightedOneOf<bool>({{3, rc::gen::just(true)}, {1, rc::gen::just(false)}});
  p.quote_universe();
  // A session: orders through the gate switched on and off, quotes moving
  // (so that resting limits fill or not), some decisions.
  const int steps = *rc::gen::inRange(1, 40);
  for (int i = 0; i < steps; ++i) {
    p.now += seconds(*rc::gen::inRange(0, 30));
    switch (*rc::gen::inRange(0, 5)) {
      case 0: {
        OperatorApprovalConfig a = p.state().config.operator_approval;
        a.auto_approve_paper = !a.auto_approve_paper;
        require_ok(p.engine.update_approval_config(a, "operator", p.now).status(), "update_approval_config");
        break;
      }
      case 1:
        p.quote(*genQuote(*genSymbol()));
        break;
      case 2:
        if (std::vector<ApprovalId> ids = p.state().approvals.pending_ids(); !ids.empty())
          (void)p.engine.decide_approval(*rc::gen::elementOf(ids), *rc::gen::arbitrary<bool>(), "operator", "", p.now);
        break;
      default:
        p.submit(*genIntent(p.state().market));
    }
  }
  RC_CLASSIFY(p.state().approvals.pending_count() > 0, "approvals pending");
  RC_CLASSIFY(!p.state().working_orders.empty(), "orders working");

  p.now += seconds(1);
  const FlattenReport report = require_ok(p.engine.halt_and_flatten("alice", "property", p.now), "halt_and_flatten");
  const EngineState& s = p.state();
  RC_ASSERT(s.halted);
  RC_ASSERT(s.approvals.pending_count() == 0u);
  for (OrderId id : s.open_orders.ids()) {
    const Order* o = s.order(id);
    // Still working: a cancel the remote broker has yet to answer, or a
    // close that waits for the market.
    const bool closing = o->intent().source == "flatten";
    RC_ASSERT(closing || s.cancel_requests.contains(id));
    RC_ASSERT(!p.broker.answers_cancels || closing);
  }
  for (const FlattenClose& c : report.closes) {
    RC_ASSERT(c.position != 0);
    if (c.status == OrderStatus::kFilled) RC_ASSERT(s.portfolio.position(c.symbol).qty == 0);
  }
  // Every position that was open got a close.
  for (const auto& [symbol, position] : s.portfolio.positions()) {
    if (position.qty == 0) continue;
    const bool reported = std::any_of(report.closes.begin(), report.closes.end(),
                                      [&](const FlattenClose& c) { return c.symbol == symbol; });
    RC_ASSERT(reported);
  }

  stonks::testing::RecordingBroker broker;
  Engine fresh(broker, nullptr);
  for (const EventRecord& r : p.sink.events) require_ok(fresh.replay(r), "replay");
  RC_ASSERT(fresh.state() == s);
}

}  // namespace
}  // namespace stonks::props
