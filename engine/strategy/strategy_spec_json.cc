#include "strategy/strategy_spec_json.h"

#include "json/json_object_reader.h"

namespace stonks {
namespace {

// Decimal parameters are neither prices nor money.
struct ParamDecimalTag {};

void read_param(JsonObjectReader& r, const ParamDef& def, ParamList& out) {
  std::int64_t value = 0;
  switch (def.kind) {
    case ParamKind::kInteger:
      if (!r.optional_int(def.key, value)) return;
      break;
    case ParamKind::kDecimal: {
      Fixed<ParamDecimalTag> decimal;
      if (!r.optional_decimal(def.key, decimal)) return;
      value = decimal.micros();
      break;
    }
    case ParamKind::kFlag: {
      bool flag = false;
      if (!r.optional_bool(def.key, flag)) return;
      value = flag ? 1 : 0;
      break;
    }
  }
  out.emplace_back(def.key, param_text(def, value));
}

nlohmann::json param_json(const ParamDef* def, const std::string& text) {
  if (def == nullptr) return text;
  Result<std::int64_t> value = parse_param_value(*def, text);
  if (!value.is_ok()) return text;
  switch (def->kind) {
    case ParamKind::kInteger:
      return *value;
    case ParamKind::kDecimal:
      return param_text(*def, *value);
    case ParamKind::kFlag:
      return *value != 0;
  }
  return text;
}

}  // namespace

nlohmann::json to_json(const StrategySpec& spec) {
  const std::span<const ParamDef> defs = strategy_params(spec.name);
  nlohmann::json params = nlohmann::json::object();
  for (const auto& [key, text] : spec.params) params[key] = param_json(find_param(defs, key), text);
  return {{"name", spec.name}, {"symbol", spec.symbol.str()}, {"params", std::move(params)}};
}

Result<StrategySpec> strategy_spec_from_json(const nlohmann::json& value) {
  StrategySpec spec;
  JsonObjectReader r(value);
  if (r.required_string("name", spec.name)) r.adopt(check_strategy_name(spec.name));
  r.required_symbol("symbol", spec.symbol);
  r.optional_object("params", [&](JsonObjectReader& p) {
    for (const ParamDef& def : strategy_params(spec.name)) read_param(p, def, spec.params);
  });
  if (Status s = r.finish(); !s.is_ok()) return s;
  if (Status s = make_strategy(spec).status(); !s.is_ok()) return s;
  return spec;
}

}  // namespace stonks
