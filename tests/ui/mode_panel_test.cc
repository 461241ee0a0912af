// Trading mode and halt: disabled/paper switch through the API; live only
// with a broker behind the desk, and only after a confirmation; halt with a
// reason.
#include <gtest/gtest.h>

#include "imgui_ui/broker_view.h"
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

TEST(TradingMode, WithABrokerLiveIsAskedFirstThenSent) {
  DeskDriver d;
  ui::BrokerStatusView broker;
  d.broker_view = &broker;
  d.frame();
  d.click(ids::kModeLive);
  EXPECT_TRUE(d.sent.empty()) << "nothing before the confirmation";
  EXPECT_NE(d.messages_at("dialog").find("Switch to LIVE trading?"), std::string::npos) << d.messages_at("dialog");
  EXPECT_NE(d.messages_at("dialog").find("waits for an operator's approval"), std::string::npos);
  d.click(ids::kConfirmCancel);
  EXPECT_TRUE(d.sent.empty()) << "cancel changes nothing";
  d.click(ids::kModeLive);
  d.click(ids::kConfirmOk);
  ASSERT_EQ(d.sent.size(), 1u);
  EXPECT_EQ(d.sent[0].path, "/api/admin/trading/mode");
  EXPECT_EQ(d.engine.state().mode, TradingMode::kLive);  // the driver's broker can trade live
  EXPECT_NE(d.messages_at("toast").find("Trading mode is now live"), std::string::npos) << d.messages_at("toast");
}

TEST(TradingMode, AServerThatCannotGoLiveSaysWhy) {
  DeskDriver d;
  ui::BrokerStatusView broker;
  d.broker_view = &broker;
  d.broker.live_capable = false;  // e.g. the broker's account is blocked
  d.click(ids::kModeLive);
  d.click(ids::kConfirmOk);
  EXPECT_EQ(d.engine.state().mode, TradingMode::kPaper);
  EXPECT_NE(d.messages_at("toast").find("Could not switch to live"), std::string::npos) << d.messages_at("toast");
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
