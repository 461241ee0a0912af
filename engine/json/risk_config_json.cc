#include "json/risk_config_json.h"

#include "json/json_object_reader.h"
#include "json/json_values.h"

namespace stonks {
namespace {

template <class T, class Read>
void read_optional(std::optional<T>& out, Read&& read) {
  T value{};
  if (read(value)) out = value;
}

// One rule; `r`'s path is "rules[i]".
void read_rule(JsonObjectReader& r, ApprovalRule& rule) {
  r.optional_string("name", rule.name);
  read_optional(rule.source, [&](std::string& v) { return r.optional_string("source", v); });
  if (r.optional_symbol_list("tickers", rule.tickers) && rule.tickers.empty())
    r.fail("tickers", "must list at least one ticker (leave it out to match any)");
  read_optional(rule.side, [&](Side& v) { return r.optional_enum("side", v); });
  read_optional(rule.type, [&](OrderType& v) { return r.optional_enum("type", v); });
  const bool notional = r.optional_object("notional", [&](JsonObjectReader& n) {
    n.optional_decimal("min", rule.notional_min);
    n.optional_decimal("max", rule.notional_max);
  });
  if (notional && !rule.notional_min && !rule.notional_max)
    r.fail("notional", "give min, max or both (leave it out to match any notional)");
  read_optional(rule.exposure, [&](ExposureEffect& v) { return r.optional_enum("exposure", v); });
  r.required_enum("decision", rule.decision);
}

void read_rules(JsonObjectReader& r, std::vector<ApprovalRule>& out) {
  const nlohmann::json* list = r.optional_value("rules");
  if (list == nullptr) return;
  if (!list->is_array()) return r.fail("rules", "expected an array of rules");
  if (list->size() > ApprovalRule::kMaxRules)
    return r.fail("rules", "must hold at most " + std::to_string(ApprovalRule::kMaxRules) + " rules");
  std::vector<ApprovalRule> rules;
  for (std::size_t i = 0; i < list->size() && r.ok(); ++i) {
    JsonObjectReader item((*list)[i], "rules[" + std::to_string(i) + "]");
    ApprovalRule rule;
    read_rule(item, rule);
    r.adopt(item.finish());
    rules.push_back(std::move(rule));
  }
  if (r.ok()) out = std::move(rules);
}

nlohmann::json to_json(const ApprovalRule& rule) {
  nlohmann::json out = nlohmann::json::object();
  if (!rule.name.empty()) out["name"] = rule.name;
  if (rule.source) out["source"] = *rule.source;
  if (!rule.tickers.empty()) {
    nlohmann::json tickers = nlohmann::json::array();
    for (const Symbol& s : rule.tickers) tickers.push_back(s.str());
    out["tickers"] = std::move(tickers);
  }
  if (rule.side) out["side"] = to_string(*rule.side);
  if (rule.type) out["type"] = to_string(*rule.type);
  if (rule.notional_min || rule.notional_max) {
    nlohmann::json n = nlohmann::json::object();
    if (rule.notional_min) n["min"] = to_json(*rule.notional_min);
    if (rule.notional_max) n["max"] = to_json(*rule.notional_max);
    out["notional"] = std::move(n);
  }
  if (rule.exposure) out["exposure"] = to_string(*rule.exposure);
  out["decision"] = to_string(rule.decision);
  return out;
}

void read_approval(JsonObjectReader& r, OperatorApprovalConfig& c) {
  r.optional_bool("auto_approve_paper", c.auto_approve_paper);
  r.optional_bool("require_approval_for_live", c.require_approval_for_live);
  r.optional_int("approval_timeout_minutes", c.approval_timeout_minutes);
  r.optional_bool("four_eyes", c.four_eyes);
  read_rules(r, c.rules);
}

nlohmann::json to_json(const RiskLimits& l) {
  nlohmann::json symbols = nlohmann::json::array();
  for (const Symbol& s : l.tradable_symbols) symbols.push_back(s.str());
  return {
      {"max_order_notional", to_json(l.max_order_notional)},
      {"max_position_notional", to_json(l.max_position_notional)},
      {"max_gross_exposure", to_json(l.max_gross_exposure)},
      {"max_open_orders", l.max_open_orders},
      {"max_orders_per_window", l.max_orders_per_window},
      {"rate_window_seconds", l.rate_window_seconds},
      {"max_daily_loss", to_json(l.max_daily_loss)},
      {"limit_price_band_bps", l.limit_price_band_bps},
      {"allow_short", l.allow_short},
      {"tradable_symbols", std::move(symbols)},
  };
}

void read_limits(JsonObjectReader& r, RiskLimits& l) {
  r.optional_decimal("max_order_notional", l.max_order_notional);
  r.optional_decimal("max_position_notional", l.max_position_notional);
  r.optional_decimal("max_gross_exposure", l.max_gross_exposure);
  r.optional_int("max_open_orders", l.max_open_orders);
  r.optional_int("max_orders_per_window", l.max_orders_per_window);
  r.optional_int("rate_window_seconds", l.rate_window_seconds);
  r.optional_decimal("max_daily_loss", l.max_daily_loss);
  r.optional_int("limit_price_band_bps", l.limit_price_band_bps);
  r.optional_bool("allow_short", l.allow_short);
  r.optional_symbol_list("tradable_symbols", l.tradable_symbols);
}

nlohmann::json to_json(const GuardConfig& g) {
  return {
      {"cooldown_after_fill_seconds", g.cooldown_after_fill_seconds},
      {"cooldown_after_loss_seconds", g.cooldown_after_loss_seconds},
      {"news_shock_severity", g.news_shock_severity},
      {"news_shock_lockout_minutes", g.news_shock_lockout_minutes},
      {"price_shock_bps", g.price_shock_bps},
      {"price_shock_window_seconds", g.price_shock_window_seconds},
      {"price_shock_lockout_minutes", g.price_shock_lockout_minutes},
  };
}

void read_guards(JsonObjectReader& r, GuardConfig& g) {
  r.optional_int("cooldown_after_fill_seconds", g.cooldown_after_fill_seconds);
  r.optional_int("cooldown_after_loss_seconds", g.cooldown_after_loss_seconds);
  r.optional_int("news_shock_severity", g.news_shock_severity);
  r.optional_int("news_shock_lockout_minutes", g.news_shock_lockout_minutes);
  r.optional_int("price_shock_bps", g.price_shock_bps);
  r.optional_int("price_shock_window_seconds", g.price_shock_window_seconds);
  r.optional_int("price_shock_lockout_minutes", g.price_shock_lockout_minutes);
}

nlohmann::json to_json(const PaperFillConfig& p) {
  return {
      {"slippage_bps", p.slippage_bps},
      {"fee_bps", p.fee_bps},
      {"fee_per_fill", to_json(p.fee_per_fill)},
  };
}

void read_paper(JsonObjectReader& r, PaperFillConfig& p) {
  r.optional_int("slippage_bps", p.slippage_bps);
  r.optional_int("fee_bps", p.fee_bps);
  r.optional_decimal("fee_per_fill", p.fee_per_fill);
}

}  // namespace

nlohmann::json to_json(const OperatorApprovalConfig& c) {
  nlohmann::json rules = nlohmann::json::array();
  for (const ApprovalRule& rule : c.rules) rules.push_back(to_json(rule));
  return {
      {"auto_approve_paper", c.auto_approve_paper},
      {"require_approval_for_live", c.require_approval_for_live},
      {"approval_timeout_minutes", c.approval_timeout_minutes},
      {"four_eyes", c.four_eyes},
      {"rules", std::move(rules)},
  };
}

nlohmann::json to_json(const RiskConfig& config) {
  return {
      {"version", config.version},        {"operator_approval", to_json(config.operator_approval)},
      {"limits", to_json(config.limits)}, {"guards", to_json(config.guards)},
      {"paper", to_json(config.paper)},
  };
}

Result<RiskConfig> risk_config_fields_from_json(const nlohmann::json& value) {
  RiskConfig config;
  JsonObjectReader r(value);
  r.optional_int("version", config.version);
  r.optional_object("operator_approval", [&](JsonObjectReader& s) { read_approval(s, config.operator_approval); });
  r.optional_object("limits", [&](JsonObjectReader& s) { read_limits(s, config.limits); });
  r.optional_object("guards", [&](JsonObjectReader& s) { read_guards(s, config.guards); });
  r.optional_object("paper", [&](JsonObjectReader& s) { read_paper(s, config.paper); });
  if (Status s = r.finish(); !s.is_ok()) return s;
  return config;
}

Result<RiskConfig> risk_config_from_json(const nlohmann::json& value) {
  Result<RiskConfig> config = risk_config_fields_from_json(value);
  if (!config.is_ok()) return config;
  if (Status s = validate(*config); !s.is_ok()) return s;
  return config;
}

Result<OperatorApprovalConfig> approval_patch_fields(const OperatorApprovalConfig& current,
                                                     const nlohmann::json& patch) {
  OperatorApprovalConfig next = current;
  JsonObjectReader r(patch);
  read_approval(r, next);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return next;
}

}  // namespace stonks
