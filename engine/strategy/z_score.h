// The z-score of the newest close against the last n closes, an indicator
// the strategies share: ZScore is one value held as exact integers, so it
// compares with a decimal threshold without floating point (native and wasm
// agree bit for bit); RollingZScore keeps the window's sums to give it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "model/fixed_point.h"
#include "strategy/close_window.h"
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

class RollingZScore {
 public:
  // Closes above this ($10^9 a share) would overflow the exact sums; a
  // window holding one gives no z-score until it has left.
  static constexpr std::int64_t kMaxCloseMicros = 1'000'000'000 * fixed_point::kScale;

  // 2 <= window <= 10^4 (the parameter tables bound it; the sums need it).
  explicit RollingZScore(std::size_t window) : closes_(window) {}

  // Adds the newest close (micro-units); the oldest leaves once full.
  void push(std::int64_t close);

  // The z-score of the newest close once the window is full; v == 0 (no
  // z-score) before that, while every close in it is the same, or while it
  // holds a close above kMaxCloseMicros.
  ZScore value() const;

 private:
  void add(std::int64_t close, int change);  // change: +1 enters, -1 leaves

  CloseWindow closes_;
  Int128 sum_ = 0;     // of the closes in range
  UInt128 sumsq_ = 0;  // of their squares
  int oversized_ = 0;  // closes in the window above kMaxCloseMicros
};

}  // namespace stonks
