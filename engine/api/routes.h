// What a route handler gets, and every handler, by area. The route table that
// ties them to methods and paths is in api_router.cc.
#pragma once

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "api/api_response.h"
#include "api/api_types.h"
#include "api/request_parsing.h"
#include "core/engine.h"
#include "core/event_log.h"

namespace stonks {

// By the time a handler runs, the router has matched the route, parsed the
// {id} segment, checked the query keys against the route's list and parsed
// the body as the route declared (an object, or {} when absent and optional).
// Handlers parse field values and call at most one engine command, so a
// failure leaves nothing behind.
struct RouteContext {
  Engine& engine;
  const EventLog& log;
  const ApiOptions& options;
  const ApiRequest& request;
  std::uint64_t id = 0;  // the {id} path segment; 0 when the route has none
  QueryParams query;
  nlohmann::json body;    // a JSON object; empty object for routes without a body
  std::string_view name;  // the {name} path segment: [A-Za-z0-9._-], 1-48 characters

  const EngineState& state() const { return engine.state(); }
  Timestamp now() const { return request.now; }
  const std::string& actor() const { return request.actor; }
};

using RouteHandler = ApiResponse (*)(RouteContext&);

// Approvals (approvals_routes.cc).
ApiResponse list_approvals(RouteContext& ctx);
ApiResponse decide_approval(RouteContext& ctx);

// Lockouts (lockouts_routes.cc).
ApiResponse list_lockouts(RouteContext& ctx);
ApiResponse create_lockout(RouteContext& ctx);
ApiResponse remove_lockout(RouteContext& ctx);

// Mode, halt, halt & flatten, approval-config and risk-config (config_routes.cc).
ApiResponse get_mode(RouteContext& ctx);
ApiResponse put_mode(RouteContext& ctx);
ApiResponse get_halt(RouteContext& ctx);
ApiResponse put_halt(RouteContext& ctx);
ApiResponse flatten(RouteContext& ctx);
ApiResponse get_approval_config(RouteContext& ctx);
ApiResponse put_approval_config(RouteContext& ctx);
ApiResponse get_risk_config(RouteContext& ctx);
ApiResponse put_risk_config(RouteContext& ctx);
ApiResponse risk_config_history(RouteContext& ctx);

// Orders (orders_routes.cc).
ApiResponse submit_order(RouteContext& ctx);
ApiResponse preview_order(RouteContext& ctx);
ApiResponse list_orders(RouteContext& ctx);
ApiResponse get_order(RouteContext& ctx);
ApiResponse cancel_order(RouteContext& ctx);
// Submits `intent` as the request's actor and answers as POST /api/orders
// does (201, 200 for a resubmission, 422 when risk refuses it).
ApiResponse submit_intent(RouteContext& ctx, const OrderIntent& intent);

// Signals from outside (signals_routes.cc): POST /api/signals/{name}.
ApiResponse post_signal(RouteContext& ctx);

// Positions and the account (account_routes.cc).
ApiResponse list_positions(RouteContext& ctx);
ApiResponse get_account(RouteContext& ctx);
ApiResponse deposit(RouteContext& ctx);

// Market input (market_routes.cc).
ApiResponse post_news(RouteContext& ctx);
ApiResponse post_quote(RouteContext& ctx);

// The event stream and the audit log (events_routes.cc). GET /api/events
// accepts ?wait=MS (0..kMaxEventsWaitMs) and only validates it: the router
// answers at once (it must not block the engine's thread); a host that can
// wait (stonks-server) re-asks while the page is empty, until MS have passed.
inline constexpr std::uint64_t kMaxEventsWaitMs = 30'000;
ApiResponse list_events(RouteContext& ctx);
ApiResponse list_audit(RouteContext& ctx);

// The whole state and its last seq, for a remote replica (snapshot_routes.cc).
ApiResponse get_snapshot(RouteContext& ctx);

// One page of `items` (a std::map keyed by id, ascending) for a list route:
// {"<key>": [view(item)...], "next_after_id": N | null}. Takes the items with
// id > page.after for which keep(item) holds, at most page.limit of them;
// next_after_id is the last id returned when more matching items follow
// (pass it as ?after_id= for the next page), null when this page is the end.
template <class Map, class Keep, class View>
nlohmann::json page_of(const Map& items, const PageRequest& page, const char* key, Keep keep, View view) {
  nlohmann::json out = nlohmann::json::array();
  std::optional<std::uint64_t> last;
  bool more = false;
  for (auto it = items.upper_bound(page.after); it != items.end(); ++it) {
    if (!keep(it->second)) continue;
    if (out.size() == page.limit) {
      more = true;
      break;
    }
    out.push_back(view(it->second));
    last = it->first;
  }
  nlohmann::json next = more ? nlohmann::json(*last) : nlohmann::json();
  return {{key, std::move(out)}, {"next_after_id", std::move(next)}};
}

}  // namespace stonks
