#include "core/open_order_book.h"

#include "core/equal_ignoring.h"

namespace stonks {

Money OpenOrderBook::limit_notional(const Entry& e) {
  return e.side == Side::kBuy && e.limit ? saturating_notional(*e.limit, e.remaining) : Money();
}

void OpenOrderBook::value_market_buys(const Symbol& s, SymbolTotals& t, const MarketState& market) {
  market_buy_notional_ -= t.market_buy_notional;
  t.market_buy_notional = Money();
  if (t.market_buy_qty != 0) {
    if (std::optional<Price> px = market.last_price(s))
      t.market_buy_notional = saturating_notional(*px, t.market_buy_qty);
  }
  market_buy_notional_ += t.market_buy_notional;
}

void OpenOrderBook::add(const Entry& e, int sign, const MarketState& market) {
  SymbolTotals& t = by_symbol_[e.symbol];
  const Quantity q = sign * e.remaining;
  if (e.side == Side::kBuy) {
    t.buy_qty += q;
    if (!e.limit) {
      t.market_buy_qty += q;
      value_market_buys(e.symbol, t, market);
    }
  } else {
    t.sell_qty += q;
  }
  t.count += sign;
  const Money notional = limit_notional(e);
  limit_buy_notional_ += sign > 0 ? notional : -notional;
}

void OpenOrderBook::update(const Order& o, const MarketState& market) {
  auto it = entries_.find(o.id());
  if (it != entries_.end()) add(it->second, -1, market);
  const OrderStatus s = o.status();
  if (is_terminal(s) || s == OrderStatus::kReceived) {
    if (it != entries_.end()) entries_.erase(it);
    return;
  }
  const OrderIntent& in = o.intent();
  Entry e{in.symbol, in.side, o.remaining_qty(), in.limit_price};
  add(e, +1, market);
  if (it != entries_.end()) {
    it->second = std::move(e);
  } else {
    entries_.emplace(o.id(), std::move(e));
  }
}

void OpenOrderBook::reprice(const Symbol& s, const MarketState& market) {
  if (auto it = by_symbol_.find(s); it != by_symbol_.end()) value_market_buys(s, it->second, market);
}

bool OpenOrderBook::operator==(const OpenOrderBook& o) const {
  return entries_ == o.entries_ && limit_buy_notional_ == o.limit_buy_notional_ &&
         market_buy_notional_ == o.market_buy_notional_ &&
         equal_ignoring(by_symbol_, o.by_symbol_, [](const SymbolTotals& t) { return t == SymbolTotals{}; });
}

std::vector<OrderId> OpenOrderBook::ids() const {
  std::vector<OrderId> out;
  out.reserve(entries_.size());
  for (const auto& [id, e] : entries_) out.push_back(id);
  return out;
}

OpenOrderSummary OpenOrderBook::summary(const Symbol& symbol, OrderId self, const MarketState& market) const {
  OpenOrderSummary sum;
  sum.count = static_cast<int>(entries_.size());
  sum.buy_notional = limit_buy_notional_ + market_buy_notional_;
  if (auto it = by_symbol_.find(symbol); it != by_symbol_.end()) {
    sum.buy_qty_in_symbol = it->second.buy_qty;
    sum.sell_qty_in_symbol = it->second.sell_qty;
  }
  // Take the order under check back out.
  if (auto it = entries_.find(self); it != entries_.end()) {
    const Entry& e = it->second;
    --sum.count;
    if (e.side == Side::kBuy) {
      if (e.limit) {
        sum.buy_notional -= limit_notional(e);
      } else if (std::optional<Price> px = market.last_price(e.symbol)) {
        sum.buy_notional -= saturating_notional(*px, e.remaining);
      }
      if (e.symbol == symbol) sum.buy_qty_in_symbol -= e.remaining;
    } else if (e.symbol == symbol) {
      sum.sell_qty_in_symbol -= e.remaining;
    }
  }
  return sum;
}

}  // namespace stonks
