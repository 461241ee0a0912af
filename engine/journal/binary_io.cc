#include "journal/binary_io.h"

#include <optional>

#include "config/approval_rule.h"

namespace stonks::binary {

void write_order(Writer& w, const Order& o, Timestamp at) {
  const OrderIntent& in = o.intent();
  w.u64(o.id());
  w.text(in.symbol.str());
  w.byte(static_cast<std::uint8_t>(in.side));
  w.i64(in.qty);
  w.byte(static_cast<std::uint8_t>(in.type));
  w.byte(in.limit_price ? 1 : 0);
  if (in.limit_price) w.price(*in.limit_price);
  w.text(in.client_order_id);
  w.text(in.source);
  w.byte(static_cast<std::uint8_t>(o.status()));
  w.i64(o.filled_qty());
  w.money(o.filled_notional());
  w.money(o.fees());
  w.time_near(o.created_at(), at);
  w.time_near(o.updated_at(), at);
  w.u64(o.reasons().size());
  for (const Reason& r : o.reasons()) w.text(r.to_string());
  w.u64(o.approval_id());
  w.text(o.submitted_by());
  w.byte(o.gate().hold ? 1 : 0);
  w.u64(o.gate().rule);
  w.i64(o.gate().config_version);
}

Result<Order> read_order(Reader& r, Timestamp at, OrderLayout layout) {
  Order::Fields f;
  f.id = r.u64("order.id");
  f.intent.symbol = r.symbol("order.ticker");
  f.intent.side = r.enumerator<Side>("order.side");
  f.intent.qty = r.i64("order.qty");
  f.intent.type = r.enumerator<OrderType>("order.type");
  if (r.choice("order.limit_price", 2) == 1) f.intent.limit_price = r.price("order.limit_price");
  f.intent.client_order_id = r.text("order.client_order_id");
  f.intent.source = r.text("order.source");
  f.status = r.enumerator<OrderStatus>("order.status");
  f.filled_qty = r.i64("order.filled_qty");
  f.filled_notional = r.money("order.filled_notional");
  f.fees = r.money("order.fees");
  f.created_at = r.time_near("order.created_at", at);
  f.updated_at = r.time_near("order.updated_at", at);
  const std::uint64_t reasons = r.u64("order.reasons");
  for (std::uint64_t i = 0; i < reasons && r.ok(); ++i) {
    std::optional<Reason> reason = parse_reason(r.text("order.reasons"));
    if (!reason) {
      r.refuse("order.reasons", "is not a reason code");
      break;
    }
    f.reasons.push_back(std::move(*reason));
  }
  f.approval_id = r.u64("order.approval_id");
  if (layout == OrderLayout::kV2) {
    f.submitted_by = r.text("order.submitted_by");
    f.gate.hold = r.choice("order.gate.hold", 2) == 1;
    const std::uint64_t rule = r.u64("order.gate.rule");
    if (rule > ApprovalRule::kMaxRules) r.refuse("order.gate.rule", "is past the most rules a config holds");
    f.gate.rule = static_cast<std::uint32_t>(rule);
    f.gate.config_version = r.i64("order.gate.config_version");
  }
  if (!r.ok()) return r.finish();
  return Order::restore(std::move(f));
}

void write_fill(Writer& w, const Fill& f, Timestamp at) {
  w.u64(f.id);
  w.u64(f.order_id);
  w.text(f.symbol.str());
  w.byte(static_cast<std::uint8_t>(f.side));
  w.i64(f.qty);
  w.price(f.price);
  w.money(f.fee);
  w.time_near(f.at, at);
}

Fill read_fill(Reader& r, Timestamp at) {
  Fill f;
  f.id = r.u64("fill.id");
  f.order_id = r.u64("fill.order_id");
  f.symbol = r.symbol("fill.ticker");
  f.side = r.enumerator<Side>("fill.side");
  f.qty = r.i64("fill.qty");
  f.price = r.price("fill.price");
  f.fee = r.money("fill.fee");
  f.at = r.time_near("fill.at", at);
  return f;
}

}  // namespace stonks::binary
