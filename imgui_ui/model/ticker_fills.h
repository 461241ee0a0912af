// TickerFills: the fills of each ticker, for the chart's markers, kept
// across frames. Fills only grow and come in time order, so update() looks
// only at those that came since its last call, and between() finds a
// ticker's fills in a time range by binary search: a frame costs what the
// new and the visible fills do, not what the whole book does, and choosing
// another ticker costs nothing.
#pragma once

#include <cstddef>
#include <map>
#include <vector>

#include "core/engine_state.h"

namespace stonks::ui {

class TickerFills {
 public:
  // Brings the index up to `fills`; starts over when there are fewer fills
  // than before (another engine's).
  void update(const ChunkedVector<Fill>& fills);
  // The indices into `fills` (the ones update() was last given) of the
  // fills of `symbol` at or after `from` and before `to`, in time order.
  std::vector<std::size_t> between(const ChunkedVector<Fill>& fills, const Symbol& symbol, Timestamp from,
                                   Timestamp to) const;

 private:
  std::size_t seen_ = 0;                                // fills looked at
  std::map<Symbol, std::vector<std::size_t>> indices_;  // per ticker, in time order
};

}  // namespace stonks::ui
