// Pending Approvals: held orders are listed and decided with Approve and
// Reject (2.2, 3.3); Reject asks for a reason; a failed re-check on approval
// shows its reason; expired requests offer no decision (3.4); a thousand
// pending requests draw only the visible rows.
#include <gtest/gtest.h>

#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

void require_approval(DeskDriver& d) {
  OperatorApprovalConfig section = d.engine.state().config.operator_approval;
  section.auto_approve_paper = false;
  ASSERT_TRUE(d.engine.update_approval_config(section, "setup", d.now).is_ok());
}

// Holds one AAPL buy of 10: order 1, approval 1.
void hold_one_order(DeskDriver& d) {
  require_approval(d);
  Result<Order> o = d.engine.submit_order(market("AAPL", Side::kBuy, 10), d.now);
  ASSERT_TRUE(o.is_ok());
  ASSERT_EQ(o->status(), OrderStatus::kPendingApproval);
}

TEST(PendingApprovals, Req_2_2_HeldOrderShowsInPendingApprovalsAndApproveFillsIt) {
  DeskDriver d;
  hold_one_order(d);
  d.frame();
  ASSERT_TRUE(d.shows(ids::approval_id("approve", 1)));
  ASSERT_TRUE(d.shows(ids::approval_id("reject", 1)));
  d.click(ids::approval_id("approve", 1));
  EXPECT_EQ(d.engine.state().approvals.find(1)->status, ApprovalStatus::kApproved);
  EXPECT_EQ(d.engine.state().order(1)->status(), OrderStatus::kFilled);
  EXPECT_EQ(d.broker.submitted, std::vector<OrderId>{1});
  EXPECT_NE(d.messages_at("toast").find("filled"), std::string::npos) << d.messages_at("toast");
  EXPECT_FALSE(d.shows(ids::approval_id("approve", 1)));
}

TEST(PendingApprovals, Req_3_3_DecisionsGoThroughTheApprovalsRoute) {
  DeskDriver d;
  hold_one_order(d);
  d.click(ids::approval_id("approve", 1));
  ASSERT_EQ(d.sent.size(), 1u);
  EXPECT_EQ(d.sent[0].method, "PUT");
  EXPECT_EQ(d.sent[0].path, "/api/admin/trading/approvals/1");
  EXPECT_EQ(d.engine.state().approvals.find(1)->decided_by, "operator");
}

TEST(PendingApprovals, RejectAsksForAReasonAndNeverReachesTheBroker) {
  DeskDriver d;
  hold_one_order(d);
  d.click(ids::approval_id("reject", 1));
  EXPECT_TRUE(d.shows(ids::kRejectReason));
  EXPECT_TRUE(d.shows(ids::kRejectConfirm));
  EXPECT_EQ(d.engine.state().approvals.find(1)->status, ApprovalStatus::kPending);
  d.type(ids::kRejectReason, "too big");
  d.click(ids::kRejectConfirm);
  const ApprovalRequest* r = d.engine.state().approvals.find(1);
  EXPECT_EQ(r->status, ApprovalStatus::kRejected);
  EXPECT_EQ(r->reason, "too big");
  EXPECT_EQ(d.engine.state().order(1)->status(), OrderStatus::kRejected);
  EXPECT_TRUE(d.broker.submitted.empty());
  EXPECT_NE(d.messages_at("toast").find("rejected: too big"), std::string::npos) << d.messages_at("toast");
}

TEST(PendingApprovals, CancellingTheRejectDialogLeavesTheRequestPending) {
  DeskDriver d;
  hold_one_order(d);
  d.click(ids::approval_id("reject", 1));
  d.click(ids::kRejectCancel);
  EXPECT_FALSE(d.shows(ids::kRejectConfirm));
  EXPECT_EQ(d.engine.state().approvals.find(1)->status, ApprovalStatus::kPending);
  EXPECT_TRUE(d.sent.empty());
}

TEST(PendingApprovals, ApprovedButLockedOutShowsTheReCheckReason) {
  DeskDriver d;
  hold_one_order(d);
  LockoutRequest lock;
  lock.symbol = sym("AAPL");
  lock.reason = "earnings";
  lock.duration_minutes = 60;
  lock.created_by = "alice";
  ASSERT_TRUE(d.engine.create_lockout(lock, d.now).is_ok());
  d.click(ids::approval_id("approve", 1));
  EXPECT_EQ(d.engine.state().order(1)->status(), OrderStatus::kRejected);
  EXPECT_TRUE(d.broker.submitted.empty());
  const std::string toast = d.messages_at("toast");
  EXPECT_NE(toast.find("re-check refused"), std::string::npos) << toast;
  EXPECT_NE(toast.find("LOCKED_OUT"), std::string::npos) << toast;
  EXPECT_TRUE(d.any_error());
}

TEST(PendingApprovals, EmptyStateOffersNoDecision) {
  DeskDriver d;
  d.frame();
  for (const ui::WidgetRect& w : d.desk.widgets()) EXPECT_EQ(w.id.rfind("approval/", 0), std::string::npos) << w.id;
}

TEST(PendingApprovals, Req_3_4_ExpiredRequestOffersNoDecisionAndLeavesAfterTheTick) {
  DeskDriver d;
  hold_one_order(d);
  d.now += std::chrono::minutes(31);  // past the 30-minute timeout, before any tick
  d.click(ids::approval_id("approve", 1));
  EXPECT_TRUE(d.sent.empty());  // the button is there but disabled
  EXPECT_EQ(d.engine.state().approvals.find(1)->status, ApprovalStatus::kPending);
  ASSERT_TRUE(d.engine.tick(d.now).is_ok());
  d.frame();
  EXPECT_EQ(d.engine.state().approvals.find(1)->status, ApprovalStatus::kExpired);
  EXPECT_FALSE(d.shows(ids::approval_id("approve", 1)));
}

TEST(PendingApprovals, AThousandPendingRequestsDrawOnlyTheVisibleRows) {
  DeskDriver d;
  RiskConfig config = d.engine.state().config;
  config.limits.max_open_orders = 5000;
  config.limits.max_orders_per_window = 5000;
  config.operator_approval.auto_approve_paper = false;
  ASSERT_TRUE(d.engine.update_config(config, "setup", d.now).is_ok());
  ASSERT_TRUE(d.engine.deposit(usd("100000"), "setup", d.now).is_ok());  // a thousand buys reserve 100100.00
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, 1), d.now).is_ok());
  ASSERT_EQ(d.engine.state().approvals.pending_count(), 1000u);
  d.frame(2);
  int approve_buttons = 0;
  for (const ui::WidgetRect& w : d.desk.widgets())
    if (w.id.ends_with("/approve")) ++approve_buttons;
  EXPECT_GT(approve_buttons, 0);
  EXPECT_LT(approve_buttons, 60);
  EXPECT_TRUE(d.shows(ids::approval_id("approve", 1)));  // oldest first
  // Deciding the first request moves the next one up.
  d.click(ids::approval_id("approve", 1));
  EXPECT_EQ(d.engine.state().approvals.pending_count(), 999u);
  EXPECT_FALSE(d.shows(ids::approval_id("approve", 1)));
  EXPECT_TRUE(d.shows(ids::approval_id("approve", 2)));
}

}  // namespace
}  // namespace stonks::testing
