// The built-in strategies by name, with their parameter tables, and the one
// way to build one from a spec: the CLI's key=value parameters and the JSON
// form (strategy_spec_json.h) both end here.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/status.h"
#include "model/symbol.h"
#include "strategy/strategy.h"
#include "strategy/strategy_params.h"

namespace stonks {

// One strategy switched on for one symbol.
struct StrategySpec {
  std::string name;  // one of strategy_names()
  Symbol symbol;
  std::vector<std::pair<std::string, std::string>> params;  // key=value as typed ("fast"="10"); absent: defaults
  bool operator==(const StrategySpec&) const = default;
};

// Validates like config: an unknown name (field "name"), an empty symbol
// ("symbol"), an unknown or repeated parameter, a malformed or out-of-range
// value, or parameters that disagree (fast >= slow, exit >= entry, both
// sizings) are kInvalidArgument naming the field ("params.fast") with a
// message saying what was expected; nothing is built then. Parameters left
// out take their defaults (docs/strategies.md), so {} builds every strategy.
// The strategy trades spec.symbol only.
Result<std::unique_ptr<Strategy>> make_strategy(const StrategySpec& spec);

// ok for a registered name; otherwise kInvalidArgument naming "name" and
// listing the registered ones.
Status check_strategy_name(std::string_view name);

// The registered names, in the order the registry lists them.
std::vector<std::string> strategy_names();

// The parameter table of strategy `name`, for forms and codecs; empty for an
// unknown name (every strategy takes at least one).
std::span<const ParamDef> strategy_params(std::string_view name);

}  // namespace stonks
