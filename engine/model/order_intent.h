// OrderIntent: what a strategy or the operator asks for, before any check.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/fixed_point.h"
#include "model/ids.h"
#include "model/side.h"
#include "model/status.h"
#include "model/symbol.h"

namespace stonks {

struct OrderIntent {
  static constexpr Quantity kMaxQuantity = 1'000'000'000;
  static constexpr std::size_t kMaxClientOrderIdLength = 64;
  static constexpr std::size_t kMaxSourceLength = 64;

  Symbol symbol;
  Side side = Side::kBuy;
  Quantity qty = 0;
  OrderType type = OrderType::kMarket;
  std::optional<Price> limit_price;  // set exactly when type == kLimit
  std::string client_order_id;       // empty: the engine assigns one
  std::string source = "manual";     // "manual", "strategy:sma", ...

  bool operator==(const OrderIntent&) const = default;
};

// The client_order_id the engine gives an order that came without one:
// "so-<id>". The prefix is the engine's; a new order may not choose it.
std::string assigned_client_order_id(OrderId id);
bool has_assigned_prefix(std::string_view client_order_id);
// The order id inside an assigned client_order_id, if `text` is one.
std::optional<OrderId> order_id_of_assigned(std::string_view text);

// Shape checks that need no market state: quantity in (0, kMaxQuantity],
// a positive limit price exactly for limit orders, and client_order_id /
// source made of [A-Za-z0-9._:-] within their length limits. The Status names
// the offending field.
Status validate(const OrderIntent& intent);

}  // namespace stonks
