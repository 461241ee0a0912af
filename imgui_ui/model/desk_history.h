// DeskHistory: what the desk draws that EngineState does not keep -- candles
// of every quoted ticker at four lengths and the account's equity over the
// session -- derived from the committed events the host sees (the sandbox's
// event log, or a server's event stream), bounded, never authoritative.
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <vector>

#include "chart/candle_series.h"
#include "chart/chart_layout.h"
#include "core/engine_state.h"
#include "core/events.h"
#include "model/enum_names.h"

namespace stonks::ui {

enum class CandleLength { k1m, k5m, k15m, k1h };

}  // namespace stonks::ui

namespace stonks {
template <>
struct EnumNames<ui::CandleLength> {
  using L = ui::CandleLength;
  static constexpr EnumName<L> table[] = {{L::k1m, "1m"}, {L::k5m, "5m"}, {L::k15m, "15m"}, {L::k1h, "1h"}};
};
}  // namespace stonks

namespace stonks::ui {

class DeskHistory {
 public:
  static constexpr std::array<Duration, 4> kLengths = {std::chrono::minutes(1), std::chrono::minutes(5),
                                                       std::chrono::minutes(15), std::chrono::hours(1)};
  // Candles kept per ticker and length: 2,000 one-minute candles are a day
  // and a half of quotes, 2,000 hourly ones about twelve weeks.
  static constexpr std::size_t kCandlesPerSeries = 2000;
  // Equity points kept; past this the curve keeps every other point (half
  // the resolution, the whole session).
  static constexpr std::size_t kMaxEquityPoints = 4000;

  // Folds one committed event: quotes (their mid) and bars (their prices)
  // into the ticker's candles. Events at or below last_seq() are skipped, so
  // a host may hand the same event twice (a replayed page, a rebuild).
  void observe(const EventRecord& record);

  // Records the account's equity (cash + positions at market) at `now`. A
  // value equal to the two before it moves the last point on instead of
  // adding one, so a quiet account costs nothing.
  void sample_equity(const EngineState& state, Timestamp now);

  // null when the ticker was never quoted here.
  const CandleSeries* candles(const Symbol& symbol, CandleLength length) const;
  const std::vector<SeriesPoint>& equity() const { return equity_; }
  EventSeq last_seq() const { return last_seq_; }

  // The first price of the UTC day holding `now`, as far as the candles
  // reach back; nullopt when they hold nothing of that day.
  std::optional<Price> day_open(const Symbol& symbol, Timestamp now) const;

 private:
  struct Series {
    std::array<CandleSeries, 4> by_length{
        CandleSeries(kLengths[0], kCandlesPerSeries), CandleSeries(kLengths[1], kCandlesPerSeries),
        CandleSeries(kLengths[2], kCandlesPerSeries), CandleSeries(kLengths[3], kCandlesPerSeries)};
  };
  void add(const Symbol& symbol, Timestamp at, Price open, Price high, Price low, Price close);

  EventSeq last_seq_ = 0;
  std::map<Symbol, Series> series_;
  std::vector<SeriesPoint> equity_;
};

}  // namespace stonks::ui
