// JSON shapes of OrderIntent, Order and Fill (journal events and the REST API).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "model/fill.h"
#include "model/order.h"
#include "model/order_intent.h"
#include "model/status.h"

namespace stonks {

// {"ticker","side","qty","type","limit_price"?,"client_order_id","source"}.
// limit_price is written only when set.
nlohmann::json to_json(const OrderIntent& intent);

// Reads the shape above strictly: ticker, side and qty are required; type
// defaults to "market", source to "manual", client_order_id to "" (the engine
// assigns one); limit_price may be absent or null. Unknown fields, wrong types
// and non-integer qty are refused. Checks shape only: call validate(intent)
// for the ranges (qty > 0, a limit price exactly for limit orders, ...).
// `path` prefixes field names in errors ("order" -> "order.qty").
Result<OrderIntent> order_intent_from_json(const nlohmann::json& value, std::string_view path = {});

// The full order view: the intent's fields flattened next to "id", "status",
// "filled_qty", "avg_fill_price", "filled_notional", "fees", "created_at",
// "updated_at", "reasons", "approval_id" (0: none), "submitted_by" ("" for
// the engine's own orders) and "gate": null when the order never reached the
// approval gate (risk refused it, or a halt & flatten close), else
// {"decision": "require_approval"|"auto_approve", "rule": N (1-based; 0: no
// rule matched, the mode's default decided), "config_version": V}.
nlohmann::json to_json(const Order& order);

// {"decision": "require_approval"|"auto_approve", "rule", "config_version"}:
// the order view's "gate", and the preview's.
nlohmann::json to_json(const GateDecision& gate);

// Reads the full view back (snapshots) through Order::restore, so an order
// whose fields disagree (filled_qty beyond qty, "filled" with nothing filled,
// an avg_fill_price that is not filled_notional / filled_qty) is refused. All
// fields are required except limit_price, client_order_id, source and type
// (defaults as for the intent), submitted_by and gate (orders stored before
// they were recorded: empty, null).
Result<Order> order_from_json(const nlohmann::json& value, std::string_view path = {});

// {"id","order_id","ticker","side","qty","price","fee","at"}, all required.
nlohmann::json to_json(const Fill& fill);
Result<Fill> fill_from_json(const nlohmann::json& value, std::string_view path = {});

}  // namespace stonks
