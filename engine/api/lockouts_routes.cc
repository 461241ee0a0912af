// GET/POST /api/admin/trading/lockouts and DELETE /api/admin/trading/lockouts/{id}.
#include "api/routes.h"
#include "json/json_object_reader.h"
#include "json/risk_json.h"

namespace stonks {

ApiResponse list_lockouts(RouteContext& ctx) {
  bool history = false;
  if (const std::string* include = ctx.query.get("include")) {
    if (*include != "history") return error_response(400, "invalid_argument", "expected include=history", "include");
    history = true;
  }
  Result<PageRequest> page = page_from_query(ctx.query, "after_id", ctx.options);
  if (!page.is_ok()) return error_response(page.status());
  const Timestamp now = ctx.now();
  return json_response(200, page_of(
                                ctx.state().lockouts.all(), *page, "lockouts",
                                [&](const Lockout& l) { return history || l.active_at(now); },
                                [&](const Lockout& l) { return to_json(l, now); }));
}

ApiResponse create_lockout(RouteContext& ctx) {
  JsonObjectReader r(ctx.body);
  LockoutRequest request;
  r.required_symbol("ticker", request.symbol);
  r.required_string("reason", request.reason);
  r.required_int("duration_minutes", request.duration_minutes);
  r.optional_enum("side", request.side);
  if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  request.created_by = ctx.actor();
  Result<Lockout> lockout = ctx.engine.create_lockout(request, ctx.now());
  if (!lockout.is_ok()) return error_response(lockout.status());
  return json_response(201, to_json(*lockout, ctx.now()));
}

ApiResponse remove_lockout(RouteContext& ctx) {
  Result<Lockout> lockout = ctx.engine.remove_lockout(ctx.id, ctx.actor(), ctx.now());
  if (!lockout.is_ok()) return error_response(lockout.status());
  return json_response(200, to_json(*lockout, ctx.now()));
}

}  // namespace stonks
