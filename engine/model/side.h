// Side and order type, with their wire names.
#pragma once

#include <optional>
#include <string_view>

namespace stonks {

enum class Side { kBuy, kSell };
enum class OrderType { kMarket, kLimit };

inline const char* to_string(Side s) { return s == Side::kBuy ? "buy" : "sell"; }
inline const char* to_string(OrderType t) { return t == OrderType::kMarket ? "market" : "limit"; }

inline std::optional<Side> parse_side(std::string_view s) {
  if (s == "buy") return Side::kBuy;
  if (s == "sell") return Side::kSell;
  return std::nullopt;
}
inline std::optional<OrderType> parse_order_type(std::string_view s) {
  if (s == "market") return OrderType::kMarket;
  if (s == "limit") return OrderType::kLimit;
  return std::nullopt;
}

// +1 for buys, -1 for sells: the sign a fill adds to a position.
inline int side_sign(Side s) { return s == Side::kBuy ? 1 : -1; }

}  // namespace stonks
