// EngineWorkload: a deterministic random stream of engine commands (orders,
// approvals, cancels, lockouts, market data, news, ticks, config, mode, halts,
// deposits, remote reports) for the recovery and round-trip tests.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/engine.h"

namespace stonks::journal_test {

// splitmix64: the same numbers on every platform and standard library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform enough in [lo, hi].
  int64_t between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(next() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool chance(int percent) { return between(1, 100) <= percent; }

 private:
  uint64_t state_;
};

// Each step() picks a command from the engine's state and its own random
// stream, so two engines in the same state given the same workload state
// receive the same command. Commands may fail (conflicts, risk rejections,
// bad symbols): that is part of the workload.
class EngineWorkload {
 public:
  EngineWorkload(uint64_t seed, Timestamp start) : rng_(seed), now_(start) {
    mids_ = {100'000'000, 200'000'000, 250'000'000, 400'000'000, 50'000'000};
  }

  // Runs one command; returns its status (never kCorruption from a healthy
  // engine; kUnavailable once its sink failed).
  Status step(Engine& engine) {
    now_ += std::chrono::milliseconds(rng_.between(0, 3000));
    const EngineState& s = engine.state();
    const int64_t roll = rng_.between(1, 100);
    if (roll <= 28) return submit(engine);
    if (roll <= 46) return quote(engine, rng_.between(0, 4));
    if (roll <= 49) return bar(engine);
    if (roll <= 53)
      return engine.on_news(NewsEvent{symbol(rng_.between(0, 5)), "Headline " + std::to_string(++n_),
                                      static_cast<int>(rng_.between(0, 100)), now_},
                            now_);
    if (roll <= 62) return decide(engine, s);
    if (roll <= 66) return cancel(engine, s);
    if (roll <= 70) return create_lockout(engine);
    if (roll <= 72) return remove_lockout(engine, s);
    if (roll <= 82) return tick(engine);
    if (roll <= 87) return change_config(engine, s);
    if (roll <= 90) return engine.set_mode(static_cast<TradingMode>(rng_.between(0, 2)), "operator", now_);
    if (roll <= 92) return engine.set_halted(!s.halted, "operator", s.halted ? "" : "risk review", now_);
    if (roll <= 94) return engine.deposit(Money::from_units(rng_.between(1'000, 50'000)), "treasury", now_);
    return report(engine, s);
  }

  Timestamp now() const { return now_; }

  // A first step that every workload run starts with: money, quotes, and
  // approval required in paper mode half of the time.
  Status setup(Engine& engine) {
    if (Status st = engine.deposit(Money::from_units(250'000), "treasury", now_); !st.is_ok()) return st;
    for (int i = 0; i < 4; ++i)
      if (Status st = quote(engine, i); !st.is_ok()) return st;
    return Status::ok();
  }

 private:
  static Symbol symbol(int64_t i) {
    static const std::array<const char*, 6> kTickers = {"AAPL", "MSFT", "TSLA", "BRK.B", "NVDA", "RDS-A"};
    return *Symbol::parse(kTickers[static_cast<std::size_t>(i)]);
  }

  // A price near the symbol's current mid, in whole cents.
  Price near(int64_t i, int bps) {
    const int64_t mid = mids_[static_cast<std::size_t>(i % 5)];
    const int64_t moved = mid + mid / 10'000 * rng_.between(-bps, bps);
    return Price::from_micros(std::max<int64_t>(10'000, moved / 10'000 * 10'000));
  }

  Status submit(Engine& engine) {
    OrderIntent in;
    const int64_t i = rng_.between(0, 5);
    in.symbol = symbol(i);
    in.side = rng_.chance(60) ? Side::kBuy : Side::kSell;
    in.qty = rng_.chance(3) ? rng_.between(5'000, 50'000) : rng_.between(1, 150);
    if (rng_.chance(35)) {
      in.type = OrderType::kLimit;
      in.limit_price = near(i, 300);
    }
    if (rng_.chance(15)) in.client_order_id = "dup-" + std::to_string(rng_.between(0, 20));
    in.source = rng_.chance(50) ? "manual" : "strategy:sma";
    return engine.submit_order(in, now_).status();
  }

  Status quote(Engine& engine, int64_t i) {
    int64_t& mid = mids_[static_cast<std::size_t>(i)];
    mid = std::max<int64_t>(1'000'000, mid + mid / 10'000 * rng_.between(-60, 60));
    const int64_t half_spread = rng_.between(1, 10) * 10'000;
    Quote q;
    q.symbol = symbol(i);
    q.bid = Price::from_micros(mid - half_spread);
    q.ask = Price::from_micros(mid + half_spread);
    if (rng_.chance(30)) {
      q.bid_size = rng_.between(1, 200);
      q.ask_size = rng_.between(1, 200);
    }
    return engine.on_quote(q, now_);
  }

  Status bar(Engine& engine) {
    const int64_t i = rng_.between(0, 4);
    Bar b;
    b.symbol = symbol(i);
    b.low = near(i, 50);
    b.high = Price::from_micros(b.low.micros() + rng_.between(0, 100) * 10'000);
    b.open = b.low;
    b.close = b.high;
    b.volume = rng_.between(0, 100'000);
    b.at = now_;
    return engine.on_bar(b, now_);
  }

  template <class Map, class Pred>
  static std::vector<uint64_t> ids_where(const Map& map, Pred pred) {
    std::vector<uint64_t> out;
    for (const auto& [id, value] : map)
      if (pred(value)) out.push_back(id);
    return out;
  }

  uint64_t pick(const std::vector<uint64_t>& ids) {
    return ids[static_cast<std::size_t>(rng_.between(0, static_cast<int64_t>(ids.size()) - 1))];
  }

  Status decide(Engine& engine, const EngineState& s) {
    auto pending =
        ids_where(s.approvals.all(), [](const ApprovalRequest& r) { return r.status == ApprovalStatus::kPending; });
    if (pending.empty()) return submit(engine);
    const bool approve = rng_.chance(70);
    return engine.decide_approval(pick(pending), approve, approve ? "alice" : "bob", approve ? "ok" : "too risky", now_)
        .status();
  }

  Status cancel(Engine& engine, const EngineState& s) {
    std::vector<uint64_t> open = s.open_orders.ids();
    if (open.empty()) return tick(engine);
    return engine.cancel_order(pick(open), "operator", "changed my mind", now_).status();
  }

  Status create_lockout(Engine& engine) {
    LockoutRequest r;
    r.symbol = symbol(rng_.between(0, 5));
    r.reason = "manual review #" + std::to_string(++n_);
    r.duration_minutes = static_cast<int>(rng_.between(1, 90));
    r.side = static_cast<LockoutSide>(rng_.between(0, 2));
    r.created_by = "operator";
    return engine.create_lockout(r, now_).status();
  }

  Status remove_lockout(Engine& engine, const EngineState& s) {
    auto all = ids_where(s.lockouts.all(), [](const Lockout&) { return true; });
    if (all.empty()) return create_lockout(engine);
    // Drawn one by one: the order in which arguments are evaluated differs
    // between compilers (g++ right to left, clang left to right), and the
    // workload must be the same in the native and the wasm build.
    const char* by = rng_.chance(50) ? "alice" : "bob";
    const uint64_t id = pick(all);
    return engine.remove_lockout(id, by, now_).status();
  }

  Status tick(Engine& engine) {
    if (rng_.chance(3)) {
      now_ += std::chrono::hours(24);
    } else {
      now_ += std::chrono::seconds(rng_.between(1, 45 * 60));
    }
    return engine.tick(now_);
  }

  Status change_config(Engine& engine, const EngineState& s) {
    RiskConfig c = s.config;
    switch (rng_.between(0, 7)) {
      case 0:
        c.operator_approval.auto_approve_paper = !c.operator_approval.auto_approve_paper;
        break;
      case 1:
        c.operator_approval.approval_timeout_minutes = static_cast<int>(rng_.between(1, 40));
        break;
      case 2:
        c.limits.max_order_notional = Money::from_units(rng_.chance(50) ? 20'000 : 100'000);
        break;
      case 3:
        c.guards.cooldown_after_fill_seconds = rng_.chance(50) ? 0 : 30;
        break;
      case 4:
        c.paper.fee_bps = static_cast<int>(rng_.between(0, 5));
        c.paper.slippage_bps = static_cast<int>(rng_.between(0, 3));
        c.paper.fee_per_fill = Money::from_micros(rng_.between(0, 3) * 250'000);
        break;
      case 5:
        c.guards.price_shock_bps = static_cast<int>(rng_.between(0, 2) * 250);
        break;
      case 6:
        c.limits.allow_short = !c.limits.allow_short;
        break;
      default:
        c.operator_approval.require_approval_for_live = !c.operator_approval.require_approval_for_live;
        break;
    }
    return engine.update_config(c, rng_.chance(50) ? "alice" : "bob", now_).status();
  }

  Status report(Engine& engine, const EngineState& s) {
    std::vector<uint64_t> working;
    for (const auto& [symbol, ids] : s.working_orders) working.insert(working.end(), ids.begin(), ids.end());
    if (working.empty()) return submit(engine);
    const Order& o = s.orders.at(pick(working));
    ExecutionReport r;
    r.order_id = o.id();
    const int roll = static_cast<int>(rng_.between(0, 99));
    if (roll < 10 && o.status() == OrderStatus::kSubmitted) {
      r.kind = ExecutionReport::Kind::kAccepted;
    } else if (roll < 80) {
      r.kind = ExecutionReport::Kind::kFill;
      r.qty = rng_.between(1, o.remaining_qty());
      r.price = o.intent().limit_price ? *o.intent().limit_price : Price::from_units(100);
      r.fee = Money::from_micros(rng_.between(0, 1'000'000));
    } else if (roll < 90) {
      r.kind = ExecutionReport::Kind::kExpired;
      r.reason = "day order ended";
    } else {
      r.kind = ExecutionReport::Kind::kRejected;
      r.reason = "venue closed";
    }
    return engine.report_execution(r, now_);
  }

  Rng rng_;
  Timestamp now_;
  std::array<int64_t, 5> mids_{};
  int n_ = 0;
};

}  // namespace stonks::journal_test
