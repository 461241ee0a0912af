// Market watch rows.
#include "imgui_ui/model/market_rows.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/model/order_rows.h"

namespace stonks::ui {
namespace {

template <class T>
int cmp_opt(const std::optional<T>& a, const std::optional<T>& b) {
  if (!a || !b) return a ? 1 : (b ? -1 : 0);  // no value sorts first
  return *a < *b ? -1 : (*b < *a ? 1 : 0);
}

int compare(const MarketRow& a, const MarketRow& b, MarketColumn c) {
  switch (c) {
    case MarketColumn::kTicker:
      return a.symbol.str() < b.symbol.str() ? -1 : (b.symbol.str() < a.symbol.str() ? 1 : 0);
    case MarketColumn::kLast:
      return cmp_opt(a.last, b.last);
    case MarketColumn::kChange:
      return cmp_opt(a.change, b.change);
    case MarketColumn::kChangePct:
      return cmp_opt(a.change_bps, b.change_bps);
    case MarketColumn::kBid:
      return cmp_opt(a.bid, b.bid);
    case MarketColumn::kAsk:
      return cmp_opt(a.ask, b.ask);
    case MarketColumn::kSpread:
      return cmp_opt(a.spread, b.spread);
  }
  return 0;
}

}  // namespace

std::vector<MarketRow> market_rows(const EngineState& s, const DeskHistory* history, Timestamp now,
                                   const std::string& filter, MarketColumn column, bool ascending) {
  std::vector<MarketRow> rows;
  for (const auto& [symbol, mark] : s.market.last_prices()) {
    if (!contains_folded(symbol.str(), filter)) continue;
    MarketRow r;
    r.symbol = symbol;
    r.last = mark;
    if (const Quote* q = s.market.quote(symbol)) {
      r.bid = q->bid;
      r.ask = q->ask;
      r.spread = Price::from_micros(q->ask.micros() - q->bid.micros());
    }
    if (std::optional<Price> open = history ? history->day_open(symbol, now) : std::nullopt) {
      r.change = Price::from_micros(mark.micros() - open->micros());
      if (open->micros() > 0)
        r.change_bps = static_cast<std::int64_t>(static_cast<__int128>(r.change->micros()) * 10'000 / open->micros());
    }
    rows.push_back(std::move(r));
  }
  // Locks: the active lockout of each ticker that ends last.
  for (const auto& [id, l] : s.lockouts.all()) {
    if (!l.active_at(now)) continue;
    for (MarketRow& r : rows)
      if (r.symbol == l.symbol) {
        r.locked = true;
        r.lock_reason = std::string(lockout_source_label(l.source)) + ": " + l.reason + " (until " +
                        format_clock(l.expires_at) + ")";
      }
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const MarketRow& a, const MarketRow& b) {
    const int c = compare(a, b, column);
    if (c != 0) return ascending ? c < 0 : c > 0;
    return a.symbol.str() < b.symbol.str();
  });
  return rows;
}

std::string format_bps_percent(std::int64_t bps) {
  char buf[32];
  const std::int64_t mag = std::llabs(bps);
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld%%", bps > 0 ? "+" : (bps < 0 ? "-" : ""),
                static_cast<long long>(mag / 100), static_cast<long long>(mag % 100));
  return buf;
}

std::string format_signed(Price p) { return (p.micros() > 0 ? "+" : "") + p.to_string(); }

std::vector<Price> recent_prices(const MarketState& market, const Symbol& symbol, std::size_t max_points) {
  std::vector<Price> out;
  const auto it = market.histories().find(symbol);
  if (it == market.histories().end()) return out;
  const MarketState::History& h = it->second;
  const std::size_t start = h.size() > max_points ? h.size() - max_points : 0;
  for (std::size_t i = start; i < h.size(); ++i) out.push_back(h[i].second);
  return out;
}

}  // namespace stonks::ui
