// The approval rules in the engine: each order records the rule (or the
// default) that decided its gate, a change applies to the next order, four
// eyes refuses a self-approval, rule tickers must be known, and a journal
// replays to the same gates.
#include <gtest/gtest.h>

#include "core/engine.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

void set_rules(EngineHarness& h, std::vector<ApprovalRule> rules, bool auto_paper = true) {
  OperatorApprovalConfig a = h.engine.state().config.operator_approval;
  a.auto_approve_paper = auto_paper;
  a.rules = std::move(rules);
  Result<RiskConfig> r = h.engine.update_approval_config(a, "operator", h.now);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
}

ApprovalRule hold_over(const std::string& notional) {
  ApprovalRule r;
  r.name = "big";
  r.notional_min = usd(notional);
  return r;
}

OrderIntent from(OrderIntent in, const std::string& source) {
  in.source = source;
  return in;
}

TEST(EngineApprovalRules, AHeldOrderRecordsTheRuleAndTheConfigVersion) {
  EngineHarness h;
  set_rules(h, {hold_over("5000")});
  const std::int64_t version = h.engine.state().config.version;
  const Order big = h.submit(market("AAPL", Side::kBuy, 100));  // ~10,000 of notional
  EXPECT_EQ(big.status(), OrderStatus::kPendingApproval);
  EXPECT_EQ(big.gate(), (GateDecision{true, 1, version}));
  const Order small = h.submit(market("AAPL", Side::kBuy, 1));
  EXPECT_EQ(small.status(), OrderStatus::kFilled) << "paper auto-approval still lets the rest through";
  EXPECT_EQ(small.gate(), (GateDecision{false, 0, version}));
}

TEST(EngineApprovalRules, AnAutoApproveRuleLetsAStrategyThroughWhileManualOrdersWait) {
  EngineHarness h;
  ApprovalRule algos;
  algos.source = "strategy:*";
  algos.decision = RuleDecision::kAutoApprove;
  set_rules(h, {algos}, /*auto_paper=*/false);
  const Order algo = h.submit(from(market("AAPL", Side::kBuy, 2), "strategy:mean_reversion"));
  EXPECT_EQ(algo.status(), OrderStatus::kFilled);
  EXPECT_EQ(algo.gate().rule, 1u);
  const Order manual = h.submit(market("AAPL", Side::kBuy, 2));
  EXPECT_EQ(manual.status(), OrderStatus::kPendingApproval);
  EXPECT_EQ(manual.gate().rule, 0u);
}

TEST(EngineApprovalRules, AChangeAppliesToTheNextOrder) {
  EngineHarness h;
  EXPECT_EQ(h.submit(market("MSFT", Side::kBuy, 1)).status(), OrderStatus::kFilled);
  ApprovalRule msft;
  msft.tickers = {sym("MSFT")};
  set_rules(h, {msft});
  EXPECT_EQ(h.submit(market("MSFT", Side::kBuy, 1)).status(), OrderStatus::kPendingApproval);
  set_rules(h, {});
  EXPECT_EQ(h.submit(market("MSFT", Side::kBuy, 1)).status(), OrderStatus::kFilled);
}

TEST(EngineApprovalRules, ExposureMatchesAgainstThePositionAtIntake) {
  EngineHarness h;
  h.submit(market("AAPL", Side::kBuy, 10));  // long 10
  ApprovalRule increases;
  increases.exposure = ExposureEffect::kIncreases;
  set_rules(h, {increases});
  EXPECT_EQ(h.submit(market("AAPL", Side::kSell, 4)).status(), OrderStatus::kFilled) << "reduces: not matched";
  h.advance(std::chrono::minutes(6));  // past the cooldown the sale's loss started
  EXPECT_EQ(h.submit(market("AAPL", Side::kBuy, 1)).status(), OrderStatus::kPendingApproval);
}

TEST(EngineApprovalRules, Req_3_1_LiveHoldsEvenWhereARuleWouldAutoApprove) {
  EngineHarness h;
  ApprovalRule everything_manual;
  everything_manual.source = "manual";
  everything_manual.decision = RuleDecision::kAutoApprove;
  set_rules(h, {everything_manual});
  ASSERT_TRUE(h.engine.set_mode(TradingMode::kLive, "operator", h.now).is_ok());
  const Order o = h.submit(market("AAPL", Side::kBuy, 1));
  EXPECT_EQ(o.status(), OrderStatus::kPendingApproval);
  EXPECT_TRUE(h.broker.submitted.empty());
  EXPECT_EQ(o.gate().rule, 0u);
}

TEST(EngineApprovalRules, RiskRejectedOrdersNeverReachTheGate) {
  EngineHarness h;
  set_rules(h, {hold_over("1")});
  const Order o = h.submit(market("AAPL", Side::kBuy, 10'000'000));
  EXPECT_EQ(o.status(), OrderStatus::kRiskRejected);
  EXPECT_EQ(o.gate(), GateDecision{});
}

TEST(EngineApprovalRules, UnknownRuleTickersAreRefusedAndNothingChanges) {
  EngineHarness h;
  const std::int64_t version = h.engine.state().config.version;
  OperatorApprovalConfig a = h.engine.state().config.operator_approval;
  ApprovalRule r;
  r.tickers = {sym("ZZZZ")};
  a.rules = {r};
  Result<RiskConfig> st = h.engine.update_approval_config(a, "operator", h.now);
  ASSERT_FALSE(st.is_ok());
  EXPECT_EQ(st.status().field(), "operator_approval.rules[0].tickers");
  EXPECT_EQ(h.engine.state().config.version, version);
}

// Every paper order held, four eyes as given.
void hold_all(EngineHarness& h, bool four_eyes) {
  OperatorApprovalConfig a = h.engine.state().config.operator_approval;
  a.auto_approve_paper = false;
  a.four_eyes = four_eyes;
  ASSERT_TRUE(h.engine.update_approval_config(a, "operator", h.now).is_ok());
}

TEST(EngineFourEyes, TheSubmitterCannotApproveButAnotherOperatorCan) {
  EngineHarness h;
  hold_all(h, true);
  Result<Order> o = h.engine.submit_order(market("AAPL", Side::kBuy, 5), h.now, "alice");
  ASSERT_TRUE(o.is_ok()) << o.status().to_string();
  EXPECT_EQ(o->submitted_by(), "alice");
  const std::size_t events = h.sink.events.size();
  Result<ApprovalOutcome> self = h.engine.decide_approval(o->approval_id(), true, "alice", "", h.now);
  EXPECT_EQ(self.status().code(), StatusCode::kSelfApproval);
  EXPECT_EQ(h.sink.events.size(), events) << "a refused approval changes nothing";
  EXPECT_EQ(h.engine.state().order(o->id())->status(), OrderStatus::kPendingApproval);
  Result<ApprovalOutcome> other = h.engine.decide_approval(o->approval_id(), true, "bob", "", h.now);
  ASSERT_TRUE(other.is_ok()) << other.status().to_string();
  EXPECT_EQ(other->order.status(), OrderStatus::kFilled);
}

TEST(EngineFourEyes, TheSubmitterMayStillRejectAndOffMeansSelfApprovalIsFine) {
  EngineHarness h;
  hold_all(h, true);
  Result<Order> first = h.engine.submit_order(market("AAPL", Side::kBuy, 5), h.now, "alice");
  ASSERT_TRUE(first.is_ok());
  EXPECT_TRUE(h.engine.decide_approval(first->approval_id(), false, "alice", "changed my mind", h.now).is_ok());
  hold_all(h, false);
  Result<Order> second = h.engine.submit_order(market("AAPL", Side::kBuy, 5), h.now, "alice");
  ASSERT_TRUE(second.is_ok());
  EXPECT_TRUE(h.engine.decide_approval(second->approval_id(), true, "alice", "", h.now).is_ok());
}

TEST(EngineApprovalRules, ReplayRebuildsTheSameGatesAndSubmitters) {
  EngineHarness h;
  set_rules(h, {hold_over("5000")});
  ASSERT_TRUE(h.engine.submit_order(market("AAPL", Side::kBuy, 100), h.now, "alice").is_ok());
  ASSERT_TRUE(h.engine.submit_order(market("AAPL", Side::kBuy, 1), h.now, "bob").is_ok());
  RecordingBroker broker;
  Engine fresh(broker, nullptr);
  for (const EventRecord& r : h.sink.events) ASSERT_TRUE(fresh.replay(r).is_ok());
  EXPECT_TRUE(fresh.state() == h.engine.state());
  EXPECT_EQ(fresh.state().order(1)->gate().rule, 1u);
  EXPECT_EQ(fresh.state().order(2)->submitted_by(), "bob");
}

}  // namespace
}  // namespace stonks::testing
