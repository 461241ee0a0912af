// The approval rules as config: validation naming the field, and the JSON
// shape (round trip, refusals).
#include "config/approval_rule.h"

#include <gtest/gtest.h>

#include "config/risk_config.h"
#include "json/risk_config_json.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

using nlohmann::json;

ApprovalRule manual_rule() {
  ApprovalRule r;
  r.source = "manual";
  return r;
}

// The first problem of a config holding `rules`.
Status first_problem(std::vector<ApprovalRule> rules, std::vector<Symbol> tradable = {}) {
  RiskConfig c;
  c.operator_approval.rules = std::move(rules);
  c.limits.tradable_symbols = std::move(tradable);
  return validate(c);
}

void expect_field(const Status& st, const std::string& field, const std::string& words) {
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.to_string();
  EXPECT_EQ(st.field(), field) << st.to_string();
  EXPECT_NE(st.message().find(words), std::string::npos) << st.message();
}

TEST(ApprovalRuleValidation, ARuleWithoutMatchersIsRefused) {
  expect_field(first_problem({manual_rule(), ApprovalRule{}}), "operator_approval.rules[1]", "at least one of");
}

TEST(ApprovalRuleValidation, AnInvertedNotionalRangeNamesItsMax) {
  ApprovalRule r;
  r.notional_min = usd("10000");
  r.notional_max = usd("500");
  expect_field(first_problem({manual_rule(), manual_rule(), r}), "operator_approval.rules[2].notional.max",
               "at least notional.min");
}

TEST(ApprovalRuleValidation, NegativeNotionalsAreRefused) {
  ApprovalRule r;
  r.notional_min = usd("-1");
  expect_field(first_problem({r}), "operator_approval.rules[0].notional.min", "at least 0");
}

TEST(ApprovalRuleValidation, SourcesMustBeAKnownKindOrFamily) {
  for (const char* ok : {"manual", "strategy:sma", "strategy:*", "signal:tv", "signal:*", "signal:my-alert.1"}) {
    ApprovalRule r;
    r.source = ok;
    EXPECT_TRUE(first_problem({r}).is_ok()) << ok;
  }
  for (const char* bad : {"", "Manual", "strategy:", "strat:sma", "strategy:a b", "*", "signal:*x", "flatten"}) {
    ApprovalRule r;
    r.source = bad;
    expect_field(first_problem({r}), "operator_approval.rules[0].source", "must be manual");
  }
}

TEST(ApprovalRuleValidation, TickersNotDuplicatedAndTradableWhenAListIsSet) {
  ApprovalRule r;
  r.tickers = {sym("AAPL"), sym("AAPL")};
  expect_field(first_problem({r}), "operator_approval.rules[0].tickers", "twice");
  r.tickers = {sym("AAPL"), sym("TSLA")};
  expect_field(first_problem({r}, {sym("AAPL"), sym("MSFT")}), "operator_approval.rules[0].tickers",
               "TSLA is not in limits.tradable_symbols");
  EXPECT_TRUE(first_problem({r}, {sym("AAPL"), sym("TSLA")}).is_ok());
}

TEST(ApprovalRuleValidation, NamesAreShortAndPrintable) {
  ApprovalRule r = manual_rule();
  r.name = std::string(ApprovalRule::kMaxNameLength + 1, 'x');
  expect_field(first_problem({r}), "operator_approval.rules[0].name", "printable");
  r.name = "tab\there";
  expect_field(first_problem({r}), "operator_approval.rules[0].name", "printable");
}

TEST(ApprovalRuleValidation, AtMostAHundredRules) {
  expect_field(first_problem(std::vector<ApprovalRule>(ApprovalRule::kMaxRules + 1, manual_rule())),
               "operator_approval.rules", "at most 100");
}

TEST(ApprovalRuleValidation, TheSectionAloneNamesFieldsRelativeToIt) {
  OperatorApprovalConfig a;
  a.rules = {ApprovalRule{}};
  const std::vector<Status> problems = approval_problems(a, {});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field(), "rules[0]");
}

TEST(ApprovalRuleJson, RoundTripsEveryMatcher) {
  const json body = json::parse(R"({"operator_approval":{"four_eyes":true,"rules":[
      {"name":"big algo buys","source":"strategy:*","tickers":["AAPL","MSFT"],"side":"buy","type":"limit",
       "notional":{"min":"10000.00","max":"50000.50"},"exposure":"increases","decision":"require_approval"},
      {"source":"manual","exposure":"reduces","decision":"auto_approve"}]}})");
  Result<RiskConfig> c = risk_config_from_json(body);
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  const OperatorApprovalConfig& a = c->operator_approval;
  EXPECT_TRUE(a.four_eyes);
  ASSERT_EQ(a.rules.size(), 2u);
  EXPECT_EQ(a.rules[0].name, "big algo buys");
  EXPECT_EQ(a.rules[0].tickers, (std::vector<Symbol>{sym("AAPL"), sym("MSFT")}));
  EXPECT_EQ(a.rules[0].notional_max, usd("50000.50"));
  EXPECT_EQ(a.rules[1].decision, RuleDecision::kAutoApprove);
  EXPECT_FALSE(a.rules[1].notional_min.has_value());
  Result<RiskConfig> again = risk_config_from_json(to_json(*c));
  ASSERT_TRUE(again.is_ok()) << again.status().to_string();
  EXPECT_EQ(*again, *c);
}

TEST(ApprovalRuleJson, ConfigsFromBeforeRulesReadWithNone) {
  Result<RiskConfig> c = risk_config_from_json(json::parse(R"({"operator_approval":{"auto_approve_paper":false}})"));
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  EXPECT_TRUE(c->operator_approval.rules.empty());
  EXPECT_FALSE(c->operator_approval.four_eyes);
}

TEST(ApprovalRuleJson, RefusesWhatAMatcherCannotMean) {
  auto error_of = [](const char* rules) {
    return risk_config_from_json(json::parse(std::string(R"({"operator_approval":{"rules":)") + rules + "}}")).status();
  };
  expect_field(error_of(R"([{"source":"manual"}])"), "operator_approval.rules[0].decision", "required");
  expect_field(error_of(R"([{"source":"manual","decision":"maybe"}])"), "operator_approval.rules[0].decision",
               "require_approval");
  expect_field(error_of(R"([{"tickers":[],"decision":"auto_approve"}])"), "operator_approval.rules[0].tickers",
               "at least one ticker");
  expect_field(error_of(R"([{"notional":{},"decision":"auto_approve"}])"), "operator_approval.rules[0].notional",
               "min, max or both");
  expect_field(error_of(R"([{"source":"manual","decision":"auto_approve","colour":"red"}])"),
               "operator_approval.rules[0].colour", "unknown");
  expect_field(error_of(R"([{"notional":{"min":"NaN"},"decision":"auto_approve"}])"),
               "operator_approval.rules[0].notional.min", "");
  expect_field(error_of(R"({"source":"manual"})"), "operator_approval.rules", "array");
  expect_field(error_of(R"([{"tickers":["not a ticker"],"decision":"auto_approve"}])"),
               "operator_approval.rules[0].tickers[0]", "");
}

TEST(ApprovalRuleDescription, SaysEachMatcherInWords) {
  ApprovalRule r;
  r.source = "strategy:*";
  r.tickers = {sym("AAPL")};
  r.side = Side::kSell;
  r.type = OrderType::kMarket;
  r.notional_min = usd("100");
  r.notional_max = usd("200");
  r.exposure = ExposureEffect::kIncreases;
  EXPECT_EQ(describe_matchers(r),
            "source strategy:*, ticker AAPL, side sell, market orders, notional 100.00 to 200.00, increases exposure");
}

}  // namespace
}  // namespace stonks::testing
