#include "sandbox/sim_routes.h"

#include <string>

#include "api/api_response.h"
#include "api/request_parsing.h"
#include "core/command_checks.h"
#include "json/json_object_reader.h"
#include "json/json_values.h"

namespace stonks {
namespace {

constexpr std::string_view kSimPath = "/api/sim";
constexpr std::string_view kResetPath = "/api/sim/reset";

bool only_whitespace(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// The body as the route takes it: none for GET, an object for PUT, nothing
// or an object for POST reset.
Status parse_body(SimRoute route, const ApiRequest& request, const ApiOptions& options, nlohmann::json& out) {
  out = nlohmann::json::object();
  const bool empty = only_whitespace(request.body);
  if (route == SimRoute::kGetSim) {
    return empty ? Status::ok() : Status::invalid_argument("this route takes no request body");
  }
  if (empty) {
    return route == SimRoute::kResetSim ? Status::ok() : Status::invalid_argument("a JSON object body is required");
  }
  Result<nlohmann::json> parsed = parse_object_body(request.body, options);
  if (!parsed.is_ok()) return parsed.status();
  out = std::move(parsed).value();
  return Status::ok();
}

}  // namespace

bool is_sim_path(std::string_view path) {
  return path == kSimPath || (path.size() > kSimPath.size() && path.substr(0, kSimPath.size() + 1) == "/api/sim/");
}

std::variant<SimRequest, ApiResponse> parse_sim_request(const ApiRequest& request, const ApiOptions& options) {
  if (request.body.size() > options.max_body_bytes)
    return error_response(413, "payload_too_large",
                          "request body of " + std::to_string(request.body.size()) + " bytes is over the limit of " +
                              std::to_string(options.max_body_bytes));
  SimRoute route;
  if (request.path == kSimPath) {
    if (request.method == "GET") {
      route = SimRoute::kGetSim;
    } else if (request.method == "PUT") {
      route = SimRoute::kPutSim;
    } else {
      return method_not_allowed(request.method, {"GET", "PUT"});
    }
  } else if (request.path == kResetPath) {
    if (request.method != "POST") return method_not_allowed(request.method, {"POST"});
    route = SimRoute::kResetSim;
  } else {
    return error_response(404, "not_found", "no route for " + valid_utf8(request.path.substr(0, 80)));
  }
  if (Result<QueryParams> q = QueryParams::parse(request.query, {}); !q.is_ok()) return error_response(q.status());
  if (route != SimRoute::kGetSim) {
    if (Status st = validate_actor(request.actor); !st.is_ok() || valid_utf8(request.actor) != request.actor)
      return error_response(Status::invalid_argument(st.is_ok() ? "actor is not valid UTF-8" : st.message(), "actor"));
  }
  SimRequest out{route, nlohmann::json::object()};
  if (Status st = parse_body(route, request, options, out.body); !st.is_ok()) return error_response(st);
  if (route == SimRoute::kResetSim && !out.body.empty()) {
    JsonObjectReader r(out.body);
    if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  }
  return out;
}

Result<SimSettings> apply_sim_patch(const nlohmann::json& body, const SimSettings& current) {
  SimSettings next = current;
  JsonObjectReader r(body);
  r.optional_int("speed", next.speed);
  r.optional_int("seed", next.seed);
  r.optional_int("news_per_hour", next.news_per_hour);
  if (Status st = r.finish(); !st.is_ok()) return st;
  if (Status st = validate(next); !st.is_ok()) return st;
  return next;
}

nlohmann::json to_json(const SimStatus& s) {
  return {{"speed", s.settings.speed},
          {"seed", s.settings.seed},
          {"news_per_hour", s.settings.news_per_hour},
          {"speeds", SimSettings::kSpeeds},
          {"max_news_per_hour", SimSettings::kMaxNewsPerHour},
          {"clock", to_json(s.clock)},
          {"quotes", s.quotes},
          {"news", s.news}};
}

}  // namespace stonks
