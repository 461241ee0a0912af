// The approval gate's decision for one order: the operator's rules first
// (first match wins), then the mode's default, under the safety that no rule
// overrides (requirements 3.1 and 3.2).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/risk_config.h"
#include "market/market_state.h"
#include "model/fixed_point.h"
#include "model/gate_decision.h"
#include "model/side.h"
#include "model/symbol.h"

namespace stonks {

// What the rules match on, as the engine sees the order at intake.
struct GateFacts {
  std::string_view source;
  Symbol symbol;
  Side side = Side::kBuy;
  OrderType type = OrderType::kMarket;
  Money notional;  // the risk checks' estimate
  bool reduces_exposure = false;
};

bool rule_matches(const ApprovalRule& rule, const GateFacts& facts);

// A rule's ticker must be one the desk trades: in limits.tradable_symbols
// when that is set (validate() checks it), otherwise one the market has
// priced. kInvalidArgument naming "operator_approval.rules[i].tickers" for the
// first that is not; ok while the market has priced nothing yet (a desk
// configured before its feed starts).
Status check_rule_tickers(const RiskConfig& config, const MarketState& market);

// Disabled mode gates nothing (risk refuses every order before the gate).
// Live mode with require_approval_for_live holds every order: an
// auto_approve rule does not apply there, so the first matching
// require_approval rule or the default decides. Otherwise the first
// matching rule decides; none: requires_approval(mode, config).
GateDecision gate_decision(TradingMode mode, const RiskConfig& config, const GateFacts& facts);

// Why, in words, for the preview, the pending row and the order's timeline:
// "held by rule 2 (big orders): notional at least 10000.00",
// "sent without approval by rule 1: source strategy:*", or for the default
// "held: no rule matched, and paper auto-approval is off". `config` is the
// version that decided (`decision.config_version`); `mode`, when known, names
// the default's reason; otherwise it is the mode whose default that config
// gives the decision (both named when paper's and live's agree).
std::string gate_reason(const GateDecision& decision, const RiskConfig& config, std::optional<TradingMode> mode);

}  // namespace stonks
