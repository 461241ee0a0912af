// The approval queue from the keyboard and in bulk: the cursor and the keys,
// a held key that never decides twice, Enter that decides nothing, the key
// help, the live quote on each row, and bulk decisions that ask first and
// report per order.
#include <gtest/gtest.h>

#include "imgui_ui/model/queue_keys.h"
#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

// `n` AAPL buys of 1, 2, 3... held for approval: approvals 1..n.
void hold(DeskDriver& d, int n) {
  OperatorApprovalConfig section = d.engine.state().config.operator_approval;
  section.auto_approve_paper = false;
  ASSERT_TRUE(d.engine.update_approval_config(section, "setup", d.now).is_ok());
  for (int i = 1; i <= n; ++i) ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, i), d.now).is_ok());
  d.frame(2);
}

ApprovalStatus status_of(const DeskDriver& d, ApprovalId id) { return d.engine.state().approvals.find(id)->status; }

TEST(ApprovalQueue, KeysAloneMoveApproveAndReject) {
  DeskDriver d;
  hold(d, 3);
  d.press_key(ImGui::GetKeyIndex(ImGuiKey_DownArrow));
  d.press_key('A');
  d.frame();
  EXPECT_EQ(status_of(d, 2), ApprovalStatus::kApproved);
  EXPECT_EQ(status_of(d, 1), ApprovalStatus::kPending);
  // The cursor went to the row that took 2's place: 3.
  d.press_key('R');
  EXPECT_NE(d.messages_at("dialog").find("Reject approval #3?"), std::string::npos) << d.messages_at("dialog");
  ImGui::GetIO().AddInputCharactersUTF8("price moved");
  d.frame();
  d.press_key(ImGui::GetKeyIndex(ImGuiKey_Enter), false, true);  // Ctrl+Enter
  d.frame();
  const ApprovalRequest* r3 = d.engine.state().approvals.find(3);
  EXPECT_EQ(r3->status, ApprovalStatus::kRejected);
  EXPECT_EQ(r3->reason, "price moved");
  d.press_key(ImGui::GetKeyIndex(ImGuiKey_UpArrow));
  d.press_key('R');
  d.press(ImGuiKey_Escape);  // the dialog closes; nothing decided
  d.frame();
  EXPECT_EQ(status_of(d, 1), ApprovalStatus::kPending);
}

TEST(ApprovalQueue, AHeldKeyDecidesOnceAndEnterDecidesNothing) {
  DeskDriver d;
  hold(d, 3);
  const std::size_t before = d.sent.size();
  d.press(ImGuiKey_Enter);
  d.hold_key(ImGui::GetKeyIndex(ImGuiKey_Enter), 40);
  EXPECT_EQ(d.sent.size(), before) << "Enter sends nothing";
  d.hold_key('A', 60);  // a second: ImGui repeats it many times
  d.frame();
  EXPECT_EQ(status_of(d, 1), ApprovalStatus::kApproved);
  EXPECT_EQ(status_of(d, 2), ApprovalStatus::kPending);
  EXPECT_EQ(status_of(d, 3), ApprovalStatus::kPending);
  EXPECT_EQ(d.sent.size(), before + 1);
}

TEST(ApprovalQueue, QuestionMarkShowsTheKeys) {
  DeskDriver d;
  hold(d, 1);
  d.press_key('/', true);
  EXPECT_NE(d.messages_at(ids::kQueueHelpText).find("A: approve"), std::string::npos);
  d.press(ImGuiKey_Escape);
  EXPECT_EQ(d.messages_at(ids::kQueueHelpText), "");
}

TEST(ApprovalQueue, RowsShowTheLiveQuoteTheMoveAndAStaleQuote) {
  DeskDriver d;
  hold(d, 1);  // bought at the ask, 100.10
  d.now += std::chrono::seconds(1);
  ASSERT_TRUE(d.engine.on_quote(quote("AAPL", "100.20", "100.35"), d.now).is_ok());
  d.frame();
  std::string row = d.messages_at(ids::approval_id("row", 1));
  EXPECT_NE(row.find("100.20 / 100.35"), std::string::npos) << row;
  EXPECT_NE(row.find("+0.25 (+25 bps)"), std::string::npos) << row;
  EXPECT_EQ(row.find("stale"), std::string::npos) << row;
  d.now += std::chrono::seconds(30);  // past the desk's 10 s threshold
  d.frame();
  row = d.messages_at(ids::approval_id("row", 1));
  EXPECT_NE(row.find("(stale)"), std::string::npos) << row;
}

TEST(ApprovalQueue, BulkRejectOfThreeAsksWithCountAndNotionalThenReportsEach) {
  DeskDriver d;
  hold(d, 4);
  d.click(ids::approval_id("row", 1));
  ImGui::GetIO().KeyCtrl = true;
  d.click(ids::approval_id("row", 2));
  d.click(ids::approval_id("row", 4));
  ImGui::GetIO().KeyCtrl = false;
  EXPECT_NE(d.messages_at(ids::kQueueSummary).find("3 selected, notional 700.70"), std::string::npos)
      << d.messages_at(ids::kQueueSummary);  // (1 + 2 + 4) x 100.10
  d.click(ids::kQueueRejectSelected);
  EXPECT_NE(d.messages_at("dialog").find("3 orders, total notional 700.70"), std::string::npos)
      << d.messages_at("dialog");
  d.click(ids::reject_preset_id(0));
  d.click(ids::kRejectConfirm);
  d.frame(2);
  for (ApprovalId id : {1, 2, 4}) {
    EXPECT_EQ(status_of(d, id), ApprovalStatus::kRejected) << id;
    EXPECT_EQ(d.engine.state().approvals.find(id)->reason, "Too large");
  }
  EXPECT_EQ(status_of(d, 3), ApprovalStatus::kPending);
  const std::string report = d.messages_at(ids::kQueueReport);
  EXPECT_NE(report.find("Bulk decision: done"), std::string::npos) << report;
  for (const char* line : {"Approval #1 rejected: Too large", "Approval #2 rejected", "Approval #4 rejected"})
    EXPECT_NE(report.find(line), std::string::npos) << report;
  d.click(ids::kQueueReportDismiss);
  EXPECT_EQ(d.messages_at(ids::kQueueReport), "");
}

TEST(ApprovalQueue, BulkApproveRefusesWhatFailsTheReCheckAndSaysWhy) {
  DeskDriver d;
  hold(d, 3);
  // Orders of 2 and 3 shares are now above the limit (150 of notional).
  RiskConfig c = d.engine.state().config;
  c.limits.max_order_notional = usd("150");
  ASSERT_TRUE(d.engine.update_config(c, "setup", d.now).is_ok());
  d.press_key('A', false, true);  // Ctrl+A: select all
  d.click(ids::kQueueApproveSelected);
  EXPECT_NE(d.messages_at("dialog").find("3 orders, total notional 600.60"), std::string::npos);
  d.click(ids::kConfirmOk);
  d.frame(2);
  const std::string report = d.messages_at(ids::kQueueReport);
  EXPECT_NE(report.find("Approval #1 approved. Order #1 filled"), std::string::npos) << report;
  EXPECT_NE(report.find("Approval #2 approved, but the re-check refused the order"), std::string::npos) << report;
  EXPECT_NE(report.find("MAX_ORDER_NOTIONAL_EXCEEDED"), std::string::npos) << report;
  EXPECT_EQ(d.engine.state().order(2)->status(), OrderStatus::kRejected);
  EXPECT_EQ(d.engine.state().order(1)->status(), OrderStatus::kFilled);
}

TEST(QueueKeys, AutoRepeatMovesButNeverDecides) {
  using ui::QueueAction;
  using ui::QueueKey;
  EXPECT_EQ(ui::queue_action({QueueKey::kA, false}), QueueAction::kApprove);
  EXPECT_EQ(ui::queue_action({QueueKey::kA, true}), QueueAction::kNone);
  EXPECT_EQ(ui::queue_action({QueueKey::kR, true}), QueueAction::kNone);
  EXPECT_EQ(ui::queue_action({QueueKey::kSpace, true}), QueueAction::kNone);
  EXPECT_EQ(ui::queue_action({QueueKey::kDown, true}), QueueAction::kDown);
  EXPECT_EQ(ui::queue_action({QueueKey::kUp, true, true}), QueueAction::kExtendUp);
  EXPECT_EQ(ui::queue_action({QueueKey::kEnter, false}), QueueAction::kNone);
  EXPECT_EQ(ui::queue_action({QueueKey::kA, false, false, true}), QueueAction::kSelectAll);
  EXPECT_EQ(ui::queue_action({QueueKey::kSlash, false, true}), QueueAction::kHelp);
  EXPECT_EQ(ui::queue_action({QueueKey::kEscape, false}), QueueAction::kClear);
}

}  // namespace
}  // namespace stonks::testing
