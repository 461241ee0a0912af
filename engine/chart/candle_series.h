// CandleSeries: open/high/low/close candles of one length, built from the
// prices the engine received (quote mids, bar closes), bounded in count.
#pragma once

#include <cstdint>
#include <deque>
#include <string>

#include "model/fixed_point.h"
#include "model/time.h"

namespace stonks {

struct Candle {
  Timestamp start{};  // the bucket's first instant; the candle covers [start, start + length)
  Price open;
  Price high;
  Price low;
  Price close;
  std::uint32_t points = 0;  // prices folded in
  bool operator==(const Candle&) const = default;
};

class CandleSeries {
 public:
  // `length` > 0; keeps at most `capacity` (> 0) candles, the newest.
  CandleSeries(Duration length, std::size_t capacity);

  // Folds a price seen at `at` into its candle. Buckets are aligned on the
  // epoch (a 5-minute candle starts at :00, :05, ...), so a point exactly on
  // an edge opens the candle that starts there. A bucket with no point gets
  // no candle: a gap in time is a jump between neighbours, not flat candles.
  // A point older than the newest candle's bucket is dropped (false): the
  // series only grows at its end. Past `capacity` the oldest candle goes.
  bool add(Timestamp at, Price price) { return add(at, price, price, price, price); }
  // The same for a span already summarised (a bar): open and close as given,
  // high and low widened.
  bool add(Timestamp at, Price open, Price high, Price low, Price close);

  // The start of the bucket holding `at` (floor division, before the epoch too).
  static Timestamp bucket_start(Timestamp at, Duration length);

  Duration length() const { return length_; }
  std::size_t capacity() const { return capacity_; }
  const std::deque<Candle>& candles() const { return candles_; }

 private:
  Duration length_;
  std::size_t capacity_;
  std::deque<Candle> candles_;
};

// A candle length for people: "1 day", "7 days", "4 h", "15 min", "5 s".
std::string candle_length_label(Duration length);

}  // namespace stonks
