// Fills and positions rows.
#include "imgui_ui/model/book_rows.h"

#include <chrono>

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/model/order_rows.h"

namespace stonks::ui {
namespace {

std::string optional_money(const std::optional<Money>& m) { return m ? m->to_string() : ""; }

}  // namespace

const std::vector<std::string>& fill_headers() {
  static const std::vector<std::string> headers = {"Id", "Time", "Ticker", "Side", "Qty", "Price", "Fee", "Order"};
  return headers;
}

std::vector<std::string> fill_cells(const Fill& f) {
  return {std::to_string(f.id),  format_clock(f.at),  f.symbol.str(),    to_string(f.side),
          std::to_string(f.qty), f.price.to_string(), f.fee.to_string(), std::to_string(f.order_id)};
}

bool matches(const Fill& f, const FillFilter& filter) {
  if (!filter.ticker.empty() && !equal_folded(f.symbol.str(), filter.ticker)) return false;
  if (filter.text.empty()) return true;
  for (const std::string& cell : fill_cells(f))
    if (contains_folded(cell, filter.text)) return true;
  return false;
}

void DayFills::update(const ChunkedVector<Fill>& fills, Timestamp now) {
  const Timestamp day_start = CandleSeries::bucket_start(now, std::chrono::hours(24));
  if (day_start != day_start_ || fills.size() < seen_) {
    day_start_ = day_start;
    moved_.clear();
    // The first fill of the day: fills are in time order.
    std::size_t lo = 0, hi = fills.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (fills[mid].at < day_start)
        lo = mid + 1;
      else
        hi = mid;
    }
    seen_ = lo;
  }
  for (; seen_ < fills.size(); ++seen_) {
    const Fill& f = fills[seen_];
    if (f.at < day_start_) continue;
    Moved& m = moved_[f.symbol];
    const Money notional = saturating_notional(f.price, f.qty);
    m.qty += f.side == Side::kBuy ? f.qty : -f.qty;
    m.cash += (f.side == Side::kBuy ? -notional : notional) - f.fee;
  }
}

const DayFills::Moved* DayFills::find(const Symbol& symbol) const {
  const auto it = moved_.find(symbol);
  return it == moved_.end() ? nullptr : &it->second;
}

PositionTable position_table(const EngineState& s, const DeskHistory* history, Timestamp now) {
  DayFills today;
  today.update(s.fills, now);
  return position_table(s, history, now, today);
}

PositionTable position_table(const EngineState& s, const DeskHistory* history, Timestamp now, const DayFills& today) {
  PositionTable out;
  bool day_known = true;
  Money day_total;
  for (const auto& [symbol, p] : s.portfolio.positions()) {
    PositionRow row{symbol, p.qty, p.avg_cost(), s.market.last_price(symbol), {}, {}, p.realized_pnl, {}};
    const Price mark = mark_price(symbol, p, s.market);
    row.market_value = p.market_value(mark);
    row.unrealized = p.qty == 0 ? Money() : p.unrealized_pnl(mark);
    const DayFills::Moved* t = today.find(symbol);
    const DayFills::Moved moved = t ? *t : DayFills::Moved{};
    const Quantity held_at_start = p.qty - moved.qty;
    if (held_at_start == 0) {
      row.day_pnl = row.market_value + moved.cash;
    } else if (std::optional<Price> open = history ? history->day_open(symbol, now) : std::nullopt) {
      row.day_pnl = row.market_value - saturating_notional(*open, held_at_start) + moved.cash;
    }
    out.market_value += row.market_value;
    out.unrealized += row.unrealized;
    out.realized += row.realized;
    if (row.day_pnl)
      day_total += *row.day_pnl;
    else
      day_known = false;
    out.rows.push_back(std::move(row));
  }
  if (day_known) out.day_pnl = day_total;
  return out;
}

const std::vector<std::string>& position_headers() {
  static const std::vector<std::string> headers = {"Ticker",    "Qty",        "Avg cost", "Last",
                                                   "Mkt value", "Unrealized", "Realized", "Day P&L"};
  return headers;
}

std::vector<std::string> position_cells(const PositionRow& r) {
  return {r.symbol.str(),
          std::to_string(r.qty),
          r.qty == 0 ? "" : r.avg_cost.to_string(),
          r.last ? r.last->to_string() : "",
          r.market_value.to_string(),
          r.unrealized.to_string(),
          r.realized.to_string(),
          optional_money(r.day_pnl)};
}

}  // namespace stonks::ui
