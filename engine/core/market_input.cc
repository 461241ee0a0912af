// Market input: quotes, bars, news and remote execution reports, and the
// system guards they trigger.
#include "core/engine.h"
#include "risk/guards.h"

namespace stonks {
namespace {

// The orders working at the broker for `s`, by id (what on_quote and on_bar
// hand the broker).
std::vector<const Order*> working_orders_of(const EngineState& state, const Symbol& s) {
  std::vector<const Order*> orders;
  for (OrderId id : state.working_orders.of(s)) orders.push_back(&state.orders.at(id));
  return orders;
}

}  // namespace

void Engine::create_guard_lockout(const GuardLockout& g, Timestamp now) {
  Lockout l;
  l.id = state_.next_lockout_id;
  l.symbol = g.symbol;
  l.reason = g.reason;
  l.source = g.source;
  l.side = LockoutSide::kBoth;
  l.created_at = now;
  l.expires_at = now + g.duration;
  l.created_by = "system";
  emit(now, LockoutCreated{l});
}

void Engine::check_daily_loss(Timestamp now) {
  if (state_.halted) return;
  const Money pnl = state_.portfolio.day_pnl_at(state_.valuation.market_value());
  const Money max = state_.config.limits.max_daily_loss;
  if (pnl <= -max)
    emit(now, HaltChanged{true, HaltCause::kDailyLoss, "system",
                          "DAILY_LOSS_LIMIT: day_pnl=" + pnl.to_string() + " limit=-" + max.to_string()});
}

Status Engine::on_quote(const Quote& quote, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate(quote); !st.is_ok()) return st;
  roll_day(now);
  Quote q = quote;
  q.at = now;
  emit(now, QuoteReceived{q});
  if (auto g = price_shock_guard(state_.config.guards, q.symbol, state_.market, state_.lockouts, now))
    create_guard_lockout(*g, now);
  std::vector<const Order*> working = working_orders_of(state_, q.symbol);
  if (!working.empty()) {
    // Reports refer to orders by id; applying them may change the index we read.
    std::vector<ExecutionReport> reports = broker_.on_quote(working, broker_view(q.symbol, now));
    for (const ExecutionReport& r : reports) handle_report(r, now);
  }
  check_daily_loss(now);
  return finish();
}

Status Engine::on_bar(const Bar& bar, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate(bar); !st.is_ok()) return st;
  roll_day(now);
  emit(now, BarReceived{bar});
  if (auto g = price_shock_guard(state_.config.guards, bar.symbol, state_.market, state_.lockouts, now))
    create_guard_lockout(*g, now);
  std::vector<const Order*> working = working_orders_of(state_, bar.symbol);
  if (!working.empty()) {
    std::vector<ExecutionReport> reports = broker_.on_bar(working, bar, broker_view(bar.symbol, now));
    for (const ExecutionReport& r : reports) handle_report(r, now);
  }
  check_daily_loss(now);
  return finish();
}

Status Engine::on_news(const NewsEvent& news, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  if (Status st = validate(news); !st.is_ok()) return st;
  roll_day(now);
  NewsEvent n = news;
  n.at = now;
  emit(now, NewsReceived{n});
  if (auto g = news_shock_guard(state_.config.guards, n, state_.lockouts, now)) create_guard_lockout(*g, now);
  return finish();
}

Status Engine::report_execution(const ExecutionReport& r, Timestamp now) {
  if (Status st = check_command(now); !st.is_ok()) return st;
  const Order* o = state_.order(r.order_id);
  if (!o) return Status::not_found("no order " + std::to_string(r.order_id));
  if (!is_open_at_broker(o->status()))
    return Status::conflict("order " + std::to_string(r.order_id) + " is not working at the broker (" +
                            to_string(o->status()) + ")");
  if (r.kind == ExecutionReport::Kind::kRejected && !can_transition(o->status(), OrderStatus::kRejected))
    return Status::conflict("order " + std::to_string(r.order_id) + " is " + to_string(o->status()) +
                            " and can no longer be rejected");
  if (r.kind == ExecutionReport::Kind::kAccepted && o->status() != OrderStatus::kSubmitted)
    return Status::conflict("order " + std::to_string(r.order_id) + " is " + to_string(o->status()) +
                            ": only a submitted order can be accepted");
  if (r.kind == ExecutionReport::Kind::kFill) {
    if (r.qty <= 0 || r.qty > o->remaining_qty())
      return Status::invalid_argument("fill quantity must be 1.." + std::to_string(o->remaining_qty()), "qty");
    if (r.price.micros() <= 0) return Status::invalid_argument("fill price must be positive", "price");
    if (r.fee.micros() < 0) return Status::invalid_argument("fee must not be negative", "fee");
  }
  roll_day(now);
  handle_report(r, now);
  return finish();
}

}  // namespace stonks
