// The orders blotter's data: the cells of an order's row (the table, its
// CSV export and its copy all use them), the filters and the sort keys.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/engine_state.h"
#include "model/order.h"

namespace stonks::ui {

// An order's reasons as the blotter and the timeline show them:
// "CODE: detail; CODE: detail".
std::string reasons_text(const Order& o);

enum class OrderColumn {
  kId,
  kTime,
  kTicker,
  kSide,
  kQty,
  kType,
  kLimit,
  kStatus,
  kFilled,
  kAvgPrice,
  kSource,
  kReasons
};
inline constexpr int kOrderColumns = 12;
// The header names, in column order.
const std::vector<std::string>& order_headers();
// The row's text, in column order: exact prices, the time in the engine's clock.
std::vector<std::string> order_cells(const Order& order);

struct OrderFilter {
  // The statuses shown: every one, those not yet ended, those ended, or `one`.
  enum class Status { kAll, kOpen, kDone, kOne };
  Status status = Status::kAll;
  OrderStatus one = OrderStatus::kFilled;  // when status == kOne
  std::optional<Side> side;
  std::string ticker;  // exact, any case; empty: all
  std::string source;  // part of the source, any case; empty: all
  std::string text;    // part of any cell (id, client id, reasons ...), any case
  bool operator==(const OrderFilter&) const = default;
};
bool matches(const Order& order, const OrderFilter& filter);

struct OrderSort {
  OrderColumn column = OrderColumn::kId;
  bool ascending = false;  // newest first
  bool operator==(const OrderSort&) const = default;
};

// The ids of the orders that pass `filter`, in `sort` order (ties by id, so
// the order is total and stable across frames).
std::vector<OrderId> select_orders(const OrderTable& orders, const OrderFilter& filter, const OrderSort& sort);

// Case-insensitive "contains" and "equals".
bool contains_folded(std::string_view haystack, std::string_view needle);
bool equal_folded(std::string_view a, std::string_view b);

}  // namespace stonks::ui

namespace stonks {
template <>
struct EnumNames<ui::OrderFilter::Status> {
  using S = ui::OrderFilter::Status;
  static constexpr EnumName<S> table[] = {{S::kAll, "all"}, {S::kOpen, "open"}, {S::kDone, "done"}, {S::kOne, "one"}};
};
}  // namespace stonks
