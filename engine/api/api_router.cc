// The route table and the request checks every route shares: body size,
// path, method, id, query keys, body shape, actor.
#include "api/api_router.h"

#include <string_view>
#include <vector>

#include "api/routes.h"
#include "core/command_checks.h"
#include "json/json_values.h"
#include "model/source_name.h"

namespace stonks {
namespace {

enum class Body {
  kNone,      // no body (whitespace only at most)
  kObject,    // a JSON object is required
  kOptional,  // a JSON object, or nothing (read as {})
};

struct Route {
  std::string_view method;
  std::string_view pattern;  // "/api/orders/{id}": "{id}" is a path id
  Body body;
  std::vector<std::string_view> query_keys;
  RouteHandler handler;
};

// Every route, in one place (docs/api.md describes each).
const std::vector<Route>& route_table() {
  static const std::vector<Route> routes = {
      {"GET", "/api/admin/trading/approvals", Body::kNone, {"status", "limit", "after_id"}, list_approvals},
      {"PUT", "/api/admin/trading/approvals/{id}", Body::kObject, {}, decide_approval},
      {"GET", "/api/admin/trading/lockouts", Body::kNone, {"include", "limit", "after_id"}, list_lockouts},
      {"POST", "/api/admin/trading/lockouts", Body::kObject, {}, create_lockout},
      {"DELETE", "/api/admin/trading/lockouts/{id}", Body::kNone, {}, remove_lockout},
      {"GET", "/api/admin/trading/approval-config", Body::kNone, {}, get_approval_config},
      {"PUT", "/api/admin/trading/approval-config", Body::kObject, {}, put_approval_config},
      {"GET", "/api/admin/trading/mode", Body::kNone, {}, get_mode},
      {"PUT", "/api/admin/trading/mode", Body::kObject, {}, put_mode},
      {"GET", "/api/admin/trading/halt", Body::kNone, {}, get_halt},
      {"PUT", "/api/admin/trading/halt", Body::kObject, {}, put_halt},
      {"POST", "/api/admin/trading/flatten", Body::kOptional, {}, flatten},
      {"GET", "/api/admin/trading/risk-config", Body::kNone, {}, get_risk_config},
      {"PUT", "/api/admin/trading/risk-config", Body::kObject, {}, put_risk_config},
      {"GET", "/api/admin/trading/risk-config/history", Body::kNone, {"limit", "after_version"}, risk_config_history},
      {"POST", "/api/orders", Body::kObject, {}, submit_order},
      {"POST", "/api/orders/preview", Body::kObject, {}, preview_order},
      {"GET", "/api/orders", Body::kNone, {"status", "limit", "after_id"}, list_orders},
      {"GET", "/api/orders/{id}", Body::kNone, {}, get_order},
      {"POST", "/api/orders/{id}/cancel", Body::kOptional, {}, cancel_order},
      {"POST", "/api/signals/{name}", Body::kObject, {}, post_signal},
      {"GET", "/api/positions", Body::kNone, {}, list_positions},
      {"GET", "/api/account", Body::kNone, {}, get_account},
      {"POST", "/api/account/deposits", Body::kObject, {}, deposit},
      {"POST", "/api/news", Body::kObject, {}, post_news},
      {"POST", "/api/quotes", Body::kObject, {}, post_quote},
      {"GET", "/api/events", Body::kNone, {"after", "limit", "wait"}, list_events},
      {"GET", "/api/audit", Body::kNone, {"after", "limit"}, list_audit},
      {"GET", "/api/snapshot", Body::kNone, {}, get_snapshot},
  };
  return routes;
}

constexpr std::string_view kIdSegment = "{id}";
constexpr std::string_view kNameSegment = "{name}";  // model/source_name.h

// "/a/b/c" -> {"a","b","c"}; nullopt unless the path starts with '/'. Empty
// segments ("//", a trailing '/') are kept, so they match no route.
std::optional<std::vector<std::string_view>> split_path(std::string_view path) {
  if (path.empty() || path[0] != '/') return std::nullopt;
  std::vector<std::string_view> segments;
  std::size_t start = 1;
  while (true) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) {
      segments.push_back(path.substr(start));
      return segments;
    }
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
}

// Whether `segments` fit `pattern`; the {id} or {name} segment's text goes to `id_text`.
bool matches(std::string_view pattern, const std::vector<std::string_view>& segments, std::string_view& id_text) {
  std::optional<std::vector<std::string_view>> want = split_path(pattern);
  if (!want || want->size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if ((*want)[i] == kIdSegment || (*want)[i] == kNameSegment) {
      id_text = segments[i];
    } else if ((*want)[i] != segments[i]) {
      return false;
    }
  }
  return true;
}

bool only_whitespace(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// For messages: the start of `text`, made valid UTF-8.
std::string shorten(std::string_view text) {
  std::string out(text.substr(0, 80));
  if (text.size() > 80) out += "...";
  return valid_utf8(std::move(out));
}

Status parse_body(const Route& route, const ApiRequest& request, const ApiOptions& options, nlohmann::json& out) {
  const bool empty = only_whitespace(request.body);
  if (route.body == Body::kNone) {
    if (!empty) return Status::invalid_argument("this route takes no request body");
    out = nlohmann::json::object();
    return Status::ok();
  }
  if (empty) {
    if (route.body == Body::kOptional) {
      out = nlohmann::json::object();
      return Status::ok();
    }
    return Status::invalid_argument("a JSON object body is required");
  }
  Result<nlohmann::json> parsed = parse_object_body(request.body, options);
  if (!parsed.is_ok()) return parsed.status();
  out = std::move(parsed).value();
  return Status::ok();
}

// Commands record who acted: the host-supplied actor must be a fit name.
Status check_actor(const std::string& actor) {
  if (valid_utf8(actor) != actor) return Status::invalid_argument("actor is not valid UTF-8", "actor");
  Status st = validate_actor(actor);
  if (!st.is_ok()) return Status::invalid_argument(st.message(), "actor");
  return Status::ok();
}

}  // namespace

ApiRouter::ApiRouter(Engine& engine, const EventLog& log, ApiOptions options)
    : engine_(engine), log_(log), options_(options) {}

ApiResponse ApiRouter::handle(const ApiRequest& request) {
  try {
    if (request.body.size() > options_.max_body_bytes)
      return error_response(413, "payload_too_large",
                            "request body of " + std::to_string(request.body.size()) + " bytes is over the limit of " +
                                std::to_string(options_.max_body_bytes));

    std::optional<std::vector<std::string_view>> segments = split_path(request.path);
    const Route* route = nullptr;
    std::string_view id_text;
    std::string allow;
    nlohmann::json allow_list = nlohmann::json::array();
    if (segments) {
      for (const Route& r : route_table()) {
        std::string_view text;
        if (!matches(r.pattern, *segments, text)) continue;
        if (r.method == request.method && route == nullptr) {
          route = &r;
          id_text = text;
        }
        allow += (allow.empty() ? "" : ", ") + std::string(r.method);
        allow_list.push_back(std::string(r.method));
      }
    }
    if (allow.empty()) return error_response(404, "not_found", "no route for " + shorten(request.path));
    if (route == nullptr) {
      nlohmann::json error = error_object("method_not_allowed",
                                          "method " + shorten(request.method) + " not allowed here; allow: " + allow);
      error["allow"] = std::move(allow_list);
      return json_response(405, {{"error", std::move(error)}});
    }

    RouteContext ctx{engine_, log_, options_, request, 0, QueryParams(), nlohmann::json::object(), {}};
    if (route->pattern.find(kIdSegment) != std::string_view::npos) {
      std::optional<std::uint64_t> id = parse_path_id(id_text);
      if (!id) return error_response(404, "not_found", "no such id \"" + shorten(id_text) + "\"");
      ctx.id = *id;
    }
    if (route->pattern.find(kNameSegment) != std::string_view::npos) {
      if (!valid_source_name(id_text))
        return error_response(404, "not_found",
                              "no such name \"" + shorten(id_text) + "\": names are 1-48 of [A-Za-z0-9._-]");
      ctx.name = id_text;
    }
    Result<QueryParams> query = QueryParams::parse(request.query, route->query_keys);
    if (!query.is_ok()) return error_response(query.status());
    ctx.query = std::move(query).value();

    const bool command = route->method != "GET";
    if (command) {
      if (Status st = check_actor(request.actor); !st.is_ok()) return error_response(st);
      if (engine_.failed())
        return error_response(503, "unavailable", "the engine stopped accepting commands after a storage failure");
    }
    if (Status st = parse_body(*route, request, options_, ctx.body); !st.is_ok()) return error_response(st);
    return route->handler(ctx);
  } catch (const std::exception& e) {
    // Handlers do not throw by design (non-throwing JSON calls, Status
    // results); a bug that does must not take the host down.
    return error_response(500, "internal", std::string("internal error: ") + e.what());
  } catch (...) {
    return error_response(500, "internal", "internal error");
  }
}

}  // namespace stonks
