// GET /api/admin/trading/approvals and PUT /api/admin/trading/approvals/{id}.
#include "json/json_object_reader.h"
#include "json/order_json.h"
#include "json/risk_json.h"
#include "api/routes.h"

namespace stonks {
namespace {

// A request as the panel shows it: its fields and its order.
nlohmann::json approval_view(const EngineState& state, const ApprovalRequest& request) {
  nlohmann::json out = to_json(request);
  const Order* order = state.order(request.order_id);
  out["order"] = order ? to_json(*order) : nlohmann::json();
  return out;
}

std::optional<bool> parse_decision(std::string_view s) {
  if (s == "approved") return true;
  if (s == "rejected") return false;
  return std::nullopt;
}

}  // namespace

ApiResponse list_approvals(RouteContext& ctx) {
  std::optional<ApprovalStatus> status;
  if (const std::string* text = ctx.query.get("status")) {
    status = parse_approval_status(*text);
    if (!status)
      return error_response(400, "invalid_argument", "expected pending, approved, rejected or expired", "status");
  }
  Result<PageRequest> page = page_from_query(ctx.query, "after_id", ctx.options);
  if (!page.is_ok()) return error_response(page.status());
  const EngineState& state = ctx.state();
  return json_response(
      200, page_of(
               state.approvals.all(), *page, "approvals",
               [&](const ApprovalRequest& r) { return !status || r.status == *status; },
               [&](const ApprovalRequest& r) { return approval_view(state, r); }));
}

ApiResponse decide_approval(RouteContext& ctx) {
  JsonObjectReader r(ctx.body);
  bool approve = false;
  std::string reason;
  r.required_enum("status", approve, parse_decision, "\"approved\" or \"rejected\"");
  r.optional_string("reason", reason);
  if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  Result<ApprovalOutcome> outcome = ctx.engine.decide_approval(ctx.id, approve, ctx.actor(), reason, ctx.now());
  if (!outcome.is_ok()) return error_response(outcome.status());
  return json_response(200, approval_view(ctx.state(), outcome->request));
}

}  // namespace stonks
