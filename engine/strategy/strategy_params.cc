#include "strategy/strategy_params.h"

#include <charconv>
#include <optional>
#include <set>

#include "model/fixed_point.h"

namespace stonks {
namespace {

std::string quoted(std::string_view text) { return "\"" + std::string(text.substr(0, 40)) + "\""; }

// "an integer from 1 to 10000", "a decimal above 0 and at most 100".
std::string expected(const ParamDef& def) {
  switch (def.kind) {
    case ParamKind::kInteger:
      return "an integer from " + std::to_string(def.min) + " to " + std::to_string(def.max);
    case ParamKind::kDecimal:
      return std::string("a decimal ") + (def.min_exclusive ? "above " : "at least ") +
             fixed_point::format_micros(def.min) + " and at most " + fixed_point::format_micros(def.max);
    case ParamKind::kFlag:
      return "true or false";
  }
  return {};
}

std::optional<std::int64_t> parse_text(ParamKind kind, std::string_view text) {
  switch (kind) {
    case ParamKind::kInteger: {
      std::int64_t v = 0;
      auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (err != std::errc() || end != text.data() + text.size()) return std::nullopt;
      return v;
    }
    case ParamKind::kDecimal: {
      Result<std::int64_t> micros = fixed_point::parse_micros(text);
      if (!micros.is_ok()) return std::nullopt;
      return *micros;
    }
    case ParamKind::kFlag:
      if (text == "true") return 1;
      if (text == "false") return 0;
      return std::nullopt;
  }
  return std::nullopt;
}

bool in_range(const ParamDef& def, std::int64_t v) {
  if (def.kind == ParamKind::kFlag) return true;
  return (def.min_exclusive ? v > def.min : v >= def.min) && v <= def.max;
}

std::string key_list(std::span<const ParamDef> defs) {
  std::string out;
  for (const ParamDef& d : defs) out += (out.empty() ? "" : ", ") + std::string(d.key);
  return out;
}

}  // namespace

std::string param_field(std::string_view key) { return "params." + std::string(key); }

const ParamDef* find_param(std::span<const ParamDef> defs, std::string_view key) {
  for (const ParamDef& d : defs)
    if (d.key == key) return &d;
  return nullptr;
}

Result<std::int64_t> parse_param_value(const ParamDef& def, std::string_view text) {
  std::optional<std::int64_t> v = parse_text(def.kind, text);
  if (!v || !in_range(def, *v))
    return Status::invalid_argument("must be " + expected(def) + ", got " + quoted(text), param_field(def.key));
  return *v;
}

std::string param_text(const ParamDef& def, std::int64_t value) {
  switch (def.kind) {
    case ParamKind::kInteger:
      return std::to_string(value);
    case ParamKind::kDecimal:
      return fixed_point::format_micros(value);
    case ParamKind::kFlag:
      return value != 0 ? "true" : "false";
  }
  return {};
}

Result<ParamValues> parse_params(std::span<const ParamDef> defs, const ParamList& params) {
  ParamValues values;
  std::set<std::string_view> seen;
  for (const auto& [key, text] : params) {
    const ParamDef* def = find_param(defs, key);
    if (def == nullptr)
      return Status::invalid_argument("unknown parameter; expected one of " + key_list(defs), param_field(key));
    if (!seen.insert(def->key).second) return Status::invalid_argument("is given twice", param_field(key));
    Result<std::int64_t> v = parse_param_value(*def, text);
    if (!v.is_ok()) return v.status();
    values.set(def->key, *v);
  }
  for (const ParamDef& def : defs) {
    if (values.has(def.key) || def.default_text.empty()) continue;
    Result<std::int64_t> v = parse_param_value(def, def.default_text);
    if (!v.is_ok()) return v.status();  // a table mistake, caught by the tests of each strategy
    values.set(def.key, *v);
  }
  return values;
}

}  // namespace stonks
