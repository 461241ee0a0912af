// The risk config as the editor sees it: every field, text both ways, and
// the diff that says which changes let more orders through.
#include <gtest/gtest.h>

#include <set>

#include "imgui_ui/model/config_fields.h"
#include "json/risk_config_json.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

using ui::config_fields;
using ui::find_config_field;

// "limits.max_order_notional", ... : every leaf of the API's config shape.
void leaves(const nlohmann::json& j, const std::string& path, std::set<std::string>& out) {
  for (const auto& item : j.items()) {
    const std::string p = path.empty() ? item.key() : path + "." + item.key();
    if (item.value().is_object())
      leaves(item.value(), p, out);
    else if (p != "version" && p != "operator_approval.rules")  // a list: Trading Controls' rules editor
      out.insert(p);
  }
}

TEST(ConfigFields, TheFormHasEveryFieldOfTheConfigByItsApiName) {
  std::set<std::string> api;
  leaves(to_json(RiskConfig{}), "", api);
  std::set<std::string> form;
  for (const ui::ConfigField& f : config_fields()) form.insert(f.path);
  EXPECT_EQ(form, api);
  for (const ui::ConfigField& f : config_fields()) {
    EXPECT_NE(std::string(f.unit), "") << f.path;
    EXPECT_NE(std::string(f.help), "") << f.path;
  }
}

TEST(ConfigFields, TextRoundTripsAndBadTextSaysWhy) {
  RiskConfig c;
  for (const ui::ConfigField& f : config_fields()) {
    RiskConfig copy;
    EXPECT_EQ(ui::set_field_text(copy, f, ui::field_text(c, f)), std::nullopt) << f.path;
    EXPECT_EQ(copy, c) << f.path;
  }
  const ui::ConfigField& notional = *find_config_field("limits.max_order_notional");
  EXPECT_EQ(ui::set_field_text(c, notional, " 2500.5 "), std::nullopt);
  EXPECT_EQ(c.limits.max_order_notional, usd("2500.50"));
  EXPECT_EQ(ui::set_field_text(c, notional, "12x"), std::optional<std::string>("not an amount: \"12x\""));
  EXPECT_EQ(c.limits.max_order_notional, usd("2500.50")) << "a bad text changes nothing";
  const ui::ConfigField& orders = *find_config_field("limits.max_open_orders");
  EXPECT_EQ(ui::set_field_text(c, orders, "1.5"), std::optional<std::string>("not a whole number: \"1.5\""));
  EXPECT_EQ(ui::set_field_text(c, orders, ""), std::optional<std::string>("not a whole number: \"\""));
  const ui::ConfigField& symbols = *find_config_field("limits.tradable_symbols");
  EXPECT_EQ(ui::set_field_text(c, symbols, "AAPL, MSFT,BRK.B"), std::nullopt);
  EXPECT_EQ(ui::field_text(c, symbols), "AAPL, MSFT, BRK.B");
  EXPECT_EQ(ui::set_field_text(c, symbols, "AAPL, no way!"), std::optional<std::string>("not a ticker: \"no\""));
}

TEST(ConfigFields, TheDiffMarksWhatLetsMoreOrdersThrough) {
  RiskConfig from;
  from.limits.tradable_symbols = {sym("AAPL")};
  RiskConfig to = from;
  to.limits.max_order_notional = usd("200000");             // higher: looser
  to.limits.max_open_orders = 50;                           // lower: tighter
  to.operator_approval.auto_approve_paper = false;          // held: tighter
  to.operator_approval.require_approval_for_live = false;   // off: looser
  to.guards.cooldown_after_loss_seconds = 0;                // off: looser
  to.guards.news_shock_severity = 90;                       // a higher bar: looser
  to.paper.fee_bps = 5;                                     // a cost, not a limit
  to.limits.tradable_symbols = {sym("AAPL"), sym("TSLA")};  // a symbol added: looser
  std::vector<std::string> looser, tighter;
  for (const ui::FieldChange& c : ui::config_diff(from, to)) (c.loosens ? looser : tighter).push_back(ui::describe(c));
  EXPECT_EQ(looser, (std::vector<std::string>{
                        "operator_approval.require_approval_for_live: on -> off",
                        "limits.max_order_notional: 100000.00 -> 200000.00",
                        "limits.tradable_symbols: AAPL -> AAPL, TSLA",
                        "guards.cooldown_after_loss_seconds: 300 -> 0",
                        "guards.news_shock_severity: 80 -> 90",
                    }));
  EXPECT_EQ(tighter, (std::vector<std::string>{"operator_approval.auto_approve_paper: on -> off",
                                               "limits.max_open_orders: 100 -> 50", "paper.fee_bps: 0 -> 5"}));
}

TEST(ConfigFields, EmptyingTheTradableListIsLooserAndFillingItTighter) {
  RiskConfig listed;
  listed.limits.tradable_symbols = {sym("AAPL")};
  const RiskConfig any;
  ASSERT_EQ(ui::config_diff(listed, any).size(), 1u);
  EXPECT_TRUE(ui::config_diff(listed, any)[0].loosens);
  EXPECT_EQ(ui::describe(ui::config_diff(listed, any)[0]), "limits.tradable_symbols: AAPL -> (any)");
  EXPECT_FALSE(ui::config_diff(any, listed)[0].loosens);
  EXPECT_TRUE(ui::config_diff(any, any).empty());
}

TEST(ConfigFields, TheDiffListsTheApprovalRulesAndMarksALooserList) {
  RiskConfig from;
  ApprovalRule hold;
  hold.tickers = {sym("AAPL")};
  from.operator_approval.rules = {hold};
  RiskConfig to = from;
  EXPECT_TRUE(ui::config_diff(from, to).empty());
  to.operator_approval.rules.clear();  // the hold removed: looser
  const std::vector<ui::FieldChange> removed = ui::config_diff(from, to);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(ui::describe(removed[0]), "operator_approval.rules: 1. hold: ticker AAPL -> none");
  EXPECT_TRUE(removed[0].loosens);
  const std::vector<ui::FieldChange> added = ui::config_diff(to, from);  // a hold added: tighter
  ASSERT_EQ(added.size(), 1u);
  EXPECT_FALSE(added[0].loosens);
}

}  // namespace
}  // namespace stonks::testing
