// The rules editor's logic without ImGui: a rule's form both ways and the
// JSON it sends, the API's error fields read back to a rule and field, and
// the test for a change that lets more orders through without approval.
#include <gtest/gtest.h>

#include "imgui_ui/model/rule_form.h"
#include "imgui_ui/model/rule_loosening.h"
#include "json/risk_config_json.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

using ui::RuleFieldError;
using ui::RuleForm;

ApprovalRule every_matcher() {
  ApprovalRule r;
  r.name = "big manual shorts";
  r.source = "manual";
  r.tickers = {sym("AAPL"), sym("BRK.B")};
  r.side = Side::kSell;
  r.type = OrderType::kLimit;
  r.notional_min = usd("10000");
  r.notional_max = usd("250000.5");
  r.exposure = ExposureEffect::kIncreases;
  r.decision = RuleDecision::kAutoApprove;
  return r;
}

ApprovalRule hold_tickers(std::vector<std::string> tickers) {
  ApprovalRule r;
  for (const std::string& t : tickers) r.tickers.push_back(sym(t));
  return r;
}

ApprovalRule auto_source(const std::string& source) {
  ApprovalRule r;
  r.source = source;
  r.decision = RuleDecision::kAutoApprove;
  return r;
}

TEST(RuleForm, EveryMatcherRoundTripsThroughTheForm) {
  for (const ApprovalRule& rule : {every_matcher(), hold_tickers({"MSFT"}), auto_source("strategy:*")}) {
    std::vector<RuleFieldError> errors;
    EXPECT_EQ(ui::rule_from_form(ui::rule_form(rule), errors), rule) << describe_matchers(rule);
    EXPECT_TRUE(errors.empty());
  }
  const RuleForm f = ui::rule_form(every_matcher());
  EXPECT_EQ(f.tickers, "AAPL BRK.B");
  EXPECT_EQ(f.notional_min, "10000.00");
  EXPECT_EQ(f.notional_max, "250000.50");
}

TEST(RuleForm, TickersAreSplitOnSpacesAndCommasAndUpperCased) {
  RuleForm f;
  f.tickers = " aapl, MSFT,,brk.b  TSLA ";
  f.notional_max = " 5000 ";
  f.source = "  strategy:sma ";
  std::vector<RuleFieldError> errors;
  const ApprovalRule r = ui::rule_from_form(f, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(r.tickers, (std::vector<Symbol>{sym("AAPL"), sym("MSFT"), sym("BRK.B"), sym("TSLA")}));
  EXPECT_EQ(r.notional_max, usd("5000"));
  EXPECT_EQ(r.notional_min, std::nullopt);
  EXPECT_EQ(r.source, "strategy:sma");
  EXPECT_EQ(r.side, std::nullopt);
}

TEST(RuleForm, BlankFieldsAreNoMatcherAndBadTextIsNamedByItsApiField) {
  std::vector<RuleFieldError> errors;
  const ApprovalRule blank = ui::rule_from_form(RuleForm{}, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(blank, ApprovalRule{});
  RuleForm f;
  f.tickers = "AAPL 12X";
  f.notional_min = "10k";
  f.notional_max = "abc";
  ui::rule_from_form(f, errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "tickers");
  EXPECT_EQ(errors[0].message, "not a ticker: \"12X\"");
  EXPECT_EQ(errors[1].field, "notional.min");
  EXPECT_EQ(errors[1].message, "not an amount: \"10k\"");
  EXPECT_EQ(errors[2].field, "notional.max");
}

TEST(RuleForm, TheBodyIsTheApisRuleShapeAndReadsBack) {
  const std::vector<ApprovalRule> rules = {every_matcher(), hold_tickers({"MSFT"})};
  const nlohmann::json body = {{"rules", ui::rules_json(rules)}};
  EXPECT_EQ(body["rules"][1], (nlohmann::json{{"tickers", {"MSFT"}}, {"decision", "require_approval"}}));
  EXPECT_EQ(body["rules"][0]["notional"], (nlohmann::json{{"min", "10000.00"}, {"max", "250000.50"}}));
  Result<OperatorApprovalConfig> read = approval_patch_fields(OperatorApprovalConfig{}, body);
  ASSERT_TRUE(read.is_ok()) << read.status().message();
  EXPECT_EQ(read->rules, rules);
}

TEST(RuleForm, TheListLineSaysTheDecisionAndTheMatchers) {
  EXPECT_EQ(ui::rule_summary(hold_tickers({"AAPL"})), "hold: ticker AAPL");
  EXPECT_EQ(ui::rule_summary(auto_source("strategy:*")), "auto-approve: source strategy:*");
  EXPECT_EQ(ui::rule_summary(ApprovalRule{}), "hold: every order");
}

TEST(RuleForm, ErrorFieldsNameTheRuleAndTheFieldUnderIt) {
  EXPECT_EQ(ui::rule_index_of("rules[2].notional.max"), 2u);
  EXPECT_EQ(ui::rule_subfield_of("rules[2].notional.max"), "notional.max");
  EXPECT_EQ(ui::rule_index_of("rules[11]"), 11u);
  EXPECT_EQ(ui::rule_subfield_of("rules[11]"), "");
  EXPECT_EQ(ui::rule_index_of("rules"), std::nullopt);
  EXPECT_EQ(ui::rule_index_of("rules[x]"), std::nullopt);
  EXPECT_EQ(ui::rule_index_of("approval_timeout_minutes"), std::nullopt);
}

TEST(RuleCovers, AWiderRuleCoversMatcherByMatcher) {
  ApprovalRule narrow = every_matcher();
  EXPECT_TRUE(ui::rule_covers(narrow, narrow));
  EXPECT_TRUE(ui::rule_covers(ApprovalRule{}, narrow));  // no matcher: every order
  EXPECT_TRUE(ui::rule_covers(hold_tickers({"AAPL", "BRK.B", "MSFT"}), narrow));
  EXPECT_FALSE(ui::rule_covers(hold_tickers({"AAPL"}), narrow));
  EXPECT_FALSE(ui::rule_covers(narrow, ApprovalRule{}));
  EXPECT_TRUE(ui::rule_covers(auto_source("strategy:*"), auto_source("strategy:sma")));
  EXPECT_FALSE(ui::rule_covers(auto_source("strategy:sma"), auto_source("strategy:*")));
  EXPECT_FALSE(ui::rule_covers(auto_source("signal:*"), auto_source("strategy:sma")));
  ApprovalRule big;
  big.notional_min = usd("5000");
  EXPECT_TRUE(ui::rule_covers(big, narrow));  // at least 10000 is at least 5000
  big.notional_min = usd("20000");
  EXPECT_FALSE(ui::rule_covers(big, narrow));
  ApprovalRule small;
  small.notional_max = usd("100");
  EXPECT_FALSE(ui::rule_covers(small, narrow));
}

TEST(RulesLoosening, AddingAHoldOrRemovingAnAutoApprovalAsksNothing) {
  const std::vector<ApprovalRule> none;
  EXPECT_TRUE(ui::rules_loosening(none, {hold_tickers({"AAPL"})}).empty());
  EXPECT_TRUE(ui::rules_loosening({auto_source("manual")}, none).empty());
  // A hold widened, or moved up above an auto-approval: tighter.
  EXPECT_TRUE(ui::rules_loosening({hold_tickers({"AAPL"})}, {hold_tickers({"AAPL", "MSFT"})}).empty());
  EXPECT_TRUE(ui::rules_loosening({auto_source("manual"), hold_tickers({"AAPL"})},
                                  {hold_tickers({"AAPL"}), auto_source("manual")})
                  .empty());
  // The same list renamed only in its holds' names.
  ApprovalRule named = hold_tickers({"AAPL"});
  named.name = "earnings";
  EXPECT_TRUE(ui::rules_loosening({hold_tickers({"AAPL"})}, {named}).empty());
}

TEST(RulesLoosening, ANewOrEditedAutoApprovalAsks) {
  const std::vector<std::string> added = ui::rules_loosening({}, {auto_source("strategy:*")});
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0], "New or changed auto-approve rule 1 (source strategy:*)");
  EXPECT_EQ(ui::rules_loosening({auto_source("strategy:sma")}, {auto_source("strategy:*")}).size(), 1u);
  ApprovalRule turned = hold_tickers({"AAPL"});
  turned.decision = RuleDecision::kAutoApprove;
  const std::vector<std::string> flipped = ui::rules_loosening({hold_tickers({"AAPL"})}, {turned});
  ASSERT_EQ(flipped.size(), 2u);  // auto-approves now, and the hold is gone
  EXPECT_EQ(flipped[0], "Rule 1 now auto-approves the orders it held (ticker AAPL)");
  EXPECT_EQ(flipped[1], "Hold rule 1 (ticker AAPL) is removed, narrowed or no longer holds");
}

TEST(RulesLoosening, AHoldRemovedNarrowedOrMovedBelowAnAutoApprovalAsks) {
  const ApprovalRule hold = hold_tickers({"AAPL", "MSFT"});
  const ApprovalRule manual = auto_source("manual");
  EXPECT_EQ(ui::rules_loosening({hold}, {}),
            (std::vector<std::string>{"Hold rule 1 (tickers AAPL MSFT) is removed, narrowed or no longer holds"}));
  EXPECT_EQ(ui::rules_loosening({hold}, {hold_tickers({"AAPL"})}).size(), 1u);
  EXPECT_EQ(ui::rules_loosening({hold, manual}, {manual, hold}),
            (std::vector<std::string>{
                "Auto-approve rule 1 (source manual) now comes before hold rule 2 (tickers AAPL MSFT)"}));
  // A hold that an auto-approval preceded already may move past it freely.
  const ApprovalRule other = hold_tickers({"TSLA"});
  EXPECT_TRUE(ui::rules_loosening({manual, hold, other}, {manual, other, hold}).empty());
  // A removed hold still covered by a wider one ahead of every auto-approval.
  EXPECT_TRUE(ui::rules_loosening({hold_tickers({"AAPL", "MSFT", "TSLA"}), hold, manual},
                                  {hold_tickers({"AAPL", "MSFT", "TSLA"}), manual})
                  .empty());
}

}  // namespace
}  // namespace stonks::testing
