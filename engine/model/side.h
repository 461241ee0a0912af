// Side and order type, with their wire names.
#pragma once

#include "model/enum_names.h"

namespace stonks {

enum class Side { kBuy, kSell };
enum class OrderType { kMarket, kLimit };

template <>
struct EnumNames<Side> {
  static constexpr EnumName<Side> table[] = {{Side::kBuy, "buy"}, {Side::kSell, "sell"}};
};
template <>
struct EnumNames<OrderType> {
  static constexpr EnumName<OrderType> table[] = {{OrderType::kMarket, "market"}, {OrderType::kLimit, "limit"}};
};

// +1 for buys, -1 for sells: the sign a fill adds to a position.
inline int side_sign(Side s) { return s == Side::kBuy ? 1 : -1; }

}  // namespace stonks
