#include "risk/approval_gate.h"

#include <algorithm>

#include "risk/approval.h"

namespace stonks {

bool rule_matches(const ApprovalRule& r, const GateFacts& f) {
  if (r.source && !source_matches(*r.source, f.source)) return false;
  if (!r.tickers.empty() && std::find(r.tickers.begin(), r.tickers.end(), f.symbol) == r.tickers.end()) return false;
  if (r.side && *r.side != f.side) return false;
  if (r.type && *r.type != f.type) return false;
  if (r.notional_min && f.notional < *r.notional_min) return false;
  if (r.notional_max && f.notional > *r.notional_max) return false;
  if (r.exposure && (*r.exposure == ExposureEffect::kReduces) != f.reduces_exposure) return false;
  return true;
}

Status check_rule_tickers(const RiskConfig& config, const MarketState& market) {
  if (!config.limits.tradable_symbols.empty() || market.last_prices().empty()) return Status::ok();
  const std::vector<ApprovalRule>& rules = config.operator_approval.rules;
  for (std::size_t i = 0; i < rules.size(); ++i)
    for (const Symbol& s : rules[i].tickers)
      if (!market.last_price(s) && market.quote(s) == nullptr)
        return Status::invalid_argument("unknown ticker " + s.str() + ": the market has no price for it",
                                        "operator_approval.rules[" + std::to_string(i) + "].tickers");
  return Status::ok();
}

GateDecision gate_decision(TradingMode mode, const RiskConfig& config, const GateFacts& facts) {
  GateDecision d;
  d.config_version = config.version;
  if (mode == TradingMode::kDisabled) return d;  // 3.2: nothing gated, and risk refuses it anyway
  const OperatorApprovalConfig& a = config.operator_approval;
  const bool live_locked = mode == TradingMode::kLive && a.require_approval_for_live;  // 3.1
  for (std::size_t i = 0; i < a.rules.size(); ++i) {
    const ApprovalRule& rule = a.rules[i];
    if (live_locked && rule.decision == RuleDecision::kAutoApprove) continue;
    if (!rule_matches(rule, facts)) continue;
    d.hold = rule.decision == RuleDecision::kRequireApproval;
    d.rule = static_cast<std::uint32_t>(i + 1);
    return d;
  }
  d.hold = requires_approval(mode, config);
  return d;
}

namespace {

// The mode a default decision was made in, where the config tells: only one
// of paper and live would have decided `d.hold` (disabled gates nothing).
std::optional<TradingMode> default_mode(const GateDecision& d, const OperatorApprovalConfig& a) {
  const bool paper = d.hold == !a.auto_approve_paper;
  const bool live = d.hold == a.require_approval_for_live;
  if (paper == live) return std::nullopt;
  return paper ? TradingMode::kPaper : TradingMode::kLive;
}

}  // namespace

std::string gate_reason(const GateDecision& d, const RiskConfig& config, std::optional<TradingMode> mode) {
  const std::string verdict = d.hold ? "held" : "sent without approval";
  const std::vector<ApprovalRule>& rules = config.operator_approval.rules;
  if (d.rule != 0) {
    std::string out = verdict + " by rule " + std::to_string(d.rule);
    if (d.rule <= rules.size()) {
      const ApprovalRule& r = rules[d.rule - 1];
      if (!r.name.empty()) out += " (" + r.name + ")";
      out += ": " + describe_matchers(r);
    }
    return out;
  }
  if (!mode) mode = default_mode(d, config.operator_approval);
  if (!mode) {
    // Both modes would have decided so: name both.
    return verdict + ": no rule matched, and " +
           (d.hold ? "paper auto-approval is off and live orders need approval"
                   : "paper auto-approval is on and require_approval_for_live is off");
  }
  switch (*mode) {
    case TradingMode::kDisabled:
      return "not gated: trading is disabled";
    case TradingMode::kPaper:
      return verdict + ": no rule matched, and paper auto-approval is " +
             (config.operator_approval.auto_approve_paper ? "on" : "off");
    case TradingMode::kLive:
      if (config.operator_approval.require_approval_for_live) return "held: live orders need the operator's approval";
      return verdict + ": no rule matched, and require_approval_for_live is off";
  }
  return verdict;
}

}  // namespace stonks
