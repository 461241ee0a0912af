// The kill switch from the status strip: asked twice, then one request; the
// report stays under the strip until dismissed, and the dismissal survives a
// reload of the layout.
#include <gtest/gtest.h>

#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

// Long 10 AAPL, and one MSFT buy waiting for the operator.
void busy(DeskDriver& d) {
  ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, 10), d.now).is_ok());
  OperatorApprovalConfig section = d.engine.state().config.operator_approval;
  section.auto_approve_paper = false;
  ASSERT_TRUE(d.engine.update_approval_config(section, "setup", d.now).is_ok());
  ASSERT_TRUE(d.engine.submit_order(market("MSFT", Side::kBuy, 2), d.now).is_ok());
}

TEST(KillSwitch, AsksTwiceSayingWhatWillHappenThenHaltsAndFlattens) {
  DeskDriver d;
  busy(d);
  d.frame();
  d.click(ids::kStripFlatten);
  const std::string plan = d.messages_at("dialog");
  EXPECT_NE(plan.find("Halt trading"), std::string::npos) << plan;
  EXPECT_NE(plan.find("Reject 1 pending approval"), std::string::npos) << plan;
  EXPECT_NE(plan.find("Cancel 0 working orders"), std::string::npos) << plan;
  EXPECT_NE(plan.find("Sell 10 AAPL"), std::string::npos) << plan;
  d.type(ids::kFlattenReason, "feed looks wrong");
  d.click(ids::kFlattenContinue);
  // The second question: nothing has happened yet.
  EXPECT_NE(d.messages_at("dialog").find("cannot be undone"), std::string::npos);
  EXPECT_FALSE(d.engine.state().halted);
  d.click(ids::kFlattenConfirm);
  d.frame(2);

  const EngineState& s = d.engine.state();
  EXPECT_TRUE(s.halted);
  EXPECT_EQ(s.halt_reason, "feed looks wrong");
  EXPECT_EQ(s.approvals.pending_count(), 0u);
  EXPECT_EQ(s.portfolio.position(sym("AAPL")).qty, 0);
  const std::string report = d.messages_at(ids::kFlattenReport);
  EXPECT_NE(report.find("1 approval rejected"), std::string::npos) << report;
  EXPECT_NE(report.find("1 of 1 position closed"), std::string::npos) << report;
  EXPECT_NE(report.find("Sell 10 AAPL"), std::string::npos) << report;

  // It stays, frame after frame, until dismissed; a reloaded layout keeps
  // the dismissal.
  d.frame(30);
  EXPECT_TRUE(d.shows(ids::kFlattenDismiss));
  d.click(ids::kFlattenDismiss);
  EXPECT_FALSE(d.shows(ids::kFlattenDismiss));
  const std::string ini = d.desk.save_settings();
  EXPECT_NE(ini.find("flatten.dismissed=2026-11-24T14:30:00Z"), std::string::npos) << ini;
}

TEST(KillSwitch, CancellingEitherQuestionChangesNothing) {
  DeskDriver d;
  busy(d);
  const std::size_t events = d.log.size();
  d.frame();
  d.click(ids::kStripFlatten);
  d.click(ids::kConfirmCancel);
  d.click(ids::kStripFlatten);
  d.click(ids::kFlattenContinue);
  d.click(ids::kConfirmCancel);
  d.frame(2);
  EXPECT_EQ(d.log.size(), events);
  EXPECT_FALSE(d.engine.state().halted);
  EXPECT_FALSE(d.shows(ids::kFlattenReport));
}

TEST(KillSwitch, APositionThatCouldNotBeClosedIsShownAsAnError) {
  DeskDriver d;
  ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, 10), d.now).is_ok());
  RiskConfig c = d.engine.state().config;
  c.limits.tradable_symbols = {sym("MSFT")};
  ASSERT_TRUE(d.engine.update_config(c, "setup", d.now).is_ok());
  d.frame();
  d.click(ids::kStripFlatten);
  d.click(ids::kFlattenContinue);
  d.click(ids::kFlattenConfirm);
  d.frame(2);
  bool shown = false;
  for (const ui::DeskMessage& m : d.messages())
    if (m.where == ids::kFlattenReport && m.error) {
      shown = true;
      EXPECT_NE(m.text.find("NOT CLOSED, SYMBOL_NOT_TRADABLE"), std::string::npos) << m.text;
    }
  EXPECT_TRUE(shown);
  EXPECT_EQ(d.engine.state().portfolio.position(sym("AAPL")).qty, 10);
}

}  // namespace
}  // namespace stonks::testing
