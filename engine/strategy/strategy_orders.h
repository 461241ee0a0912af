// The orders the built-in strategies send, and the rule that keeps them from
// repeating one still waiting for the operator or working at the broker.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/engine_state.h"
#include "model/order_intent.h"
#include "strategy/strategy.h"

namespace stonks {

// "strategy:<name>": the source a strategy's orders carry.
std::string strategy_source(std::string_view name);

// Whether an order with `source` in `symbol` is open in `state`: pending
// approval, approved, or working at the broker. Walks the open orders only.
bool has_open_order(const EngineState& state, const Symbol& symbol, std::string_view source);

// What a strategy returns when it wants `qty` shares bought or sold: one
// market order carrying `source` and no client_order_id (the engine assigns
// one), or nothing when qty is 0 or an order of `source` is still open in
// `symbol` (the operator has not decided it yet, or the broker is working it).
std::vector<OrderIntent> order_unless_open(const StrategyContext& ctx, const Symbol& symbol, Side side, Quantity qty,
                                           const std::string& source);

}  // namespace stonks
