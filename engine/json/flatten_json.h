// JSON shape of a halt & flatten's report (the API's answer, the flattened
// event, the snapshot's last_flatten).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "model/flatten_report.h"
#include "model/status.h"

namespace stonks {

// {"by","reason","at","approvals_rejected":[ids],"orders_cancelled":[ids],
//  "cancels_requested":[ids],"closes":[{"ticker","position","order_id",
//  "status","closed","reasons":[...]}]}; "closed" is derived, not read back.
nlohmann::json to_json(const FlattenReport& report);
Result<FlattenReport> flatten_report_from_json(const nlohmann::json& value, std::string_view path = {});

}  // namespace stonks
