// What changed between two JSON documents of the same shape, field by field:
// the audit log's diff of a config change.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace stonks {

// [{"field": "limits.max_order_notional", "from": "100000.00", "to": "5000.00"},
//  {"field": "operator_approval.rules[1]", "from": null, "to": {...}}, ...]:
// objects compared key by key (a key on one side only has null on the
// other), arrays item by item, anything else as a whole; in key order,
// unchanged fields left out. "version" at the top is left out too.
nlohmann::json json_changes(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace stonks
