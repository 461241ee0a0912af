// SymbolMap: a map keyed by Symbol for the per-symbol state the engine looks
// up on every order (quotes and marks, positions, their valuation, what open
// and working orders hold). Entries sit in one array sorted by symbol, so
// iteration is in ticker order like a std::map's, and a small open-addressing
// table of their positions answers a lookup with one hash and, mostly, one
// compare. A std::map took a dozen tree descents per order, about 12% of the
// pipeline's time.
//
// Adding a symbol may move entries and rebuild the table: cheap for the
// hundreds of symbols a desk trades, and rare (a symbol enters once; none
// leaves, the engine keeps an emptied entry instead). It also invalidates
// references and iterators into the map, unlike a std::map's: hold none
// across an insertion. Iterators reach the entries' keys too; change none
// through them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include "model/symbol.h"

namespace stonks {

template <typename T>
class SymbolMap {
 public:
  using value_type = std::pair<Symbol, T>;
  using iterator = typename std::vector<value_type>::iterator;
  using const_iterator = typename std::vector<value_type>::const_iterator;

  iterator begin() { return entries_.begin(); }
  iterator end() { return entries_.end(); }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  iterator find(const Symbol& s) { return begin() + static_cast<std::ptrdiff_t>(index_of(s)); }
  const_iterator find(const Symbol& s) const { return begin() + static_cast<std::ptrdiff_t>(index_of(s)); }
  bool contains(const Symbol& s) const { return index_of(s) != entries_.size(); }

  // The entry for `s`, added with T{} when there is none.
  T& operator[](const Symbol& s) { return try_emplace(s).first->second; }

  // Adds `s` with T(args...) unless present; the entry and whether it was added.
  template <typename... Args>
  std::pair<iterator, bool> try_emplace(const Symbol& s, Args&&... args) {
    if (std::size_t i = index_of(s); i != entries_.size()) return {begin() + static_cast<std::ptrdiff_t>(i), false};
    auto at = std::lower_bound(entries_.begin(), entries_.end(), s,
                               [](const value_type& e, const Symbol& key) { return e.first < key; });
    const bool last = at == entries_.end();
    at = entries_.emplace(at, std::piecewise_construct, std::forward_as_tuple(s),
                          std::forward_as_tuple(std::forward<Args>(args)...));
    const std::size_t i = static_cast<std::size_t>(at - entries_.begin());
    // An entry added at the end moves no other: it only needs its own slot
    // while the table has room (so filling the map in order is linear).
    if (last && 2 * entries_.size() <= slots_.size()) {
      place(i, slots_.size() - 1);
    } else {
      rebuild();
    }
    return {begin() + static_cast<std::ptrdiff_t>(i), true};
  }

  // As std::map's: adds (s, value) unless `s` is present.
  std::pair<iterator, bool> emplace(const Symbol& s, T value) { return try_emplace(s, std::move(value)); }
  std::pair<iterator, bool> insert(value_type entry) { return try_emplace(entry.first, std::move(entry.second)); }

  void clear() {
    entries_.clear();
    slots_.clear();
  }

  // The entries; the lookup table is derived from them.
  bool operator==(const SymbolMap& o) const { return entries_ == o.entries_; }

 private:
  static std::size_t slot_of(const Symbol& s, std::size_t mask) { return static_cast<std::size_t>(s.hash()) & mask; }

  // The position of `s` in entries_, or size() when absent.
  std::size_t index_of(const Symbol& s) const {
    if (slots_.empty()) return entries_.size();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = slot_of(s, mask);; k = (k + 1) & mask) {
      const std::uint32_t slot = slots_[k];
      if (slot == 0) return entries_.size();
      if (entries_[slot - 1].first == s) return slot - 1;
    }
  }

  // Refills the table: at least twice as many slots as entries (a power of
  // two), so a probe meets an empty slot soon.
  void rebuild() {
    std::size_t n = 8;
    while (n < 2 * entries_.size()) n *= 2;
    slots_.assign(n, 0);
    const std::size_t mask = n - 1;
    for (std::size_t i = 0; i < entries_.size(); ++i) place(i, mask);
  }
  void place(std::size_t i, std::size_t mask) {
    std::size_t k = slot_of(entries_[i].first, mask);
    while (slots_[k] != 0) k = (k + 1) & mask;
    slots_[k] = static_cast<std::uint32_t>(i + 1);  // 0 marks an empty slot
  }

  std::vector<value_type> entries_;   // ascending by symbol
  std::vector<std::uint32_t> slots_;  // entry index + 1 per slot, 0 when empty
};

}  // namespace stonks
