// Trading mode and halt: disabled/paper switch through the API, live shown
// but never sent from here, halt with a reason.
#include <gtest/gtest.h>

#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

TEST(TradingMode, Req_3_2_DisabledAndPaperSwitchTheModeThroughTheApi) {
  DeskDriver d;
  d.click(ids::kModeDisabled);
  EXPECT_EQ(d.engine.state().mode, TradingMode::kDisabled);
  d.click(ids::kModePaper);
  EXPECT_EQ(d.engine.state().mode, TradingMode::kPaper);
  ASSERT_EQ(d.sent.size(), 2u);
  EXPECT_EQ(d.sent[0].path, "/api/admin/trading/mode");
}

TEST(TradingMode, ClickingTheCurrentModeSendsNothing) {
  DeskDriver d;
  d.click(ids::kModePaper);
  EXPECT_TRUE(d.sent.empty());
}

TEST(TradingMode, LiveIsShownButNeverSent) {
  DeskDriver d;
  d.frame();
  ASSERT_TRUE(d.shows(ids::kModeLive));
  d.click(ids::kModeLive);
  EXPECT_TRUE(d.sent.empty());
  EXPECT_EQ(d.engine.state().mode, TradingMode::kPaper);
}

TEST(TradingMode, HaltWithAReasonIsReduceOnlyAndCanBeLifted) {
  DeskDriver d;
  d.type(ids::kHaltReason, "lunch");
  d.click(ids::kHaltToggle);
  EXPECT_TRUE(d.engine.state().halted);
  EXPECT_EQ(d.engine.state().halt_reason, "lunch");
  d.click(ids::kHaltToggle);
  EXPECT_FALSE(d.engine.state().halted);
}

TEST(TradingMode, AFailedModeChangeShowsAToast) {
  DeskDriver d;
  d.intercept = [](const ApiRequest& r) -> std::optional<ApiResponse> {
    if (r.path != "/api/admin/trading/mode") return std::nullopt;
    return ApiResponse{409, R"({"error":{"code":"conflict","message":"live trading needs a live broker"}})"};
  };
  d.click(ids::kModeDisabled);
  EXPECT_NE(d.messages_at("toast").find("live trading needs a live broker"), std::string::npos);
  EXPECT_TRUE(d.any_error());
  EXPECT_EQ(d.engine.state().mode, TradingMode::kPaper);
}

}  // namespace
}  // namespace stonks::testing
