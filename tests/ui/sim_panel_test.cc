// The sim strip and the persistence status: speed, seed and news rate go out
// as partial PUT /api/sim bodies, Reset sandbox asks first, and a failed save
// or evictable storage is shown. The sim routes belong to the Sandbox, so a
// stand-in answers them here.
#include <gtest/gtest.h>

#include "imgui_ui/widget_ids.h"
#include "json/json_values.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

// Answers /api/sim* with 200 and keeps what was asked.
void answer_sim_routes(DeskDriver& d) {
  d.sim = SimStatus{};
  d.intercept = [](const ApiRequest& r) -> std::optional<ApiResponse> {
    if (r.path.rfind("/api/sim", 0) != 0) return std::nullopt;
    return ApiResponse{200, "{}"};
  };
}

nlohmann::json body_of(const ApiRequest& r) {
  Result<nlohmann::json> j = parse_json(r.body);
  return j.is_ok() ? *j : nlohmann::json();
}

TEST(SimStrip, SpeedButtonsSendOnlyTheSpeed) {
  DeskDriver d;
  answer_sim_routes(d);
  d.click(ids::sim_speed_id(100));
  ASSERT_EQ(d.sent.size(), 1u);
  EXPECT_EQ(d.sent[0].method, "PUT");
  EXPECT_EQ(d.sent[0].path, "/api/sim");
  EXPECT_EQ(body_of(d.sent[0]), nlohmann::json({{"speed", 100}}));
  EXPECT_NE(d.messages_at("toast").find("100x"), std::string::npos);
  d.click(ids::sim_speed_id(1));  // the current speed: nothing to send
  EXPECT_EQ(d.sent.size(), 1u);
}

TEST(SimStrip, SeedIsSentOnlyByApply) {
  DeskDriver d;
  answer_sim_routes(d);
  d.type(ids::kSimSeed, "42");
  EXPECT_TRUE(d.sent.empty());
  d.click(ids::kSimSeedApply);
  ASSERT_EQ(d.sent.size(), 1u);
  EXPECT_EQ(body_of(d.sent[0]), nlohmann::json({{"seed", 42}}));
}

TEST(SimStrip, NewsRateIsSentWhenTheFieldIsLeft) {
  DeskDriver d;
  answer_sim_routes(d);
  d.type(ids::kSimNewsRate, "60");
  EXPECT_TRUE(d.sent.empty());
  d.press(ImGuiKey_Enter);
  ASSERT_EQ(d.sent.size(), 1u);
  EXPECT_EQ(body_of(d.sent[0]), nlohmann::json({{"news_per_hour", 60}}));
}

TEST(SimStrip, ResetSandboxAsksFirst) {
  DeskDriver d;
  answer_sim_routes(d);
  d.click(ids::kResetSandbox);
  EXPECT_NE(d.messages_at("dialog").find("cannot be undone"), std::string::npos);
  d.click(ids::kConfirmCancel);
  EXPECT_TRUE(d.sent.empty());
  d.click(ids::kResetSandbox);
  d.click(ids::kConfirmOk);
  ASSERT_EQ(d.sent.size(), 1u);
  EXPECT_EQ(d.sent[0].method, "POST");
  EXPECT_EQ(d.sent[0].path, "/api/sim/reset");
  EXPECT_NE(d.messages_at("toast").find("Sandbox reset"), std::string::npos);
}

TEST(SimStrip, NoSimStripWithoutASimulator) {
  DeskDriver d;
  d.frame();
  EXPECT_FALSE(d.shows(ids::sim_speed_id(1)));
  EXPECT_FALSE(d.shows(ids::kResetSandbox));
}

TEST(PersistenceStatus, AFailedSaveIsShownWithItsReason) {
  DeskDriver d;
  d.host.persistence = ui::HostStatus::Persistence::kFailed;
  d.host.persistence_detail = "QuotaExceededError";
  d.frame();
  EXPECT_NE(d.messages_at(ids::kPersistence).find("QuotaExceededError"), std::string::npos);
  EXPECT_TRUE(d.any_error());
}

TEST(PersistenceStatus, StorageThatMayBeEvictedIsWarnedAbout) {
  DeskDriver d;
  d.host.persistence = ui::HostStatus::Persistence::kSaved;
  d.host.storage_persistent = false;
  d.frame();
  EXPECT_NE(d.messages_at(ids::kPersistence).find("persistent storage was refused"), std::string::npos);
}

}  // namespace
}  // namespace stonks::testing
