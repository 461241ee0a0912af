// Order: an intent with an id and an explicit lifecycle. Illegal transitions
// are refused, so an order can never, say, fill after it was rejected.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/enum_names.h"
#include "model/fixed_point.h"
#include "model/gate_decision.h"
#include "model/ids.h"
#include "model/order_intent.h"
#include "model/reason.h"
#include "model/status.h"
#include "model/time.h"

namespace stonks {

enum class OrderStatus {
  kReceived,         // accepted for processing, not yet checked
  kRiskRejected,     // failed pre-trade risk checks (terminal)
  kPendingApproval,  // held by the approval gate for the operator
  kApproved,         // the operator approved; about to go to the broker
  kSubmitted,        // sent to the broker, nothing filled yet (a paper order rests here)
  kPartiallyFilled,  // at the broker, some quantity filled
  kFilled,           // fully filled (terminal)
  kRejected,         // refused by the operator, the re-check or the broker (terminal)
  kExpired,          // approval timed out, or the broker's time in force ran out (terminal)
  kCancelled,        // cancelled before completion (terminal)
  // Last, so that the numbers journals and snapshots hold stay what they were.
  kAccepted,  // a remote broker acknowledged it, nothing filled yet
};

template <>
struct EnumNames<OrderStatus> {
  static constexpr EnumName<OrderStatus> table[] = {
      {OrderStatus::kReceived, "received"},
      {OrderStatus::kRiskRejected, "risk_rejected"},
      {OrderStatus::kPendingApproval, "pending_approval"},
      {OrderStatus::kApproved, "approved"},
      {OrderStatus::kSubmitted, "submitted"},
      {OrderStatus::kPartiallyFilled, "partially_filled"},
      {OrderStatus::kFilled, "filled"},
      {OrderStatus::kRejected, "rejected"},
      {OrderStatus::kExpired, "expired"},
      {OrderStatus::kCancelled, "cancelled"},
      {OrderStatus::kAccepted, "accepted"},
  };
};

bool is_terminal(OrderStatus s);
// True when the order is working at the broker (can fill or be cancelled there).
bool is_open_at_broker(OrderStatus s);
// The lifecycle graph: the single place that says which moves are legal.
bool can_transition(OrderStatus from, OrderStatus to);

class Order {
 public:
  Order() = default;
  Order(OrderId id, OrderIntent intent, Timestamp created_at, std::string submitted_by = {}, GateDecision gate = {});

  // Every stored field of an order, for restore().
  struct Fields {
    OrderId id = 0;
    OrderIntent intent;
    OrderStatus status = OrderStatus::kReceived;
    Quantity filled_qty = 0;
    Money filled_notional;
    Money fees;
    Timestamp created_at{};
    Timestamp updated_at{};
    std::vector<Reason> reasons;
    ApprovalId approval_id = 0;
    std::string submitted_by;  // the actor who sent it; empty: the engine's own (strategies, flatten)
    GateDecision gate;
  };
  // Rebuilds an order from stored fields (snapshots, decoded views). Refuses,
  // with kInvalidArgument naming the field, what no lifecycle could produce:
  // filled_qty outside [0, intent.qty], a status that disagrees with
  // filled_qty (filled needs all of it, partially_filled some, and only those,
  // cancelled and expired may hold fills), a notional or fees without fills, or
  // updated_at before created_at.
  static Result<Order> restore(Fields fields);

  // Moves to `to`, or returns kConflict naming both states when the lifecycle
  // forbids it. Fill-driven states come only through apply_fill().
  Status transition(OrderStatus to, Timestamp at, std::vector<Reason> reasons = {});

  // Books a fill of `qty` at `price` with `fee`. Refused (kConflict) unless
  // the order is working at the broker and qty fits the remaining quantity.
  Status apply_fill(Quantity qty, Price price, Money fee, Timestamp at);

  OrderId id() const { return id_; }
  const OrderIntent& intent() const { return intent_; }
  OrderStatus status() const { return status_; }
  Quantity filled_qty() const { return filled_qty_; }
  Quantity remaining_qty() const { return intent_.qty - filled_qty_; }
  // Volume-weighted average fill price; zero before the first fill.
  Price avg_fill_price() const;
  Money filled_notional() const { return filled_notional_; }
  Money fees() const { return fees_; }
  Timestamp created_at() const { return created_at_; }
  Timestamp updated_at() const { return updated_at_; }
  // Why the order was refused: reason codes with context, e.g. "LOCKED_OUT: ...".
  const std::vector<Reason>& reasons() const { return reasons_; }
  ApprovalId approval_id() const { return approval_id_; }
  void set_approval_id(ApprovalId id) { approval_id_ = id; }
  // Who sent the order in (four eyes compares the approver with it); empty
  // for the engine's own orders.
  const std::string& submitted_by() const { return submitted_by_; }
  // What the approval gate decided at intake, and by which rule; a
  // risk-rejected order never reached the gate (config_version 0).
  const GateDecision& gate() const { return gate_; }

  bool operator==(const Order&) const = default;

 private:
  OrderId id_ = 0;
  OrderIntent intent_;
  OrderStatus status_ = OrderStatus::kReceived;
  Quantity filled_qty_ = 0;
  Money filled_notional_;
  Money fees_;
  Timestamp created_at_{};
  Timestamp updated_at_{};
  std::vector<Reason> reasons_;
  ApprovalId approval_id_ = 0;
  std::string submitted_by_;
  GateDecision gate_;
};

}  // namespace stonks
