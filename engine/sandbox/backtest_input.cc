#include "sandbox/backtest_input.h"

#include <utility>

#include "api/api_response.h"
#include "marketdata/csv_bar_parser.h"
#include "strategy/strategy_spec_json.h"

namespace stonks {
namespace {

// A bad row as the form shows it: beside the symbol field when the file
// needs a ticker it was not given, else beside the file, naming the line.
ApiResponse csv_error(const CsvError& e) {
  const bool needs_symbol = e.column == "symbol" && e.line <= 1;
  nlohmann::json error = error_object("invalid_argument", "line " + std::to_string(e.line) + ": " + e.reason,
                                      needs_symbol ? "symbol" : "csv");
  error["line"] = e.line;
  if (!e.column.empty()) error["column"] = e.column;
  return json_response(400, {{"error", std::move(error)}});
}

}  // namespace

void read_backtest_body(JsonObjectReader& r, BacktestBody& out) {
  r.required_string("csv", *out.csv);
  r.optional_string("symbol", out.symbol_text);
  out.strategy = r.required_value("strategy");
  r.optional_decimal("cash", out.config.starting_cash);
  r.optional_int("slippage_bps", out.config.risk.paper.slippage_bps);
  r.optional_int("fee_bps", out.config.risk.paper.fee_bps);
  r.optional_decimal("fee_per_fill", out.config.risk.paper.fee_per_fill);
}

std::variant<CheckedCsv, ApiResponse> check_csv(const BacktestBody& body, bool hold) {
  CheckedCsv out;
  if (!body.symbol_text.empty()) {
    Result<Symbol> s = Symbol::parse(body.symbol_text);
    if (!s.is_ok()) return error_response(Status::invalid_argument(s.status().message(), "symbol"));
    out.symbol = *s;
  }
  const std::string_view text = *body.csv;
  CsvBarParser parser(CsvBarOptions{out.symbol, Duration{0}});
  std::vector<Bar> bars;
  Status st;
  for (std::size_t at = 0; st.is_ok() && at < text.size(); at += kCsvChunkBytes) {
    st = parser.feed(text.substr(at, kCsvChunkBytes), bars);
    if (hold || parser.has_symbol_column()) continue;  // kept whole
    if (!bars.empty()) out.symbols.insert(bars.front().symbol);
    out.bars += bars.size();
    bars.clear();
  }
  if (st.is_ok()) st = parser.finish(bars);
  if (!st.is_ok()) return csv_error(parser.error());
  out.bars += bars.size();
  if (hold || parser.has_symbol_column()) {
    for (const Bar& b : bars) out.symbols.insert(b.symbol);
    out.held = std::move(bars);
  } else if (!bars.empty()) {
    out.symbols.insert(bars.front().symbol);
  }
  if (out.bars == 0) return error_response(Status::invalid_argument("no bars to replay", "csv"));
  return out;
}

Result<std::vector<StrategySpec>> strategy_specs(const nlohmann::json& spec, const std::set<Symbol>& symbols) {
  if (!spec.is_object()) return Status::invalid_argument("must be an object {\"name\",\"params\"}", "strategy");
  if (spec.contains("symbol"))
    return Status::invalid_argument("the strategy trades every symbol of the file; name a ticker with \"symbol\"",
                                    "strategy.symbol");
  std::vector<StrategySpec> out;
  for (const Symbol& s : symbols) {
    nlohmann::json with_symbol = spec;
    with_symbol["symbol"] = s.str();
    Result<StrategySpec> parsed = strategy_spec_from_json(with_symbol);
    if (!parsed.is_ok())
      return Status::invalid_argument(parsed.status().message(), "strategy." + parsed.status().field());
    out.push_back(std::move(parsed).value());
  }
  return out;
}

Result<std::vector<SymbolStrategy>> make_strategies(const std::vector<StrategySpec>& specs) {
  std::vector<SymbolStrategy> out;
  for (const StrategySpec& spec : specs) {
    Result<std::unique_ptr<Strategy>> made = make_strategy(spec);
    if (!made.is_ok()) return Status::invalid_argument(made.status().message(), "strategy." + made.status().field());
    out.push_back(SymbolStrategy{spec.symbol, std::move(made).value()});
  }
  return out;
}

ApiResponse runner_error(const Status& st) {
  return error_response(st.field() == "starting_cash" ? Status::invalid_argument(st.message(), "cash") : st);
}

}  // namespace stonks
