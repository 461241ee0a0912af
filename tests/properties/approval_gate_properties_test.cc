// Properties of the approval gate: the bug condition of spec 1.1/2.1-2.2 (paper
// with auto-approval off holds every order) and the preserved behaviours
// 3.1 (live gates), 3.2 (disabled never gates), 3.4 (expiry) and 3.5 (risk
// failures never reach the gate).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <set>

#include "properties/property_support.h"

namespace stonks::props {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// A few lockouts on random symbols, so some orders fail risk for that.
void lock_some_symbols(PropEngine& p) {
  const int count = *rc::gen::inRange(0, 3);
  for (int i = 0; i < count; ++i) {
    LockoutRequest r;
    r.symbol = *genSymbol();
    r.reason = "property test";
    r.duration_minutes = *rc::gen::inRange(1, Lockout::kMaxDurationMinutes + 1);
    r.side = *genLockoutSide();
    r.created_by = "operator";
    require_ok(p.engine.create_lockout(r, p.now), "create_lockout");
  }
}

// Quotes for the universe, sometimes leaving one symbol without any market data.
void quote_most_of_universe(PropEngine& p) {
  std::vector<std::string> skip;
  if (*rc::gen::weightedOneOf<bool>({{3, rc::gen::just(false)}, {1, rc::gen::just(true)}}))
    skip.push_back(*rc::gen::elementOf(tickers()));
  p.quote_universe(skip);
}

// Submits random orders with the gate on and checks, after each, that the
// order is either risk_rejected (no request) or pending_approval with exactly
// one pending request, and that nothing reached the broker.
std::vector<OrderId> submit_gated(PropEngine& p) {
  const int timeout = p.state().config.operator_approval.approval_timeout_minutes;
  const int n = *rc::gen::inRange(1, 13);
  std::vector<OrderId> pending;
  for (int i = 0; i < n; ++i) {
    p.now += seconds(*rc::gen::inRange(0, 600));
    const OrderIntent in = *genIntent(p.state().market);
    const Order o = p.submit(in);
    const auto reqs = requests_for(p.state(), o.id());
    if (o.status() == OrderStatus::kRiskRejected) {
      RC_ASSERT(o.approval_id() == 0u);
      RC_ASSERT(reqs.empty());
      RC_ASSERT(!o.reasons().empty());
    } else {
      RC_ASSERT(o.status() == OrderStatus::kPendingApproval);
      RC_ASSERT(reqs.size() == 1u);
      RC_ASSERT(reqs[0]->id == o.approval_id());
      RC_ASSERT(reqs[0]->status == ApprovalStatus::kPending);
      RC_ASSERT(reqs[0]->expires_at == p.now + minutes(timeout));
      pending.push_back(o.id());
    }
    RC_ASSERT(p.broker.submitted.empty());
    RC_ASSERT(p.state().fills.empty());
  }
  RC_ASSERT(p.state().approvals.pending_count() == pending.size());
  RC_CLASSIFY(pending.empty(), "no order passed risk");
  return pending;
}

// The operator decides some of the held orders; only approved ones (that pass
// the re-check) may reach the broker, each exactly once.
void decide_some(PropEngine& p, const std::vector<OrderId>& pending) {
  std::set<OrderId> approved_and_sent;
  for (OrderId id : pending) {
    const int choice = *rc::gen::inRange(0, 3);  // 0: leave, 1: approve, 2: reject
    if (choice == 0) continue;
    p.now += seconds(*rc::gen::inRange(0, 120));
    const ApprovalRequest& req = *requests_for(p.state(), id).at(0);
    const bool late = p.now >= req.expires_at;
    Result<ApprovalOutcome> r = p.engine.decide_approval(req.id, choice == 1, "operator", "", p.now);
    if (late) {
      RC_ASSERT(r.status().code() == StatusCode::kConflict);
      continue;
    }
    require_ok(r.status(), "decide_approval");
    if (choice == 1 && r->order.status() != OrderStatus::kRejected) approved_and_sent.insert(id);
  }
  std::set<OrderId> sent(p.broker.submitted.begin(), p.broker.submitted.end());
  RC_ASSERT(sent.size() == p.broker.submitted.size());  // never twice
  RC_ASSERT(sent == approved_and_sent);
  for (OrderId id : sent) {
    const ApprovalRequest* req = p.state().approvals.find(p.state().order(id)->approval_id());
    RC_ASSERT(req != nullptr);
    RC_ASSERT(req->status == ApprovalStatus::kApproved);
  }
}

RC_GTEST_PROP(ApprovalGateProperties, Req_1_1_PaperOrdersWithAutoApprovalOffNeverReachTheBrokerUndecided, ()) {
  RiskConfig config = *genRiskConfig();
  config.operator_approval.auto_approve_paper = false;
  config.operator_approval.rules.clear();  // the bug condition: no rule lets an order through
  PropEngine p(config);
  RC_ASSERT(p.state().mode == TradingMode::kPaper);
  quote_most_of_universe(p);
  lock_some_symbols(p);
  const std::vector<OrderId> pending = submit_gated(p);
  decide_some(p, pending);
}

RC_GTEST_PROP(ApprovalGateProperties, Req_3_1_LiveModeWithApprovalForLiveAlwaysGates, ()) {
  RiskConfig config = *genRiskConfig();
  config.operator_approval.require_approval_for_live = true;
  PropEngine p(config);
  p.mode(TradingMode::kLive);
  quote_most_of_universe(p);
  lock_some_symbols(p);
  const std::vector<OrderId> pending = submit_gated(p);
  decide_some(p, pending);
}

RC_GTEST_PROP(ApprovalGateProperties, Req_3_2_DisabledModeNeverGatesAndNeverReachesTheBroker, ()) {
  const RiskConfig config = *genRiskConfig();
  PropEngine p(config);
  quote_most_of_universe(p);
  lock_some_symbols(p);
  p.mode(TradingMode::kDisabled);
  const int n = *rc::gen::inRange(1, 13);
  for (int i = 0; i < n; ++i) {
    p.now += seconds(*rc::gen::inRange(0, 600));
    // The approval section, rules included, may change while disabled; it must not matter.
    if (*rc::gen::arbitrary<bool>())
      require_ok(p.engine.update_approval_config(*genApprovalConfig(priced_tradable(p.state())), "operator", p.now),
                 "update_approval_config");
    const Order o = p.submit(*genIntent(p.state().market));
    RC_ASSERT(o.status() == OrderStatus::kRiskRejected);
    RC_ASSERT(!o.reasons().empty());
    RC_ASSERT(o.reasons().front().code == ReasonCode::kTradingDisabled);
    RC_ASSERT(o.approval_id() == 0u);
  }
  RC_ASSERT(p.state().approvals.all().empty());
  RC_ASSERT(p.broker.submitted.empty());
  RC_ASSERT(p.state().fills.empty());
}

RC_GTEST_PROP(ApprovalGateProperties, Req_3_5_RiskFailuresNeverCreateApprovals, ()) {
  RiskConfig config = *genRiskConfig();
  config.operator_approval.rules.clear();  // the mode's default gates (rules: approval_rules_properties_test)
  PropEngine p(config);
  const TradingMode mode = *rc::gen::element(TradingMode::kPaper, TradingMode::kLive);
  p.mode(mode);
  quote_most_of_universe(p);
  lock_some_symbols(p);
  const bool gated = requires_approval(mode, p.state().config);
  const int n = *rc::gen::inRange(1, 13);
  std::size_t held = 0;
  std::size_t rejected = 0;
  for (int i = 0; i < n; ++i) {
    p.now += seconds(*rc::gen::inRange(0, 600));
    const std::size_t sent_before = p.broker.submitted.size();
    const Order o = p.submit(*genIntent(p.state().market));
    if (o.status() == OrderStatus::kRiskRejected) {
      ++rejected;
      RC_ASSERT(o.approval_id() == 0u);
      RC_ASSERT(requests_for(p.state(), o.id()).empty());
      RC_ASSERT(p.broker.submitted.size() == sent_before);
    } else if (gated) {
      ++held;
      RC_ASSERT(o.status() == OrderStatus::kPendingApproval);
      RC_ASSERT(requests_for(p.state(), o.id()).size() == 1u);
    } else {
      RC_ASSERT(o.approval_id() == 0u);
      RC_ASSERT(p.broker.submitted.size() == sent_before + 1);
      RC_ASSERT(p.broker.submitted.back() == o.id());
    }
  }
  RC_ASSERT(p.state().approvals.all().size() == held);
  RC_CLASSIFY(rejected > 0, "some risk failures");
  RC_CLASSIFY(gated, "gated");
}

// 3.4: ticks at random times expire exactly the pending requests whose
// expires_at is at or before the tick; nothing else changes status.
RC_GTEST_PROP(ApprovalGateProperties, Req_3_4_ExpiryMarksExactlyTheRequestsThatAreDue, ()) {
  RiskConfig config = generous_config();
  config.operator_approval.auto_approve_paper = false;
  config.operator_approval.approval_timeout_minutes = *genTimeoutMinutes();
  PropEngine p(config);
  p.quote_universe();

  struct Held {
    ApprovalId approval;
    OrderId order;
    Timestamp expires_at;
  };
  std::vector<Held> held;
  std::optional<Timestamp> last_tick;
  const int steps = *rc::gen::inRange(1, 30);
  for (int i = 0; i < steps; ++i) {
    const int kind = *rc::gen::weightedOneOf<int>(
        {{4, rc::gen::just(0)}, {3, rc::gen::just(1)}, {1, rc::gen::just(2)}, {2, rc::gen::just(3)}});
    if (kind == 0) {  // submit at a random later time
      p.now += seconds(*rc::gen::inRange(0, 2 * 3600 + 1));
      const Order o = p.submit(*genIntent(p.state().market));
      RC_ASSERT(o.status() == OrderStatus::kPendingApproval);
      const Timestamp expected = p.now + minutes(p.state().config.operator_approval.approval_timeout_minutes);
      RC_ASSERT(p.state().approvals.find(o.approval_id())->expires_at == expected);
      held.push_back({o.approval_id(), o.id(), expected});
    } else if (kind == 1) {  // tick at a random later time (sub-second steps too)
      p.now += Duration(*rc::gen::inRange<std::int64_t>(0, std::int64_t{2} * 3600 * 1'000'000 + 1));
      require_ok(p.engine.tick(p.now), "tick");
      last_tick = p.now;
    } else if (kind == 2) {  // a new timeout for later orders
      OperatorApprovalConfig section = p.state().config.operator_approval;
      section.approval_timeout_minutes = *genTimeoutMinutes();
      require_ok(p.engine.update_approval_config(section, "operator", p.now), "update_approval_config");
    } else {  // tick exactly at (or a microsecond before) some request's expiry
      std::vector<Timestamp> ahead;
      for (const Held& h : held)
        if (h.expires_at > p.now) ahead.push_back(h.expires_at);
      if (ahead.empty()) continue;
      const Timestamp target = *rc::gen::elementOf(ahead);
      p.now = *rc::gen::arbitrary<bool>() ? target : std::max(p.now, target - Duration(1));
      require_ok(p.engine.tick(p.now), "tick");
      last_tick = p.now;
    }
    for (const Held& h : held) {
      const bool due = last_tick && h.expires_at <= *last_tick;
      const ApprovalRequest* r = p.state().approvals.find(h.approval);
      RC_ASSERT(r != nullptr);
      RC_ASSERT(r->status == (due ? ApprovalStatus::kExpired : ApprovalStatus::kPending));
      RC_ASSERT(p.state().order(h.order)->status() == (due ? OrderStatus::kExpired : OrderStatus::kPendingApproval));
    }
  }
  RC_ASSERT(p.broker.submitted.empty());
}

}  // namespace
}  // namespace stonks::props
