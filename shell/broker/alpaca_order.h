// The adapter's view of an Alpaca order object, and the POST body of one.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/fixed_point.h"
#include "model/ids.h"
#include "model/order_intent.h"
#include "model/status.h"

namespace stonks::alpaca {

// The fields of Alpaca's order object the engine needs. Alpaca's object has
// no reject reason: a rejection is told by `status` only.
struct BrokerOrder {
  std::string id;  // the broker's UUID
  std::string client_order_id;
  std::string status;       // "accepted", "new", "partially_filled", "filled", "canceled", ...
  Quantity filled_qty = 0;  // cumulative, whole shares
  Price filled_avg_price;   // cumulative average; zero before the first fill
  bool operator==(const BrokerOrder&) const = default;
};

// Reads an order object. Decimals come as strings (or numbers); more than six
// places are rounded half up to the engine's micro-units; a fractional
// filled_qty is cut to whole shares (the engine trades whole shares only).
// kInvalidArgument naming the field when one is missing or malformed.
Result<BrokerOrder> parse_broker_order(const nlohmann::json& json);

// A decimal field of a broker object (a string or a number; more than six
// places rounded half up) as micro-units; absent or null reads as zero.
// kInvalidArgument naming the field when it is not a decimal.
Result<std::int64_t> decimal_field(const nlohmann::json& json, const char* field);

// filled, canceled, expired, rejected, replaced: no later change. Every other
// status, known or not, counts as open.
bool is_final_status(const std::string& status);

// The broker's client_order_id of engine order `id`: "so-<instance>-<id>".
// The instance id is made once per data dir, so a fresh data dir (whose order
// ids restart at 1) never reuses an id the broker remembers forever.
std::string broker_client_order_id(const std::string& instance_id, OrderId id);

// POST /v2/orders: symbol, qty, side, type, limit_price (limit orders),
// time_in_force "day", client_order_id. Decimals as strings.
nlohmann::json order_request(const OrderIntent& intent, const std::string& client_order_id);

}  // namespace stonks::alpaca
