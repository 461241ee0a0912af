// Alerts: a toast (and a tone where on) for each kind, repeats collapsed
// into one with a count, each kind switchable, the settings remembered.
#include <gtest/gtest.h>

#include "imgui_ui/model/alerts.h"
#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

struct Alerted {
  explicit Alerted(DeskDriver& d) {
    ui::AlertHost host;
    host.play_tone = [this](ui::AlertKind k) { tones.push_back(k); };
    host.notify = [this](const std::string& text) { notes.push_back(text); };
    d.desk.set_alert_host(std::move(host));
    d.frame();  // the first look: what was there before is not news
  }
  std::vector<ui::AlertKind> tones;
  std::vector<std::string> notes;
};

void hold_paper(DeskDriver& d) {
  OperatorApprovalConfig section = d.engine.state().config.operator_approval;
  section.auto_approve_paper = false;
  ASSERT_TRUE(d.engine.update_approval_config(section, "setup", d.now).is_ok());
}

TEST(Alerts, ANewPendingApprovalToastsAndSoundsOnce) {
  DeskDriver d;
  hold_paper(d);
  Alerted a(d);
  ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, 5), d.now).is_ok());
  d.frame();
  EXPECT_NE(d.messages_at("toast").find("New pending approval #1: buy 5 AAPL from manual"), std::string::npos)
      << d.messages_at("toast");
  EXPECT_EQ(a.tones, std::vector<ui::AlertKind>{ui::AlertKind::kPendingApproval});
  EXPECT_TRUE(a.notes.empty()) << "notifications are off by default";
}

TEST(Alerts, RepeatsCollapseIntoOneToastWithACount) {
  DeskDriver d;
  Alerted a(d);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, 1), d.now).is_ok());
    d.frame();
  }
  const std::string toasts = d.messages_at("toast");
  EXPECT_NE(toasts.find("3 fills; the latest: Fill: buy 1 AAPL at 100.10"), std::string::npos) << toasts;
  EXPECT_EQ(toasts.find("\n"), std::string::npos) << "one toast: " << toasts;
  EXPECT_TRUE(a.tones.empty()) << "fills are silent by default";
}

TEST(Alerts, AHaltAndASystemLockoutAlertAsErrors) {
  DeskDriver d;
  Alerted a(d);
  ASSERT_TRUE(d.engine.set_halted(true, "bob", "lunch", d.now).is_ok());
  NewsEvent n;
  n.symbol = sym("AAPL");
  n.headline = "AAPL recalls everything";
  n.severity = 95;
  ASSERT_TRUE(d.engine.on_news(n, d.now).is_ok());
  d.frame();
  bool halt = false, lockout = false;
  for (const ui::DeskMessage& m : d.messages()) {
    if (m.where != "toast") continue;
    halt = halt || (m.error && m.text == "Trading HALTED (operator): lunch");
    lockout = lockout || (m.error && m.text.rfind("System lockout: AAPL (news-shock) for 30m", 0) == 0);
  }
  EXPECT_TRUE(halt) << d.messages_at("toast");
  EXPECT_TRUE(lockout) << d.messages_at("toast");
  EXPECT_EQ(a.tones.size(), 2u);
}

TEST(Alerts, EachKindIsSwitchableAndTheSettingsAreRemembered) {
  DeskDriver d;
  Alerted a(d);
  d.click(ids::kStripAlerts);
  d.click(ids::alert_toggle_id("fill", "toast"));
  d.click(ids::alert_toggle_id("pending_approval", "sound"));
  d.click(ids::kAlertsNotify);
  d.press(ImGuiKey_Escape);
  ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, 1), d.now).is_ok());
  d.frame();
  EXPECT_EQ(d.messages_at("toast").find("Fill"), std::string::npos) << d.messages_at("toast");
  EXPECT_TRUE(a.notes.empty()) << "a kind switched off does not notify either";
  hold_paper(d);
  ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, 1), d.now).is_ok());
  d.frame();
  EXPECT_TRUE(a.tones.empty()) << "its sound is off";
  ASSERT_EQ(a.notes.size(), 1u) << "notifications on: the host shows them while the tab is hidden";
  EXPECT_NE(a.notes[0].find("New pending approval"), std::string::npos);

  const std::string ini = d.desk.save_settings();
  EXPECT_NE(ini.find("alerts.fill=\n"), std::string::npos) << ini;
  EXPECT_NE(ini.find("alerts.pending_approval=toast\n"), std::string::npos) << ini;
  EXPECT_NE(ini.find("alerts.notify=on"), std::string::npos) << ini;
  DeskDriver again;
  again.desk.load_settings(ini);
  again.frame();
  EXPECT_EQ(again.desk.save_settings(), ini);
}

TEST(AlertCollapser, RepeatsWithinTheWindowCountAndLaterOnesStartOver) {
  ui::AlertCollapser c;
  const ui::Alert fill{ui::AlertKind::kFill, "Fill: buy 1 AAPL at 100.10", 1, false};
  EXPECT_EQ(c.collapse(fill, 0).count, 1);
  EXPECT_EQ(c.collapse(fill, 1).count, 2);
  const ui::Alert third = c.collapse(fill, 3.5);
  EXPECT_EQ(third.count, 3);
  EXPECT_EQ(third.text, "3 fills; the latest: Fill: buy 1 AAPL at 100.10");
  EXPECT_EQ(c.collapse(fill, 8).count, 1) << "4 s after the last one: a new alert";
  EXPECT_EQ(c.collapse(ui::Alert{ui::AlertKind::kHalt, "halted", 1, true}, 8.1).count, 1) << "kinds apart";
}

}  // namespace
}  // namespace stonks::testing
