// RiskConfig: every limit the risk engine and the guards apply, versioned.
// The OperatorApproval section always exists; a change makes a new version
// and applies to the next order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/approval_rule.h"
#include "model/enum_names.h"
#include "model/fixed_point.h"
#include "model/status.h"
#include "model/symbol.h"

namespace stonks {

enum class TradingMode { kDisabled, kPaper, kLive };
template <>
struct EnumNames<TradingMode> {
  static constexpr EnumName<TradingMode> table[] = {
      {TradingMode::kDisabled, "disabled"}, {TradingMode::kPaper, "paper"}, {TradingMode::kLive, "live"}};
};

struct OperatorApprovalConfig {
  static constexpr int kMaxTimeoutMinutes = 24 * 60;
  bool auto_approve_paper = true;
  bool require_approval_for_live = true;
  int approval_timeout_minutes = 30;  // 1..kMaxTimeoutMinutes
  // Approvals only by an operator other than the order's submitter.
  bool four_eyes = false;
  // First match decides; none: the mode's default (risk/approval_gate.h).
  std::vector<ApprovalRule> rules;
  bool operator==(const OperatorApprovalConfig&) const = default;
};

struct RiskLimits {
  Money max_order_notional = Money::from_units(100'000);
  Money max_position_notional = Money::from_units(250'000);  // per symbol, at the last price
  Money max_gross_exposure = Money::from_units(1'000'000);   // sum of |position| at last prices
  int max_open_orders = 100;                                 // working at the broker or pending approval
  int max_orders_per_window = 600;                           // order-rate throttle ...
  int rate_window_seconds = 60;                              // ... over this sliding window
  Money max_daily_loss = Money::from_units(10'000);          // day P&L at or below -this halts risk-increasing orders
  int limit_price_band_bps = 1'000;                          // limit price within +-10% of the last price
  bool allow_short = false;                                  // sells beyond the long position need this
  std::vector<Symbol> tradable_symbols;                      // empty: any symbol with a quote
  bool operator==(const RiskLimits&) const = default;
};

struct GuardConfig {
  int cooldown_after_fill_seconds = 0;    // 0: off
  int cooldown_after_loss_seconds = 300;  // after a fill that realized a loss; 0: off
  int news_shock_severity = 80;           // news at/above this locks the symbol (0-100)
  int news_shock_lockout_minutes = 30;
  int price_shock_bps = 500;             // a move beyond this ...
  int price_shock_window_seconds = 60;   // ... within this window locks the symbol ...
  int price_shock_lockout_minutes = 15;  // ... for this long; 0 bps: off
  bool operator==(const GuardConfig&) const = default;
};

struct PaperFillConfig {
  int slippage_bps = 0;  // added to buys, taken from sells
  int fee_bps = 0;       // of the fill notional
  Money fee_per_fill;    // flat, per fill
  bool operator==(const PaperFillConfig&) const = default;
};

struct RiskConfig {
  std::int64_t version = 1;
  OperatorApprovalConfig operator_approval;
  RiskLimits limits;
  GuardConfig guards;
  PaperFillConfig paper;
  bool operator==(const RiskConfig&) const = default;
};

// Range checks for every field; the Status (kInvalidArgument) names the
// offending field by its JSON path, e.g.
// "operator_approval.approval_timeout_minutes". The rules:
//   version >= 1;
//   approval_timeout_minutes 1..1440;
//   money limits (max_order_notional, max_position_notional,
//     max_gross_exposure, max_daily_loss) > 0 and below 1e12 units;
//     fee_per_fill >= 0 and below 1e12 units;
//   bps (limit_price_band_bps, price_shock_bps, slippage_bps, fee_bps) 0..10000;
//   max_open_orders 1..100000; max_orders_per_window 1..1000000;
//   rate_window_seconds 1..604800 (a week);
//   other seconds 0..604800 and minutes 0..10080 (a week), with
//     price_shock_window_seconds > 0 while price_shock_bps > 0;
//   news_shock_severity 0..100;
//   tradable_symbols: valid tickers, no duplicates, at most 10000;
//   operator_approval.rules: check_rules (config/approval_rule.h), against
//     tradable_symbols.
Status validate(const RiskConfig& config);
// Every rule above that `config` breaks, in field order, one per field (its
// first): what a form shows all at once. validate() is its first.
std::vector<Status> config_problems(const RiskConfig& config);

// The operator_approval rules alone, with field names relative to the section
// ("approval_timeout_minutes", "rules[2].notional.max"), rule tickers
// checked against `tradable` (limits.tradable_symbols): what PUT
// approval-config bodies are held to.
Status validate(const OperatorApprovalConfig& config, const std::vector<Symbol>& tradable);
// Every problem of the section, named the same way: what a form shows at once.
std::vector<Status> approval_problems(const OperatorApprovalConfig& config, const std::vector<Symbol>& tradable);

}  // namespace stonks
