// OrderTable: every order the engine has received, by id. Ids are handed out
// 1, 2, 3, ... and orders never leave, so the table is a dense array: a
// lookup is an index, not a walk down a tree of a million nodes. Rows never
// move once added (ChunkedVector), so pointers to orders stay valid.
#pragma once

#include <cstddef>
#include <utility>

#include "core/chunked_vector.h"
#include "model/order.h"

namespace stonks {

class OrderTable {
 public:
  // Rows look like a std::map's so callers can use structured bindings and
  // share code with the id-keyed maps (see api/routes.h, page_of).
  using value_type = std::pair<OrderId, Order>;  // only handed out const
  using const_iterator = ChunkedVector<value_type>::const_iterator;

  // Adds `o`, which must carry the next id (size() + 1); false otherwise.
  bool append(Order o);

  const Order* find(OrderId id) const { return contains(id) ? &rows_[id - 1].second : nullptr; }
  Order* find(OrderId id) { return contains(id) ? &rows_[id - 1].second : nullptr; }
  // The order with `id`, which the caller knows exists.
  const Order& at(OrderId id) const { return rows_.at(id - 1).second; }

  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  const_iterator begin() const { return rows_.begin(); }
  const_iterator end() const { return rows_.end(); }
  // The first row with an id above `id`.
  const_iterator upper_bound(OrderId id) const {
    return id >= rows_.size() ? rows_.end() : rows_.begin() + static_cast<std::ptrdiff_t>(id);
  }

  bool operator==(const OrderTable&) const = default;

 private:
  bool contains(OrderId id) const { return id >= 1 && id <= rows_.size(); }

  ChunkedVector<value_type> rows_;  // rows_[i] holds order i + 1
};

}  // namespace stonks
