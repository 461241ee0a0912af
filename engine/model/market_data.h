// Market data the engine consumes: quotes, bars and news.
#pragma once

#include <string>

#include "model/fixed_point.h"
#include "model/symbol.h"
#include "model/time.h"

namespace stonks {

struct Quote {
  Symbol symbol;
  Price bid;
  Price ask;
  Quantity bid_size = 0;  // 0: size unknown, fills are not limited by it
  Quantity ask_size = 0;
  Timestamp at{};

  Price mid() const { return Price::from_micros((bid.micros() + ask.micros()) / 2); }
  bool operator==(const Quote&) const = default;
};

struct Bar {
  Symbol symbol;
  Price open;
  Price high;
  Price low;
  Price close;
  Quantity volume = 0;
  Timestamp at{};  // end of the bar
  bool operator==(const Bar&) const = default;
};

struct NewsEvent {
  static constexpr int kMaxSeverity = 100;
  static constexpr std::size_t kMaxHeadlineLength = 500;
  Symbol symbol;
  std::string headline;
  int severity = 0;  // 0-100
  Timestamp at{};
  bool operator==(const NewsEvent&) const = default;
};

// Range checks: positive prices, bid <= ask, non-negative sizes, high >= low,
// severity in 0-100, a non-empty headline of bounded length.
Status validate(const Quote& q);
Status validate(const Bar& b);
Status validate(const NewsEvent& n);

}  // namespace stonks
