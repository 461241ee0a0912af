// BenchWorld: the market, limits and order flow every workload shares.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/risk_config.h"
#include "core/engine.h"
#include "model/order_intent.h"
#include "model/time.h"

namespace stonks::bench {

inline constexpr int kSymbols = 100;
inline constexpr Quantity kOrderQty = 10;
// Simulated time between two commands. With the 1 s throttle window this keeps
// up to 1000 submissions in the window (the throttle scans them per order).
inline constexpr Duration kCommandSpacing = std::chrono::milliseconds(1);

// 2026-01-01T00:00:00Z: every workload starts on a day boundary, so the
// simulated time of a run (well under a day) never rolls the trading day.
Timestamp bench_epoch();

// Limits generous enough that every order of the workloads passes risk:
// huge notionals, exposure and daily loss, 100000 open orders, a throttle of
// 1,000,000 per second, shorting allowed, no cooldowns, price shock off.
// `auto_approve` sets operator_approval.auto_approve_paper; the approval
// timeout is the maximum (a day).
RiskConfig bench_config(bool auto_approve);

// Market-order intents: for symbol s, buy(s) and sell(s) of kOrderQty, with
// no client_order_id (the engine assigns one). Order i of a run is
// intent(i): symbols round-robin, buys for one pass over the symbols, sells
// for the next, so every position swings between 0 and +kOrderQty.
class OrderFlow {
 public:
  OrderFlow();
  const OrderIntent& intent(std::uint64_t i) const { return intents_[(i / kSymbols) % 2][i % kSymbols]; }

 private:
  std::vector<OrderIntent> intents_[2];  // [0] buys, [1] sells
};

// Puts `engine` (fresh, in paper mode) into the bench state: the config,
// cash, and a quote for every symbol (bid/ask around 50..149). Returns the
// time of the last command; later commands must come after it. Aborts the
// process with a message on any failure: a bench that does not measure what
// it says is worse than none.
Timestamp seed_engine(Engine& engine, bool auto_approve);

// Exits with `what` and the status when `st` is not ok.
void check(const Status& st, const char* what);
// Exits with `what`: the run did not measure what it claims.
[[noreturn]] void fail(const std::string& what);

}  // namespace stonks::bench
