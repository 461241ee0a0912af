// TickerFills: each ticker's fills, indexed as they come.
#include "imgui_ui/model/ticker_fills.h"

#include <algorithm>

namespace stonks::ui {

void TickerFills::update(const ChunkedVector<Fill>& fills) {
  if (fills.size() < seen_) {
    seen_ = 0;
    indices_.clear();
  }
  for (; seen_ < fills.size(); ++seen_) indices_[fills[seen_].symbol].push_back(seen_);
}

std::vector<std::size_t> TickerFills::between(const ChunkedVector<Fill>& fills, const Symbol& symbol, Timestamp from,
                                              Timestamp to) const {
  const auto it = indices_.find(symbol);
  if (it == indices_.end()) return {};
  const std::vector<std::size_t>& all = it->second;
  const auto lo = std::partition_point(all.begin(), all.end(), [&](std::size_t i) { return fills[i].at < from; });
  const auto hi = std::partition_point(lo, all.end(), [&](std::size_t i) { return fills[i].at < to; });
  return std::vector<std::size_t>(lo, hi);
}

}  // namespace stonks::ui
