// The /api/sim routes' request checks, body reading and JSON: what
// Sandbox::handle answers itself instead of passing to the ApiRouter.
#pragma once

#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "api/api_types.h"
#include "model/status.h"
#include "sim/sim_settings.h"

namespace stonks {

enum class SimRoute {
  kGetSim,    // GET /api/sim
  kPutSim,    // PUT /api/sim
  kResetSim,  // POST /api/sim/reset
};

struct SimRequest {
  SimRoute route;
  nlohmann::json body;  // the parsed body; {} for routes without one
};

// Whether `path` is /api/sim or under it: the sandbox's, not the router's.
bool is_sim_path(std::string_view path);

// Routes and checks a request for which is_sim_path() holds, as the router
// checks its own (docs/api.md): 413 for a body over options.max_body_bytes,
// 404 for an unknown path, 405 with "allow" for another method, 400 for any
// query parameter, a bad actor on PUT/POST, a body on GET, a missing or
// non-object body on PUT (POST reset takes nothing or {}), repeated keys or
// too deep nesting. The route with its body, or the error response.
std::variant<SimRequest, ApiResponse> parse_sim_request(const ApiRequest& request, const ApiOptions& options);

// `current` with the fields a PUT /api/sim body names replaced: "speed" (one
// of SimSettings::kSpeeds), "seed" (an integer 0..2^64-1), "news_per_hour"
// (0..kMaxNewsPerHour). kInvalidArgument naming the field for an unknown
// field, a wrong type or a value out of range.
Result<SimSettings> apply_sim_patch(const nlohmann::json& body, const SimSettings& current);

// {"speed","seed","news_per_hour","speeds","max_news_per_hour","clock","quotes","news"}
nlohmann::json to_json(const SimStatus& status);

}  // namespace stonks
