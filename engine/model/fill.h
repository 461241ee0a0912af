// Fill: one execution of (part of) an order.
#pragma once

#include "model/fixed_point.h"
#include "model/ids.h"
#include "model/side.h"
#include "model/symbol.h"
#include "model/time.h"

namespace stonks {

struct Fill {
  FillId id = 0;
  OrderId order_id = 0;
  Symbol symbol;
  Side side = Side::kBuy;
  Quantity qty = 0;
  Price price;
  Money fee;
  Timestamp at{};
  bool operator==(const Fill&) const = default;
};

}  // namespace stonks
