// Axis ticks: where a chart's price and time axes put their labels. Exact:
// prices are micro-units and times microseconds, so a tick's label is the
// value itself, never a rounded float.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/time.h"

namespace stonks {

// Values k * step in [lo, hi], step a 1, 2 or 5 times a power of ten chosen
// so that there are at most `max_ticks` (>= 2) of them; empty when hi < lo.
std::vector<std::int64_t> nice_ticks(std::int64_t lo, std::int64_t hi, int max_ticks);

// The time axis: a step from a fixed ladder (1 s, 5 s, 15 s, 30 s, 1 m, 5 m,
// 15 m, 30 m, 1 h, 3 h, 6 h, 12 h, 1 d, 7 d, 30 d) giving at most
// `max_ticks` multiples of it (UTC-aligned) in [t0, t1].
struct TimeTicks {
  Duration step{0};
  std::vector<Timestamp> at;
};
TimeTicks time_ticks(Timestamp t0, Timestamp t1, int max_ticks);

// A tick's label for that step: "14:30:05" under a minute, "14:30" under a
// day, "12-07" for days (UTC).
std::string time_tick_label(Timestamp t, Duration step);

}  // namespace stonks
