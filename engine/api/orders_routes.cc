// POST/GET /api/orders, GET /api/orders/{id}, POST /api/orders/{id}/cancel.
#include "api/routes.h"
#include "json/json_object_reader.h"
#include "json/json_values.h"
#include "json/order_json.h"
#include "risk/approval_gate.h"
#include "risk/risk_check_set.h"

namespace stonks {
namespace {

// 422 for an order the risk checks refused: the error names every failed
// check, and the order (kept as risk_rejected) comes along.
ApiResponse risk_rejected(const Order& order) {
  std::string message = "order refused by the risk checks";
  for (std::size_t i = 0; i < order.reasons().size(); ++i)
    message += (i == 0 ? ": " : "; ") + order.reasons()[i].to_string();
  nlohmann::json error = error_object("risk_rejected", message);
  error["reasons"] = reason_texts(order.reasons());
  return json_response(422, {{"error", std::move(error)}, {"order", to_json(order)}});
}

// The order, why the gate did what it did, and the cancel asked of the
// broker while it is unanswered.
nlohmann::json order_view(const EngineState& state, const Order& order) {
  nlohmann::json out = to_json(order);
  if (const GateDecision& g = order.gate(); g.config_version != 0) {
    const RiskConfig* config = state.config_at_version(g.config_version);
    out["gate"]["reason"] = gate_reason(g, config ? *config : RiskConfig{}, std::nullopt);
  }
  if (auto it = state.cancel_requests.find(order.id()); it != state.cancel_requests.end())
    out["cancel_request"] = {{"by", it->second.by}, {"reason", it->second.reason}, {"at", to_json(it->second.at)}};
  return out;
}

// A submitter's orders go in under its fixed source; naming another is refused.
Status apply_fixed_source(const ApiRequest& request, bool source_given, OrderIntent& intent) {
  if (request.fixed_source.empty()) return Status::ok();
  if (source_given && intent.source != request.fixed_source)
    return Status::permission_denied(request.actor + " submits under source " + request.fixed_source + " only, not " +
                                     intent.source.substr(0, 64));
  intent.source = request.fixed_source;
  return Status::ok();
}

// A submitter reaches only the orders it submitted (an unknown id is
// refused the same way: it cannot probe for ids).
Status check_own_order(const RouteContext& ctx, const char* action) {
  if (ctx.request.fixed_source.empty()) return Status::ok();
  const Order* o = ctx.state().order(ctx.id);
  if (o != nullptr && o->submitted_by() == ctx.actor()) return Status::ok();
  return Status::permission_denied(ctx.actor() + " may " + action + " only the orders it submitted; order " +
                                   std::to_string(ctx.id) + " is not one");
}

}  // namespace

ApiResponse submit_intent(RouteContext& ctx, const OrderIntent& intent) {
  const bool resubmitted =
      !intent.client_order_id.empty() && ctx.state().order_by_client_order_id(intent.client_order_id) != nullptr;
  Result<Order> order = ctx.engine.submit_order(intent, ctx.now(), ctx.actor());
  if (!order.is_ok()) return error_response(order.status());
  // A resubmission gets the original's answer again, risk refusal included.
  if (order->status() == OrderStatus::kRiskRejected) return risk_rejected(*order);
  return json_response(resubmitted ? 200 : 201, order_view(ctx.state(), *order));
}

ApiResponse submit_order(RouteContext& ctx) {
  Result<OrderIntent> intent = order_intent_from_json(ctx.body);
  if (!intent.is_ok()) return error_response(intent.status());
  if (Status st = apply_fixed_source(ctx.request, ctx.body.contains("source"), intent.value()); !st.is_ok())
    return error_response(st);
  return submit_intent(ctx, *intent);
}

ApiResponse preview_order(RouteContext& ctx) {
  Result<OrderIntent> intent = order_intent_from_json(ctx.body);
  if (!intent.is_ok()) return error_response(intent.status());
  if (Status st = validate(*intent); !st.is_ok()) return error_response(st);
  if (Status st = apply_fixed_source(ctx.request, ctx.body.contains("source"), intent.value()); !st.is_ok())
    return error_response(st);
  const RiskResult risk = ctx.engine.preview_risk(*intent, ctx.now());
  nlohmann::json denials = nlohmann::json::array();
  for (const Reason& d : risk.denials) denials.push_back({{"code", to_string(d.code)}, {"detail", d.detail}});
  nlohmann::json gate = nullptr;
  if (std::optional<GateDecision> g = ctx.engine.preview_gate(*intent, risk, ctx.now())) {
    gate = to_json(*g);
    gate["reason"] = gate_reason(*g, ctx.state().config, ctx.state().mode);
  }
  return json_response(200, {{"ok", risk.ok()},
                             {"notional", to_json(risk.notional)},
                             {"passed", risk_check_names(risk.passed)},
                             {"denials", std::move(denials)},
                             {"gate", std::move(gate)}});
}

ApiResponse list_orders(RouteContext& ctx) {
  Result<std::optional<OrderStatus>> filter = ctx.query.get_enum<OrderStatus>("status");
  if (!filter.is_ok()) return error_response(filter.status());
  const std::optional<OrderStatus> status = *filter;
  Result<PageRequest> page = page_from_query(ctx.query, "after_id", ctx.options);
  if (!page.is_ok()) return error_response(page.status());
  return json_response(
      200, page_of(
               ctx.state().orders, *page, "orders", [&](const Order& o) { return !status || o.status() == *status; },
               [&](const Order& o) { return order_view(ctx.state(), o); }));
}

ApiResponse get_order(RouteContext& ctx) {
  const Order* order = ctx.state().order(ctx.id);
  if (Status st = check_own_order(ctx, "read"); !st.is_ok()) return error_response(st);
  if (order == nullptr) return error_response(404, "not_found", "no order " + std::to_string(ctx.id));
  return json_response(200, order_view(ctx.state(), *order));
}

ApiResponse cancel_order(RouteContext& ctx) {
  JsonObjectReader r(ctx.body);
  std::string reason;
  r.optional_string("reason", reason);
  if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  if (Status st = check_own_order(ctx, "cancel"); !st.is_ok()) return error_response(st);
  Result<Order> order = ctx.engine.cancel_order(ctx.id, ctx.actor(), reason, ctx.now());
  if (!order.is_ok()) return error_response(order.status());
  return json_response(200, order_view(ctx.state(), *order));
}

}  // namespace stonks
