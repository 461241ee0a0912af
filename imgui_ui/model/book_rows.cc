// Fills and positions rows.
#include "imgui_ui/model/book_rows.h"

#include <chrono>
#include <map>

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

PositionTable position_table(const EngineState& s, const DeskHistory* history, Timestamp now) {
  // Today's fills per symbol: the quantity they moved and the cash they took
  // (buys negative, fees included). Fills are in time order: walk back from
  // the newest until the day's start.
  const Timestamp day_start = CandleSeries::bucket_start(now, std::chrono::hours(24));
  struct Today {
    Quantity qty = 0;
    Money cash;
  };
  std::map<Symbol, Today> today;
  for (std::size_t i = s.fills.size(); i-- > 0;) {
    const Fill& f = s.fills[i];
    if (f.at < day_start) break;
    Today& t = today[f.symbol];
    const Money notional = saturating_notional(f.price, f.qty);
    t.qty += f.side == Side::kBuy ? f.qty : -f.qty;
    t.cash += (f.side == Side::kBuy ? -notional : notional) - f.fee;
  }

  PositionTable out;
  bool day_known = true;
  Money day_total;
  for (const auto& [symbol, p] : s.portfolio.positions()) {
    PositionRow row{symbol, p.qty, p.avg_cost(), s.market.last_price(symbol), {}, {}, p.realized_pnl, {}};
    const Price mark = mark_price(symbol, p, s.market);
    row.market_value = p.market_value(mark);
    row.unrealized = p.qty == 0 ? Money() : p.unrealized_pnl(mark);
    const auto t = today.find(symbol);
    const Today moved = t == today.end() ? Today{} : t->second;
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
