// The Paper Order Approval card: the toggle asks before changing anything
// (1.5), Confirm turns auto-approval off for the very next order (2.1, 2.5),
// Cancel changes nothing; the timeout is edited in the same card.
#include <gtest/gtest.h>

#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

TEST(ApprovalConfigCard, Req_1_5_AutoApproveToggleAsksBeforeChanging) {
  DeskDriver d;
  d.frame();
  const EventSeq before = d.engine.state().last_seq;
  d.click(ids::kAutoApproveToggle);
  EXPECT_TRUE(d.shows(ids::kConfirmOk));
  EXPECT_TRUE(d.shows(ids::kConfirmCancel));
  EXPECT_NE(d.messages_at("dialog").find("Paper orders will wait for your approval in Pending Approvals"),
            std::string::npos)
      << d.messages_at("dialog");
  EXPECT_TRUE(d.engine.state().config.operator_approval.auto_approve_paper);
  EXPECT_EQ(d.engine.state().last_seq, before);
  EXPECT_TRUE(d.sent.empty());
}

TEST(ApprovalConfigCard, CancelLeavesAutoApproveOn) {
  DeskDriver d;
  d.click(ids::kAutoApproveToggle);
  d.click(ids::kConfirmCancel);
  EXPECT_FALSE(d.shows(ids::kConfirmOk));
  EXPECT_TRUE(d.engine.state().config.operator_approval.auto_approve_paper);
  EXPECT_TRUE(d.sent.empty());
}

TEST(ApprovalConfigCard, Req_2_5_ConfirmTurnsAutoApproveOffForTheNextOrder) {
  DeskDriver d;
  d.click(ids::kAutoApproveToggle);
  d.click(ids::kConfirmOk);
  EXPECT_FALSE(d.shows(ids::kConfirmOk));
  EXPECT_FALSE(d.engine.state().config.operator_approval.auto_approve_paper);
  ASSERT_EQ(d.sent.size(), 1u);
  EXPECT_EQ(d.sent[0].method, "PUT");
  EXPECT_EQ(d.sent[0].path, "/api/admin/trading/approval-config");
  EXPECT_NE(d.messages_at("toast").find("now wait for your approval"), std::string::npos);
  // The very next order waits for the operator, with no reload.
  Result<Order> next = d.engine.submit_order(market("AAPL", Side::kBuy, 1), d.now);
  ASSERT_TRUE(next.is_ok());
  EXPECT_EQ(next->status(), OrderStatus::kPendingApproval);
}

TEST(ApprovalConfigCard, Req_2_1_TurningAutoApproveBackOnAsksAndSaysOrdersGoStraightThrough) {
  DeskDriver d;
  d.click(ids::kAutoApproveToggle);
  d.click(ids::kConfirmOk);
  d.click(ids::kAutoApproveToggle);
  EXPECT_NE(d.messages_at("dialog").find("straight to the paper broker"), std::string::npos);
  d.click(ids::kConfirmOk);
  EXPECT_TRUE(d.engine.state().config.operator_approval.auto_approve_paper);
}

TEST(ApprovalConfigCard, TimeoutIsEditedInTheCard) {
  DeskDriver d;
  d.type(ids::kApprovalTimeout, "45");
  EXPECT_EQ(d.engine.state().config.operator_approval.approval_timeout_minutes, 30);
  d.click(ids::kApprovalTimeoutSave);
  EXPECT_EQ(d.engine.state().config.operator_approval.approval_timeout_minutes, 45);
}

TEST(ApprovalConfigCard, BadTimeoutShowsInlineErrorAndChangesNothing) {
  DeskDriver d;
  d.type(ids::kApprovalTimeout, "0");
  const EventSeq before = d.engine.state().last_seq;
  d.click(ids::kApprovalTimeoutSave);
  EXPECT_FALSE(d.messages_at(ids::kApprovalTimeout).empty());
  EXPECT_EQ(d.engine.state().config.operator_approval.approval_timeout_minutes, 30);
  EXPECT_EQ(d.engine.state().last_seq, before);
}

}  // namespace
}  // namespace stonks::testing
