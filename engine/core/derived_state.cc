// The indexes EngineState keeps beside its orders, rebuilt from scratch.
#include "core/engine_state.h"

namespace stonks {

void rebuild_derived_state(EngineState& s) {
  s.order_by_client_id.clear();
  s.open_orders = OpenOrderBook();
  s.working_orders.clear();
  for (const auto& [id, o] : s.orders) {
    if (!order_id_of_assigned(o.intent().client_order_id)) s.order_by_client_id[o.intent().client_order_id] = id;
    s.open_orders.update(o, s.market);
    if (is_open_at_broker(o.status())) s.working_orders.insert(o.intent().symbol, id);
  }
  s.valuation = Valuation::of(s.portfolio, s.market);
}

}  // namespace stonks
