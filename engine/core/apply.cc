// apply_event: the fold from events to EngineState, one case per event.
#include <algorithm>

#include "core/engine_state.h"
#include "core/overload.h"

namespace stonks {

const Order* EngineState::order(OrderId id) const { return orders.find(id); }

const Order* EngineState::order_by_client_order_id(std::string_view client_order_id) const {
  const Order* o = nullptr;
  if (std::optional<OrderId> id = order_id_of_assigned(client_order_id)) {
    o = order(*id);
  } else if (auto it = order_by_client_id.find(std::string(client_order_id)); it != order_by_client_id.end()) {
    o = order(it->second);
  }
  return o && o->intent().client_order_id == client_order_id ? o : nullptr;
}

const RiskConfig* EngineState::config_at_version(std::int64_t version) const {
  if (version == config.version) return &config;
  // Versions ascend through the history.
  auto it = std::lower_bound(config_history.begin(), config_history.end(), version,
                             [](const ConfigVersion& v, std::int64_t want) { return v.config.version < want; });
  if (it != config_history.end() && it->config.version == version) return &it->config;
  static const RiskConfig kDefaults;
  return version == kDefaults.version ? &kDefaults : nullptr;
}

namespace {

class Applier {
 public:
  Applier(EngineState& s, const EventRecord& r) : s_(s), at_(r.at) {}

  Status operator()(const CashDeposited& e) {
    s_.portfolio.deposit(e.amount);
    return Status::ok();
  }
  Status operator()(const OrderReceived& e) {
    const Order& o = e.order;
    if (!s_.orders.append(o))
      return Status::corruption("order " + std::to_string(o.id()) + " received out of sequence");
    if (!order_id_of_assigned(o.intent().client_order_id)) s_.order_by_client_id[o.intent().client_order_id] = o.id();
    s_.next_order_id = o.id() + 1;
    auto& recent = s_.recent_submissions;
    recent.push_back(at_);
    const Duration window = std::chrono::seconds(s_.config.limits.rate_window_seconds);
    while (!recent.empty() && recent.front() <= at_ - window) recent.pop_front();
    return Status::ok();
  }
  Status operator()(const OrderRiskRejected& e) { return move(e.order_id, OrderStatus::kRiskRejected, e.reasons); }
  Status operator()(const ApprovalRequested& e) {
    s_.approvals.add(e.request);
    s_.next_approval_id = e.request.id + 1;
    Order* o = find(e.request.order_id);
    if (!o) return missing(e.request.order_id);
    o->set_approval_id(e.request.id);
    return move(e.request.order_id, OrderStatus::kPendingApproval);
  }
  Status operator()(const ApprovalDecided& e) {
    const ApprovalRequest* r = s_.approvals.find(e.approval_id);
    if (!r) return Status::corruption("event for unknown approval " + std::to_string(e.approval_id));
    const OrderId order_id = r->order_id;
    s_.approvals.decide(e.approval_id, e.status, e.decided_by, at_, e.reason);
    switch (e.status) {
      case ApprovalStatus::kApproved:
        return move(order_id, OrderStatus::kApproved);
      case ApprovalStatus::kRejected:
        return move(order_id, OrderStatus::kRejected,
                    {Reason{ReasonCode::kRejectedByOperator, e.decided_by + ": " + e.reason}});
      case ApprovalStatus::kExpired:
        return move(order_id, OrderStatus::kExpired, {Reason{ReasonCode::kApprovalExpired, ""}});
      case ApprovalStatus::kPending:
        break;
    }
    return Status::corruption("approval decided as pending");
  }
  Status operator()(const OrderSubmitted& e) { return move(e.order_id, OrderStatus::kSubmitted); }
  Status operator()(const OrderAccepted& e) { return move(e.order_id, OrderStatus::kAccepted); }
  Status operator()(const OrderExpired& e) {
    return move(e.order_id, OrderStatus::kExpired, {Reason{ReasonCode::kExpiredAtBroker, e.reason}});
  }
  Status operator()(const CancelRequested& e) {
    const Order* o = find(e.order_id);
    if (!o) return missing(e.order_id);
    if (!is_open_at_broker(o->status()))
      return Status::corruption("cancel requested for order " + std::to_string(e.order_id) + " while " +
                                to_string(o->status()));
    s_.cancel_requests[e.order_id] = CancelRequest{e.by, e.reason, at_};
    return Status::ok();
  }
  Status operator()(const OrderRejected& e) { return move(e.order_id, OrderStatus::kRejected, e.reasons); }
  Status operator()(const OrderFilled& e) {
    Order* o = find(e.fill.order_id);
    if (!o) return missing(e.fill.order_id);
    OrderStatus before = o->status();
    Status st = o->apply_fill(e.fill.qty, e.fill.price, e.fill.fee, at_);
    if (!st.is_ok()) return Status::corruption(st.message());
    s_.fills.push_back(e.fill);
    s_.next_fill_id = e.fill.id + 1;
    s_.portfolio.apply_fill(e.fill);
    s_.valuation.refresh(e.fill.symbol, s_.portfolio, s_.market);
    reindex(*o, before);
    return Status::ok();
  }
  Status operator()(const OrderCancelled& e) {
    Order* o = find(e.order_id);
    if (!o) return missing(e.order_id);
    if (o->status() == OrderStatus::kPendingApproval)
      s_.approvals.decide(o->approval_id(), ApprovalStatus::kRejected, e.by, at_, "order cancelled: " + e.reason);
    return move(e.order_id, OrderStatus::kCancelled,
                {Reason{ReasonCode::kCancelled, e.reason.empty() ? e.by : e.by + ": " + e.reason}});
  }
  Status operator()(const LockoutCreated& e) {
    s_.lockouts.add(e.lockout);
    s_.next_lockout_id = e.lockout.id + 1;
    return Status::ok();
  }
  Status operator()(const LockoutRemoved& e) {
    if (!s_.lockouts.find(e.lockout_id)) return Status::corruption("unknown lockout " + std::to_string(e.lockout_id));
    s_.lockouts.mark_removed(e.lockout_id, at_, e.removed_by);
    return Status::ok();
  }
  Status operator()(const LockoutExpired& e) {
    if (!s_.lockouts.find(e.lockout_id)) return Status::corruption("unknown lockout " + std::to_string(e.lockout_id));
    s_.lockouts.mark_expired(e.lockout_id);
    return Status::ok();
  }
  Status operator()(const ModeChanged& e) {
    s_.mode = e.mode;
    return Status::ok();
  }
  Status operator()(const ConfigChanged& e) {
    s_.config = e.config;
    s_.config_history.push_back(ConfigVersion{e.config, e.by, at_});
    return Status::ok();
  }
  Status operator()(const HaltChanged& e) {
    s_.halted = e.halted;
    s_.halt_cause = e.halted ? e.cause : HaltCause::kOperator;
    s_.halt_reason = e.halted ? e.reason : std::string();
    return Status::ok();
  }
  Status operator()(const QuoteReceived& e) {
    s_.market.apply_quote(e.quote);
    s_.valuation.refresh(e.quote.symbol, s_.portfolio, s_.market);
    s_.open_orders.reprice(e.quote.symbol, s_.market);
    return Status::ok();
  }
  Status operator()(const BarReceived& e) {
    s_.market.apply_bar(e.bar);
    s_.valuation.refresh(e.bar.symbol, s_.portfolio, s_.market);
    s_.open_orders.reprice(e.bar.symbol, s_.market);
    return Status::ok();
  }
  Status operator()(const NewsReceived& e) {
    s_.recent_news.push_back(e.news);
    if (s_.recent_news.size() > EngineState::kMaxRecentNews) s_.recent_news.pop_front();
    return Status::ok();
  }
  Status operator()(const Flattened& e) {
    s_.last_flatten = e.report;
    return Status::ok();
  }
  Status operator()(const DayStarted& e) {
    s_.portfolio.start_day(e.day, e.start_equity);
    return Status::ok();
  }

 private:
  Order* find(OrderId id) { return s_.orders.find(id); }
  static Status missing(OrderId id) { return Status::corruption("event for unknown order " + std::to_string(id)); }

  Status move(OrderId id, OrderStatus to, std::vector<Reason> reasons = {}) {
    Order* o = find(id);
    if (!o) return missing(id);
    OrderStatus before = o->status();
    Status st = o->transition(to, at_, std::move(reasons));
    if (!st.is_ok()) return Status::corruption(st.message());
    reindex(*o, before);
    return Status::ok();
  }

  // Keeps open_orders and working_orders in step with the order's status.
  void reindex(const Order& o, OrderStatus before) {
    const OrderStatus now = o.status();
    s_.open_orders.update(o, s_.market);
    if (is_open_at_broker(before) == is_open_at_broker(now)) return;
    if (is_open_at_broker(now)) {
      s_.working_orders.insert(o.intent().symbol, o.id());
    } else {
      s_.working_orders.erase(o.intent().symbol, o.id());
      s_.cancel_requests.erase(o.id());
    }
  }

  EngineState& s_;
  Timestamp at_;
};

}  // namespace

Status apply_event(EngineState& state, const EventRecord& record) {
  if (record.seq != state.last_seq + 1)
    return Status::corruption("event seq " + std::to_string(record.seq) + " does not follow " +
                              std::to_string(state.last_seq));
  state.last_seq = record.seq;
  return std::visit(Applier(state, record), record.event);
}

}  // namespace stonks
