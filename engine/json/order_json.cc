#include "json/order_json.h"

#include "config/approval_rule.h"
#include "json/json_object_reader.h"
#include "json/json_values.h"

namespace stonks {
namespace {

// The intent's fields, shared by the intent itself and the flattened order view.
void write_intent_fields(const OrderIntent& intent, nlohmann::json& out) {
  out["ticker"] = intent.symbol.str();
  out["side"] = to_string(intent.side);
  out["qty"] = intent.qty;
  out["type"] = to_string(intent.type);
  if (intent.limit_price) out["limit_price"] = to_json(*intent.limit_price);
  out["client_order_id"] = intent.client_order_id;
  out["source"] = intent.source;
}

void read_intent_fields(JsonObjectReader& r, OrderIntent& intent) {
  r.required_symbol("ticker", intent.symbol);
  r.required_enum("side", intent.side);
  r.required_int("qty", intent.qty);
  r.optional_enum("type", intent.type);
  r.optional_decimal("limit_price", intent.limit_price);
  r.optional_string("client_order_id", intent.client_order_id);
  r.optional_string("source", intent.source);
}

}  // namespace

nlohmann::json to_json(const OrderIntent& intent) {
  nlohmann::json out = nlohmann::json::object();
  write_intent_fields(intent, out);
  return out;
}

Result<OrderIntent> order_intent_from_json(const nlohmann::json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  OrderIntent intent;
  read_intent_fields(r, intent);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return intent;
}

nlohmann::json to_json(const Order& order) {
  nlohmann::json out = nlohmann::json::object();
  out["id"] = order.id();
  write_intent_fields(order.intent(), out);
  out["status"] = to_string(order.status());
  out["filled_qty"] = order.filled_qty();
  out["avg_fill_price"] = to_json(order.avg_fill_price());
  out["filled_notional"] = to_json(order.filled_notional());
  out["fees"] = to_json(order.fees());
  out["created_at"] = to_json(order.created_at());
  out["updated_at"] = to_json(order.updated_at());
  out["reasons"] = reason_texts(order.reasons());
  out["approval_id"] = order.approval_id();
  out["submitted_by"] = order.submitted_by();
  out["gate"] = order.gate().config_version == 0 ? nlohmann::json() : to_json(order.gate());
  return out;
}

nlohmann::json to_json(const GateDecision& g) {
  return {{"decision", g.hold ? "require_approval" : "auto_approve"},
          {"rule", g.rule},
          {"config_version", g.config_version}};
}

Result<Order> order_from_json(const nlohmann::json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  Order::Fields f;
  Price avg_fill_price;
  r.required_int("id", f.id);
  read_intent_fields(r, f.intent);
  r.required_enum("status", f.status);
  r.required_int("filled_qty", f.filled_qty);
  r.required_decimal("avg_fill_price", avg_fill_price);
  r.required_decimal("filled_notional", f.filled_notional);
  r.required_decimal("fees", f.fees);
  r.required_timestamp("created_at", f.created_at);
  r.required_timestamp("updated_at", f.updated_at);
  r.required_reason_list("reasons", f.reasons);
  r.required_int("approval_id", f.approval_id);
  // Absent in orders written before the gate was recorded.
  r.optional_string("submitted_by", f.submitted_by);
  if (const nlohmann::json* gate = r.optional_value("gate"); gate && !gate->is_null()) {
    JsonObjectReader g(*gate, "gate");
    std::string decision;
    g.required_string("decision", decision);
    if (g.ok() && decision != "require_approval" && decision != "auto_approve")
      g.fail("decision", "expected \"require_approval\" or \"auto_approve\"");
    f.gate.hold = decision == "require_approval";
    std::uint64_t rule = 0;
    g.required_int("rule", rule);
    if (g.ok() && rule > ApprovalRule::kMaxRules) g.fail("rule", "is past the most rules a config holds");
    f.gate.rule = static_cast<std::uint32_t>(rule);
    g.required_int("config_version", f.gate.config_version);
    if (g.ok() && f.gate.config_version < 1) g.fail("config_version", "must be at least 1");
    r.adopt(g.finish());
  }
  if (Status s = r.finish(); !s.is_ok()) return s;

  Result<Order> order = Order::restore(std::move(f));
  if (!order.is_ok()) {
    r.adopt(order.status());
    return r.status();
  }
  if (order->avg_fill_price() != avg_fill_price) {
    r.fail("avg_fill_price", "expected " + order->avg_fill_price().to_string() + " (filled_notional / filled_qty)");
    return r.status();
  }
  return order;
}

nlohmann::json to_json(const Fill& fill) {
  nlohmann::json out = nlohmann::json::object();
  out["id"] = fill.id;
  out["order_id"] = fill.order_id;
  out["ticker"] = fill.symbol.str();
  out["side"] = to_string(fill.side);
  out["qty"] = fill.qty;
  out["price"] = to_json(fill.price);
  out["fee"] = to_json(fill.fee);
  out["at"] = to_json(fill.at);
  return out;
}

Result<Fill> fill_from_json(const nlohmann::json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  Fill fill;
  r.required_int("id", fill.id);
  r.required_int("order_id", fill.order_id);
  r.required_symbol("ticker", fill.symbol);
  r.required_enum("side", fill.side);
  r.required_int("qty", fill.qty);
  r.required_decimal("price", fill.price);
  r.required_decimal("fee", fill.fee);
  r.required_timestamp("at", fill.at);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return fill;
}

}  // namespace stonks
