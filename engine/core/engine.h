// Engine: the trading core's facade. Commands come in with an explicit `now`;
// each accepted command emits events, the state changes only by applying
// them, and the batch goes to the EventSink before the command reports
// success. Single-threaded; no I/O, no clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/engine_state.h"
#include "core/event_sink.h"
#include "execution/broker.h"
#include "risk/risk_engine.h"

namespace stonks {

struct GuardLockout;

// What deciding an approval led to: the request as decided and its order
// (approved orders may already be filled; a failed re-check shows as rejected
// with the reasons).
struct ApprovalOutcome {
  ApprovalRequest request;
  Order order;
};

class Engine {
 public:
  // `broker` and `sink` must outlive the engine; `sink` may be null (nothing
  // is persisted, e.g. in tests and benchmarks without a journal).
  Engine(Broker& broker, EventSink* sink);

  // Every command: on failure nothing changed and no event was emitted. After
  // the sink has failed once, every command answers kUnavailable (memory may
  // be ahead of what is durable; a restart recovers the committed prefix).
  // A `now` outside years 0000-9999 is kInvalidArgument naming "now".

  // The order pipeline: validation -> risk -> approval gate -> broker. A
  // repeated client_order_id with the same intent returns the original order
  // (kConflict if the intent differs). Risk failures are not errors: the
  // order comes back risk_rejected with every failed check in reasons().
  // `submitted_by` is who sent it (the API's actor), kept on the order for
  // four eyes; empty for the engine's own orders (strategies, backtests).
  Result<Order> submit_order(const OrderIntent& intent, Timestamp now, const std::string& submitted_by = {});

  // Approves (re-checking risk against the state of `now`, then sending to
  // the broker) or rejects a pending request. kNotFound for an unknown id;
  // kConflict when it is not pending or has passed its expiry; with four
  // eyes on, kSelfApproval when `by` submitted the order and approves it.
  Result<ApprovalOutcome> decide_approval(ApprovalId id, bool approve, const std::string& by, const std::string& reason,
                                          Timestamp now);

  // Cancels an order pending approval (its request becomes rejected) or
  // working at the broker. A broker that answers later gets a durable
  // request (state.cancel_requests) and the order stays working until it
  // answers: cancelled, or filled when a fill won the race. kConflict when
  // the order is already final.
  Result<Order> cancel_order(OrderId id, const std::string& by, const std::string& reason, Timestamp now);

  // A manual lockout from `now` for the request's duration, created_by the
  // requester; kInvalidArgument naming the field for a bad request.
  Result<Lockout> create_lockout(const LockoutRequest& request, Timestamp now);
  // Ends a lockout early (manual or system); kConflict if no longer active.
  Result<Lockout> remove_lockout(LockoutId id, const std::string& by, Timestamp now);

  // kConflict for live when the broker cannot trade live (Broker::
  // can_trade_live): every host refuses it the same way.
  Status set_mode(TradingMode mode, const std::string& by, Timestamp now);
  // Makes `config` the next version (its version field is ignored and set).
  Result<RiskConfig> update_config(const RiskConfig& config, const std::string& by, Timestamp now);
  Result<RiskConfig> update_approval_config(const OperatorApprovalConfig& section, const std::string& by,
                                            Timestamp now);
  // Reduce-only on or off, by the operator (HaltCause::kOperator: no day
  // roll lifts it). No event when it is already so; halting while a
  // daily-loss halt holds makes it the operator's (the next day keeps it),
  // and lifting lifts either.
  Status set_halted(bool halted, const std::string& by, const std::string& reason, Timestamp now);
  // The kill switch, as one command: halts (an operator's halt), rejects
  // every pending approval with `reason`, cancels every working order, then
  // sends a market order closing each open position. The closing orders are
  // `by`'s decision now: recorded as approved by them, never held, still
  // risk-checked as reducing orders. A refusal (no market data, the broker)
  // is reported on its close, not retried. Ends with a Flattened event
  // holding the report (state.last_flatten).
  Result<FlattenReport> halt_and_flatten(const std::string& by, const std::string& reason, Timestamp now);
  // Paper cash in; kInvalidArgument unless 0 < amount <= 1e12.
  Status deposit(Money amount, const std::string& by, Timestamp now);

  // Market input. A quote and a headline are stamped with `now` (their own
  // `at` is ignored: the engine's clock orders them with everything else);
  // a bar keeps its own time (a replayed bar is history, its end time is
  // data). Each may trip a guard (price shock, news shock: a system lockout)
  // and the daily-loss halt; a quote lets the broker fill what it crosses.
  Status on_quote(const Quote& quote, Timestamp now);
  Status on_bar(const Bar& bar, Timestamp now);
  Status on_news(const NewsEvent& news, Timestamp now);
  // A report from a remote broker about an order working there: accepted
  // (only a submitted order), a fill, rejected, cancelled or expired.
  Status report_execution(const ExecutionReport& report, Timestamp now);
  // Time passes: expires stale approvals and lockouts, starts a new UTC day
  // (lifting a daily-loss halt). Hosts call it at least once a second.
  Status tick(Timestamp now);

  // Rebuilding: applies one event (journal replay). kCorruption when it does
  // not fit the state. Never calls the broker or the sink.
  Status replay(const EventRecord& record);
  // Replaces the state wholesale (a snapshot); only before any command.
  void restore(EngineState state) { state_ = std::move(state); }

  const EngineState& state() const { return state_; }
  // The risk result the order would get now (what the ticket shows before sending).
  RiskResult preview_risk(const OrderIntent& intent, Timestamp now) const;
  // What the approval gate would decide for the order now, given its risk
  // result (a refused order never reaches the gate: nullopt).
  std::optional<GateDecision> preview_gate(const OrderIntent& intent, const RiskResult& risk, Timestamp now) const;
  // Cash available for new buys as the risk checks count it, every open
  // order reserving (risk/risk_checks.h: buying_power).
  Money buying_power(Timestamp now) const;
  bool failed() const { return !failure_.is_ok(); }

 private:
  // Appends an event for the command in progress and applies it.
  void emit(Timestamp at, Event event);
  // Hands the command's events to the sink; on failure the engine stops.
  Status finish();
  // The engine still accepts commands, and `now` is a time the journal can
  // store (years 0000-9999).
  Status check_command(Timestamp now) const;

  void roll_day(Timestamp now);
  RiskContext risk_context(const OrderIntent& intent, OrderId self, bool at_intake, Timestamp now) const;
  GateDecision gate(const OrderIntent& intent, const RiskResult& risk, Timestamp now) const;
  // The request the gate makes for order `order` that passed `risk` now.
  ApprovalRequest approval_request(OrderId order, const RiskResult& risk, Timestamp now) const;
  void send_to_broker(OrderId id, Timestamp now);
  // Asks the broker to cancel a working order and records its answer.
  void cancel_working(OrderId id, const std::string& by, const std::string& reason, Timestamp now);
  // Expires the pending approvals whose timeout has passed.
  void expire_stale_approvals(Timestamp now);
  FlattenClose close_position(const Symbol& symbol, Quantity position, const std::string& by, const std::string& reason,
                              Timestamp now);
  void handle_report(const ExecutionReport& report, Timestamp now);
  void create_guard_lockout(const GuardLockout& g, Timestamp now);
  void check_daily_loss(Timestamp now);
  BrokerView broker_view(const Symbol& s, Timestamp now) const;

  Broker& broker_;
  EventSink* sink_;
  EngineState state_;
  std::vector<EventRecord> pending_;
  Status failure_;
};

}  // namespace stonks
