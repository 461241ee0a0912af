// WorkingOrders: the orders working at the broker, by symbol, ascending ids
// (what a quote or bar hands the broker to match). A paper market order is
// working for one event, so this index changes twice per order: a symbol's
// entry added and erased each time would reshuffle the map. A symbol keeps
// its (sorted) list once it has had one, emptied rather than erased, so the
// pipeline reuses it; equality ignores the empty lists, so an index rebuilt
// from a snapshot equals the one the events built.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

#include "model/equal_ignoring.h"
#include "model/ids.h"
#include "model/symbol.h"
#include "model/symbol_map.h"

namespace stonks {

class WorkingOrders {
 public:
  void insert(const Symbol& s, OrderId id) {
    std::vector<OrderId>& ids = by_symbol_[s];
    ids.insert(std::lower_bound(ids.begin(), ids.end(), id), id);  // ids mostly arrive in order: at the end
    ++size_;
  }
  void erase(const Symbol& s, OrderId id) {
    auto it = by_symbol_.find(s);
    if (it == by_symbol_.end()) return;
    std::vector<OrderId>& ids = it->second;
    auto at = std::lower_bound(ids.begin(), ids.end(), id);
    if (at == ids.end() || *at != id) return;
    ids.erase(at);
    --size_;
  }
  void clear() {
    by_symbol_.clear();
    size_ = 0;
  }

  // The orders working in `s`, ascending.
  std::span<const OrderId> of(const Symbol& s) const {
    auto it = by_symbol_.find(s);
    if (it == by_symbol_.end()) return {};
    return it->second;
  }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }  // orders, over every symbol

  // Every symbol that has had a working order, with its list (possibly empty), by symbol.
  auto begin() const { return by_symbol_.begin(); }
  auto end() const { return by_symbol_.end(); }

  friend bool operator==(const WorkingOrders& a, const WorkingOrders& b) {
    return a.size_ == b.size_ &&
           equal_ignoring(a.by_symbol_, b.by_symbol_, [](const std::vector<OrderId>& ids) { return ids.empty(); });
  }

 private:
  SymbolMap<std::vector<OrderId>> by_symbol_;
  std::size_t size_ = 0;
};

}  // namespace stonks
