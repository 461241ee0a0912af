#include "core/open_order_book.h"

#include <algorithm>

#include "model/equal_ignoring.h"

namespace stonks {
namespace {

// For lower_bound over the slots, which are ascending by id.
constexpr auto id_below = [](const auto& slot, OrderId id) { return slot.first < id; };

}  // namespace

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

const OpenOrderBook::Entry* OpenOrderBook::find(OrderId id) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), id, id_below);
  return it != entries_.end() && it->first == id && it->second ? &*it->second : nullptr;
}

void OpenOrderBook::close(std::vector<Slot>::iterator slot) {
  slot->second.reset();
  --open_;
  while (!entries_.empty() && !entries_.back().second) entries_.pop_back();
  // A few holes are not worth a sweep of a short list.
  const std::size_t holes = entries_.size() - open_;
  if (holes > open_ && holes >= 64) std::erase_if(entries_, [](const Slot& s) { return !s.second; });
}

void OpenOrderBook::update(const Order& o, const MarketState& market) {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), o.id(), id_below);
  const bool listed = it != entries_.end() && it->first == o.id() && it->second;
  if (listed) add(*it->second, -1, market);
  const OrderStatus s = o.status();
  if (is_terminal(s) || s == OrderStatus::kReceived) {
    if (listed) close(it);
    return;
  }
  const OrderIntent& in = o.intent();
  Entry e{in.symbol, in.side, o.remaining_qty(), in.limit_price};
  add(e, +1, market);
  if (it != entries_.end() && it->first == o.id()) {
    if (!listed) ++open_;
    it->second = std::move(e);
  } else {
    entries_.insert(it, Slot{o.id(), std::move(e)});
    ++open_;
  }
}

void OpenOrderBook::reprice(const Symbol& s, const MarketState& market) {
  if (auto it = by_symbol_.find(s); it != by_symbol_.end()) value_market_buys(s, it->second, market);
}

bool OpenOrderBook::operator==(const OpenOrderBook& o) const {
  const auto ended = [](const std::optional<Entry>& e) { return !e; };
  return equal_ignoring(entries_, o.entries_, ended) && limit_buy_notional_ == o.limit_buy_notional_ &&
         market_buy_notional_ == o.market_buy_notional_ &&
         equal_ignoring(by_symbol_, o.by_symbol_, [](const SymbolTotals& t) { return t == SymbolTotals{}; });
}

std::vector<OrderId> OpenOrderBook::ids() const {
  std::vector<OrderId> out;
  out.reserve(open_);
  for (const auto& [id, e] : entries_)
    if (e) out.push_back(id);
  return out;
}

OpenOrderSummary OpenOrderBook::summary(const Symbol& symbol, OrderId self, const MarketState& market) const {
  OpenOrderSummary sum;
  sum.count = static_cast<int>(open_);
  sum.buy_notional = limit_buy_notional_ + market_buy_notional_;
  if (auto it = by_symbol_.find(symbol); it != by_symbol_.end()) {
    sum.buy_qty_in_symbol = it->second.buy_qty;
    sum.sell_qty_in_symbol = it->second.sell_qty;
  }
  // Take the order under check back out.
  if (const Entry* found = find(self)) {
    const Entry& e = *found;
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
