// ScriptedStrategy: a test strategy that sends a market order of a fixed
// size on the close of chosen bars (counted from 1 among the bars it sees),
// and daily bars for a fixture.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "strategy/strategy.h"
#include "support/engine_harness.h"

namespace stonks::testing {

class ScriptedStrategy final : public Strategy {
 public:
  ScriptedStrategy(std::string ticker, Quantity qty, std::map<int, Side> script)
      : symbol_(sym(ticker)), qty_(qty), script_(std::move(script)) {}

  const std::string& name() const override { return name_; }
  std::vector<OrderIntent> on_bar(const Bar& bar, const StrategyContext&) override {
    seen.push_back(bar);
    auto it = script_.find(static_cast<int>(seen.size()));
    if (it == script_.end()) return {};
    OrderIntent in = market(symbol_.str(), it->second, qty_);
    in.source = "strategy:" + name_;
    return {in};
  }

  std::vector<Bar> seen;  // every bar it was shown

 private:
  std::string name_ = "scripted";
  Symbol symbol_;
  Quantity qty_;
  std::map<int, Side> script_;
};

inline std::unique_ptr<Strategy> scripted(const std::string& ticker, Quantity qty, std::map<int, Side> script) {
  return std::make_unique<ScriptedStrategy>(ticker, qty, std::move(script));
}

// 2026-01-05T21:00:00Z plus `day` - 1 days: the end of the fixture's day-th bar.
inline Timestamp day_end(int day) {
  return *parse_iso8601("2026-01-05T21:00:00Z") + std::chrono::hours(24) * (day - 1);
}

inline Bar daily_bar(const std::string& ticker, int day, const std::string& open, const std::string& high,
                     const std::string& low, const std::string& close) {
  return Bar{sym(ticker), px(open), px(high), px(low), px(close), 0, day_end(day)};
}

}  // namespace stonks::testing
