#include "live_broker.h"

namespace stonks::alpaca {

std::vector<ExecutionReport> LiveBroker::submit(const Order& order, const BrokerView&) {
  if (!mode_ || mode_() != TradingMode::kLive) {
    ExecutionReport r;
    r.kind = ExecutionReport::Kind::kRejected;
    r.order_id = order.id();
    r.reason =
        "this server sends orders to its broker in live mode only (PUT /api/admin/trading/mode {\"mode\":\"live\"})";
    return {r};
  }
  staged_.push_back(BrokerWork{BrokerWork::Kind::kSubmit, order.id(), order.intent()});
  return {};
}

std::vector<ExecutionReport> LiveBroker::cancel(const Order& order, const BrokerView&) {
  staged_.push_back(BrokerWork{BrokerWork::Kind::kCancel, order.id(), {}});
  return {};
}

void LiveBroker::release() { worker_.post(std::exchange(staged_, {})); }

}  // namespace stonks::alpaca
