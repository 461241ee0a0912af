// The order pipeline (process_order_job): validation -> risk -> approval gate
// -> broker, and what follows: approvals, cancels and execution reports.
#include <algorithm>

#include "core/command_checks.h"
#include "core/engine.h"
#include "risk/approval_gate.h"
#include "risk/guards.h"

namespace stonks {

RiskContext Engine::risk_context(const OrderIntent& intent, OrderId self, bool at_intake, Timestamp now) const {
  RiskContext ctx{state_.config,
                  state_.mode,
                  state_.halted,
                  now,
                  state_.lockouts,
                  state_.market,
                  state_.portfolio,
                  state_.valuation,
                  state_.open_orders.summary(intent.symbol, self, state_.market)};
  const Duration window = std::chrono::seconds(state_.config.limits.rate_window_seconds);
  // recent_submissions is in time order: count the tail inside the window.
  const auto& recent = state_.recent_submissions;
  ctx.orders_in_rate_window =
      static_cast<int>(recent.end() - std::upper_bound(recent.begin(), recent.end(), now - window));
  ctx.at_intake = at_intake;
  ctx.paper_fills = broker_.can_trade_paper();
  ctx.symbol = symbol_facts(intent.symbol, state_.market, state_.portfolio);
  return ctx;
}

RiskResult Engine::preview_risk(const OrderIntent& intent, Timestamp now) const {
  return evaluate_risk(risk_context(intent, 0, true, now), intent);
}

GateDecision Engine::gate(const OrderIntent& intent, const RiskResult& risk, Timestamp now) const {
  GateFacts facts;
  facts.source = intent.source;
  facts.symbol = intent.symbol;
  facts.side = intent.side;
  facts.type = intent.type;
  facts.notional = risk.notional;
  // A second risk context only when a rule asks (the hot path has no rules).
  const std::vector<ApprovalRule>& rules = state_.config.operator_approval.rules;
  if (std::any_of(rules.begin(), rules.end(), [](const ApprovalRule& r) { return r.exposure.has_value(); }))
    facts.reduces_exposure = reduces_exposure(risk_context(intent, 0, true, now), intent);
  return gate_decision(state_.mode, state_.config, facts);
}

std::optional<GateDecision> Engine::preview_gate(const OrderIntent& intent, const RiskResult& risk,
                                                 Timestamp now) const {
  if (!risk.ok()) return std::nullopt;
  return gate(intent, risk, now);
}

Money Engine::buying_power(Timestamp now) const {
  // No order of its own: an intent without a symbol makes every open order reserve.
  return stonks::buying_power(risk_context(OrderIntent{}, 0, false, now));
}

BrokerView Engine::broker_view(const Symbol& s, Timestamp now) const {
  return BrokerView{state_.market.quote(s), state_.config.paper, now};
}

Result<Order> Engine::submit_order(const OrderIntent& intent, Timestamp now, const std::string& submitted_by) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate(intent); !st.is_ok()) return st;
  if (!submitted_by.empty()) {
    if (Status st = validate_actor(submitted_by); !st.is_ok()) return st;
  }
  if (!intent.client_order_id.empty()) {
    if (const Order* original = state_.order_by_client_order_id(intent.client_order_id)) {
      if (original->intent() == intent) return *original;  // idempotent resubmission
      return Status::conflict("client_order_id '" + intent.client_order_id + "' already used for a different order");
    }
    if (has_assigned_prefix(intent.client_order_id))
      return Status::invalid_argument("client_order_id: the prefix 'so-' is reserved for ids the engine assigns",
                                      "client_order_id");
  }
  roll_day(now);
  const OrderId id = state_.next_order_id;
  OrderIntent accepted = intent;
  if (accepted.client_order_id.empty()) accepted.client_order_id = assigned_client_order_id(id);
  // Risk sees the state the order arrives into, without the order itself
  // (so it does not count against its own rate or open-order limits), the
  // same state preview_risk() sees.
  RiskResult risk = evaluate_risk(risk_context(accepted, 0, true, now), accepted);
  // 3.5: a risk failure ends before the approval gate (no decision recorded).
  const GateDecision decision = risk.ok() ? gate(accepted, risk, now) : GateDecision{};
  emit(now, OrderReceived{Order(id, accepted, now, submitted_by, decision)});
  if (!risk.ok()) {
    emit(now, OrderRiskRejected{id, risk.denials});
  } else if (decision.hold) {
    emit(now, ApprovalRequested{approval_request(id, risk, now)});
  } else {
    send_to_broker(id, now);
  }
  if (Status st = finish(); !st.is_ok()) return st;
  return state_.orders.at(id);
}

ApprovalRequest Engine::approval_request(OrderId order, const RiskResult& risk, Timestamp now) const {
  ApprovalRequest req;
  req.id = state_.next_approval_id;
  req.order_id = order;
  req.notional = risk.notional;
  req.checks_passed = risk.passed;
  req.created_at = now;
  req.expires_at = now + std::chrono::minutes(state_.config.operator_approval.approval_timeout_minutes);
  return req;
}

Result<ApprovalOutcome> Engine::decide_approval(ApprovalId id, bool approve, const std::string& by,
                                                const std::string& reason, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate_actor(by); !st.is_ok()) return st;
  if (Status st = validate_note(reason, "reason"); !st.is_ok()) return st;
  const ApprovalRequest* req = state_.approvals.find(id);
  if (!req) return Status::not_found("no approval request " + std::to_string(id));
  if (req->status != ApprovalStatus::kPending)
    return Status::conflict("approval " + std::to_string(id) + " is already " + to_string(req->status));
  if (now >= req->expires_at)
    return Status::conflict("approval " + std::to_string(id) + " expired at " + format_iso8601(req->expires_at));
  const OrderId order_id = req->order_id;
  if (approve && state_.config.operator_approval.four_eyes) {
    const std::string& submitter = state_.orders.at(order_id).submitted_by();
    if (submitter == by)
      return Status::self_approval("four eyes: " + by + " submitted order " + std::to_string(order_id) +
                                   " and may not approve it; another operator must");
  }
  roll_day(now);
  if (!approve) {
    emit(now, ApprovalDecided{id, ApprovalStatus::kRejected, by, reason});
  } else {
    emit(now, ApprovalDecided{id, ApprovalStatus::kApproved, by, reason});
    // The world may have moved while the order waited: check it again.
    const OrderIntent intent = state_.orders.at(order_id).intent();
    RiskResult risk = evaluate_risk(risk_context(intent, order_id, false, now), intent);
    if (!risk.ok()) {
      emit(now, OrderRejected{order_id, risk.denials});
    } else {
      send_to_broker(order_id, now);
    }
  }
  if (Status st = finish(); !st.is_ok()) return st;
  return ApprovalOutcome{*state_.approvals.find(id), state_.orders.at(order_id)};
}

Result<Order> Engine::cancel_order(OrderId id, const std::string& by, const std::string& reason, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate_actor(by); !st.is_ok()) return st;
  if (Status st = validate_note(reason, "reason"); !st.is_ok()) return st;
  const Order* o = state_.order(id);
  if (!o) return Status::not_found("no order " + std::to_string(id));
  if (is_terminal(o->status()))
    return Status::conflict("order " + std::to_string(id) + " is already " + to_string(o->status()));
  roll_day(now);
  if (o->status() == OrderStatus::kPendingApproval) {
    emit(now, OrderCancelled{id, by, reason});
  } else {
    cancel_working(id, by, reason, now);
  }
  if (Status st = finish(); !st.is_ok()) return st;
  return state_.orders.at(id);
}

void Engine::cancel_working(OrderId id, const std::string& by, const std::string& reason, Timestamp now) {
  // The broker may confirm at once (paper) or later; a confirmation now is
  // recorded as the operator's cancel, with their reason. A later one is
  // waited for under a durable request (the first one's by and reason);
  // asking again asks the broker again.
  const Order& o = state_.orders.at(id);
  const bool requested = state_.cancel_requests.contains(id);
  for (ExecutionReport r : broker_.cancel(o, broker_view(o.intent().symbol, now))) {
    if (r.kind == ExecutionReport::Kind::kCancelled && r.order_id == id) {
      emit(now, OrderCancelled{id, by, reason});
    } else {
      handle_report(r, now);
    }
  }
  if (!requested && is_open_at_broker(state_.orders.at(id).status())) emit(now, CancelRequested{id, by, reason});
}

void Engine::send_to_broker(OrderId id, Timestamp now) {
  emit(now, OrderSubmitted{id});
  const Order& o = state_.orders.at(id);
  for (const ExecutionReport& r : broker_.submit(o, broker_view(o.intent().symbol, now))) handle_report(r, now);
}

// Turns a broker's report into events. Reports from the broker are checked
// before they get here (report_execution) or come from the paper broker.
void Engine::handle_report(const ExecutionReport& r, Timestamp now) {
  const Order& o = state_.orders.at(r.order_id);
  switch (r.kind) {
    case ExecutionReport::Kind::kFill: {
      Fill f;
      f.id = state_.next_fill_id;
      f.order_id = r.order_id;
      f.symbol = o.intent().symbol;
      f.side = o.intent().side;
      f.qty = r.qty;
      f.price = r.price;
      f.fee = r.fee;
      f.at = now;
      const Money realized = state_.portfolio.realized_by(f);
      emit(now, OrderFilled{f});
      if (auto g = cooldown_guard(state_.config.guards, f.symbol, realized, state_.lockouts, now))
        create_guard_lockout(*g, now);
      check_daily_loss(now);
      break;
    }
    case ExecutionReport::Kind::kRejected:
      emit(now, OrderRejected{r.order_id, {Reason{ReasonCode::kBrokerRejected, r.reason}}});
      break;
    case ExecutionReport::Kind::kCancelled:
      if (auto it = state_.cancel_requests.find(r.order_id); it != state_.cancel_requests.end()) {
        emit(now, OrderCancelled{r.order_id, it->second.by, it->second.reason});
      } else {
        emit(now, OrderCancelled{r.order_id, "broker", r.reason});
      }
      break;
    case ExecutionReport::Kind::kAccepted:
      emit(now, OrderAccepted{r.order_id});
      break;
    case ExecutionReport::Kind::kExpired:
      emit(now, OrderExpired{r.order_id, r.reason});
      break;
  }
}

}  // namespace stonks
