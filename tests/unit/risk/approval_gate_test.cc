// The approval rules' matchers, one test each, first-match order, the safety
// no rule overrides, and the gate's reasons in words.
#include "risk/approval_gate.h"

#include <gtest/gtest.h>

#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

GateFacts facts(std::string_view source = "manual", const std::string& ticker = "AAPL", Side side = Side::kBuy,
                OrderType type = OrderType::kMarket, const std::string& notional = "1000", bool reduces = false) {
  return GateFacts{source, sym(ticker), side, type, usd(notional), reduces};
}

ApprovalRule hold() { return ApprovalRule{}; }
ApprovalRule let_through() {
  ApprovalRule r;
  r.decision = RuleDecision::kAutoApprove;
  return r;
}

TEST(ApprovalRuleMatcher, SourceExact) {
  ApprovalRule r = hold();
  r.source = "strategy:sma";
  EXPECT_TRUE(rule_matches(r, facts("strategy:sma")));
  EXPECT_FALSE(rule_matches(r, facts("strategy:sma2")));
  EXPECT_FALSE(rule_matches(r, facts("manual")));
}

TEST(ApprovalRuleMatcher, SourceFamilyMatchesEveryMemberButNotTheBarePrefix) {
  ApprovalRule r = hold();
  r.source = "strategy:*";
  EXPECT_TRUE(rule_matches(r, facts("strategy:sma")));
  EXPECT_TRUE(rule_matches(r, facts("strategy:mean_reversion")));
  EXPECT_FALSE(rule_matches(r, facts("strategy:")));
  EXPECT_FALSE(rule_matches(r, facts("signal:tv")));
  EXPECT_FALSE(rule_matches(r, facts("manual")));
  r.source = "signal:*";
  EXPECT_TRUE(rule_matches(r, facts("signal:tv")));
  EXPECT_FALSE(rule_matches(r, facts("strategy:sma")));
}

TEST(ApprovalRuleMatcher, TickersAnyOfTheList) {
  ApprovalRule r = hold();
  r.tickers = {sym("AAPL"), sym("TSLA")};
  EXPECT_TRUE(rule_matches(r, facts("manual", "AAPL")));
  EXPECT_TRUE(rule_matches(r, facts("manual", "TSLA")));
  EXPECT_FALSE(rule_matches(r, facts("manual", "MSFT")));
}

TEST(ApprovalRuleMatcher, Side) {
  ApprovalRule r = hold();
  r.side = Side::kSell;
  EXPECT_TRUE(rule_matches(r, facts("manual", "AAPL", Side::kSell)));
  EXPECT_FALSE(rule_matches(r, facts("manual", "AAPL", Side::kBuy)));
}

TEST(ApprovalRuleMatcher, OrderType) {
  ApprovalRule r = hold();
  r.type = OrderType::kLimit;
  EXPECT_TRUE(rule_matches(r, facts("manual", "AAPL", Side::kBuy, OrderType::kLimit)));
  EXPECT_FALSE(rule_matches(r, facts("manual", "AAPL", Side::kBuy, OrderType::kMarket)));
}

TEST(ApprovalRuleMatcher, NotionalBoundsAreInclusiveToTheCent) {
  ApprovalRule r = hold();
  r.notional_min = usd("10000");
  EXPECT_TRUE(rule_matches(r, facts("manual", "AAPL", Side::kBuy, OrderType::kMarket, "10000.00")));
  EXPECT_FALSE(rule_matches(r, facts("manual", "AAPL", Side::kBuy, OrderType::kMarket, "9999.99")));
  r.notional_min.reset();
  r.notional_max = usd("500");
  EXPECT_TRUE(rule_matches(r, facts("manual", "AAPL", Side::kBuy, OrderType::kMarket, "500")));
  EXPECT_FALSE(rule_matches(r, facts("manual", "AAPL", Side::kBuy, OrderType::kMarket, "500.01")));
  r.notional_min = usd("100");
  EXPECT_FALSE(rule_matches(r, facts("manual", "AAPL", Side::kBuy, OrderType::kMarket, "99.99")));
  EXPECT_TRUE(rule_matches(r, facts("manual", "AAPL", Side::kBuy, OrderType::kMarket, "250")));
}

TEST(ApprovalRuleMatcher, Exposure) {
  ApprovalRule r = hold();
  r.exposure = ExposureEffect::kReduces;
  EXPECT_TRUE(rule_matches(r, facts("manual", "AAPL", Side::kSell, OrderType::kMarket, "1", true)));
  EXPECT_FALSE(rule_matches(r, facts("manual", "AAPL", Side::kSell, OrderType::kMarket, "1", false)));
  r.exposure = ExposureEffect::kIncreases;
  EXPECT_TRUE(rule_matches(r, facts("manual", "AAPL", Side::kSell, OrderType::kMarket, "1", false)));
}

TEST(ApprovalRuleMatcher, EveryMatcherMustMatch) {
  ApprovalRule r = hold();
  r.source = "manual";
  r.side = Side::kSell;
  EXPECT_TRUE(rule_matches(r, facts("manual", "AAPL", Side::kSell)));
  EXPECT_FALSE(rule_matches(r, facts("manual", "AAPL", Side::kBuy)));
  EXPECT_FALSE(rule_matches(r, facts("strategy:sma", "AAPL", Side::kSell)));
}

RiskConfig with_rules(std::vector<ApprovalRule> rules, bool auto_paper = true) {
  RiskConfig c;
  c.version = 7;
  c.operator_approval.auto_approve_paper = auto_paper;
  c.operator_approval.rules = std::move(rules);
  return c;
}

TEST(ApprovalGate, FirstMatchingRuleDecides) {
  ApprovalRule small = let_through();
  small.notional_max = usd("5000");
  ApprovalRule manual = hold();
  manual.source = "manual";
  const RiskConfig c = with_rules({small, manual}, false);
  EXPECT_EQ(gate_decision(TradingMode::kPaper, c, facts("manual", "AAPL", Side::kBuy, OrderType::kMarket, "100")),
            (GateDecision{false, 1, 7}));
  EXPECT_EQ(gate_decision(TradingMode::kPaper, c, facts("manual", "AAPL", Side::kBuy, OrderType::kMarket, "9000")),
            (GateDecision{true, 2, 7}));
}

TEST(ApprovalGate, NoMatchFallsBackToTheModesDefault) {
  ApprovalRule r = hold();
  r.source = "signal:*";
  EXPECT_EQ(gate_decision(TradingMode::kPaper, with_rules({r}, true), facts()), (GateDecision{false, 0, 7}));
  EXPECT_EQ(gate_decision(TradingMode::kPaper, with_rules({r}, false), facts()), (GateDecision{true, 0, 7}));
}

TEST(ApprovalGate, LiveWithApprovalForLiveSkipsAutoApproveRules) {
  ApprovalRule everything_manual = let_through();
  everything_manual.source = "manual";
  ApprovalRule sells = hold();
  sells.side = Side::kSell;
  RiskConfig c = with_rules({everything_manual, sells});
  c.operator_approval.require_approval_for_live = true;
  EXPECT_EQ(gate_decision(TradingMode::kLive, c, facts()), (GateDecision{true, 0, 7}));
  EXPECT_EQ(gate_decision(TradingMode::kLive, c, facts("manual", "AAPL", Side::kSell)), (GateDecision{true, 2, 7}));
  // With the flag off, live trusts the rules both ways.
  c.operator_approval.require_approval_for_live = false;
  EXPECT_EQ(gate_decision(TradingMode::kLive, c, facts()), (GateDecision{false, 1, 7}));
}

TEST(ApprovalGate, DisabledModeGatesNothingWhateverTheRules) {
  ApprovalRule all_manual = hold();
  all_manual.source = "manual";
  EXPECT_FALSE(gate_decision(TradingMode::kDisabled, with_rules({all_manual}), facts()).hold);
}

TEST(ApprovalGate, ReasonsNameTheRuleOrTheDefault) {
  ApprovalRule big = hold();
  big.name = "big orders";
  big.notional_min = usd("10000");
  ApprovalRule algos = let_through();
  algos.source = "strategy:*";
  const RiskConfig c = with_rules({algos, big}, true);
  EXPECT_EQ(gate_reason({true, 2, 7}, c, TradingMode::kPaper),
            "held by rule 2 (big orders): notional at least 10000.00");
  EXPECT_EQ(gate_reason({false, 1, 7}, c, std::nullopt), "sent without approval by rule 1: source strategy:*");
  EXPECT_EQ(gate_reason({false, 0, 7}, c, TradingMode::kPaper),
            "sent without approval: no rule matched, and paper auto-approval is on");
  EXPECT_EQ(gate_reason({true, 0, 7}, c, TradingMode::kLive), "held: live orders need the operator's approval");
  // A stored decision does not say its mode; the config tells where it can.
  EXPECT_EQ(gate_reason({true, 0, 7}, c, std::nullopt), "held: live orders need the operator's approval")
      << "paper auto-approval is on in c: only live holds by default";
  EXPECT_EQ(gate_reason({false, 0, 7}, c, std::nullopt),
            "sent without approval: no rule matched, and paper auto-approval is on");
  const RiskConfig both_hold = with_rules({}, false);
  EXPECT_EQ(gate_reason({true, 0, 7}, both_hold, std::nullopt),
            "held: no rule matched, and paper auto-approval is off and live orders need approval");
}

TEST(ApprovalGate, RuleTickersMustBePricedWhenNoTradableListIsSet) {
  MarketState market;
  RiskConfig c;
  ApprovalRule r = hold();
  r.tickers = {sym("ZZZZ")};
  c.operator_approval.rules = {r};
  EXPECT_TRUE(check_rule_tickers(c, market).is_ok()) << "nothing priced yet: nothing to check against";
  market.apply_quote(quote("AAPL", "99", "101"));
  const Status st = check_rule_tickers(c, market);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.field(), "operator_approval.rules[0].tickers");
  c.operator_approval.rules[0].tickers = {sym("AAPL")};
  EXPECT_TRUE(check_rule_tickers(c, market).is_ok());
}

}  // namespace
}  // namespace stonks::testing
