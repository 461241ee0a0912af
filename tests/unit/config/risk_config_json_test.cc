// Tests for RiskConfig's JSON shape, strict reading, and the approval patch.
#include "json/risk_config_json.h"

#include <gtest/gtest.h>

namespace stonks {
namespace {

using nlohmann::json;

void expect_error(const Status& s, const std::string& field, const std::string& message_part) {
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.to_string();
  EXPECT_EQ(s.field(), field) << s.to_string();
  EXPECT_NE(s.message().find(message_part), std::string::npos) << s.to_string();
}

RiskConfig custom_config() {
  RiskConfig c;
  c.version = 7;
  c.operator_approval = {false, false, 45};
  c.limits.max_order_notional = Money::parse("25000.50").value();
  c.limits.max_position_notional = Money::from_units(50'000);
  c.limits.max_gross_exposure = Money::from_units(200'000);
  c.limits.max_open_orders = 12;
  c.limits.max_orders_per_window = 30;
  c.limits.rate_window_seconds = 10;
  c.limits.max_daily_loss = Money::parse("999.99").value();
  c.limits.limit_price_band_bps = 250;
  c.limits.allow_short = true;
  c.limits.tradable_symbols = {Symbol::parse("AAPL").value(), Symbol::parse("BRK.B").value()};
  c.guards = {60, 600, 90, 45, 300, 30, 5};
  c.paper = {3, 1, Money::parse("0.35").value()};
  return c;
}

TEST(RiskConfigJsonTest, WritesEverySectionAndField) {
  json j = to_json(RiskConfig());
  EXPECT_EQ(j, json::parse(R"({
    "version": 1,
    "operator_approval": {"auto_approve_paper": true, "require_approval_for_live": true,
                          "approval_timeout_minutes": 30, "four_eyes": false, "rules": []},
    "limits": {"max_order_notional": "100000.00", "max_position_notional": "250000.00",
               "max_gross_exposure": "1000000.00", "max_open_orders": 100, "max_orders_per_window": 600,
               "rate_window_seconds": 60, "max_daily_loss": "10000.00", "limit_price_band_bps": 1000,
               "allow_short": false, "tradable_symbols": []},
    "guards": {"cooldown_after_fill_seconds": 0, "cooldown_after_loss_seconds": 300, "news_shock_severity": 80,
               "news_shock_lockout_minutes": 30, "price_shock_bps": 500, "price_shock_window_seconds": 60,
               "price_shock_lockout_minutes": 15},
    "paper": {"slippage_bps": 0, "fee_bps": 0, "fee_per_fill": "0.00"}
  })"));
}

TEST(RiskConfigJsonTest, RoundTripsDefaultAndCustomConfigs) {
  for (const RiskConfig& c : {RiskConfig(), custom_config()}) {
    Result<RiskConfig> back = risk_config_from_json(to_json(c));
    ASSERT_TRUE(back.is_ok()) << back.status().to_string();
    EXPECT_EQ(*back, c);
  }
}

TEST(RiskConfigJsonTest, EmptyObjectGivesTheDefaults) {
  Result<RiskConfig> c = risk_config_from_json(json::object());
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  EXPECT_EQ(*c, RiskConfig());
}

// Requirement 1.1's root cause in the old system: a stored config without the
// operator_approval section lost the approval defaults.
TEST(RiskConfigJsonTest, Req_1_1_ConfigWithoutOperatorApprovalGetsItsDefaults) {
  json j = to_json(custom_config());
  j.erase("operator_approval");
  Result<RiskConfig> c = risk_config_from_json(j);
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  EXPECT_TRUE(c->operator_approval.auto_approve_paper);
  EXPECT_TRUE(c->operator_approval.require_approval_for_live);
  EXPECT_EQ(c->operator_approval.approval_timeout_minutes, 30);
  EXPECT_EQ(c->limits, custom_config().limits);
}

TEST(RiskConfigJsonTest, MissingFieldsInsideASectionKeepTheirDefaults) {
  Result<RiskConfig> c = risk_config_from_json(
      json::parse(R"({"operator_approval":{"auto_approve_paper":false},"limits":{"max_open_orders":5}})"));
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  EXPECT_FALSE(c->operator_approval.auto_approve_paper);
  EXPECT_TRUE(c->operator_approval.require_approval_for_live);
  EXPECT_EQ(c->operator_approval.approval_timeout_minutes, 30);
  EXPECT_EQ(c->limits.max_open_orders, 5);
  EXPECT_EQ(c->limits.max_order_notional, RiskLimits().max_order_notional);
}

TEST(RiskConfigJsonTest, UnknownFieldsAreRefusedAtEveryLevel) {
  const char* sections[] = {"operator_approval", "limits", "guards", "paper"};
  {
    json j = to_json(RiskConfig());
    j["extra"] = 1;
    expect_error(risk_config_from_json(j).status(), "extra", "unknown field");
  }
  for (const char* section : sections) {
    json j = to_json(RiskConfig());
    j[section]["extra"] = 1;
    expect_error(risk_config_from_json(j).status(), std::string(section) + ".extra", "unknown field");
  }
}

TEST(RiskConfigJsonTest, WrongTypesNameTheDottedPath) {
  struct Case {
    const char* patch;
    const char* field;
    const char* message;
  };
  const Case cases[] = {
      {R"({"version":"1"})", "version", "expected an integer"},
      {R"({"operator_approval":{"approval_timeout_minutes":1.5}})", "operator_approval.approval_timeout_minutes",
       "expected an integer"},
      {R"({"operator_approval":{"auto_approve_paper":"false"}})", "operator_approval.auto_approve_paper",
       "expected true or false"},
      {R"({"operator_approval":null})", "operator_approval", "expected an object"},
      {R"({"limits":{"max_order_notional":"1e400"}})", "limits.max_order_notional", "expected a decimal amount"},
      {R"({"limits":{"max_order_notional":"NaN"}})", "limits.max_order_notional", "expected a decimal amount"},
      {R"({"limits":{"max_open_orders":3000000000}})", "limits.max_open_orders", "expected an integer"},
      {R"({"limits":{"tradable_symbols":["AAPL","msft"]}})", "limits.tradable_symbols[1]", "invalid ticker"},
      {R"({"limits":{"tradable_symbols":"AAPL"}})", "limits.tradable_symbols", "expected an array"},
      {R"({"guards":{"news_shock_severity":true}})", "guards.news_shock_severity", "expected an integer"},
      {R"({"paper":{"fee_per_fill":0.0000001}})", "paper.fee_per_fill", "expected a decimal amount"},
      {R"([])", "", "expected an object"},
  };
  for (const Case& c : cases) expect_error(risk_config_from_json(json::parse(c.patch)).status(), c.field, c.message);
}

TEST(RiskConfigJsonTest, ReadingValidatesRanges) {
  expect_error(risk_config_from_json(json::parse(R"({"operator_approval":{"approval_timeout_minutes":0}})")).status(),
               "operator_approval.approval_timeout_minutes", "1 to 1440");
  expect_error(risk_config_from_json(json::parse(R"({"limits":{"tradable_symbols":["AAPL","AAPL"]}})")).status(),
               "limits.tradable_symbols", "AAPL");
  expect_error(risk_config_from_json(json::parse(R"({"version":0})")).status(), "version", "at least 1");
  expect_error(risk_config_from_json(json::parse(R"({"paper":{"fee_bps":-1}})")).status(), "paper.fee_bps",
               "0 to 10000");
}

TEST(RiskConfigJsonTest, MoneyAcceptsIntegersAndExactFloats) {
  Result<RiskConfig> c =
      risk_config_from_json(json::parse(R"({"limits":{"max_order_notional":5000,"max_daily_loss":250.75}})"));
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  EXPECT_EQ(c->limits.max_order_notional, Money::from_units(5000));
  EXPECT_EQ(c->limits.max_daily_loss, Money::parse("250.75").value());
}

// PUT approval-config's reading: the shape, then the ranges.
Result<OperatorApprovalConfig> patched(const OperatorApprovalConfig& current, const json& patch) {
  Result<OperatorApprovalConfig> next = approval_patch_fields(current, patch);
  if (!next.is_ok()) return next;
  if (Status s = validate(*next, {}); !s.is_ok()) return s;
  return next;
}

TEST(ApprovalPatchTest, AppliesOnlyTheGivenFields) {
  OperatorApprovalConfig current{true, true, 30};
  Result<OperatorApprovalConfig> a = patched(current, json::parse(R"({"auto_approve_paper":false})"));
  ASSERT_TRUE(a.is_ok()) << a.status().to_string();
  EXPECT_EQ(*a, (OperatorApprovalConfig{false, true, 30}));

  Result<OperatorApprovalConfig> b =
      patched(current, json::parse(R"({"require_approval_for_live":false,"approval_timeout_minutes":120})"));
  ASSERT_TRUE(b.is_ok()) << b.status().to_string();
  EXPECT_EQ(*b, (OperatorApprovalConfig{true, false, 120}));
}

TEST(ApprovalPatchTest, EmptyPatchChangesNothing) {
  OperatorApprovalConfig current{false, true, 15};
  Result<OperatorApprovalConfig> r = patched(current, json::object());
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(*r, current);
}

TEST(ApprovalPatchTest, RefusesOtherFieldsWrongTypesAndBadRanges) {
  OperatorApprovalConfig current;
  expect_error(patched(current, json::parse(R"({"mode":"live"})")).status(), "mode", "unknown field");
  expect_error(patched(current, json::parse(R"({"auto_approve_paper":"true"})")).status(), "auto_approve_paper",
               "expected true or false");
  expect_error(patched(current, json::parse(R"({"auto_approve_paper":null})")).status(), "auto_approve_paper",
               "expected true or false");
  expect_error(patched(current, json::parse(R"({"approval_timeout_minutes":"30"})")).status(),
               "approval_timeout_minutes", "expected an integer");
  expect_error(patched(current, json::parse(R"({"approval_timeout_minutes":30.5})")).status(),
               "approval_timeout_minutes", "expected an integer");
  expect_error(patched(current, json::parse(R"({"approval_timeout_minutes":0})")).status(), "approval_timeout_minutes",
               "1 to 1440");
  expect_error(patched(current, json::parse(R"({"approval_timeout_minutes":1441})")).status(),
               "approval_timeout_minutes", "1 to 1440");
  expect_error(patched(current, json::parse(R"([true])")).status(), "", "expected an object");
}

}  // namespace
}  // namespace stonks
