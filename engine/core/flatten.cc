// Engine::halt_and_flatten: the kill switch.
#include <cstdlib>

#include "core/command_checks.h"
#include "core/engine.h"

namespace stonks {

Result<FlattenReport> Engine::halt_and_flatten(const std::string& by, const std::string& reason, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate_actor(by); !st.is_ok()) return st;
  if (Status st = validate_note(reason, "reason"); !st.is_ok()) return st;
  roll_day(now);
  // What has already timed out was never the operator's to reject.
  expire_stale_approvals(now);
  if (!state_.halted || state_.halt_cause != HaltCause::kOperator)
    emit(now, HaltChanged{true, HaltCause::kOperator, by, reason});

  FlattenReport report{by, reason, now, {}, {}, {}, {}};
  for (ApprovalId id : state_.approvals.pending_ids()) {
    emit(now, ApprovalDecided{id, ApprovalStatus::kRejected, by, reason});
    report.approvals_rejected.push_back(id);
  }
  // Only orders at the broker are open now. Cancels come before the closes:
  // a fill that wins a cancel's race changes the position to close.
  for (OrderId id : state_.open_orders.ids()) {
    cancel_working(id, by, reason, now);
    const OrderStatus status = state_.orders.at(id).status();
    if (status == OrderStatus::kCancelled) report.orders_cancelled.push_back(id);
    if (!is_terminal(status)) report.cancels_requested.push_back(id);
  }
  // Closing fills change the positions: list them first.
  std::vector<std::pair<Symbol, Quantity>> open;
  for (const auto& [symbol, position] : state_.portfolio.positions())
    if (position.qty != 0) open.emplace_back(symbol, position.qty);
  for (const auto& [symbol, qty] : open) report.closes.push_back(close_position(symbol, qty, by, reason, now));

  emit(now, Flattened{report});
  if (Status st = finish(); !st.is_ok()) return st;
  return report;
}

FlattenClose Engine::close_position(const Symbol& symbol, Quantity position, const std::string& by,
                                    const std::string& reason, Timestamp now) {
  const OrderId id = state_.next_order_id;
  OrderIntent intent;
  intent.symbol = symbol;
  intent.side = position > 0 ? Side::kSell : Side::kBuy;
  // A position can outgrow one order (many fills); the rest stays, reported.
  intent.qty = std::min<Quantity>(std::llabs(position), OrderIntent::kMaxQuantity);
  intent.type = OrderType::kMarket;
  intent.client_order_id = assigned_client_order_id(id);
  intent.source = "flatten";
  RiskResult risk = evaluate_risk(risk_context(intent, 0, true, now), intent);
  // Sent by `by` and never put to the gate's rules (no GateDecision): the
  // kill switch's close is the operator's decision of this moment.
  emit(now, OrderReceived{Order(id, intent, now, by)});
  if (!risk.ok()) {
    emit(now, OrderRiskRejected{id, risk.denials});
  } else {
    // Recorded as the operator's approval.
    const ApprovalRequest req = approval_request(id, risk, now);
    emit(now, ApprovalRequested{req});
    emit(now, ApprovalDecided{req.id, ApprovalStatus::kApproved, by,
                              reason.empty() ? std::string("halt & flatten") : "halt & flatten: " + reason});
    send_to_broker(id, now);
  }
  const Order& o = state_.orders.at(id);
  return FlattenClose{symbol, position, id, o.status(), o.reasons()};
}

}  // namespace stonks
