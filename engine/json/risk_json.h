// JSON shapes of approval requests and lockouts (API views, journal events).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "model/status.h"
#include "risk/approval.h"
#include "risk/lockout.h"

namespace stonks {

nlohmann::json to_json(const ApprovalRequest& request);
Result<ApprovalRequest> approval_request_from_json(const nlohmann::json& value, std::string_view path = {});

// `now` decides the derived "active" field of the view; it is not read back.
nlohmann::json to_json(const Lockout& lockout, Timestamp now);
Result<Lockout> lockout_from_json(const nlohmann::json& value, std::string_view path = {});

}  // namespace stonks
