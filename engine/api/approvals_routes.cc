// GET /api/admin/trading/approvals and PUT /api/admin/trading/approvals/{id}.
#include "api/routes.h"
#include "json/json_object_reader.h"
#include "json/order_json.h"
#include "json/risk_json.h"

namespace stonks {
namespace {

// A request as the panel shows it: its fields and its order.
nlohmann::json approval_view(const EngineState& state, const ApprovalRequest& request) {
  nlohmann::json out = to_json(request);
  const Order* order = state.order(request.order_id);
  out["order"] = order ? to_json(*order) : nlohmann::json();
  return out;
}

}  // namespace

ApiResponse list_approvals(RouteContext& ctx) {
  Result<std::optional<ApprovalStatus>> filter = ctx.query.get_enum<ApprovalStatus>("status");
  if (!filter.is_ok()) return error_response(filter.status());
  const std::optional<ApprovalStatus> status = *filter;
  Result<PageRequest> page = page_from_query(ctx.query, "after_id", ctx.options);
  if (!page.is_ok()) return error_response(page.status());
  const EngineState& state = ctx.state();
  return json_response(200, page_of(
                                state.approvals.all(), *page, "approvals",
                                [&](const ApprovalRequest& r) { return !status || r.status == *status; },
                                [&](const ApprovalRequest& r) { return approval_view(state, r); }));
}

ApiResponse decide_approval(RouteContext& ctx) {
  JsonObjectReader r(ctx.body);
  ApprovalStatus decision = ApprovalStatus::kPending;
  std::string reason;
  r.required_enum("status", decision, {ApprovalStatus::kApproved, ApprovalStatus::kRejected});
  r.optional_string("reason", reason);
  if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  Result<ApprovalOutcome> outcome =
      ctx.engine.decide_approval(ctx.id, decision == ApprovalStatus::kApproved, ctx.actor(), reason, ctx.now());
  if (!outcome.is_ok()) return error_response(outcome.status());
  return json_response(200, approval_view(ctx.state(), outcome->request));
}

}  // namespace stonks
