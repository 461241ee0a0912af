#include "order_reports.h"

namespace stonks::alpaca {
namespace {

ExecutionReport report(const Order& o, ExecutionReport::Kind kind, std::string reason) {
  ExecutionReport r;
  r.kind = kind;
  r.order_id = o.id();
  r.reason = std::move(reason);
  return r;
}

}  // namespace

std::vector<ExecutionReport> reports_for(const Order& engine, const BrokerOrder& broker) {
  std::vector<ExecutionReport> out;
  if (!is_open_at_broker(engine.status())) return out;
  using K = ExecutionReport::Kind;
  if (engine.status() == OrderStatus::kSubmitted && broker.status != "rejected")
    out.push_back(report(engine, K::kAccepted, ""));
  const Quantity filled = std::min(broker.filled_qty, engine.intent().qty);
  if (filled > engine.filled_qty() && broker.filled_avg_price.micros() > 0) {
    const Quantity qty = filled - engine.filled_qty();
    const Money notional = saturating_notional(broker.filled_avg_price, filled) - engine.filled_notional();
    Price price = average_price(notional, qty);
    if (price.micros() <= 0) price = broker.filled_avg_price;
    ExecutionReport fill;
    fill.kind = ExecutionReport::Kind::kFill;
    fill.order_id = engine.id();
    fill.qty = qty;
    fill.price = price;
    out.push_back(fill);
  }
  const bool any_fill = filled > 0;
  if (broker.status == "canceled") out.push_back(report(engine, K::kCancelled, "cancelled at the broker"));
  if (broker.status == "expired") out.push_back(report(engine, K::kExpired, "the broker expired it (time in force)"));
  if (broker.status == "replaced")
    out.push_back(report(engine, K::kCancelled, "replaced at the broker (the adapter does not follow replacements)"));
  if (broker.status == "rejected")
    out.push_back(any_fill ? report(engine, K::kCancelled, "rejected by the broker after a partial fill")
                           : report(engine, K::kRejected, "rejected by the broker"));
  return out;
}

}  // namespace stonks::alpaca
