#include "strategy/rsi.h"

#include "model/fixed_point.h"

namespace stonks {
namespace {

// num / den to the nearest integer, halves up; num >= 0, den > 0.
Int128 divide_rounded(Int128 num, Int128 den) { return (num + den / 2) / den; }

}  // namespace

void Rsi::push(std::int64_t close) {
  // Closes are int64, so a change is below 2^64 and, in units, below 2^84;
  // the seed sums of 10^4 changes stay below 2^98, as does (period - 1) * G.
  const std::optional<std::int64_t> last = last_;
  last_ = close;
  if (!last) return;
  const Int128 change = static_cast<Int128>(close) - *last;
  const Int128 gain = change > 0 ? change : 0, loss = change < 0 ? -change : 0;
  if (changes_ < period_) {
    gain_ += gain;
    loss_ += loss;
    if (++changes_ < period_) return;
    gain_ = divide_rounded(gain_ * kUnitsPerMicro, period_);
    loss_ = divide_rounded(loss_ * kUnitsPerMicro, period_);
    return;
  }
  gain_ = divide_rounded((period_ - 1) * gain_ + gain * kUnitsPerMicro, period_);
  loss_ = divide_rounded((period_ - 1) * loss_ + loss * kUnitsPerMicro, period_);
}

int Rsi::compare(std::int64_t threshold_micros) const {
  // 100 * G / (G + L) against t / 10^6, with G + L > 0: 10^8 * G against
  // t * (G + L), both below 2^27 * 2^85 = 2^112.
  const Int128 rsi_side = gain_ * (100 * fixed_point::kScale);
  const Int128 threshold_side = static_cast<Int128>(threshold_micros) * (gain_ + loss_);
  return rsi_side > threshold_side ? 1 : rsi_side < threshold_side ? -1 : 0;
}

}  // namespace stonks
