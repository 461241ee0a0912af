// Tests for RiskConfig defaults, range validation and trading mode names.
#include "config/risk_config.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace stonks {
namespace {

TEST(RiskConfigTest, DefaultsMatchTheDesign) {
  RiskConfig c;
  EXPECT_EQ(c.version, 1);
  EXPECT_TRUE(c.operator_approval.auto_approve_paper);
  EXPECT_TRUE(c.operator_approval.require_approval_for_live);
  EXPECT_EQ(c.operator_approval.approval_timeout_minutes, 30);
  EXPECT_TRUE(validate(c).is_ok()) << validate(c).to_string();
}

TEST(RiskConfigTest, TradingModeNamesRoundTrip) {
  for (TradingMode m : {TradingMode::kDisabled, TradingMode::kPaper, TradingMode::kLive})
    EXPECT_EQ(parse_enum<TradingMode>(to_string(m)), m);
  EXPECT_STREQ(to_string(TradingMode::kPaper), "paper");
  EXPECT_EQ(parse_enum<TradingMode>("Paper"), std::nullopt);
  EXPECT_EQ(parse_enum<TradingMode>(""), std::nullopt);
}

struct Rule {
  const char* field;                      // the path validate() must name
  std::function<void(RiskConfig&)> bad;   // breaks only that field
  std::function<void(RiskConfig&)> edge;  // the field at an accepted extreme
};

Money units(std::int64_t u) { return Money::from_units(u); }
const Money kCeiling = Money::from_units(1'000'000'000'000);
const Money kJustBelowCeiling = Money::from_micros(kCeiling.micros() - 1);

const std::vector<Rule>& rules() {
  static const std::vector<Rule> kRules = {
      {"version", [](RiskConfig& c) { c.version = 0; }, [](RiskConfig& c) { c.version = 1; }},
      {"operator_approval.approval_timeout_minutes",
       [](RiskConfig& c) { c.operator_approval.approval_timeout_minutes = 0; },
       [](RiskConfig& c) { c.operator_approval.approval_timeout_minutes = 1; }},
      {"operator_approval.approval_timeout_minutes",
       [](RiskConfig& c) { c.operator_approval.approval_timeout_minutes = 1441; },
       [](RiskConfig& c) { c.operator_approval.approval_timeout_minutes = 1440; }},
      {"limits.max_order_notional", [](RiskConfig& c) { c.limits.max_order_notional = Money(); },
       [](RiskConfig& c) { c.limits.max_order_notional = Money::from_micros(1); }},
      {"limits.max_order_notional", [](RiskConfig& c) { c.limits.max_order_notional = kCeiling; },
       [](RiskConfig& c) { c.limits.max_order_notional = kJustBelowCeiling; }},
      {"limits.max_position_notional", [](RiskConfig& c) { c.limits.max_position_notional = units(-1); },
       [](RiskConfig& c) { c.limits.max_position_notional = kJustBelowCeiling; }},
      {"limits.max_gross_exposure", [](RiskConfig& c) { c.limits.max_gross_exposure = Money(); },
       [](RiskConfig& c) { c.limits.max_gross_exposure = units(1); }},
      {"limits.max_open_orders", [](RiskConfig& c) { c.limits.max_open_orders = 0; },
       [](RiskConfig& c) { c.limits.max_open_orders = 1; }},
      {"limits.max_open_orders", [](RiskConfig& c) { c.limits.max_open_orders = 100'001; },
       [](RiskConfig& c) { c.limits.max_open_orders = 100'000; }},
      {"limits.max_orders_per_window", [](RiskConfig& c) { c.limits.max_orders_per_window = 0; },
       [](RiskConfig& c) { c.limits.max_orders_per_window = 1; }},
      {"limits.rate_window_seconds", [](RiskConfig& c) { c.limits.rate_window_seconds = 0; },
       [](RiskConfig& c) { c.limits.rate_window_seconds = 1; }},
      {"limits.rate_window_seconds", [](RiskConfig& c) { c.limits.rate_window_seconds = 604'801; },
       [](RiskConfig& c) { c.limits.rate_window_seconds = 604'800; }},
      {"limits.max_daily_loss", [](RiskConfig& c) { c.limits.max_daily_loss = Money(); },
       [](RiskConfig& c) { c.limits.max_daily_loss = kJustBelowCeiling; }},
      {"limits.limit_price_band_bps", [](RiskConfig& c) { c.limits.limit_price_band_bps = -1; },
       [](RiskConfig& c) { c.limits.limit_price_band_bps = 0; }},
      {"limits.limit_price_band_bps", [](RiskConfig& c) { c.limits.limit_price_band_bps = 10'001; },
       [](RiskConfig& c) { c.limits.limit_price_band_bps = 10'000; }},
      {"limits.tradable_symbols",
       [](RiskConfig& c) {
         c.limits.tradable_symbols = {Symbol::parse("AAPL").value(), Symbol::parse("MSFT").value(),
                                      Symbol::parse("AAPL").value()};
       },
       [](RiskConfig& c) {
         c.limits.tradable_symbols = {Symbol::parse("AAPL").value(), Symbol::parse("MSFT").value()};
       }},
      {"limits.tradable_symbols", [](RiskConfig& c) { c.limits.tradable_symbols = {Symbol()}; },
       [](RiskConfig& c) { c.limits.tradable_symbols = {}; }},
      {"guards.cooldown_after_fill_seconds", [](RiskConfig& c) { c.guards.cooldown_after_fill_seconds = -1; },
       [](RiskConfig& c) { c.guards.cooldown_after_fill_seconds = 0; }},
      {"guards.cooldown_after_fill_seconds", [](RiskConfig& c) { c.guards.cooldown_after_fill_seconds = 604'801; },
       [](RiskConfig& c) { c.guards.cooldown_after_fill_seconds = 604'800; }},
      {"guards.cooldown_after_loss_seconds", [](RiskConfig& c) { c.guards.cooldown_after_loss_seconds = -1; },
       [](RiskConfig& c) { c.guards.cooldown_after_loss_seconds = 604'800; }},
      {"guards.news_shock_severity", [](RiskConfig& c) { c.guards.news_shock_severity = 101; },
       [](RiskConfig& c) { c.guards.news_shock_severity = 100; }},
      {"guards.news_shock_severity", [](RiskConfig& c) { c.guards.news_shock_severity = -1; },
       [](RiskConfig& c) { c.guards.news_shock_severity = 0; }},
      {"guards.news_shock_lockout_minutes", [](RiskConfig& c) { c.guards.news_shock_lockout_minutes = 10'081; },
       [](RiskConfig& c) { c.guards.news_shock_lockout_minutes = 10'080; }},
      {"guards.price_shock_bps", [](RiskConfig& c) { c.guards.price_shock_bps = 10'001; },
       [](RiskConfig& c) { c.guards.price_shock_bps = 0; }},
      {"guards.price_shock_window_seconds", [](RiskConfig& c) { c.guards.price_shock_window_seconds = -1; },
       [](RiskConfig& c) { c.guards.price_shock_window_seconds = 604'800; }},
      {"guards.price_shock_window_seconds",
       [](RiskConfig& c) {
         c.guards.price_shock_bps = 500;
         c.guards.price_shock_window_seconds = 0;
       },
       [](RiskConfig& c) {
         c.guards.price_shock_bps = 0;
         c.guards.price_shock_window_seconds = 0;
       }},
      {"guards.price_shock_lockout_minutes", [](RiskConfig& c) { c.guards.price_shock_lockout_minutes = -1; },
       [](RiskConfig& c) { c.guards.price_shock_lockout_minutes = 0; }},
      {"paper.slippage_bps", [](RiskConfig& c) { c.paper.slippage_bps = -1; },
       [](RiskConfig& c) { c.paper.slippage_bps = 10'000; }},
      {"paper.fee_bps", [](RiskConfig& c) { c.paper.fee_bps = 10'001; }, [](RiskConfig& c) { c.paper.fee_bps = 0; }},
      {"paper.fee_per_fill", [](RiskConfig& c) { c.paper.fee_per_fill = Money::from_micros(-1); },
       [](RiskConfig& c) { c.paper.fee_per_fill = Money(); }},
      {"paper.fee_per_fill", [](RiskConfig& c) { c.paper.fee_per_fill = kCeiling; },
       [](RiskConfig& c) { c.paper.fee_per_fill = kJustBelowCeiling; }},
  };
  return kRules;
}

TEST(RiskConfigTest, EachValidationRuleNamesItsField) {
  for (const Rule& rule : rules()) {
    RiskConfig c;
    rule.bad(c);
    Status s = validate(c);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << rule.field;
    EXPECT_EQ(s.field(), rule.field) << s.to_string();
    EXPECT_FALSE(s.message().empty()) << rule.field;
  }
}

TEST(RiskConfigTest, EachFieldAcceptsItsExtremeValues) {
  for (const Rule& rule : rules()) {
    RiskConfig c;
    rule.edge(c);
    Status s = validate(c);
    EXPECT_TRUE(s.is_ok()) << rule.field << ": " << s.to_string();
  }
}

TEST(RiskConfigTest, EveryIntegerAndMoneyFieldHasARule) {
  // A field added to the config without a rule here would slip through; keep
  // this count in step with risk_config.h: version, approval_timeout_minutes,
  // 8 numeric limits + tradable_symbols, 7 guards, 3 paper fields.
  std::set<std::string> covered;
  for (const Rule& rule : rules()) covered.insert(rule.field);
  EXPECT_EQ(covered.size(), 21u);
}

TEST(RiskConfigTest, ApprovalSectionValidatesWithSectionRelativeNames) {
  OperatorApprovalConfig a;
  EXPECT_TRUE(validate(a, {}).is_ok());
  a.approval_timeout_minutes = 0;
  EXPECT_EQ(validate(a, {}).field(), "approval_timeout_minutes");
  EXPECT_NE(validate(a, {}).message().find("1 to 1440"), std::string::npos) << validate(a, {}).message();
}

}  // namespace
}  // namespace stonks
