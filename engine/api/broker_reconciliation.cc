#include "api/broker_reconciliation.h"

#include <map>

namespace stonks {

std::string BrokerDifference::describe() const {
  if (kind == Kind::kCash) return "cash: engine " + engine_cash.to_string() + ", broker " + broker_cash.to_string();
  return symbol.str() + ": engine holds " + std::to_string(engine_qty) + ", broker " + std::to_string(broker_qty);
}

std::vector<BrokerDifference> reconcile(const EngineState& state, const BrokerHoldings& broker) {
  std::vector<BrokerDifference> out;
  const Portfolio& p = state.portfolio;
  if (broker.account && broker.account->cash != p.cash()) {
    BrokerDifference d;
    d.kind = BrokerDifference::Kind::kCash;
    d.engine_cash = p.cash();
    d.broker_cash = broker.account->cash;
    out.push_back(d);
  }
  if (!broker.positions) return out;
  // Both sides by symbol: (engine qty, broker qty).
  std::map<Symbol, std::pair<Quantity, Quantity>> qty;
  for (const auto& [symbol, pos] : p.positions())
    if (pos.qty != 0) qty[symbol].first = pos.qty;
  for (const BrokerPosition& b : *broker.positions) qty[b.symbol].second += b.qty;
  for (const auto& [symbol, q] : qty) {
    if (q.first == q.second) continue;
    BrokerDifference d;
    d.kind = BrokerDifference::Kind::kPosition;
    d.symbol = symbol;
    d.engine_qty = q.first;
    d.broker_qty = q.second;
    out.push_back(d);
  }
  return out;
}

}  // namespace stonks
