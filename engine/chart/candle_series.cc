// CandleSeries: bucketing and folding.
#include "chart/candle_series.h"

#include <algorithm>

namespace stonks {

CandleSeries::CandleSeries(Duration length, std::size_t capacity)
    : length_(std::max(length, Duration(1))), capacity_(std::max<std::size_t>(capacity, 1)) {}

Timestamp CandleSeries::bucket_start(Timestamp at, Duration length) {
  const std::int64_t t = micros_since_epoch(at), l = length.count();
  std::int64_t q = t / l;
  if (t % l != 0 && t < 0) --q;  // floor, not truncation
  return timestamp_from_micros(q * l);
}

bool CandleSeries::add(Timestamp at, Price open, Price high, Price low, Price close) {
  const Timestamp start = bucket_start(at, length_);
  if (!candles_.empty() && start < candles_.back().start) return false;
  if (candles_.empty() || start > candles_.back().start) {
    candles_.push_back(Candle{start, open, high, low, close, 1});
    if (candles_.size() > capacity_) candles_.pop_front();
    return true;
  }
  Candle& c = candles_.back();
  c.high = std::max(c.high, high);
  c.low = std::min(c.low, low);
  c.close = close;
  ++c.points;
  return true;
}

std::string candle_length_label(Duration length) {
  using namespace std::chrono;
  const std::int64_t s = duration_cast<seconds>(length).count();
  if (s % 86'400 == 0) return std::to_string(s / 86'400) + (s == 86'400 ? " day" : " days");
  if (s % 3'600 == 0) return std::to_string(s / 3'600) + " h";
  if (s % 60 == 0) return std::to_string(s / 60) + " min";
  return std::to_string(s) + " s";
}

}  // namespace stonks
