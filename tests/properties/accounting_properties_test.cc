// Accounting and replay properties over random trading sessions: the cash
// identity holds exactly (fixed point, no tolerance), positions are the sum of
// signed fills, the running totals match a recount, and replaying the
// committed events rebuilds the state exactly.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>

#include "journal/state_codec.h"
#include "properties/property_support.h"

namespace stonks::props {
namespace {

using std::chrono::seconds;

RiskConfig session_config() {
  RiskConfig c = generous_config();
  c.paper = *genPaperFill();
  c.operator_approval = *genApprovalConfig();
  // The guards stay on so sessions hold system lockouts too.
  c.guards.cooldown_after_loss_seconds = *rc::gen::element(0, 60, 300);
  c.guards.cooldown_after_fill_seconds = *rc::gen::element(0, 0, 30);
  c.guards.price_shock_bps = *rc::gen::element(0, 300, 500);
  return c;
}

// cash + sum(cost_basis) - realized_pnl + fees_paid == deposits, and each
// position is the sum of the signed quantities filled in its symbol.
void check_accounts(const EngineState& s) {
  const Portfolio& pf = s.portfolio;
  Money cost;
  Money realized_by_symbol;
  for (const auto& [sym, pos] : pf.positions()) {
    cost += pos.cost_basis;
    realized_by_symbol += pos.realized_pnl;
  }
  const Money lhs = pf.cash() + cost - pf.realized_pnl() + pf.fees_paid();
  if (lhs != pf.deposits())
    RC_FAIL("cash " + pf.cash().to_string() + " + cost " + cost.to_string() + " - realized " +
            pf.realized_pnl().to_string() + " + fees " + pf.fees_paid().to_string() + " = " + lhs.to_string() +
            ", deposits " + pf.deposits().to_string());
  RC_ASSERT(realized_by_symbol == pf.realized_pnl());

  std::map<Symbol, Quantity> from_orders;
  std::map<Symbol, Quantity> from_fills;
  Money fees_from_fills;
  for (const auto& [id, o] : s.orders)
    if (o.filled_qty() != 0) from_orders[o.intent().symbol] += side_sign(o.intent().side) * o.filled_qty();
  for (const Fill& f : s.fills) {
    from_fills[f.symbol] += side_sign(f.side) * f.qty;
    fees_from_fills += f.fee;
  }
  RC_ASSERT(fees_from_fills == pf.fees_paid());
  for (const std::string& t : tickers()) {
    const Symbol sym = symbol_of(t);
    const Quantity held = pf.position(sym).qty;
    RC_ASSERT(held == from_orders[sym]);
    RC_ASSERT(held == from_fills[sym]);
    if (held == 0) RC_ASSERT(pf.position(sym).cost_basis == Money());
  }
}

// One random step of a session: mostly quotes and orders, and now and then
// everything else the operator and the market do.
void random_step(PropEngine& p) {
  const EngineState& s = p.state();
  const int kind = *rc::gen::weightedOneOf<int>({{6, rc::gen::just(0)},
                                                 {8, rc::gen::just(1)},
                                                 {1, rc::gen::just(2)},
                                                 {1, rc::gen::just(3)},
                                                 {2, rc::gen::just(4)},
                                                 {1, rc::gen::just(5)},
                                                 {2, rc::gen::just(6)},
                                                 {1, rc::gen::just(7)},
                                                 {1, rc::gen::just(8)},
                                                 {1, rc::gen::just(9)},
                                                 {1, rc::gen::just(10)}});
  switch (kind) {
    case 0: {  // a quote, with or without sizes (sizes cap fills: partial fills)
      p.quote(*genQuote(*genSymbol(), true));
      break;
    }
    case 1: {  // an order, market or limit near the quote
      (void)p.submit(*genIntent(s.market));
      break;
    }
    case 2: {  // new slippage and fees for later fills
      RiskConfig next = s.config;
      next.paper = *genPaperFill();
      require_ok(p.engine.update_config(next, "operator", p.now), "update_config");
      break;
    }
    case 3: {  // a deposit
      require_ok(p.engine.deposit(Money::from_micros(*rc::gen::inRange<std::int64_t>(1, 1'000'000'000'000)), "operator",
                                  p.now),
                 "deposit");
      break;
    }
    case 4: {  // the operator decides a pending request
      std::vector<ApprovalId> pending;
      for (const auto& [id, r] : s.approvals.all())
        if (r.status == ApprovalStatus::kPending && p.now < r.expires_at) pending.push_back(id);
      if (pending.empty()) break;
      const ApprovalId id = *rc::gen::elementOf(pending);
      require_ok(p.engine.decide_approval(id, *rc::gen::arbitrary<bool>(), "operator", "", p.now).status(),
                 "decide_approval");
      break;
    }
    case 5: {  // the approval section changes
      require_ok(
          p.engine.update_approval_config(*genApprovalConfig(priced_tradable(p.state())), "operator", p.now).status(),
          "update_approval_config");
      break;
    }
    case 6: {  // time passes
      p.now += seconds(*rc::gen::inRange(0, 2 * 3600 + 1));
      require_ok(p.engine.tick(p.now), "tick");
      break;
    }
    case 7: {  // a cancel of a random order (final ones answer conflict)
      if (s.orders.empty()) break;
      const OrderId id = *rc::gen::inRange<OrderId>(1, s.next_order_id);
      const StatusCode code = p.engine.cancel_order(id, "operator", "", p.now).status().code();
      RC_ASSERT(code == StatusCode::kOk || code == StatusCode::kConflict);
      break;
    }
    case 8: {  // news
      NewsEvent n;
      n.symbol = *genSymbol();
      n.headline = "news";
      n.severity = *rc::gen::inRange(0, NewsEvent::kMaxSeverity + 1);
      require_ok(p.engine.on_news(n, p.now), "on_news");
      break;
    }
    case 9: {  // a manual lockout, or removing a random one
      if (*rc::gen::arbitrary<bool>() || s.next_lockout_id == 1) {
        LockoutRequest r;
        r.symbol = *genSymbol();
        r.reason = "hold";
        r.duration_minutes = *rc::gen::inRange(1, 241);
        r.side = *genLockoutSide();
        r.created_by = "operator";
        require_ok(p.engine.create_lockout(r, p.now).status(), "create_lockout");
      } else {
        const LockoutId id = *rc::gen::inRange<LockoutId>(1, s.next_lockout_id);
        const StatusCode code = p.engine.remove_lockout(id, "operator", p.now).status().code();
        RC_ASSERT(code == StatusCode::kOk || code == StatusCode::kConflict);
      }
      break;
    }
    case 10: {  // a mode change
      p.mode(*rc::gen::weightedOneOf<TradingMode>({{1, rc::gen::just(TradingMode::kDisabled)},
                                                   {3, rc::gen::just(TradingMode::kPaper)},
                                                   {2, rc::gen::just(TradingMode::kLive)}}));
      break;
    }
  }
}

// What the open orders reserve, the slow way: every open order, one by one.
OpenOrderSummary summary_by_walking(const EngineState& s, const Symbol& symbol, OrderId self) {
  OpenOrderSummary sum;
  for (const auto& [id, o] : s.orders) {
    const OrderStatus st = o.status();
    if (id == self || is_terminal(st) || st == OrderStatus::kReceived) continue;
    const OrderIntent& in = o.intent();
    ++sum.count;
    if (in.side == Side::kBuy) {
      std::optional<Price> px = in.limit_price ? in.limit_price : s.market.last_price(in.symbol);
      if (px) sum.buy_notional += saturating_notional(*px, o.remaining_qty());
      if (in.symbol == symbol) sum.buy_qty_in_symbol += o.remaining_qty();
    } else if (in.symbol == symbol) {
      sum.sell_qty_in_symbol += o.remaining_qty();
    }
  }
  return sum;
}

// The totals the engine keeps as events arrive equal the ones computed from
// scratch: the valuation, and what open orders reserve for each symbol, with
// and without each open order under check.
void check_running_totals(const EngineState& s) {
  RC_ASSERT(s.valuation == Valuation::of(s.portfolio, s.market));
  std::vector<OrderId> selves = s.open_orders.ids();
  selves.push_back(0);
  for (const std::string& t : tickers()) {
    for (OrderId self : selves) {
      const OpenOrderSummary want = summary_by_walking(s, symbol_of(t), self);
      const OpenOrderSummary got = s.open_orders.summary(symbol_of(t), self, s.market);
      RC_ASSERT(got.count == want.count);
      RC_ASSERT(got.buy_notional == want.buy_notional);
      RC_ASSERT(got.buy_qty_in_symbol == want.buy_qty_in_symbol);
      RC_ASSERT(got.sell_qty_in_symbol == want.sell_qty_in_symbol);
    }
  }
}

std::unique_ptr<PropEngine> random_session(int max_steps) {
  auto p =
      std::make_unique<PropEngine>(session_config(), dollars(*rc::gen::inRange<std::int64_t>(1'000'000, 100'000'001)));
  p->quote_universe();
  const int steps = *rc::gen::inRange(1, max_steps + 1);
  for (int i = 0; i < steps; ++i) {
    random_step(*p);
    check_accounts(p->state());
    check_running_totals(p->state());
  }
  return p;
}

// A fresh engine fed the committed events; it must never call its broker.
void check_replay(const PropEngine& p) {
  stonks::testing::RecordingBroker broker;
  Engine fresh(broker, nullptr);
  for (const EventRecord& r : p.sink.events)
    require_ok(fresh.replay(r), std::string("replay of seq ") + std::to_string(r.seq));
  RC_ASSERT(broker.submitted.empty());
  RC_ASSERT(fresh.state().last_seq == p.state().last_seq);
  RC_ASSERT(fresh.state().portfolio == p.state().portfolio);
  RC_ASSERT(fresh.state().orders == p.state().orders);
  RC_ASSERT(fresh.state().approvals == p.state().approvals);
  RC_ASSERT(fresh.state().lockouts == p.state().lockouts);
  RC_ASSERT(fresh.state() == p.state());
}

RC_GTEST_PROP(AccountingProperties, CashIdentityAndPositionsHoldExactlyAfterEveryStep, ()) {
  const auto p = random_session(40);
  RC_CLASSIFY(p->state().fills.size() > 5, "more than 5 fills");
  RC_CLASSIFY(std::any_of(p->state().portfolio.positions().begin(), p->state().portfolio.positions().end(),
                          [](const auto& kv) { return kv.second.qty < 0; }),
              "holds a short");
}

// Long sells and short covers through zero: the close-then-open rule keeps
// the identity (a focused session of market orders only).
RC_GTEST_PROP(AccountingProperties, CashIdentityHoldsThroughPositionFlips, ()) {
  RiskConfig config = generous_config();
  config.paper = *genPaperFill();
  PropEngine p(config, dollars(1'000'000'000));
  const Symbol s = *genSymbol();
  p.quote(*genQuote(s));
  const int steps = *rc::gen::inRange(1, 30);
  for (int i = 0; i < steps; ++i) {
    if (*rc::gen::arbitrary<bool>()) p.quote(*genQuote(s, true));
    OrderIntent in;
    in.symbol = s;
    in.side = *genSide();
    in.qty = *genQty();
    (void)p.submit(in);
    check_accounts(p.state());
  }
}

RC_GTEST_PROP(AccountingProperties, ReplayingTheCommittedEventsReproducesTheStateExactly, ()) {
  const auto p = random_session(40);
  check_replay(*p);
}

// A snapshot that forgot a field would still compare equal by its own
// serialized form; EngineState's equality covers every field, the derived
// indexes included, so the restored engine must match it.
RC_GTEST_PROP(AccountingProperties, RestoringASnapshotReproducesTheStateByItsOwnEquality, ()) {
  const auto p = random_session(40);
  Result<EngineState> decoded = decode_engine_state(encode_engine_state(p->state()));
  RC_ASSERT(decoded.is_ok());
  stonks::testing::RecordingBroker broker;
  Engine restored(broker, nullptr);
  restored.restore(std::move(decoded).value());
  RC_ASSERT(restored.state().orders == p->state().orders);
  RC_ASSERT(restored.state().open_orders == p->state().open_orders);
  RC_ASSERT(restored.state().order_by_client_id == p->state().order_by_client_id);
  RC_ASSERT(restored.state().working_orders == p->state().working_orders);
  RC_ASSERT(restored.state().valuation == p->state().valuation);
  RC_ASSERT(restored.state() == p->state());
}

}  // namespace
}  // namespace stonks::props
