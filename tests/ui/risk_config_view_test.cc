// The Risk Config view: every out-of-range field marked at once, a save that
// shows in the history with its diff, a loosening change that asks first,
// and an old version loaded back and saved again.
#include <gtest/gtest.h>

#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

std::string field(const char* path) { return ids::risk_field_id(path); }

void open_view(DeskDriver& d) {
  d.frame();
  d.click(ids::view_tab_id("risk"));
}

TEST(RiskConfigView, ShowsEveryBadFieldAtOnceBesideItAndSavesNothing) {
  DeskDriver d;
  open_view(d);
  // The form's own check: two fields that are not numbers.
  d.type(field("limits.max_open_orders"), "lots");
  d.type(field("guards.price_shock_bps"), "1.5");
  d.click(ids::kRiskSave);
  EXPECT_NE(d.messages_at(field("limits.max_open_orders")).find("not a whole number"), std::string::npos);
  EXPECT_NE(d.messages_at(field("guards.price_shock_bps")).find("not a whole number"), std::string::npos);
  EXPECT_TRUE(d.sent.empty()) << "nothing is sent while the form can tell it is wrong";

  // The engine's ranges: both named by the API, both shown.
  d.type(field("limits.max_open_orders"), "0");
  d.type(field("guards.price_shock_bps"), "20000");
  d.click(ids::kRiskSave);
  d.frame();
  EXPECT_NE(d.messages_at(field("limits.max_open_orders")).find("must be from 1 to 100000"), std::string::npos)
      << d.messages_at(field("limits.max_open_orders"));
  EXPECT_NE(d.messages_at(field("guards.price_shock_bps")).find("must be from 0 to 10000"), std::string::npos);
  EXPECT_EQ(d.engine.state().config.version, 1);
}

TEST(RiskConfigView, ATighterSaveMakesAVersionShownWithItsDiff) {
  DeskDriver d;
  open_view(d);
  d.type(field("limits.max_open_orders"), "5");
  d.click(ids::kRiskSave);
  d.frame();
  EXPECT_EQ(d.engine.state().config.version, 2);
  EXPECT_EQ(d.engine.state().config.limits.max_open_orders, 5);
  const std::string row = d.messages_at(ids::risk_version_id(2));
  EXPECT_NE(row.find("limits.max_open_orders: 100 -> 5"), std::string::npos) << row;
  EXPECT_EQ(row.find("(looser)"), std::string::npos) << row;
}

TEST(RiskConfigView, ALooserChangeAsksSayingWhatChanges) {
  DeskDriver d;
  open_view(d);
  d.type(field("limits.max_order_notional"), "250000");
  d.click(ids::kRiskSave);
  const std::string dialog = d.messages_at("dialog");
  EXPECT_NE(dialog.find("limits.max_order_notional: 100000.00 -> 250000.00"), std::string::npos) << dialog;
  d.click(ids::kConfirmCancel);
  d.frame();
  EXPECT_EQ(d.engine.state().config.version, 1);
  d.click(ids::kRiskSave);
  d.click(ids::kConfirmOk);
  d.frame();
  EXPECT_EQ(d.engine.state().config.version, 2);
  EXPECT_EQ(d.engine.state().config.limits.max_order_notional, usd("250000"));
  EXPECT_NE(d.messages_at(ids::risk_version_id(2)).find("(looser)"), std::string::npos);
}

TEST(RiskConfigView, AnOldVersionLoadsIntoTheFormAndSavesAsTheNext) {
  DeskDriver d;
  RiskConfig c = d.engine.state().config;
  c.limits.max_open_orders = 5;
  ASSERT_TRUE(d.engine.update_config(c, "bob", d.now).is_ok());
  open_view(d);
  d.click(ids::risk_version_load_id(1));
  EXPECT_NE(d.messages_at(ids::kRiskNote).find("Version 1 loaded"), std::string::npos);
  d.click(ids::kRiskSave);
  EXPECT_NE(d.messages_at("dialog").find("limits.max_open_orders: 5 -> 100"), std::string::npos);
  d.click(ids::kConfirmOk);
  d.frame();
  EXPECT_EQ(d.engine.state().config.version, 3);
  EXPECT_EQ(d.engine.state().config.limits.max_open_orders, 100);
}

TEST(RiskConfigView, AVersionSavedMeanwhileMakesTheSaveRefused) {
  DeskDriver d;
  open_view(d);
  d.type(field("limits.max_open_orders"), "7");
  RiskConfig c = d.engine.state().config;
  c.limits.max_open_orders = 9;
  ASSERT_TRUE(d.engine.update_config(c, "bob", d.now).is_ok());
  d.frame();
  EXPECT_NE(d.messages_at(ids::kRiskNote).find("was saved since you started editing"), std::string::npos);
  d.click(ids::kRiskSave);
  d.frame();
  EXPECT_EQ(d.engine.state().config.limits.max_open_orders, 9) << "bob's version stands";
  EXPECT_NE(d.messages_at(ids::kRiskSave).find("not the current version"), std::string::npos)
      << d.messages_at(ids::kRiskSave);
}

}  // namespace
}  // namespace stonks::testing
