#include "strategy/z_score.h"

#include <optional>

namespace stonks {
namespace {

int sign(Int128 x) { return x > 0 ? 1 : x < 0 ? -1 : 0; }
UInt128 magnitude(Int128 x) { return static_cast<UInt128>(x < 0 ? -x : x); }

}  // namespace

int ZScore::compare(std::int64_t threshold_micros) const {
  // z - t/10^6 has the sign of a - t * sqrt(v) with a = 10^6 * d, sqrt(v) > 0.
  // Unlike signs decide at once; like signs compare the squares a^2 and
  // t^2 * v, which need 256 bits.
  const Int128 a = d * fixed_point::kScale;
  const int sa = sign(a), st = sign(threshold_micros);
  if (sa != st) return sa > st ? 1 : -1;
  if (sa == 0) return 0;
  const UInt256 a2 = wide_multiply(magnitude(a), magnitude(a));
  const UInt256 t2v = wide_multiply(magnitude(threshold_micros) * magnitude(threshold_micros), v);
  const int by_magnitude = a2 > t2v ? 1 : a2 < t2v ? -1 : 0;
  return sa * by_magnitude;
}

void RollingZScore::push(std::int64_t close) {
  if (std::optional<std::int64_t> left = closes_.push(close)) add(*left, -1);
  add(close, +1);
}

void RollingZScore::add(std::int64_t close, int change) {
  if (close > kMaxCloseMicros) {
    oversized_ += change;
    return;
  }
  const UInt128 square = static_cast<UInt128>(close) * static_cast<UInt128>(close);
  if (change > 0) {
    sum_ += close;
    sumsq_ += square;
  } else {
    sum_ -= close;
    sumsq_ -= square;
  }
}

ZScore RollingZScore::value() const {
  if (!closes_.full() || oversized_ > 0) return {};
  // With n <= 10^4 closes of at most 10^15 micro-units, n * sumsq and sum^2
  // stay below 10^38 < 2^128, and v >= 0 (Cauchy-Schwarz).
  const Int128 n = static_cast<Int128>(closes_.capacity());
  const UInt128 sum = static_cast<UInt128>(sum_);
  return ZScore{n * closes_.back(0) - sum_, static_cast<UInt128>(n) * sumsq_ - sum * sum};
}

}  // namespace stonks
