// StrategyFixture: one strategy built through the registry, fed bars of AAPL
// while an EngineHarness's engine stands behind it. Every intent the strategy
// returns is submitted to the engine, as a host does, so positions, pending
// approvals and rejections are the engine's own.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "strategy/strategy_registry.h"
#include "support/engine_harness.h"

namespace stonks::testing {

class StrategyFixture {
 public:
  // The engine allows shorts and has no loss cooldown, so whether the
  // strategy goes short and how often it trades are its own rules. AAPL is
  // quoted 99.90 / 100.10: market orders fill at once, or wait for the
  // operator after require_paper_approval().
  StrategyFixture(const std::string& name, ParamList params) {
    RiskConfig c = h.engine.state().config;
    c.limits.allow_short = true;
    c.guards.cooldown_after_loss_seconds = 0;
    EXPECT_TRUE(h.engine.update_config(c, "test", h.now).is_ok());
    Result<std::unique_ptr<Strategy>> made = make_strategy(StrategySpec{name, sym("AAPL"), std::move(params)});
    EXPECT_TRUE(made.is_ok()) << made.status().to_string();
    if (made.is_ok()) strategy = std::move(made).value();
  }

  // A bar of AAPL closing at `close` (open, high and low the same), a minute
  // after the last. Submits what the strategy asks for and describes it:
  // "" for nothing, "buy 10", "sell 20".
  std::string close(const std::string& close) {
    if (!strategy) return "no strategy";
    h.advance(std::chrono::minutes(1));
    Bar bar{sym("AAPL"), px(close), px(close), px(close), px(close), 1000, h.now};
    intents = strategy->on_bar(bar, StrategyContext{h.engine.state(), h.now});
    orders.clear();
    std::string said;
    for (const OrderIntent& in : intents) {
      said += std::string(said.empty() ? "" : ", ") + to_string(in.side) + " " + std::to_string(in.qty);
      orders.push_back(h.submit(in));
    }
    return said;
  }

  Quantity position() const { return h.engine.state().portfolio.position(sym("AAPL")).qty; }

  EngineHarness h;
  std::unique_ptr<Strategy> strategy;
  std::vector<OrderIntent> intents;  // from the last bar
  std::vector<Order> orders;         // the engine's orders for them
};

}  // namespace stonks::testing
