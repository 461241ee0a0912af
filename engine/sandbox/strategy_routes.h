// The desk's strategies: the specs switched on per symbol for the simulated
// market, the bars the sandbox closes for them from the simulator's quotes
// (kBarLength of simulation time, on the mid price), and the /api/strategies
// routes that list and replace them. A strategy's orders are submitted to
// the desk's engine like the operator's (source "strategy:<name>"): through
// risk and, with auto-approval off, into Pending Approvals.
#pragma once

#include <map>
#include <memory>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_types.h"
#include "core/engine.h"
#include "journal/storage.h"
#include "model/status.h"
#include "model/symbol_map.h"
#include "strategy/strategy_registry.h"

namespace stonks {

// Whether `path` is /api/strategies or under it: the sandbox's, not the router's.
bool is_strategies_path(std::string_view path);

class DeskStrategies {
 public:
  // Bars of simulation time: a bar closes with the first quote of a later one.
  static constexpr Duration kBarLength = std::chrono::minutes(1);
  // The desk file that keeps the specs across reloads.
  static constexpr std::string_view kFile = "strategies.json";

  // The specs kept in `desk` (none when the file is absent); kCorruption
  // naming the file and the field when it cannot be read back.
  static Result<DeskStrategies> load(Storage& desk);

  // A quote the market fed the engine at `now`: extends its symbol's bar,
  // or closes it and hands it to that symbol's strategies, whose intents go
  // to engine.submit_order at `now`. Errors are the engine's.
  Status on_quote(const Quote& quote, Timestamp now, Engine& engine);

  // Replaces the specs, stored in `desk` first (a failed write changes
  // nothing). A spec already on keeps its strategy (and the closes it has
  // seen); a symbol keeps its open bar.
  Status replace(std::vector<StrategySpec> specs, Storage& desk);

  const std::vector<StrategySpec>& specs() const { return specs_; }
  // {"strategies":[{"name","symbol","params"}...],"names":[...],"bar_seconds":60}
  nlohmann::json to_json() const;

 private:
  struct Running {
    StrategySpec spec;
    std::unique_ptr<Strategy> strategy;
  };
  struct OpenBar {
    Bar bar;
    Timestamp start{};
  };

  std::vector<StrategySpec> specs_;
  std::vector<Running> running_;  // in specs_' order
  std::map<Symbol, OpenBar> bars_;
};

// A PUT /api/strategies body, {"strategies":[{"name","symbol","params"}...]}
// (the whole list, replacing what is on), read strictly: each spec checked
// as make_strategy checks it, the field named with its index
// ("strategies.0.params.fast"); a symbol listed twice for one strategy, or
// one `quoted` says the market does not quote, is refused.
Result<std::vector<StrategySpec>> parse_strategies_put(const nlohmann::json& body, const SymbolMap<Quote>& quoted);

enum class StrategiesRoute { kGet, kPut };

// Checks a request for which is_strategies_path() holds as the router
// checks its own: 404, 405 with "allow", 413, no query, the actor on PUT,
// strict bodies. The route with its body, or the error response.
std::variant<std::pair<StrategiesRoute, nlohmann::json>, ApiResponse> parse_strategies_request(
    const ApiRequest& request, const ApiOptions& options);

}  // namespace stonks
