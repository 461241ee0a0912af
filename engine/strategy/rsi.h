// Rsi: Wilder's relative strength index of the closes, an indicator the
// strategies share. In exact integers, so a threshold compares the same in a
// native and a wasm build:
//   - each close after the first is a change: a gain (up) or a loss (down);
//   - once `period` changes are in, the average gain G and loss L are their
//     plain means; after that, for each new change g (gain) and l (loss),
//     G = ((period - 1) * G + g) / period, and L likewise (Wilder's smoothing);
//   - RSI = 100 - 100 / (1 + G / L) = 100 * G / (G + L), none while G + L = 0.
// G and L are held in units of 10^-6 micro-unit (10^-12 of a dollar), each
// step rounded to the nearest unit, halves up. So an RSI that is exactly a
// threshold in rationals may fall a hair either side of it; what is exact is
// the comparison of that state with a threshold.
#pragma once

#include <cstdint>
#include <optional>

#include "strategy/wide_int.h"

namespace stonks {

class Rsi {
 public:
  static constexpr std::int64_t kUnitsPerMicro = 1'000'000;  // the units of G and L

  // 1 <= period <= 10^4 (the parameter tables bound it; the sums need it).
  explicit Rsi(int period) : period_(period) {}

  // Adds the newest close (micro-units).
  void push(std::int64_t close);

  // Whether there is an RSI: `period` changes are in and not all were 0.
  bool ready() const { return changes_ == period_ && gain_ + loss_ > 0; }

  // The sign (-1, 0, +1) of RSI - threshold, the threshold in micro-units
  // (0 to 100 is 0 to 10^8). Requires ready().
  int compare(std::int64_t threshold_micros) const;

  // G and L in units (see above), once `period` changes are in.
  Int128 average_gain() const { return gain_; }
  Int128 average_loss() const { return loss_; }

 private:
  int period_;
  std::optional<std::int64_t> last_;  // the previous close
  int changes_ = 0;                   // changes seen, up to period_
  // Before `period` changes: the sums of the gains and of the losses, in
  // micro-units; then G and L, in units.
  Int128 gain_ = 0;
  Int128 loss_ = 0;
};

}  // namespace stonks
