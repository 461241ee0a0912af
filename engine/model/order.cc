#include "model/order.h"

namespace stonks {

bool is_terminal(OrderStatus s) {
  switch (s) {
    case OrderStatus::kRiskRejected:
    case OrderStatus::kFilled:
    case OrderStatus::kRejected:
    case OrderStatus::kExpired:
    case OrderStatus::kCancelled:
      return true;
    default:
      return false;
  }
}

bool is_open_at_broker(OrderStatus s) {
  return s == OrderStatus::kSubmitted || s == OrderStatus::kAccepted || s == OrderStatus::kPartiallyFilled;
}

bool can_transition(OrderStatus from, OrderStatus to) {
  using S = OrderStatus;
  switch (from) {
    case S::kReceived:
      return to == S::kRiskRejected || to == S::kPendingApproval || to == S::kSubmitted || to == S::kRejected;
    case S::kPendingApproval:
      return to == S::kApproved || to == S::kRejected || to == S::kExpired || to == S::kCancelled;
    case S::kApproved:
      return to == S::kSubmitted || to == S::kRejected;
    case S::kSubmitted:
      return to == S::kAccepted || to == S::kPartiallyFilled || to == S::kFilled || to == S::kCancelled ||
             to == S::kRejected || to == S::kExpired;
    case S::kAccepted:
      return to == S::kPartiallyFilled || to == S::kFilled || to == S::kCancelled || to == S::kRejected ||
             to == S::kExpired;
    case S::kPartiallyFilled:
      // A broker cannot reject what it has partly filled; it can still cancel or expire the rest.
      return to == S::kPartiallyFilled || to == S::kFilled || to == S::kCancelled || to == S::kExpired;
    default:
      return false;  // terminal
  }
}

Order::Order(OrderId id, OrderIntent intent, Timestamp created_at, std::string submitted_by, GateDecision gate)
    : id_(id),
      intent_(std::move(intent)),
      created_at_(created_at),
      updated_at_(created_at),
      submitted_by_(std::move(submitted_by)),
      gate_(gate) {}

Result<Order> Order::restore(Fields f) {
  using S = OrderStatus;
  if (f.filled_qty < 0 || f.filled_qty > f.intent.qty)
    return Status::invalid_argument("filled_qty outside 0.." + std::to_string(f.intent.qty), "filled_qty");
  if (f.status == S::kFilled && f.filled_qty != f.intent.qty)
    return Status::invalid_argument("a filled order must have filled its whole quantity", "filled_qty");
  if (f.status == S::kPartiallyFilled && (f.filled_qty == 0 || f.filled_qty == f.intent.qty))
    return Status::invalid_argument("a partially filled order must have filled part of its quantity", "filled_qty");
  if (f.filled_qty > 0 && f.status != S::kPartiallyFilled && f.status != S::kFilled && f.status != S::kCancelled &&
      f.status != S::kExpired)
    return Status::invalid_argument(std::string("a ") + to_string(f.status) + " order cannot hold fills", "filled_qty");
  if (f.filled_qty == 0 && f.filled_notional.micros() != 0)
    return Status::invalid_argument("filled_notional without fills", "filled_notional");
  if (f.filled_qty == 0 && f.fees.micros() != 0) return Status::invalid_argument("fees without fills", "fees");
  if (f.updated_at < f.created_at) return Status::invalid_argument("updated_at before created_at", "updated_at");
  Order order(f.id, std::move(f.intent), f.created_at, std::move(f.submitted_by), f.gate);
  order.status_ = f.status;
  order.filled_qty_ = f.filled_qty;
  order.filled_notional_ = f.filled_notional;
  order.fees_ = f.fees;
  order.updated_at_ = f.updated_at;
  order.reasons_ = std::move(f.reasons);
  order.approval_id_ = f.approval_id;
  return order;
}

Status Order::transition(OrderStatus to, Timestamp at, std::vector<Reason> reasons) {
  if (to == OrderStatus::kPartiallyFilled || to == OrderStatus::kFilled)
    return Status::conflict("fill states are reached through fills");
  if (!can_transition(status_, to))
    return Status::conflict(std::string("order ") + std::to_string(id_) + " cannot move from " + to_string(status_) +
                            " to " + to_string(to));
  status_ = to;
  updated_at_ = at;
  for (auto& r : reasons) reasons_.push_back(std::move(r));
  return Status::ok();
}

Status Order::apply_fill(Quantity qty, Price price, Money fee, Timestamp at) {
  if (!is_open_at_broker(status_))
    return Status::conflict(std::string("order ") + std::to_string(id_) + " cannot fill while " + to_string(status_));
  if (qty <= 0 || qty > remaining_qty())
    return Status::conflict("fill of " + std::to_string(qty) + " does not fit the remaining " +
                            std::to_string(remaining_qty()));
  filled_qty_ += qty;
  filled_notional_ += saturating_notional(price, qty);
  fees_ += fee;
  status_ = remaining_qty() == 0 ? OrderStatus::kFilled : OrderStatus::kPartiallyFilled;
  updated_at_ = at;
  return Status::ok();
}

Price Order::avg_fill_price() const {
  return filled_qty_ == 0 ? Price() : average_price(filled_notional_, filled_qty_);
}

}  // namespace stonks
