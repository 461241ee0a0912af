// Strategy: the other source of orders besides the manual ticket. Pure and
// deterministic: a closed bar and a read-only view of the engine in, order
// intents out. Its intents go through the same risk checks and approval gate
// as the operator's (the host submits them with Engine::submit_order).
// One instance trades one symbol with one set of parameters (switched on per
// symbol). Hosts that see quotes rather than bars (the simulated market) close
// bars of their own and feed those.
#pragma once

#include <string>
#include <vector>

#include "core/engine_state.h"
#include "model/market_data.h"
#include "model/order_intent.h"
#include "model/time.h"

namespace stonks {

// What a strategy may read when a bar closes: the engine's state (positions,
// cash, open orders, marks) and the time. Never written through.
struct StrategyContext {
  const EngineState& state;
  Timestamp now;
};

class Strategy {
 public:
  virtual ~Strategy() = default;

  // The registered name ("sma", "mean_reversion"); its orders carry
  // source "strategy:<name>".
  virtual const std::string& name() const = 0;

  // `bar` closed for the strategy's symbol (hosts feed it no other).
  // Returns the intents to submit now, usually none. It must not repeat an
  // order of its own that is still open for the symbol (waiting for the
  // operator or working at the broker).
  virtual std::vector<OrderIntent> on_bar(const Bar& bar, const StrategyContext& ctx) = 0;
};

}  // namespace stonks
