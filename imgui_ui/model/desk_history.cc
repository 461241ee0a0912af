// DeskHistory: candles from quotes and bars, equity samples.
#include "imgui_ui/model/desk_history.h"

#include <algorithm>
#include <variant>

namespace stonks::ui {

void DeskHistory::observe(const EventRecord& record) {
  if (record.seq <= last_seq_) return;
  last_seq_ = record.seq;
  if (const auto* q = std::get_if<QuoteReceived>(&record.event)) {
    const Price mid = q->quote.mid();
    add(q->quote.symbol, q->quote.at, mid, mid, mid, mid);
  } else if (const auto* b = std::get_if<BarReceived>(&record.event)) {
    // A bar is stamped with its end: its prices belong to the instant before.
    add(b->bar.symbol, b->bar.at - Duration(1), b->bar.open, b->bar.high, b->bar.low, b->bar.close);
  }
}

void DeskHistory::add(const Symbol& symbol, Timestamp at, Price open, Price high, Price low, Price close) {
  for (CandleSeries& s : series_[symbol].by_length) s.add(at, open, high, low, close);
}

void DeskHistory::sample_equity(const EngineState& state, Timestamp now) {
  const SeriesPoint p{now, state.portfolio.equity_at(state.valuation.market_value()).micros()};
  const std::size_t n = equity_.size();
  if (n > 0 && now < equity_.back().at) return;  // the clock never runs back on screen
  if (n >= 2 && equity_[n - 1].value == p.value && equity_[n - 2].value == p.value) {
    equity_.back().at = now;
    return;
  }
  if (n > 0 && equity_.back().at == now) {
    equity_.back() = p;
    return;
  }
  equity_.push_back(p);
  if (equity_.size() <= kMaxEquityPoints) return;
  // Keep the first, every other one after it, and the newest.
  std::size_t out = 1;
  for (std::size_t i = 2; i + 1 < equity_.size(); i += 2) equity_[out++] = equity_[i];
  equity_[out++] = equity_.back();
  equity_.resize(out);
}

const CandleSeries* DeskHistory::candles(const Symbol& symbol, CandleLength length) const {
  const auto it = series_.find(symbol);
  return it == series_.end() ? nullptr : &it->second.by_length[static_cast<std::size_t>(length)];
}

std::optional<Price> DeskHistory::day_open(const Symbol& symbol, Timestamp now) const {
  const CandleSeries* hourly = candles(symbol, CandleLength::k1h);
  if (!hourly) return std::nullopt;
  const Timestamp day_start = CandleSeries::bucket_start(now, std::chrono::hours(24));
  const std::deque<Candle>& c = hourly->candles();
  const auto it =
      std::lower_bound(c.begin(), c.end(), day_start, [](const Candle& a, Timestamp t) { return a.start < t; });
  if (it == c.end()) return std::nullopt;
  return it->open;
}

}  // namespace stonks::ui
