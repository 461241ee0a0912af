// The desk as a whole: drawing never changes the engine or sends anything;
// every control is on screen at 1280x800 and the layout follows a resize.
#include <algorithm>

#include <gtest/gtest.h>

#include "imgui_ui/requests.h"
#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

const char* const kControls[] = {
    ids::kModeDisabled,     ids::kModePaper,         ids::kModeLive,        ids::kHaltToggle,
    ids::kHaltReason,       ids::kAutoApproveToggle, ids::kApprovalTimeout, ids::kApprovalTimeoutSave,
    ids::kLockoutTicker,    ids::kLockoutSide,       ids::kLockoutReason,   ids::kLockoutDuration,
    ids::kLockoutCreate,    ids::kLockoutHistory,    ids::kTicketTicker,    ids::kTicketBuy,
    ids::kTicketSell,       ids::kTicketQty,         ids::kTicketMarket,    ids::kTicketLimit,
    ids::kTicketLimitPrice, ids::kTicketSend,        ids::kSimSeed,         ids::kSimSeedApply,
    ids::kSimNewsRate,      ids::kResetSandbox,      ids::kExportSandbox,   ids::kImportSandbox,
    ids::kStripFlatten,     ids::kStripAlerts};

void hold_orders_and_lock(DeskDriver& d) {
  OperatorApprovalConfig section = d.engine.state().config.operator_approval;
  section.auto_approve_paper = false;
  ASSERT_TRUE(d.engine.update_approval_config(section, "setup", d.now).is_ok());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, 1), d.now).is_ok());
  LockoutRequest r;
  r.symbol = sym("MSFT");
  r.reason = "earnings";
  r.duration_minutes = 60;
  r.created_by = "alice";
  ASSERT_TRUE(d.engine.create_lockout(r, d.now).is_ok());
}

void expect_every_control_inside(const DeskDriver& d, float width, float height) {
  for (const char* id : kControls) {
    const ui::WidgetRect* w = d.find(id);
    ASSERT_NE(w, nullptr) << id;
    EXPECT_GE(w->x, 0) << id;
    EXPECT_GE(w->y, 0) << id;
    EXPECT_LE(w->x + w->w, width) << id;
    EXPECT_LE(w->y + w->h, height) << id;
    EXPECT_GT(w->w, 0) << id;
    EXPECT_GT(w->h, 0) << id;
  }
}

TEST(Desk, PanelNeverMutatesState) {
  DeskDriver d;
  d.sim = SimStatus{};
  hold_orders_and_lock(d);
  const EngineState before = d.engine.state();
  const std::size_t log_size = d.log.size();
  for (int i = 0; i < 300; ++i) {
    d.now += std::chrono::seconds(1);  // countdowns run; nothing else may happen
    d.frame();
  }
  EXPECT_TRUE(d.engine.state() == before);
  EXPECT_EQ(d.log.size(), log_size);
  EXPECT_TRUE(d.sent.empty());
  EXPECT_EQ(d.client.queued(), 0u);
}

TEST(Desk, EveryControlIsOnScreenAt1280x800) {
  DeskDriver d;
  d.sim = SimStatus{};
  hold_orders_and_lock(d);
  d.frame(2);
  expect_every_control_inside(d, 1280, 800);
  EXPECT_TRUE(d.shows(ids::approval_id("approve", 3)));
  EXPECT_TRUE(d.shows(ids::lockout_remove_id(1)));
  EXPECT_TRUE(d.shows(ids::sim_speed_id(1000)));
}

TEST(Desk, LayoutFollowsAResize) {
  DeskDriver d;
  d.sim = SimStatus{};
  d.frame(2);
  const float send_x = d.find(ids::kLockoutCreate)->x;
  ImGui::GetIO().DisplaySize = ImVec2(1600, 1000);
  d.frame(2);
  expect_every_control_inside(d, 1600, 1000);
  EXPECT_GT(d.find(ids::kLockoutCreate)->x, send_x);  // the right column moved with the wider left one
}

TEST(Desk, ControlsAreRecordedOncePerFrame) {
  DeskDriver d;
  d.sim = SimStatus{};
  hold_orders_and_lock(d);
  d.frame(2);
  std::vector<std::string> seen;
  for (const ui::WidgetRect& w : d.desk.widgets()) seen.push_back(w.id);
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());
}

TEST(Desk, RepliesArrivingAfterTheDeskIsGoneAreDropped) {
  int answered = 0;
  ui::LocalApiClient client([&](const ApiRequest&) {
    ++answered;
    return ApiResponse{200, "{}"};
  });
  {
    ui::Requests requests(client);
    requests.send("GET", "/api/account", nullptr,
                  [](const ui::ApiReply&) { ADD_FAILURE() << "ran after destruction"; });
  }
  EXPECT_EQ(client.poll(), 1u);
  EXPECT_EQ(answered, 1);
}

}  // namespace
}  // namespace stonks::testing
