// Engine: command plumbing and the operator's non-order commands.
#include "core/engine.h"

#include "core/command_checks.h"
#include "risk/approval_gate.h"

namespace stonks {

Engine::Engine(Broker& broker, EventSink* sink) : broker_(broker), sink_(sink) {}

void Engine::emit(Timestamp at, Event event) {
  EventRecord record{state_.last_seq + 1, at, std::move(event)};
  Status st = apply_event(state_, record);
  // The engine only emits events it has checked against this state.
  assert(st.is_ok());
  (void)st;
  pending_.push_back(std::move(record));
}

Status Engine::finish() {
  if (pending_.empty()) return Status::ok();
  Status st = sink_ ? sink_->commit(pending_) : Status::ok();
  pending_.clear();
  if (!st.is_ok()) {
    failure_ = Status::unavailable("event storage failed, the engine stopped accepting commands: " + st.message());
    return failure_;
  }
  return Status::ok();
}

Status Engine::check_command(Timestamp now) const {
  if (!failure_.is_ok()) return failure_;
  // Every event carries `now`; one the journal could not read back would
  // make the whole journal unrecoverable.
  if (!in_iso8601_range(now)) return Status::invalid_argument("time outside years 0000-9999", "now");
  return Status::ok();
}

void Engine::roll_day(Timestamp now) {
  const std::int64_t day = utc_day(now);
  if (day == state_.portfolio.day()) return;
  emit(now, DayStarted{day, state_.portfolio.equity_at(state_.valuation.market_value())});
  // A daily-loss halt ends with the day; an operator's halt does not.
  if (state_.halted && state_.halt_cause == HaltCause::kDailyLoss)
    emit(now, HaltChanged{false, HaltCause::kDailyLoss, "system", "new trading day"});
}

void Engine::expire_stale_approvals(Timestamp now) {
  for (ApprovalId id : state_.approvals.stale(now))
    emit(now, ApprovalDecided{id, ApprovalStatus::kExpired, "system", "no decision within the approval timeout"});
}

Status Engine::replay(const EventRecord& record) { return apply_event(state_, record); }

Result<Lockout> Engine::create_lockout(const LockoutRequest& request, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate(request); !st.is_ok()) return st;
  if (Status st = validate_actor(request.created_by); !st.is_ok()) return st;
  roll_day(now);
  Lockout l;
  l.id = state_.next_lockout_id;
  l.symbol = request.symbol;
  l.reason = request.reason;
  l.source = LockoutSource::kManual;
  l.side = request.side;
  l.created_at = now;
  l.expires_at = now + std::chrono::minutes(request.duration_minutes);
  l.created_by = request.created_by;
  emit(now, LockoutCreated{l});
  if (Status st = finish(); !st.is_ok()) return st;
  return l;
}

Result<Lockout> Engine::remove_lockout(LockoutId id, const std::string& by, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate_actor(by); !st.is_ok()) return st;
  const Lockout* l = state_.lockouts.find(id);
  if (!l) return Status::not_found("no lockout " + std::to_string(id));
  if (!l->active_at(now)) return Status::conflict("lockout " + std::to_string(id) + " is no longer active");
  roll_day(now);
  emit(now, LockoutRemoved{id, by});
  if (Status st = finish(); !st.is_ok()) return st;
  return *state_.lockouts.find(id);
}

Status Engine::set_mode(TradingMode mode, const std::string& by, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate_actor(by); !st.is_ok()) return st;
  if (mode == state_.mode) return Status::ok();
  if (mode == TradingMode::kLive && !broker_.can_trade_live())
    return Status::conflict(
        "live trading needs a live broker: this engine trades paper only (run stonks-server "
        "with a broker configured)");
  roll_day(now);
  emit(now, ModeChanged{mode, by});
  return finish();
}

Result<RiskConfig> Engine::update_config(const RiskConfig& config, const std::string& by, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate_actor(by); !st.is_ok()) return st;
  RiskConfig next = config;
  next.version = state_.config.version;
  if (Status st = validate(next); !st.is_ok()) return st;
  // Tickers are checked against the market when the rules change (an edit
  // elsewhere must not fail on a ticker the market has stopped pricing).
  if (next.operator_approval.rules != state_.config.operator_approval.rules) {
    if (Status st = check_rule_tickers(next, state_.market); !st.is_ok()) return st;
  }
  if (next == state_.config) return state_.config;  // nothing changes, no new version
  next.version = state_.config.version + 1;
  roll_day(now);
  emit(now, ConfigChanged{next, by});
  if (Status st = finish(); !st.is_ok()) return st;
  return state_.config;
}

Result<RiskConfig> Engine::update_approval_config(const OperatorApprovalConfig& section, const std::string& by,
                                                  Timestamp now) {
  RiskConfig next = state_.config;
  next.operator_approval = section;
  return update_config(next, by, now);
}

Status Engine::set_halted(bool halted, const std::string& by, const std::string& reason, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate_actor(by); !st.is_ok()) return st;
  if (Status st = validate_note(reason, "reason"); !st.is_ok()) return st;
  const bool already = halted ? state_.halted && state_.halt_cause == HaltCause::kOperator : !state_.halted;
  if (already) return Status::ok();
  roll_day(now);
  emit(now, HaltChanged{halted, HaltCause::kOperator, by, reason});
  return finish();
}

Status Engine::deposit(Money amount, const std::string& by, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate_actor(by); !st.is_ok()) return st;
  if (amount.micros() <= 0) return Status::invalid_argument("deposit must be positive", "amount");
  if (amount > Money::from_units(1'000'000'000'000)) return Status::invalid_argument("deposit above 1e12", "amount");
  roll_day(now);
  emit(now, CashDeposited{amount, by});
  return finish();
}

Status Engine::tick(Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  roll_day(now);
  expire_stale_approvals(now);
  for (LockoutId id : state_.lockouts.due_to_expire(now)) emit(now, LockoutExpired{id});
  return finish();
}

}  // namespace stonks
