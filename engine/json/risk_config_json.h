// JSON shape of RiskConfig and the partial update of its approval section.
#pragma once

#include <nlohmann/json.hpp>

#include "config/risk_config.h"
#include "model/status.h"

namespace stonks {

// The whole config: {"version", "operator_approval": {...}, "limits": {...},
// "guards": {...}, "paper": {...}}, each section holding the struct's fields
// under their C++ names; money as decimal strings, tradable_symbols as an
// array of tickers. Always writes every field.
nlohmann::json to_json(const RiskConfig& config);

// Reads the shape above strictly, then validate()s the result. Any section or
// field may be missing and then keeps its default, so a config stored before
// operator_approval existed gets auto_approve_paper true,
// require_approval_for_live true and a 30 minute timeout. Unknown fields at
// any level, wrong types, floats for integer fields and out-of-range values
// are refused with kInvalidArgument naming the dotted path
// ("limits.max_order_notional").
Result<RiskConfig> risk_config_from_json(const nlohmann::json& value);
// The same without the range checks (the shape and types only), for a caller
// that reports every range problem at once (config_problems).
Result<RiskConfig> risk_config_fields_from_json(const nlohmann::json& value);

// {"auto_approve_paper", "require_approval_for_live",
// "approval_timeout_minutes", "four_eyes", "rules": [rule, ...]}. A rule
// holds only the matchers it has, and its decision:
// {"name"?, "source"?, "tickers"?: [...], "side"?, "type"?,
//  "notional"?: {"min"?, "max"?}, "exposure"?: "increases"|"reduces",
//  "decision": "require_approval"|"auto_approve"}.
// Reading refuses an empty "tickers" list and an empty "notional" object (a
// matcher that matches nothing is a mistake: leave it out to match any).
nlohmann::json to_json(const OperatorApprovalConfig& config);

// Applies a partial update (PUT approval-config) to `current`: only the
// fields above are allowed, each optional, each of its exact JSON type;
// "rules", when given, replaces the whole list. Checks the shape and types
// only; approval_problems() (config/risk_config.h) has the ranges. Errors name
// the field as it appears in the patch ("rules[2].notional"). An empty
// object returns `current` unchanged.
Result<OperatorApprovalConfig> approval_patch_fields(const OperatorApprovalConfig& current,
                                                     const nlohmann::json& patch);

}  // namespace stonks
