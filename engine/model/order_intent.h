// OrderIntent: what a strategy or the operator asks for, before any check.
#pragma once

#include <optional>
#include <string>

#include "model/fixed_point.h"
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

// Shape checks that need no market state: quantity in (0, kMaxQuantity],
// a positive limit price exactly for limit orders, and client_order_id /
// source made of [A-Za-z0-9._:-] within their length limits. The Status names
// the offending field.
Status validate(const OrderIntent& intent);

}  // namespace stonks
