// MovingAverage: the simple moving average of the last n closes, an
// indicator the strategies share. Held as the exact running sum of a
// CloseWindow, so two averages compare without rounding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "strategy/close_window.h"
#include "strategy/wide_int.h"

namespace stonks {

class MovingAverage {
 public:
  // 1 <= length <= 10^4 (the parameter tables bound it; compare needs it).
  explicit MovingAverage(std::size_t length) : closes_(length) {}

  // Adds the newest close (micro-units); the oldest leaves once full.
  void push(std::int64_t close) {
    if (std::optional<std::int64_t> left = closes_.push(close)) sum_ -= *left;
    sum_ += close;
  }

  // Whether `length` closes have been pushed: only then is there an average.
  bool full() const { return closes_.full(); }

  // The sign (-1, 0, +1) of this average minus `other`'s, both full:
  // sum / n against other.sum / m, cross-multiplied. A sum of 10^4 int64
  // closes is below 2^77 and the products below 2^91: no overflow.
  int compare(const MovingAverage& other) const {
    const Int128 mine = sum_ * static_cast<Int128>(other.length()), theirs = other.sum_ * static_cast<Int128>(length());
    return mine > theirs ? 1 : mine < theirs ? -1 : 0;
  }

  std::size_t length() const { return closes_.capacity(); }

 private:
  CloseWindow closes_;
  Int128 sum_ = 0;  // of the closes in the window
};

}  // namespace stonks
