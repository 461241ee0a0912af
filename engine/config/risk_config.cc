#include "config/risk_config.h"

#include <set>

namespace stonks {
namespace {

constexpr std::int64_t kWeekSeconds = 7 * 24 * 3600;
constexpr std::int64_t kWeekMinutes = 7 * 24 * 60;
constexpr std::int64_t kMaxBps = 10'000;
constexpr std::int64_t kMoneyCeilingUnits = 1'000'000'000'000;  // 1e12
constexpr std::size_t kMaxTradableSymbols = 10'000;

// Runs range checks in order and keeps every failure, each naming its field
// as "<section>.<field>" (a field fails once: its first rule).
class FieldChecks {
 public:
  FieldChecks(std::string section, std::vector<Status>& out) : section_(std::move(section)), out_(out) {}

  void int_in(const char* field, std::int64_t value, std::int64_t lo, std::int64_t hi) {
    if (value < lo || value > hi)
      fail(field,
           "must be from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got " + std::to_string(value));
  }

  // 0 < value < 1e12 units, or 0 <= value when zero is allowed.
  void money_in(const char* field, Money value, bool allow_zero) {
    const Money ceiling = Money::from_units(kMoneyCeilingUnits);
    bool low_ok = allow_zero ? value.micros() >= 0 : value.micros() > 0;
    if (!low_ok || value >= ceiling)
      fail(field, std::string("must be ") + (allow_zero ? "at least 0" : "above 0") + " and below " +
                      ceiling.to_string() + ", got " + value.to_string());
  }

  void fail(const char* field, std::string message) {
    std::string path = section_.empty() ? field : section_ + "." + field;
    for (const Status& s : out_)
      if (s.field() == path) return;
    out_.push_back(Status::invalid_argument(std::move(message), std::move(path)));
  }

 private:
  std::string section_;
  std::vector<Status>& out_;
};

void check_section(const OperatorApprovalConfig& c, const std::vector<Symbol>& tradable, const std::string& section,
                   std::vector<Status>& out) {
  FieldChecks check(section, out);
  check.int_in("approval_timeout_minutes", c.approval_timeout_minutes, 1, OperatorApprovalConfig::kMaxTimeoutMinutes);
  check_rules(c.rules, tradable, section, out);
}

void check_limits(const RiskLimits& l, std::vector<Status>& out) {
  FieldChecks check("limits", out);
  check.money_in("max_order_notional", l.max_order_notional, false);
  check.money_in("max_position_notional", l.max_position_notional, false);
  check.money_in("max_gross_exposure", l.max_gross_exposure, false);
  check.int_in("max_open_orders", l.max_open_orders, 1, 100'000);
  check.int_in("max_orders_per_window", l.max_orders_per_window, 1, 1'000'000);
  check.int_in("rate_window_seconds", l.rate_window_seconds, 1, kWeekSeconds);
  check.money_in("max_daily_loss", l.max_daily_loss, false);
  check.int_in("limit_price_band_bps", l.limit_price_band_bps, 0, kMaxBps);
  if (l.tradable_symbols.size() > kMaxTradableSymbols)
    check.fail("tradable_symbols", "must hold at most " + std::to_string(kMaxTradableSymbols) + " symbols");
  std::set<Symbol> seen;
  for (const Symbol& s : l.tradable_symbols) {
    if (s.empty()) check.fail("tradable_symbols", "must not hold an empty ticker");
    if (!seen.insert(s).second) check.fail("tradable_symbols", "lists " + s.str() + " twice");
  }
}

void check_guards(const GuardConfig& g, std::vector<Status>& out) {
  FieldChecks check("guards", out);
  check.int_in("cooldown_after_fill_seconds", g.cooldown_after_fill_seconds, 0, kWeekSeconds);
  check.int_in("cooldown_after_loss_seconds", g.cooldown_after_loss_seconds, 0, kWeekSeconds);
  check.int_in("news_shock_severity", g.news_shock_severity, 0, 100);
  check.int_in("news_shock_lockout_minutes", g.news_shock_lockout_minutes, 0, kWeekMinutes);
  check.int_in("price_shock_bps", g.price_shock_bps, 0, kMaxBps);
  check.int_in("price_shock_window_seconds", g.price_shock_window_seconds, 0, kWeekSeconds);
  check.int_in("price_shock_lockout_minutes", g.price_shock_lockout_minutes, 0, kWeekMinutes);
  if (g.price_shock_bps > 0 && g.price_shock_window_seconds == 0)
    check.fail("price_shock_window_seconds", "must be above 0 while price_shock_bps is above 0");
}

void check_paper(const PaperFillConfig& p, std::vector<Status>& out) {
  FieldChecks check("paper", out);
  check.int_in("slippage_bps", p.slippage_bps, 0, kMaxBps);
  check.int_in("fee_bps", p.fee_bps, 0, kMaxBps);
  check.money_in("fee_per_fill", p.fee_per_fill, true);
}

}  // namespace

std::vector<Status> approval_problems(const OperatorApprovalConfig& config, const std::vector<Symbol>& tradable) {
  std::vector<Status> problems;
  check_section(config, tradable, "", problems);
  return problems;
}

Status validate(const OperatorApprovalConfig& config, const std::vector<Symbol>& tradable) {
  std::vector<Status> problems = approval_problems(config, tradable);
  return problems.empty() ? Status::ok() : problems.front();
}

std::vector<Status> config_problems(const RiskConfig& config) {
  std::vector<Status> problems;
  if (config.version < 1)
    problems.push_back(
        Status::invalid_argument("must be at least 1, got " + std::to_string(config.version), "version"));
  check_section(config.operator_approval, config.limits.tradable_symbols, "operator_approval", problems);
  check_limits(config.limits, problems);
  check_guards(config.guards, problems);
  check_paper(config.paper, problems);
  return problems;
}

Status validate(const RiskConfig& config) {
  std::vector<Status> problems = config_problems(config);
  return problems.empty() ? Status::ok() : problems.front();
}

}  // namespace stonks
