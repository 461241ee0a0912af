// ReplayPacing: who replays a backtest's bars at "max" speed, a replay's or
// a sweep's: a host that spends a time budget of each frame on them
// (step_chunk() in a loop, reading its own clock), or, when no host paces
// them, advance() by itself, a bounded number per call.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>

#include "model/time.h"

namespace stonks {

class ReplayPacing {
 public:
  // advance() replays at most this many bars per call, however fast the
  // speed, so a frame never stalls on a long file (~10 ms natively).
  static constexpr std::size_t kMaxBarsPerAdvance = 20'000;
  // A host that paces the bars owns their speed: advance() replays nothing
  // by itself until this much real time went by without a chunk (the host
  // stopped pacing, e.g. a hidden tab draws no frames).
  static constexpr Duration kHostPacingLapse = std::chrono::seconds(1);

  // `real` time passed: the bars advance() replays by itself at "max" now,
  // kMaxBarsPerAdvance or none while a host paces them.
  std::size_t advance(Duration real) {
    since_chunk_ = std::min(since_chunk_ + real, kHostPacingLapse);
    return since_chunk_ < kHostPacingLapse ? 0 : kMaxBarsPerAdvance;
  }
  // The host replayed a chunk.
  void chunk() { since_chunk_ = Duration::zero(); }

 private:
  Duration since_chunk_ = kHostPacingLapse;  // real time since the host last replayed a chunk
};

}  // namespace stonks
