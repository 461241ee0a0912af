#include "strategy/strategy_orders.h"

namespace stonks {

std::string strategy_source(std::string_view name) { return "strategy:" + std::string(name); }

bool has_open_order(const EngineState& state, const Symbol& symbol, std::string_view source) {
  if (state.open_orders.empty()) return false;
  for (OrderId id : state.open_orders.ids()) {
    const OrderIntent& in = state.orders.at(id).intent();
    if (in.symbol == symbol && in.source == source) return true;
  }
  return false;
}

std::vector<OrderIntent> order_unless_open(const StrategyContext& ctx, const Symbol& symbol, Side side, Quantity qty,
                                           const std::string& source) {
  if (qty <= 0 || has_open_order(ctx.state, symbol, source)) return {};
  OrderIntent in;
  in.symbol = symbol;
  in.side = side;
  in.qty = qty;
  in.type = OrderType::kMarket;
  in.source = source;
  return {in};
}

}  // namespace stonks
