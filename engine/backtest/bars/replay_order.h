// The order a replay feeds bars in: time, then symbol.
#pragma once

#include <vector>

#include "model/market_data.h"

namespace stonks {

// Sorts `bars` by end time, equal times by symbol, keeping the given order
// of bars equal in both (a stable merge of per-symbol series, whatever
// order the files or symbols came in).
void sort_for_replay(std::vector<Bar>& bars);

}  // namespace stonks
