// Strategy parameters: the table each strategy declares, and the checks that
// turn key=value text as typed ("fast"="10") into values, or into an error
// naming the field, the way config is validated.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/status.h"

namespace stonks {

enum class ParamKind {
  kInteger,  // "10"
  kDecimal,  // "1.5": at most six decimals, held in micro-units
  kFlag,     // "true" or "false"
};

// One parameter a strategy takes. Its table is the one place that says the
// name, kind, range and default: the key=value checks, the JSON codec and a
// panel's form all read it. Every parameter can be left out, so a strategy
// runs with none given: it takes default_text, or else what its strategy
// makes of the absence (sizing: one share unless equity_pct is given),
// which `absent` says in words for forms.
struct ParamDef {
  std::string_view key;
  ParamKind kind = ParamKind::kInteger;
  // The allowed range (see the row builders below); flags have none.
  std::int64_t min = 0;
  std::int64_t max = 0;
  bool min_exclusive = false;     // "above min" rather than "at least min"
  std::string_view default_text;  // the value when absent; empty: none
  std::string_view absent;        // without a default: what leaving it out means
};

// Table rows. Integers and decimals are bounded by [min, max], inclusive
// (decimals in micro-units); decimal_above leaves min itself out.
constexpr ParamDef integer_param(std::string_view key, std::int64_t min, std::int64_t max) {
  ParamDef d;
  d.key = key;
  d.min = min;
  d.max = max;
  return d;
}
constexpr ParamDef decimal_param(std::string_view key, std::int64_t min, std::int64_t max) {
  ParamDef d = integer_param(key, min, max);
  d.kind = ParamKind::kDecimal;
  return d;
}
constexpr ParamDef decimal_above(std::string_view key, std::int64_t min, std::int64_t max) {
  ParamDef d = decimal_param(key, min, max);
  d.min_exclusive = true;
  return d;
}
constexpr ParamDef flag_param(std::string_view key) {
  ParamDef d;
  d.key = key;
  d.kind = ParamKind::kFlag;
  return d;
}
constexpr ParamDef with_default(ParamDef d, std::string_view text) {
  d.default_text = text;
  return d;
}
constexpr ParamDef absent_means(ParamDef d, std::string_view words) {
  d.absent = words;
  return d;
}

// Parameters as given: key and value text, in the order typed.
using ParamList = std::vector<std::pair<std::string, std::string>>;

// Checked values by key: integers as they are, decimals in micro-units,
// flags as 0 or 1.
class ParamValues {
 public:
  bool has(std::string_view key) const { return values_.find(key) != values_.end(); }
  // The value of `key`, which has(key) (a parameter with a default always
  // does).
  std::int64_t at(std::string_view key) const { return values_.find(key)->second; }
  void set(std::string_view key, std::int64_t value) { values_.insert_or_assign(std::string(key), value); }

 private:
  std::map<std::string, std::int64_t, std::less<>> values_;
};

// "params.<key>": how errors name a parameter.
std::string param_field(std::string_view key);

// Checks `params` against `defs`: every key known and given once, each value
// of its kind and in range; absent ones with a default take it. Fails with
// kInvalidArgument, field "params.<key>", on the first problem in the order
// given.
Result<ParamValues> parse_params(std::span<const ParamDef> defs, const ParamList& params);

// One value's text checked against `def`; the error names `def`'s field.
Result<std::int64_t> parse_param_value(const ParamDef& def, std::string_view text);

// The canonical text of a checked value: "10", "1.50", "true".
std::string param_text(const ParamDef& def, std::int64_t value);

// The definition of `key` in `defs`, or nullptr.
const ParamDef* find_param(std::span<const ParamDef> defs, std::string_view key);

}  // namespace stonks
