#include "strategy/z_score.h"

#include "model/fixed_point.h"

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

}  // namespace stonks
