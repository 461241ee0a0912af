// IdMap: rows keyed by an id the engine hands out in increasing order
// (approval requests), in one vector sorted by id. The next id is appended;
// a lookup is an index when the ids are dense from the first (as the
// engine's are) and a binary search otherwise. A std::map took a tree node
// per request and a descent per lookup: decisions ran 15% slower with it.
//
// Rows iterate, bind and page (upper_bound) like a std::map's, so the API's
// paging serves both. As with SymbolMap, adding a row may move the others:
// hold no reference into the map across an insertion.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace stonks {

template <typename T>
class IdMap {
 public:
  using key_type = std::uint64_t;
  using value_type = std::pair<key_type, T>;
  using iterator = typename std::vector<value_type>::iterator;
  using const_iterator = typename std::vector<value_type>::const_iterator;

  const_iterator begin() const { return rows_.begin(); }
  const_iterator end() const { return rows_.end(); }
  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }

  const_iterator find(key_type id) const { return begin() + static_cast<std::ptrdiff_t>(index_of(id)); }
  // Iterators reach the rows' keys too; change none through them.
  iterator find(key_type id) { return rows_.begin() + static_cast<std::ptrdiff_t>(index_of(id)); }
  // The first row with an id above `id`.
  const_iterator upper_bound(key_type id) const {
    return std::upper_bound(begin(), end(), id, [](key_type key, const value_type& row) { return key < row.first; });
  }

  // Sets the row for `id` to `value`, adding it in id order if there is none.
  void insert_or_assign(key_type id, T value) {
    if (rows_.empty() || rows_.back().first < id) {
      rows_.emplace_back(id, std::move(value));
      return;
    }
    if (std::size_t i = index_of(id); i != rows_.size()) {
      rows_[i].second = std::move(value);
    } else {
      rows_.emplace(first_at_or_above(id), id, std::move(value));
    }
  }

  bool operator==(const IdMap&) const = default;

 private:
  const_iterator first_at_or_above(key_type id) const {
    return std::lower_bound(rows_.begin(), rows_.end(), id,
                            [](const value_type& row, key_type key) { return row.first < key; });
  }
  // The row holding `id`, or size() when none does.
  std::size_t index_of(key_type id) const {
    if (!rows_.empty() && id >= rows_.front().first) {
      const key_type guess = id - rows_.front().first;
      if (guess < rows_.size() && rows_[guess].first == id) return static_cast<std::size_t>(guess);
    }
    auto it = first_at_or_above(id);
    return it != rows_.end() && it->first == id ? static_cast<std::size_t>(it - rows_.begin()) : rows_.size();
  }

  std::vector<value_type> rows_;
};

}  // namespace stonks
