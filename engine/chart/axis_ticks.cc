// Axis ticks: the 1-2-5 ladder for values and the clock ladder for times.
#include "chart/axis_ticks.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

namespace stonks {
namespace {

__extension__ typedef __int128 Int128;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if (a % b != 0 && (a < 0) != (b < 0)) --q;
  return q;
}

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }

}  // namespace

std::vector<std::int64_t> nice_ticks(std::int64_t lo, std::int64_t hi, int max_ticks) {
  std::vector<std::int64_t> out;
  if (hi < lo) return out;
  max_ticks = std::max(max_ticks, 2);
  const Int128 range = static_cast<Int128>(hi) - lo;
  for (std::int64_t power = 1;; power *= 10) {
    for (std::int64_t mult : {1, 2, 5}) {
      const std::int64_t step = power * mult;
      if (range / step + 1 > max_ticks) continue;
      for (std::int64_t k = ceil_div(lo, step); k <= floor_div(hi, step); ++k) out.push_back(k * step);
      return out;
    }
    if (power > INT64_MAX / 100) return {lo};  // a range this wide only ever happens in tests
  }
}

TimeTicks time_ticks(Timestamp t0, Timestamp t1, int max_ticks) {
  using namespace std::chrono;
  static constexpr std::array<Duration, 15> kLadder = {
      seconds(1), seconds(5), seconds(15), seconds(30), minutes(1), minutes(5),    minutes(15),   minutes(30),
      hours(1),   hours(3),   hours(6),    hours(12),   hours(24),  hours(24 * 7), hours(24 * 30)};
  TimeTicks out;
  if (t1 < t0) return out;
  max_ticks = std::max(max_ticks, 2);
  const std::int64_t a = micros_since_epoch(t0), b = micros_since_epoch(t1);
  out.step = kLadder.back();
  for (Duration step : kLadder)
    if ((b - a) / step.count() + 1 <= max_ticks) {
      out.step = step;
      break;
    }
  const std::int64_t s = out.step.count();
  for (std::int64_t k = ceil_div(a, s); k <= floor_div(b, s); ++k) out.at.push_back(timestamp_from_micros(k * s));
  return out;
}

std::string time_tick_label(Timestamp t, Duration step) {
  using namespace std::chrono;
  const std::int64_t secs = floor_div(micros_since_epoch(t), 1'000'000);
  const std::int64_t day = floor_div(secs, 86'400), in_day = secs - day * 86'400;
  char buf[32];
  if (step >= hours(24)) {
    const year_month_day ymd{sys_days{days{day}}};
    std::snprintf(buf, sizeof buf, "%02u-%02u", static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  } else if (step >= minutes(1)) {
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60));
  } else {
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", static_cast<int>(in_day / 3600),
                  static_cast<int>(in_day / 60 % 60), static_cast<int>(in_day % 60));
  }
  return buf;
}

}  // namespace stonks
