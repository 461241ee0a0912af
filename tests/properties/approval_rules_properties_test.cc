// Properties of the approval rules (issue 24): without rules the gate is the
// spec's table; with any rules, 3.1 (live with require_approval_for_live
// holds everything) and 3.2 (disabled gates nothing) still hold; and the
// decision is the first match's, checked against a reference model written
// apart from risk/approval_gate.cc.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "properties/property_support.h"
#include "risk/approval_gate.h"

namespace stonks::props {
namespace {

rc::Gen<GateFacts> genFacts() {
  return rc::gen::exec([] {
    GateFacts f;
    // The facts view the source's text: index the static list (elementOf copies).
    const std::vector<std::string>& sources = order_sources();
    f.source = sources[*rc::gen::inRange<std::size_t>(0, sources.size())];
    f.symbol = *genSymbol();
    f.side = *genSide();
    f.type = *rc::gen::element(OrderType::kMarket, OrderType::kLimit);
    f.notional = Money::from_micros(*rc::gen::inRange<std::int64_t>(0, 500'000'000'000));
    f.reduces_exposure = *rc::gen::arbitrary<bool>();
    return f;
  });
}

RiskConfig config_with(const OperatorApprovalConfig& section) {
  RiskConfig c;
  c.version = *rc::gen::inRange<std::int64_t>(1, 1000);
  c.operator_approval = section;
  return c;
}

// The reference: each matcher as its own predicate over the facts, all of a
// rule's present ones required; the rules read front to back.
bool reference_matches(const ApprovalRule& r, const GateFacts& f) {
  std::vector<bool> checks;
  if (r.source) {
    const std::string& p = *r.source;
    const bool family = p == "strategy:*" || p == "signal:*";
    const std::string prefix = p.substr(0, p.find(':') + 1);
    checks.push_back(family ? f.source.rfind(prefix, 0) == 0 && f.source.size() > prefix.size() : f.source == p);
  }
  if (!r.tickers.empty()) {
    bool any = false;
    for (const Symbol& s : r.tickers) any = any || s == f.symbol;
    checks.push_back(any);
  }
  if (r.side) checks.push_back(*r.side == f.side);
  if (r.type) checks.push_back(*r.type == f.type);
  if (r.notional_min) checks.push_back(!(f.notional < *r.notional_min));
  if (r.notional_max) checks.push_back(!(*r.notional_max < f.notional));
  if (r.exposure) checks.push_back((*r.exposure == ExposureEffect::kReduces) == f.reduces_exposure);
  for (bool c : checks)
    if (!c) return false;
  return true;
}

struct Expected {
  bool hold;
  std::uint32_t rule;
};

Expected reference_gate(TradingMode mode, const OperatorApprovalConfig& a, const GateFacts& f) {
  if (mode == TradingMode::kDisabled) return {false, 0};
  const bool table = mode == TradingMode::kPaper ? !a.auto_approve_paper : a.require_approval_for_live;
  const bool only_holds = mode == TradingMode::kLive && a.require_approval_for_live;
  for (std::size_t i = 0; i < a.rules.size(); ++i) {
    const bool auto_rule = a.rules[i].decision == RuleDecision::kAutoApprove;
    if (only_holds && auto_rule) continue;
    if (reference_matches(a.rules[i], f)) return {!auto_rule, static_cast<std::uint32_t>(i + 1)};
  }
  return {table, 0};
}

RC_GTEST_PROP(ApprovalRulesProperties, WithoutRulesTheDecisionIsTheSpecTable, ()) {
  const TradingMode mode = *genMode();
  const RiskConfig config = config_with(*genApprovalConfigWithoutRules());
  const GateDecision d = gate_decision(mode, config, *genFacts());
  const OperatorApprovalConfig& a = config.operator_approval;
  const bool table = mode == TradingMode::kDisabled ? false
                     : mode == TradingMode::kPaper  ? !a.auto_approve_paper
                                                    : a.require_approval_for_live;
  RC_ASSERT(d.hold == table);
  RC_ASSERT(d.hold == requires_approval(mode, config));
  RC_ASSERT(d.rule == 0u);
  RC_ASSERT(d.config_version == config.version);
}

RC_GTEST_PROP(ApprovalRulesProperties, Req_3_1_LiveWithApprovalForLiveNeverAutoApprovesWhateverTheRules, ()) {
  OperatorApprovalConfig section = *genApprovalConfig();
  section.require_approval_for_live = true;
  const RiskConfig config = config_with(section);
  const GateDecision d = gate_decision(TradingMode::kLive, config, *genFacts());
  RC_ASSERT(d.hold);
  if (d.rule != 0) RC_ASSERT(section.rules.at(d.rule - 1).decision == RuleDecision::kRequireApproval);
}

RC_GTEST_PROP(ApprovalRulesProperties, Req_3_2_DisabledNeverGatesWhateverTheRules, ()) {
  const RiskConfig config = config_with(*genApprovalConfig());
  const GateDecision d = gate_decision(TradingMode::kDisabled, config, *genFacts());
  RC_ASSERT(!d.hold);
  RC_ASSERT(d.rule == 0u);
}

RC_GTEST_PROP(ApprovalRulesProperties, FirstMatchAgreesWithTheReferenceModel, ()) {
  const TradingMode mode = *rc::gen::element(TradingMode::kPaper, TradingMode::kLive);
  const RiskConfig config = config_with(*genApprovalConfig());
  const GateFacts facts = *genFacts();
  const GateDecision d = gate_decision(mode, config, facts);
  const Expected want = reference_gate(mode, config.operator_approval, facts);
  RC_ASSERT(d.hold == want.hold);
  RC_ASSERT(d.rule == want.rule);
  RC_CLASSIFY(d.rule != 0, "a rule decided");
  RC_CLASSIFY(!config.operator_approval.rules.empty() && d.rule == 0, "rules, none matched");
}

// In the engine: every order that reaches the gate records the decision the
// gate function gives for it, and is held exactly when that says hold.
RC_GTEST_PROP(ApprovalRulesProperties, EveryGatedOrderRecordsTheRuleThatDecidedIt, ()) {
  RiskConfig config = generous_config();
  config.operator_approval = *genApprovalConfig();
  PropEngine p(config);
  p.mode(*rc::gen::element(TradingMode::kPaper, TradingMode::kLive));
  p.quote_universe();
  const int n = *rc::gen::inRange(1, 15);
  for (int i = 0; i < n; ++i) {
    OrderIntent in = *genIntent(p.state().market);
    in.source = *rc::gen::elementOf(order_sources());
    const RiskResult risk = p.engine.preview_risk(in, p.now);
    const std::optional<GateDecision> preview = p.engine.preview_gate(in, risk, p.now);
    const Order o = p.submit(in);
    if (o.status() == OrderStatus::kRiskRejected) {
      RC_ASSERT(o.gate() == GateDecision{});
      continue;
    }
    RC_ASSERT(preview.has_value());
    RC_ASSERT(o.gate() == *preview);  // the ticket's preview is what the order gets
    RC_ASSERT(o.gate().config_version == p.state().config.version);
    RC_ASSERT((o.status() == OrderStatus::kPendingApproval) == o.gate().hold);
  }
}

}  // namespace
}  // namespace stonks::props
