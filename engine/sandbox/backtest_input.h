// What the two backtest POST bodies share (/api/backtest and
// /api/backtest/sweep): the CSV and its symbol, the strategy spec, the cash
// and the paper fills' costs, read and checked the same way for both, each
// refusal the 400 naming its field (docs/api.md).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_types.h"
#include "backtest/backtest_config.h"
#include "backtest/backtest_runner.h"
#include "json/json_object_reader.h"
#include "model/status.h"
#include "strategy/strategy_registry.h"

namespace stonks {

// The CSV text is read this much at a time (checked, and streamed again by a replay).
inline constexpr std::size_t kCsvChunkBytes = 1 << 16;

struct BacktestBody {
  std::shared_ptr<std::string> csv = std::make_shared<std::string>();
  std::string symbol_text;
  const nlohmann::json* strategy = nullptr;  // into the body read; null after an error
  BacktestConfig config;
};

// Reads those fields with the body's reader; the caller reads its own, then finish()es.
void read_backtest_body(JsonObjectReader& r, BacktestBody& out);

// What a first pass over the CSV found: every row checked, the bars counted
// and, for a text with a Symbol column (its rows need not be in time order)
// or when asked, kept.
struct CheckedCsv {
  Symbol symbol;  // the body's ticker, for a text without a Symbol column; empty when none was given
  std::set<Symbol> symbols;
  std::size_t bars = 0;
  std::optional<std::vector<Bar>> held;
};

// The body's symbol and CSV checked, the bars held when `hold`; otherwise
// the 400: "symbol" for a bad ticker or a file that needs one (a bad row
// beside it then), "csv" with the row's "line" and "column" for a bad row,
// "csv" for a text without bars.
std::variant<CheckedCsv, ApiResponse> check_csv(const BacktestBody& body, bool hold);

// The strategy spec ({"name","params"}) for each symbol of the file, each
// checked as make_strategy checks it; kInvalidArgument naming
// "strategy.<field>" ("strategy.params.slow").
Result<std::vector<StrategySpec>> strategy_specs(const nlohmann::json& spec, const std::set<Symbol>& symbols);
// make_strategy for each spec; kInvalidArgument naming "strategy.<field>".
Result<std::vector<SymbolStrategy>> make_strategies(const std::vector<StrategySpec>& specs);

// A BacktestRunner::open refusal as the body names it: "starting_cash" is the body's "cash".
ApiResponse runner_error(const Status& status);

}  // namespace stonks
