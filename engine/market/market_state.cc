#include "market/market_state.h"

namespace stonks {

MarketState MarketState::restore(SymbolMap<Quote> quotes, SymbolMap<Price> last_prices, SymbolMap<History> histories) {
  MarketState m;
  m.quotes_ = std::move(quotes);
  m.last_price_ = std::move(last_prices);
  m.history_ = std::move(histories);
  return m;
}

void MarketState::apply_quote(const Quote& q) {
  quotes_[q.symbol] = q;
  record(q.symbol, q.at, q.mid());
}

void MarketState::apply_bar(const Bar& b) { record(b.symbol, b.at, b.close); }

void MarketState::record(const Symbol& s, Timestamp at, Price p) {
  last_price_[s] = p;
  auto& h = history_[s];
  h.emplace_back(at, p);
  while (!h.empty() && h.front().first < at - kMaxHistory) h.pop_front();
}

const Quote* MarketState::quote(const Symbol& s) const {
  auto it = quotes_.find(s);
  return it == quotes_.end() ? nullptr : &it->second;
}

std::optional<Price> MarketState::last_price(const Symbol& s) const {
  auto it = last_price_.find(s);
  if (it == last_price_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::pair<Timestamp, Price>> MarketState::history_since(const Symbol& s, Timestamp since) const {
  std::vector<std::pair<Timestamp, Price>> out;
  auto it = history_.find(s);
  if (it == history_.end()) return out;
  for (const auto& point : it->second)
    if (point.first >= since) out.push_back(point);
  return out;
}

}  // namespace stonks
