#include "risk/risk_engine.h"

#include <iterator>

namespace stonks {
namespace {

struct NamedCheck {
  const char* name;
  CheckResult (*run)(const RiskContext&, const OrderIntent&);
};

// The order reads like DESIGN.md's list: mode and kill switch first, then the
// symbol, then sizes and money, then counts and rates.
constexpr NamedCheck kChecks[] = {
    {"trading_enabled", checks::trading_enabled},
    {"paper_available", checks::paper_available},
    {"not_halted", checks::not_halted},
    {"not_locked_out", checks::not_locked_out},
    {"symbol_tradable", checks::symbol_tradable},
    {"has_market_data", checks::has_market_data},
    {"limit_price_in_band", checks::limit_price_in_band},
    {"order_notional", checks::order_notional},
    {"position_notional", checks::position_notional},
    {"gross_exposure", checks::gross_exposure},
    {"buying_power", checks::buying_power},
    {"short_selling", checks::short_selling},
    {"open_orders", checks::open_orders},
    {"order_rate", checks::order_rate},
    {"daily_loss", checks::daily_loss},
};
static_assert(std::size(kChecks) == kRiskCheckCount);

}  // namespace

std::optional<std::size_t> risk_check_index(std::string_view name) {
  for (std::size_t i = 0; i < kRiskCheckCount; ++i)
    if (name == kChecks[i].name) return i;
  return std::nullopt;
}

std::vector<std::string> risk_check_names(const RiskCheckSet& checks) {
  std::vector<std::string> names;
  names.reserve(checks.count());
  for (std::size_t i = 0; i < kRiskCheckCount; ++i)
    if (checks[i]) names.emplace_back(kChecks[i].name);
  return names;
}

RiskResult evaluate_risk(const RiskContext& ctx, const OrderIntent& o) {
  RiskResult result;
  for (std::size_t i = 0; i < kRiskCheckCount; ++i) {
    if (CheckResult denial = kChecks[i].run(ctx, o)) {
      result.denials.push_back(std::move(*denial));
    } else {
      result.passed.set(i);
    }
  }
  if (std::optional<Price> px = reference_price(ctx, o)) result.notional = saturating_notional(*px, o.qty);
  return result;
}

}  // namespace stonks
