// The approval rules under the Paper Order Approval card, driven like a
// person would: a rule added with its matchers and saved; errors at the rule
// and field the API names; the confirmation only for a change that lets
// orders through without approval; reorder and delete; four eyes. Then what
// the rules decide, shown where the operator looks: the ticket's gate line
// before Send, the pending row's rule and the order's timeline.
#include <gtest/gtest.h>

#include "imgui_ui/model/order_timeline.h"
#include "imgui_ui/widget_ids.h"
#include "json/json_values.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

std::string rule(std::size_t n, const std::string& part) { return ids::approval_rule_id(n, part); }

ApprovalRule hold(const std::string& ticker, const std::string& name = "") {
  ApprovalRule r;
  r.name = name;
  r.tickers = {sym(ticker)};
  return r;
}

void set_rules(DeskDriver& d, std::vector<ApprovalRule> rules, bool auto_approve = true) {
  OperatorApprovalConfig section = d.engine.state().config.operator_approval;
  section.rules = std::move(rules);
  section.auto_approve_paper = auto_approve;
  ASSERT_TRUE(d.engine.update_approval_config(section, "setup", d.now).is_ok());
}

const std::vector<ApprovalRule>& engine_rules(const DeskDriver& d) {
  return d.engine.state().config.operator_approval.rules;
}

std::size_t count_sent(const DeskDriver& d, const std::string& method, const std::string& path) {
  std::size_t n = 0;
  for (const ApiRequest& r : d.sent) n += r.method == method && r.path == path;
  return n;
}

constexpr const char* kApprovalConfig = "/api/admin/trading/approval-config";

void open_rules(DeskDriver& d) {
  d.frame();
  d.click(ids::kRulesHeader);
  ASSERT_TRUE(d.shows(ids::kRulesAdd));
}

TEST(ApprovalRules, HeaderIsClosedUntilOpenedAndCountsTheRules) {
  DeskDriver d;
  set_rules(d, {hold("MSFT")});
  d.frame(2);
  EXPECT_TRUE(d.shows(ids::kRulesHeader));
  EXPECT_FALSE(d.shows(ids::kRulesAdd));
  open_rules(d);
  EXPECT_EQ(d.messages_at(rule(1, "row")), "1. hold: ticker MSFT");
}

TEST(ApprovalRules, AddsARuleWithItsMatchersAndSaveSendsTheWholeList) {
  DeskDriver d;
  open_rules(d);
  d.click(ids::kRulesAdd);
  d.type(rule(1, "name"), "big msft sells");
  d.type(rule(1, "tickers"), "msft");
  d.click(rule(1, "side/sell"));
  d.click(rule(1, "type/limit"));
  d.type(rule(1, "notional.min"), "1000");
  d.click(rule(1, "exposure/increases"));
  d.type(rule(1, "source"), "manual");
  d.frame();  // the list line is drawn above the form: it shows the edit on the next frame
  EXPECT_EQ(d.messages_at(rule(1, "row")),
            "1. big msft sells - hold: source manual, ticker MSFT, side sell, limit orders, notional at least "
            "1000.00, increases exposure");
  EXPECT_TRUE(engine_rules(d).empty()) << "nothing changes before Save";
  d.click(ids::kRulesSave);
  EXPECT_FALSE(d.shows(ids::kConfirmOk)) << "a new hold lets nothing more through: no question";
  ApprovalRule expected;
  expected.name = "big msft sells";
  expected.source = "manual";
  expected.tickers = {sym("MSFT")};
  expected.side = Side::kSell;
  expected.type = OrderType::kLimit;
  expected.notional_min = usd("1000");
  expected.exposure = ExposureEffect::kIncreases;
  ASSERT_EQ(engine_rules(d), std::vector<ApprovalRule>{expected});
  ASSERT_EQ(count_sent(d, "PUT", kApprovalConfig), 1u);
  Result<nlohmann::json> body = parse_json(d.sent.back().body);
  ASSERT_TRUE(body.is_ok());
  EXPECT_EQ(body->size(), 1u) << "only the rules: " << d.sent.back().body;
  EXPECT_NE(d.messages_at("toast").find("Approval rules saved: 1 rule"), std::string::npos);
  d.frame(2);
  EXPECT_FALSE(d.shows(rule(1, "name"))) << "a saved rule's form closes";
  EXPECT_FALSE(d.any_error());
}

TEST(ApprovalRules, TextTheFormCannotReadShowsAtItsFieldAndNothingIsSent) {
  DeskDriver d;
  open_rules(d);
  d.click(ids::kRulesAdd);
  d.type(rule(1, "tickers"), "AAPL 12X");
  d.type(rule(1, "notional.max"), "1.2.3");  // the field takes only a decimal's characters
  d.click(ids::kRulesSave);
  EXPECT_EQ(d.messages_at(rule(1, "tickers")), "not a ticker: \"12X\"");
  EXPECT_EQ(d.messages_at(rule(1, "notional.max")), "not an amount: \"1.2.3\"");
  EXPECT_EQ(count_sent(d, "PUT", kApprovalConfig), 0u);
}

TEST(ApprovalRules, TheApisErrorsShowAtTheRuleAndFieldTheyName) {
  DeskDriver d;
  set_rules(d, {hold("AAPL")});
  open_rules(d);
  d.click(ids::kRulesAdd);  // rule 2: an inverted notional range
  d.type(rule(2, "notional.min"), "500");
  d.type(rule(2, "notional.max"), "100");
  d.click(rule(2, "done"));
  d.click(ids::kRulesAdd);  // rule 3: no matcher at all
  d.click(rule(3, "done"));
  d.click(ids::kRulesSave);
  ASSERT_EQ(count_sent(d, "PUT", kApprovalConfig), 1u);
  EXPECT_EQ(d.sent.back().body.find("\"version\""), std::string::npos);
  d.frame(2);
  EXPECT_NE(d.messages_at(rule(2, "notional.max")).find("must be at least notional.min"), std::string::npos)
      << d.messages_at(rule(2, "notional.max"));
  EXPECT_NE(d.messages_at(rule(3, "row")).find("matches every order"), std::string::npos)
      << d.messages_at(rule(3, "row"));
  EXPECT_TRUE(d.messages_at(rule(1, "row")).find("must") == std::string::npos) << "rule 1 is fine";
  EXPECT_TRUE(d.shows(rule(2, "notional.max"))) << "the first rule at fault opens its form";
  EXPECT_EQ(engine_rules(d).size(), 1u) << "a refused save changes nothing";
  // Fixed, it saves.
  d.type(rule(2, "notional.max"), "1000");
  d.click(rule(3, "delete"));
  d.click(ids::kRulesSave);
  ASSERT_EQ(engine_rules(d).size(), 2u);
  EXPECT_EQ(engine_rules(d)[1].notional_max, usd("1000"));
}

TEST(ApprovalRules, AnUnknownTickerIsNamedAtTheRulesTickers) {
  DeskDriver d;
  open_rules(d);
  d.click(ids::kRulesAdd);
  d.type(rule(1, "tickers"), "ZZZZ");
  d.click(ids::kRulesSave);
  d.frame(2);
  EXPECT_NE(d.messages_at(rule(1, "tickers")).find("ZZZZ"), std::string::npos) << d.messages_at(rule(1, "tickers"));
  EXPECT_TRUE(engine_rules(d).empty());
}

TEST(ApprovalRules, ANewAutoApprovalAsksFirstAndSaysWhatChanges) {
  DeskDriver d;
  set_rules(d, {}, /*auto_approve=*/false);
  open_rules(d);
  d.click(ids::kRulesAdd);
  d.type(rule(1, "source"), "strategy:*");
  d.click(rule(1, "decision/auto_approve"));
  d.click(ids::kRulesSave);
  ASSERT_TRUE(d.shows(ids::kConfirmOk));
  const std::string dialog = d.messages_at("dialog");
  EXPECT_NE(dialog.find("New or changed auto-approve rule 1 (source strategy:*)"), std::string::npos) << dialog;
  EXPECT_EQ(count_sent(d, "PUT", kApprovalConfig), 0u);
  d.click(ids::kConfirmCancel);
  EXPECT_TRUE(engine_rules(d).empty()) << "Cancel changes nothing";
  EXPECT_EQ(count_sent(d, "PUT", kApprovalConfig), 0u);
  d.click(ids::kRulesSave);
  d.click(ids::kConfirmOk);
  ASSERT_EQ(engine_rules(d).size(), 1u);
  EXPECT_EQ(engine_rules(d)[0].decision, RuleDecision::kAutoApprove);
}

TEST(ApprovalRules, ReorderAndDeleteAskOnlyWhenAHoldLosesGround) {
  DeskDriver d;
  ApprovalRule manual;
  manual.source = "manual";
  manual.decision = RuleDecision::kAutoApprove;
  set_rules(d, {hold("AAPL"), hold("MSFT"), manual});
  open_rules(d);
  // Two holds trade places: nothing more goes through, no question.
  d.click(rule(2, "up"));
  EXPECT_EQ(d.messages_at(rule(1, "row")), "1. hold: ticker MSFT");
  EXPECT_EQ(d.messages_at(rule(2, "row")), "2. hold: ticker AAPL");
  d.click(ids::kRulesSave);
  EXPECT_FALSE(d.shows(ids::kConfirmOk));
  ASSERT_EQ(engine_rules(d).size(), 3u);
  EXPECT_EQ(engine_rules(d)[0], hold("MSFT"));
  // The auto-approval moved above a hold: asks, naming both.
  d.click(rule(3, "up"));
  d.click(ids::kRulesSave);
  ASSERT_TRUE(d.shows(ids::kConfirmOk));
  EXPECT_NE(
      d.messages_at("dialog").find("Auto-approve rule 2 (source manual) now comes before hold rule 3 (ticker AAPL)"),
      std::string::npos)
      << d.messages_at("dialog");
  d.click(ids::kConfirmCancel);
  d.click(ids::kRulesReset);
  EXPECT_EQ(d.messages_at(rule(3, "row")), "3. auto-approve: source manual");
  // Deleting a hold asks; deleting the auto-approval does not.
  d.click(rule(1, "delete"));
  d.click(ids::kRulesSave);
  ASSERT_TRUE(d.shows(ids::kConfirmOk));
  EXPECT_NE(d.messages_at("dialog").find("Hold rule 1 (ticker MSFT) is removed"), std::string::npos)
      << d.messages_at("dialog");
  d.click(ids::kConfirmOk);
  ASSERT_EQ(engine_rules(d).size(), 2u);
  d.frame(2);
  d.click(rule(2, "delete"));
  d.click(ids::kRulesSave);
  EXPECT_FALSE(d.shows(ids::kConfirmOk));
  EXPECT_EQ(engine_rules(d), std::vector<ApprovalRule>{hold("AAPL")});
}

TEST(ApprovalRules, AnUneditedListFollowsTheEngine) {
  DeskDriver d;
  open_rules(d);
  set_rules(d, {hold("AAPL")});
  d.frame(2);
  EXPECT_EQ(d.messages_at(rule(1, "row")), "1. hold: ticker AAPL");
  d.click(rule(1, "edit"));
  d.type(rule(1, "tickers"), "AAPL MSFT");
  set_rules(d, {hold("AAPL"), hold("MSFT")});
  d.frame(2);
  EXPECT_EQ(d.messages_at(rule(1, "row")), "1. hold: tickers AAPL MSFT") << "an edited draft is kept";
  EXPECT_EQ(d.messages_at(rule(2, "row")), "");
  EXPECT_NE(d.messages_at(ids::kRulesNote).find("changed elsewhere"), std::string::npos);
  d.click(ids::kRulesReset);
  EXPECT_EQ(d.messages_at(rule(2, "row")), "2. hold: ticker MSFT");
}

TEST(ApprovalRules, FourEyesAsksBothWays) {
  DeskDriver d;
  d.click(ids::kFourEyesToggle);
  EXPECT_NE(d.messages_at("dialog").find("Turn four eyes on?"), std::string::npos);
  d.click(ids::kConfirmOk);
  EXPECT_TRUE(d.engine.state().config.operator_approval.four_eyes);
  d.click(ids::kFourEyesToggle);
  EXPECT_NE(d.messages_at("dialog").find("approve the orders they submitted themselves"), std::string::npos);
  EXPECT_EQ(count_sent(d, "PUT", kApprovalConfig), 1u) << "asking sends nothing";
  d.click(ids::kConfirmCancel);
  EXPECT_TRUE(d.engine.state().config.operator_approval.four_eyes);
  d.click(ids::kFourEyesToggle);
  d.click(ids::kConfirmOk);
  EXPECT_FALSE(d.engine.state().config.operator_approval.four_eyes);
}

// What the rules decide, where the operator sees it.

constexpr int kPreviewFrames = 20;  // past the ticket's preview rate limit

void fill_ticket(DeskDriver& d, const std::string& ticker, const std::string& qty) {
  d.type(ids::kTicketTicker, ticker);
  d.type(ids::kTicketQty, qty);
  d.frame(kPreviewFrames);
}

TEST(ApprovalRules, TheTicketSaysBeforeSendWhatTheGateWouldDoAndWhy) {
  DeskDriver d;
  set_rules(d, {hold("AAPL"), hold("MSFT", "earnings")});
  fill_ticket(d, "MSFT", "3");
  EXPECT_EQ(d.messages_at(ids::kTicketGate), "held by rule 2 (earnings): ticker MSFT");
  fill_ticket(d, "TSLA", "1");  // no quote: risk refuses, the gate is never reached
  EXPECT_EQ(d.messages_at(ids::kTicketGate), "");
  fill_ticket(d, "AAPL", "1");
  EXPECT_EQ(d.messages_at(ids::kTicketGate), "held by rule 1: ticker AAPL");
  set_rules(d, {hold("MSFT")});
  d.frame(kPreviewFrames * 4);  // the preview refreshes when the state moves
  EXPECT_EQ(d.messages_at(ids::kTicketGate), "sent without approval: no rule matched, and paper auto-approval is on");
  EXPECT_TRUE(d.engine.state().orders.empty());
}

TEST(ApprovalRules, ThePendingRowNamesTheRuleThatHeldIt) {
  DeskDriver d;
  set_rules(d, {hold("MSFT", "earnings")}, /*auto_approve=*/false);
  ASSERT_EQ(d.engine.submit_order(market("MSFT", Side::kBuy, 1), d.now, "alice")->status(),
            OrderStatus::kPendingApproval);
  ASSERT_EQ(d.engine.submit_order(market("AAPL", Side::kBuy, 1), d.now)->status(), OrderStatus::kPendingApproval);
  d.frame(2);
  EXPECT_EQ(d.messages_at(ids::approval_id("rule", 1)),
            "rule 1: held by rule 1 (earnings): ticker MSFT (config version " +
                std::to_string(d.engine.state().config.version) + ")");
  EXPECT_EQ(d.messages_at(ids::approval_id("rule", 2)).rfind("default: held: no rule matched", 0), 0u)
      << d.messages_at(ids::approval_id("rule", 2));
  // Later changes to the rules do not rewrite why it was held.
  set_rules(d, {hold("AAPL", "other")}, false);
  d.frame(2);
  EXPECT_NE(d.messages_at(ids::approval_id("rule", 1)).find("(earnings): ticker MSFT"), std::string::npos);
}

TEST(ApprovalRules, TheTimelineSaysWhoSubmittedAndWhatTheGateDecidedByWhichRule) {
  DeskDriver d;
  set_rules(d, {hold("MSFT", "earnings")});
  const std::int64_t version = d.engine.state().config.version;
  const OrderId held = d.engine.submit_order(market("MSFT", Side::kBuy, 1), d.now, "alice")->id();
  const OrderId through = d.engine.submit_order(market("AAPL", Side::kBuy, 1), d.now)->id();
  auto entry = [&](OrderId id, const std::string& what) {
    for (const ui::TimelineEntry& e : ui::order_timeline(d.engine.state(), id))
      if (e.what == what) return e.detail;
    return std::string("(none)");
  };
  EXPECT_NE(entry(held, "Received").find(", submitted by alice"), std::string::npos) << entry(held, "Received");
  EXPECT_EQ(entry(held, "Approval gate"),
            "held by rule 1 (earnings): ticker MSFT (config version " + std::to_string(version) + ")");
  EXPECT_EQ(entry(through, "Approval gate").rfind("sent without approval: no rule matched", 0), 0u)
      << entry(through, "Approval gate");
  EXPECT_EQ(entry(through, "Received").find("submitted by"), std::string::npos);
}

}  // namespace
}  // namespace stonks::testing
