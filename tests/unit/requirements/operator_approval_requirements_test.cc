// One test per clause of spec/operator-approval-workflow.md (1.1-3.6). The 1.x
// tests assert the corrected behaviour under the old defect's condition.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

bool in_active_list(const Engine& e, LockoutId id, Timestamp now) {
  auto active = e.state().lockouts.active(now);
  return std::any_of(active.begin(), active.end(), [&](const Lockout* l) { return l->id == id; });
}

TEST(Requirements, Req_1_1_PaperOrderWithAutoApprovalOffIsHeldAndNeverReachesBroker) {
  EngineHarness h;
  ASSERT_EQ(h.engine.state().mode, TradingMode::kPaper);
  h.require_paper_approval();
  Order o = h.submit(market("AAPL", Side::kBuy, 10));
  EXPECT_EQ(o.status(), OrderStatus::kPendingApproval);
  EXPECT_TRUE(h.broker.submitted.empty());
  EXPECT_TRUE(h.engine.state().fills.empty());
  EXPECT_EQ(h.engine.state().portfolio.position(sym("AAPL")).qty, 0);
}

TEST(Requirements, Req_1_2_HeldOrdersAppearAsPendingApprovals) {
  EngineHarness h;
  h.require_paper_approval();
  Order a = h.submit(market("AAPL", Side::kBuy, 10));
  Order b = h.submit(market("MSFT", Side::kBuy, 5));
  std::vector<OrderId> pending;
  for (const auto& [id, r] : h.engine.state().approvals.all())
    if (r.status == ApprovalStatus::kPending) pending.push_back(r.order_id);
  EXPECT_EQ(pending, (std::vector<OrderId>{a.id(), b.id()}));
  EXPECT_EQ(h.engine.state().approvals.pending_count(), 2u);
}

TEST(Requirements, Req_1_3_OperatorCanCreateAManualLockout) {
  EngineHarness h;
  Result<Lockout> l = h.engine.create_lockout(h.lockout_request("AAPL", 60, "earnings tonight"), h.now);
  ASSERT_TRUE(l.is_ok()) << l.status().to_string();
  EXPECT_EQ(l->source, LockoutSource::kManual);
  EXPECT_EQ(l->created_by, "operator");
  EXPECT_EQ(l->expires_at, h.now + std::chrono::minutes(60));
  Order o = h.submit(market("AAPL", Side::kBuy, 1));
  EXPECT_EQ(o.status(), OrderStatus::kRiskRejected);
  ASSERT_FALSE(o.reasons().empty());
  EXPECT_EQ(o.reasons()[0].code, ReasonCode::kLockedOut) << o.reasons()[0].to_string();
}

TEST(Requirements, Req_1_4_ManualLockoutCanBeRemovedEarlyAndStaysInHistory) {
  EngineHarness h;
  LockoutId id = h.engine.create_lockout(h.lockout_request("AAPL"), h.now)->id;
  h.advance(std::chrono::minutes(5));
  Result<Lockout> removed = h.engine.remove_lockout(id, "alice", h.now);
  ASSERT_TRUE(removed.is_ok()) << removed.status().to_string();
  EXPECT_FALSE(in_active_list(h.engine, id, h.now));
  const Lockout* history = h.engine.state().lockouts.find(id);
  ASSERT_NE(history, nullptr);
  EXPECT_EQ(history->removed_by, "alice");
  EXPECT_EQ(history->removed_at, h.now);
  EXPECT_EQ(h.submit(market("AAPL", Side::kBuy, 1)).status(), OrderStatus::kFilled);
}

TEST(Requirements, Req_1_5_OperatorCanTogglePaperAutoApproval) {
  EngineHarness h;
  const std::int64_t before = h.engine.state().config.version;
  h.require_paper_approval();
  EXPECT_FALSE(h.engine.state().config.operator_approval.auto_approve_paper);
  EXPECT_EQ(h.engine.state().config.version, before + 1);
  OperatorApprovalConfig back = h.engine.state().config.operator_approval;
  back.auto_approve_paper = true;
  ASSERT_TRUE(h.engine.update_approval_config(back, "operator", h.now).is_ok());
  EXPECT_TRUE(h.engine.state().config.operator_approval.auto_approve_paper);
  EXPECT_EQ(h.engine.state().config.version, before + 2);
}

TEST(Requirements, Req_2_1_RequiresApprovalInPaperWhenAutoApproveIsOff) {
  RiskConfig cfg;
  EXPECT_FALSE(requires_approval(TradingMode::kPaper, cfg));
  cfg.operator_approval.auto_approve_paper = false;
  EXPECT_TRUE(requires_approval(TradingMode::kPaper, cfg));
}

TEST(Requirements, Req_2_2_HeldOrdersCanBeApprovedOrRejected) {
  EngineHarness h;
  h.require_paper_approval();
  Order a = h.submit(market("AAPL", Side::kBuy, 10));
  Order b = h.submit(market("MSFT", Side::kBuy, 5));
  Result<ApprovalOutcome> ok = h.engine.decide_approval(a.approval_id(), true, "alice", "looks fine", h.now);
  ASSERT_TRUE(ok.is_ok()) << ok.status().to_string();
  EXPECT_EQ(ok->order.status(), OrderStatus::kFilled);
  Result<ApprovalOutcome> no = h.engine.decide_approval(b.approval_id(), false, "alice", "too big", h.now);
  ASSERT_TRUE(no.is_ok());
  EXPECT_EQ(no->order.status(), OrderStatus::kRejected);
  EXPECT_EQ(h.broker.submitted, std::vector<OrderId>{a.id()});
  EXPECT_EQ(h.engine.state().portfolio.position(sym("AAPL")).qty, 10);
  EXPECT_EQ(h.engine.state().portfolio.position(sym("MSFT")).qty, 0);
}

TEST(Requirements, Req_2_3_ManualLockoutAppearsInActiveList) {
  EngineHarness h;
  Result<Lockout> l = h.engine.create_lockout(h.lockout_request("MSFT", 15, "halt pending"), h.now);
  ASSERT_TRUE(l.is_ok());
  EXPECT_TRUE(in_active_list(h.engine, l->id, h.now));
  const Lockout* stored = h.engine.state().lockouts.find(l->id);
  EXPECT_EQ(stored->symbol, sym("MSFT"));
  EXPECT_EQ(stored->reason, "halt pending");
  h.advance(std::chrono::minutes(15));
  EXPECT_FALSE(in_active_list(h.engine, l->id, h.now)) << "a lockout ends at its expiry";
}

TEST(Requirements, Req_2_4_EveryLockoutCanBeRemovedAndMoreCreated) {
  EngineHarness h;
  std::vector<LockoutId> ids;
  for (const char* t : {"AAPL", "MSFT", "BRK.B"})
    ids.push_back(h.engine.create_lockout(h.lockout_request(t), h.now)->id);
  EXPECT_EQ(h.engine.state().lockouts.active(h.now).size(), 3u);
  for (LockoutId id : ids) ASSERT_TRUE(h.engine.remove_lockout(id, "operator", h.now).is_ok());
  EXPECT_TRUE(h.engine.state().lockouts.active(h.now).empty());
  EXPECT_EQ(h.engine.remove_lockout(ids[0], "operator", h.now).status().code(), StatusCode::kConflict);
  EXPECT_TRUE(h.engine.create_lockout(h.lockout_request("AAPL"), h.now).is_ok());
  EXPECT_EQ(h.engine.state().lockouts.active(h.now).size(), 1u);
}

TEST(Requirements, Req_2_5_ApprovalToggleAppliesToTheNextOrderWithoutRestart) {
  EngineHarness h;
  EXPECT_EQ(h.submit(market("AAPL", Side::kBuy, 1)).status(), OrderStatus::kFilled);
  h.require_paper_approval();
  EXPECT_EQ(h.submit(market("AAPL", Side::kBuy, 1)).status(), OrderStatus::kPendingApproval);
  OperatorApprovalConfig back = h.engine.state().config.operator_approval;
  back.auto_approve_paper = true;
  ASSERT_TRUE(h.engine.update_approval_config(back, "operator", h.now).is_ok());
  EXPECT_EQ(h.submit(market("AAPL", Side::kBuy, 1)).status(), OrderStatus::kFilled);
  EXPECT_EQ(h.broker.submitted.size(), 2u);
}

// 3.1 and 3.2 hold whatever approval rules the operator writes (issue 24):
// each runs with no rules and with lists that try to let orders through.
std::vector<ApprovalRule> rule_list(int which) {
  ApprovalRule all_manual;
  all_manual.source = "manual";
  all_manual.decision = RuleDecision::kAutoApprove;
  ApprovalRule aapl_buys;
  aapl_buys.tickers = {sym("AAPL")};
  aapl_buys.side = Side::kBuy;
  aapl_buys.decision = RuleDecision::kAutoApprove;
  ApprovalRule hold_small;
  hold_small.notional_max = usd("1000000");
  switch (which) {
    case 0:
      return {};
    case 1:
      return {all_manual};
    case 2:
      return {aapl_buys, hold_small};
    default:
      return {hold_small, all_manual, aapl_buys};
  }
}

class RequirementsWithRules : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    OperatorApprovalConfig a = h.engine.state().config.operator_approval;
    a.rules = rule_list(GetParam());
    ASSERT_TRUE(h.engine.update_approval_config(a, "operator", h.now).is_ok());
  }
  EngineHarness h;
};

TEST_P(RequirementsWithRules, Req_3_1_LiveModeRequiresApprovalByDefault) {
  EXPECT_TRUE(requires_approval(TradingMode::kLive, RiskConfig{}));
  ASSERT_TRUE(h.engine.set_mode(TradingMode::kLive, "operator", h.now).is_ok());
  Order o = h.submit(market("AAPL", Side::kBuy, 1));
  EXPECT_EQ(o.status(), OrderStatus::kPendingApproval);
  EXPECT_TRUE(h.broker.submitted.empty());
}

TEST_P(RequirementsWithRules, Req_3_2_DisabledModeNeverGatesBecauseRiskRejectsFirst) {
  RiskConfig cfg;
  cfg.operator_approval.auto_approve_paper = false;
  EXPECT_FALSE(requires_approval(TradingMode::kDisabled, cfg));
  h.require_paper_approval();
  ASSERT_TRUE(h.engine.set_mode(TradingMode::kDisabled, "operator", h.now).is_ok());
  Order o = h.submit(market("AAPL", Side::kBuy, 1));
  EXPECT_EQ(o.status(), OrderStatus::kRiskRejected);
  ASSERT_FALSE(o.reasons().empty());
  EXPECT_EQ(o.reasons()[0].code, ReasonCode::kTradingDisabled);
  EXPECT_TRUE(h.engine.state().approvals.all().empty());
  EXPECT_TRUE(h.broker.submitted.empty());
}

INSTANTIATE_TEST_SUITE_P(AnyRules, RequirementsWithRules, ::testing::Values(0, 1, 2, 3));

TEST(Requirements, Req_3_3_DecidingUpdatesTheApprovalAndNeverSubmitsTwice) {
  EngineHarness h;
  h.require_paper_approval();
  Order o = h.submit(market("AAPL", Side::kBuy, 3));
  h.advance(std::chrono::minutes(2));
  ASSERT_TRUE(h.engine.decide_approval(o.approval_id(), true, "alice", "ok", h.now).is_ok());
  const ApprovalRequest* r = h.engine.state().approvals.find(o.approval_id());
  EXPECT_EQ(r->status, ApprovalStatus::kApproved);
  EXPECT_EQ(r->decided_by, "alice");
  EXPECT_EQ(r->decided_at, h.now);
  EXPECT_EQ(r->reason, "ok");
  const std::size_t events = h.sink.events.size();
  EXPECT_EQ(h.engine.decide_approval(o.approval_id(), true, "bob", "", h.now).status().code(), StatusCode::kConflict);
  EXPECT_EQ(h.engine.decide_approval(o.approval_id(), false, "bob", "", h.now).status().code(), StatusCode::kConflict);
  EXPECT_EQ(h.broker.submitted.size(), 1u);
  EXPECT_EQ(h.sink.events.size(), events);
  EXPECT_EQ(h.engine.state().approvals.find(o.approval_id())->decided_by, "alice");
}

TEST(Requirements, Req_3_4_PendingApprovalsExpireAfterTheTimeout) {
  EngineHarness h;
  h.require_paper_approval();
  Order o = h.submit(market("AAPL", Side::kBuy, 3));
  h.advance(std::chrono::minutes(30) - std::chrono::microseconds(1));
  ASSERT_TRUE(h.engine.tick(h.now).is_ok());
  EXPECT_EQ(h.engine.state().approvals.find(o.approval_id())->status, ApprovalStatus::kPending);
  h.advance(std::chrono::microseconds(1));
  EXPECT_EQ(h.engine.decide_approval(o.approval_id(), true, "alice", "", h.now).status().code(), StatusCode::kConflict);
  ASSERT_TRUE(h.engine.tick(h.now).is_ok());
  EXPECT_EQ(h.engine.state().approvals.find(o.approval_id())->status, ApprovalStatus::kExpired);
  EXPECT_EQ(h.engine.state().order(o.id())->status(), OrderStatus::kExpired);
  EXPECT_TRUE(h.broker.submitted.empty());
}

TEST(Requirements, Req_3_5_RiskFailureIsRejectedBeforeTheApprovalGate) {
  EngineHarness h;
  h.require_paper_approval();
  Order o = h.submit(market("AAPL", Side::kBuy, 5000));  // 500k notional, max 100k
  EXPECT_EQ(o.status(), OrderStatus::kRiskRejected);
  EXPECT_TRUE(std::any_of(o.reasons().begin(), o.reasons().end(),
                          [](const Reason& r) { return r.code == ReasonCode::kMaxOrderNotionalExceeded; }));
  EXPECT_TRUE(h.engine.state().approvals.all().empty());
  EXPECT_EQ(o.approval_id(), 0u);
}

TEST(Requirements, Req_3_6_ManualLockoutActionsLeaveSystemLockoutsAlone) {
  EngineHarness h;
  NewsEvent news;
  news.symbol = sym("AAPL");
  news.headline = "CEO resigns";
  news.severity = 95;
  ASSERT_TRUE(h.engine.on_news(news, h.now).is_ok());
  auto active = h.engine.state().lockouts.active(h.now);
  ASSERT_EQ(active.size(), 1u);
  const Lockout system = *active[0];
  EXPECT_EQ(system.source, LockoutSource::kNewsShock);
  EXPECT_EQ(system.created_by, "system");

  LockoutId manual = h.engine.create_lockout(h.lockout_request("AAPL"), h.now)->id;
  ASSERT_TRUE(h.engine.remove_lockout(manual, "operator", h.now).is_ok());
  EXPECT_EQ(*h.engine.state().lockouts.find(system.id), system);
  EXPECT_TRUE(in_active_list(h.engine, system.id, h.now));
  Order o = h.submit(market("AAPL", Side::kBuy, 1));
  EXPECT_EQ(o.status(), OrderStatus::kRiskRejected);
  EXPECT_NE(o.reasons()[0].detail.find("news_shock"), std::string::npos) << o.reasons()[0].to_string();
}

TEST(Requirements, ApprovalRechecksRiskSoASymbolLockedWhileWaitingIsRejected) {
  EngineHarness h;
  h.require_paper_approval();
  Order o = h.submit(market("AAPL", Side::kBuy, 10));
  ASSERT_TRUE(h.engine.create_lockout(h.lockout_request("AAPL"), h.now).is_ok());
  Result<ApprovalOutcome> r = h.engine.decide_approval(o.approval_id(), true, "alice", "", h.now);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->order.status(), OrderStatus::kRejected);
  ASSERT_FALSE(r->order.reasons().empty());
  EXPECT_EQ(r->order.reasons().back().code, ReasonCode::kLockedOut) << r->order.reasons().back().to_string();
  EXPECT_TRUE(h.broker.submitted.empty());
}

}  // namespace
}  // namespace stonks::testing
