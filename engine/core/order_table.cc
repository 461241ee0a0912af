#include "core/order_table.h"

namespace stonks {

bool OrderTable::append(Order o) {
  if (o.id() != rows_.size() + 1) return false;
  const OrderId id = o.id();
  rows_.emplace_back(id, std::move(o));
  return true;
}

}  // namespace stonks
