// ZScore: the z-score of the newest close in a window of n closes, held as
// exact integers so it can be compared with a decimal threshold without
// floating point (native and wasm agree bit for bit).
#pragma once

#include <cstdint>

#include "strategy/wide_int.h"

namespace stonks {

// With sum and sumsq the sums of the closes and of their squares (micro-
// units), z = (close - mean) / stddev (population) = d / sqrt(v), where
// d = n * close - sum and v = n * sumsq - sum^2 (both scaled by n).
struct ZScore {
  Int128 d = 0;
  UInt128 v = 0;  // 0 when every close is the same: no z-score

  // The sign of z - threshold (-1, 0, +1) for a threshold in micro-units
  // (|threshold| <= 10^8, i.e. 100). Requires v > 0 and |d| <= 10^19.
  int compare(std::int64_t threshold_micros) const;
};

}  // namespace stonks
