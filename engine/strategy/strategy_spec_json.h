// JSON form of a StrategySpec, for the browser panel and the server:
// {"name":"sma","symbol":"AAPL","params":{"fast":10,"slow":30,"allow_short":false,"qty":100}}
#pragma once

#include <nlohmann/json.hpp>

#include "model/status.h"
#include "strategy/strategy_registry.h"

namespace stonks {

// Parameters by their kind in the strategy's table: integers as JSON
// integers, flags as booleans, decimals as exact decimal strings ("1.50").
// Meant for specs make_strategy accepts; a value it cannot read is written
// as its text, so reading it back names the field.
nlohmann::json to_json(const StrategySpec& spec);

// Reads the shape above strictly: "name" and "symbol" required, "params"
// optional; integers only as JSON integers, flags only as booleans, decimals
// as JSON numbers or decimal strings with at most six decimals. Unknown
// fields at any level are refused with their path ("params.fsat"). The
// result is then checked as make_strategy checks it, so a spec read here
// builds. Errors are kInvalidArgument naming the dotted path.
Result<StrategySpec> strategy_spec_from_json(const nlohmann::json& value);

}  // namespace stonks
