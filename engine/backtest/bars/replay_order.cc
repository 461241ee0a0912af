#include "backtest/bars/replay_order.h"

#include <algorithm>

namespace stonks {

void sort_for_replay(std::vector<Bar>& bars) {
  std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
    if (a.at != b.at) return a.at < b.at;
    return a.symbol < b.symbol;
  });
}

}  // namespace stonks
