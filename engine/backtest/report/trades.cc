#include "backtest/report/trades.h"

#include <algorithm>
#include <map>

namespace stonks {
namespace {

// A trade being built: what its opening and closing fills add up to.
struct OpenTrade {
  Trade trade;
  Quantity position = 0;  // shares still open, > 0
  Money entry_notional;
  Money exit_notional;
  Quantity exit_qty = 0;
};

void open_part(OpenTrade& t, const Fill& f, Quantity qty, Money fee) {
  t.trade.qty += qty;
  t.position += qty;
  t.entry_notional += saturating_notional(f.price, qty);
  t.trade.fees += fee;
}

Trade closed(OpenTrade& t, Timestamp at) {
  Trade out = t.trade;
  out.exit_at = at;
  out.entry_price = average_price(t.entry_notional, out.qty);
  out.exit_price = average_price(t.exit_notional, t.exit_qty);
  const Money gross = out.side == Side::kBuy ? t.exit_notional - t.entry_notional : t.entry_notional - t.exit_notional;
  out.pnl = gross - out.fees;
  return out;
}

}  // namespace

TradeList trades_from_fills(const ChunkedVector<Fill>& fills) {
  TradeList out;
  std::map<Symbol, OpenTrade> open;
  for (const Fill& f : fills) {
    Quantity qty = f.qty;
    Money fee = f.fee;
    auto it = open.find(f.symbol);
    if (it != open.end() && it->second.trade.side != f.side) {  // closes first
      OpenTrade& t = it->second;
      const Quantity closing = std::min(qty, t.position);
      const Money close_fee = Money::from_micros(mul_div_round(fee.micros(), closing, qty));
      t.position -= closing;
      t.exit_qty += closing;
      t.exit_notional += saturating_notional(f.price, closing);
      t.trade.fees += close_fee;
      qty -= closing;
      fee -= close_fee;
      if (t.position == 0) {
        out.closed.push_back(closed(t, f.at));
        open.erase(it);
      }
    }
    if (qty == 0) continue;
    auto [jt, fresh] = open.try_emplace(f.symbol);
    if (fresh) {
      jt->second.trade.symbol = f.symbol;
      jt->second.trade.side = f.side;
      jt->second.trade.entry_at = f.at;
    }
    open_part(jt->second, f, qty, fee);
  }
  for (const auto& [symbol, t] : open) out.open_symbols.push_back(symbol);
  return out;
}

}  // namespace stonks
