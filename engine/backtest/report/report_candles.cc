// ReportCandles: every ladder length folded at once, the finest that fits kept.
#include "backtest/report/report_candles.h"

#include <array>
#include <chrono>

namespace stonks {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const std::array<Duration, 15> kLadder = {seconds(1), seconds(5),    seconds(15),    seconds(30),    minutes(1),
                                          minutes(5), minutes(15),   minutes(30),    hours(1),       hours(4),
                                          hours(24),  hours(24 * 7), hours(24 * 30), hours(24 * 91), hours(24 * 365)};

}  // namespace

ReportCandles::ReportCandles() = default;

void ReportCandles::add(const Bar& bar) {
  auto [it, fresh] = symbols_.try_emplace(bar.symbol);
  PerSymbol& s = it->second;
  if (fresh)
    for (Duration length : kLadder) s.rungs.push_back(Rung{CandleSeries(length, kReportMaxCandles)});
  const Timestamp t = chart_time(bar.at);
  if (s.any && t > s.last && (s.min_spacing.count() == 0 || t - s.last < s.min_spacing)) s.min_spacing = t - s.last;
  if (!s.any || t > s.last) s.last = t;
  s.any = true;
  for (Rung& r : s.rungs) {
    if (r.given_up) continue;
    const auto& c = r.series.candles();
    const bool had = !c.empty();
    const Timestamp newest = had ? c.back().start : Timestamp{};
    if (!r.series.add(t, bar.open, bar.high, bar.low, bar.close)) continue;
    if (!had || c.back().start != newest) ++r.opened;
    // The coarsest length is never given up: it is the fallback.
    if (r.opened > kReportMaxCandles && &r != &s.rungs.back()) {
      r.given_up = true;
      r.series = CandleSeries(r.series.length(), 1);  // frees the candles
    }
  }
}

std::vector<PriceCandles> ReportCandles::candles() const {
  std::vector<PriceCandles> out;
  for (const auto& [symbol, s] : symbols_) {
    const Rung* pick = &s.rungs.back();
    for (const Rung& r : s.rungs) {
      if (!r.given_up && r.series.length() >= s.min_spacing) {
        pick = &r;
        break;
      }
    }
    out.push_back(PriceCandles{symbol, pick->series, s.min_spacing});
  }
  return out;
}

std::map<Symbol, Duration> ReportCandles::bar_lengths() const {
  std::map<Symbol, Duration> out;
  for (const auto& [symbol, s] : symbols_) out.emplace(symbol, s.min_spacing);
  return out;
}

}  // namespace stonks
