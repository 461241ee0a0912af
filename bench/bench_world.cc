#include "bench_world.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace stonks::bench {
namespace {

Symbol symbol(int i) {
  Result<Symbol> s = Symbol::parse("SYM" + std::to_string(i));
  check(s.status(), "symbol");
  return *s;
}

}  // namespace

void check(const Status& st, const char* what) {
  if (st.is_ok()) return;
  std::fprintf(stderr, "stonks_bench: %s failed: %s\n", what, st.message().c_str());
  std::exit(2);
}

void fail(const std::string& what) {
  std::fprintf(stderr, "stonks_bench: %s\n", what.c_str());
  std::exit(2);
}

Timestamp bench_epoch() { return timestamp_from_micros(1'767'225'600'000'000); }

RiskConfig bench_config(bool auto_approve) {
  RiskConfig c;
  c.operator_approval.auto_approve_paper = auto_approve;
  c.operator_approval.approval_timeout_minutes = OperatorApprovalConfig::kMaxTimeoutMinutes;
  RiskLimits& l = c.limits;
  l.max_order_notional = Money::from_units(100'000'000'000);
  l.max_position_notional = Money::from_units(100'000'000'000);
  l.max_gross_exposure = Money::from_units(100'000'000'000);
  l.max_daily_loss = Money::from_units(100'000'000'000);
  l.max_open_orders = 100'000;
  l.max_orders_per_window = 1'000'000;
  l.rate_window_seconds = 1;
  l.allow_short = true;
  GuardConfig& g = c.guards;
  g.cooldown_after_fill_seconds = 0;
  g.cooldown_after_loss_seconds = 0;
  g.price_shock_bps = 0;
  return c;
}

OrderFlow::OrderFlow() {
  for (int side = 0; side < 2; ++side) {
    for (int i = 0; i < kSymbols; ++i) {
      OrderIntent in;
      in.symbol = symbol(i);
      in.side = side == 0 ? Side::kBuy : Side::kSell;
      in.qty = kOrderQty;
      in.type = OrderType::kMarket;
      in.source = "bench";
      intents_[side].push_back(std::move(in));
    }
  }
}

Timestamp seed_engine(Engine& engine, bool auto_approve) {
  Timestamp now = bench_epoch();
  check(engine.update_config(bench_config(auto_approve), "bench", now).status(), "update_config");
  check(engine.deposit(Money::from_units(100'000'000'000), "bench", now), "deposit");
  for (int i = 0; i < kSymbols; ++i) {
    Quote q;
    q.symbol = symbol(i);
    q.bid = Price::from_micros((50 + i) * 1'000'000 - 10'000);  // 0.01 below the mid
    q.ask = Price::from_micros((50 + i) * 1'000'000 + 10'000);
    check(engine.on_quote(q, now), "on_quote");
  }
  return now;
}

}  // namespace stonks::bench
