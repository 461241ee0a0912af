// equal_ignoring: two maps compared as if the entries `blank` says hold
// nothing were absent. The per-symbol indexes keep an emptied entry for
// reuse (WorkingOrders, OpenOrderBook); a state rebuilt from a snapshot has
// no such entries and must still compare equal to the one its events built.
#pragma once

#include <iterator>

namespace stonks {

template <typename Map, typename Blank>
bool equal_ignoring(const Map& a, const Map& b, Blank blank) {
  auto skip = [&blank](auto it, auto end) {
    while (it != end && blank(it->second)) ++it;
    return it;
  };
  auto i = skip(a.begin(), a.end());
  auto j = skip(b.begin(), b.end());
  while (i != a.end() && j != b.end()) {
    if (i->first != j->first || i->second != j->second) return false;
    i = skip(std::next(i), a.end());
    j = skip(std::next(j), b.end());
  }
  return i == a.end() && j == b.end();
}

}  // namespace stonks
