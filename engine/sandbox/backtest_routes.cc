#include "sandbox/backtest_routes.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "api/api_response.h"
#include "api/request_parsing.h"
#include "backtest/csv_bar_source.h"
#include "backtest/report_chart_json.h"
#include "backtest/report_format.h"
#include "core/command_checks.h"
#include "json/json_object_reader.h"
#include "json/json_values.h"
#include "marketdata/csv_bar_parser.h"
#include "strategy/strategy_spec_json.h"

namespace stonks {
namespace {

constexpr std::string_view kPath = "/api/backtest";
constexpr std::int64_t kMicrosPerSecond = 1'000'000;

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

constexpr std::size_t kCsvChunk = 1 << 16;

// What a first pass over the text found: every row checked, bars kept only
// for a text with a Symbol column (its rows need not be in time order, so
// they are sorted in memory); one without streams again from the text.
struct CheckedCsv {
  std::set<Symbol> symbols;
  std::size_t bars = 0;
  std::optional<std::vector<Bar>> held;  // with a Symbol column
};

Result<CheckedCsv> check_csv(std::string_view text, const Symbol& symbol, CsvError& error) {
  CsvBarParser parser(CsvBarOptions{symbol, Duration{0}});
  CheckedCsv out;
  std::vector<Bar> bars;
  Status st;
  for (std::size_t at = 0; st.is_ok() && at < text.size(); at += kCsvChunk) {
    st = parser.feed(text.substr(at, kCsvChunk), bars);
    if (parser.has_symbol_column()) continue;  // kept whole
    if (!bars.empty()) out.symbols.insert(bars.front().symbol);
    out.bars += bars.size();
    bars.clear();
  }
  if (st.is_ok()) st = parser.finish(bars);
  if (!st.is_ok()) {
    error = parser.error();
    return st;
  }
  out.bars += bars.size();
  if (parser.has_symbol_column()) {
    for (const Bar& b : bars) out.symbols.insert(b.symbol);
    out.held = std::move(bars);
  } else if (!bars.empty()) {
    out.symbols.insert(bars.front().symbol);
  }
  return out;
}

// The checked text's bars again, a chunk at a time, from the session's copy.
std::unique_ptr<BarSource> bar_source(std::shared_ptr<const std::string> text, const Symbol& symbol,
                                      CheckedCsv checked) {
  if (checked.held) return std::make_unique<VectorBarSource>(std::move(*checked.held));
  auto read = [text, at = std::size_t{0}]() mutable -> Result<std::string_view> {
    const std::string_view chunk = std::string_view(*text).substr(std::min(at, text->size()), kCsvChunk);
    at += chunk.size();
    return chunk;
  };
  return std::make_unique<CsvBarSource>(CsvBarOptions{symbol, Duration{0}}, std::move(read), std::string(),
                                        checked.bars);
}

// The spec for every symbol of the file: {"name","params"}, the symbol is the file's.
Result<std::vector<SymbolStrategy>> make_strategies(const nlohmann::json& spec, const std::set<Symbol>& symbols) {
  if (!spec.is_object()) return Status::invalid_argument("must be an object {\"name\",\"params\"}", "strategy");
  if (spec.contains("symbol"))
    return Status::invalid_argument("the strategy trades every symbol of the file; name a ticker with \"symbol\"",
                                    "strategy.symbol");
  std::vector<SymbolStrategy> out;
  for (const Symbol& s : symbols) {
    nlohmann::json with_symbol = spec;
    with_symbol["symbol"] = s.str();
    Result<StrategySpec> parsed = strategy_spec_from_json(with_symbol);
    if (!parsed.is_ok())
      return Status::invalid_argument(parsed.status().message(), "strategy." + parsed.status().field());
    Result<std::unique_ptr<Strategy>> made = make_strategy(*parsed);
    if (!made.is_ok()) return Status::invalid_argument(made.status().message(), "strategy." + made.status().field());
    out.push_back(SymbolStrategy{s, std::move(made).value()});
  }
  return out;
}

nlohmann::json trade_json(const Trade& t) {
  return {{"symbol", t.symbol.str()},
          {"side", t.side == Side::kBuy ? "long" : "short"},
          {"qty", t.qty},
          {"entry_at", to_json(t.entry_at)},
          {"entry_price", to_json(t.entry_price)},
          {"exit_at", to_json(t.exit_at)},
          {"exit_price", to_json(t.exit_price)},
          {"fees", to_json(t.fees)},
          {"pnl", to_json(t.pnl)}};
}

// Every point when there are few; otherwise every k-th, and the last.
nlohmann::json curve_json(const EquityCurve& curve) {
  nlohmann::json out = nlohmann::json::array();
  const std::size_t n = curve.size();
  const std::size_t every = n <= BacktestSession::kMaxCurvePoints
                                ? 1
                                : (n + BacktestSession::kMaxCurvePoints - 2) / (BacktestSession::kMaxCurvePoints - 1);
  for (std::size_t i = 0; i < n; ++i)
    if (i % every == 0 || i + 1 == n)
      out.push_back({{"at", to_json(curve[i].at)}, {"equity", to_json(curve[i].equity)}});
  return out;
}

// The numbers exactly as stonks-backtest writes them to report.json, then
// the trades, the thinned curve and the price charts of its report.svg.
nlohmann::json report_of(const BacktestRunner& runner) {
  const BacktestReport report = runner.report();
  nlohmann::json j = nlohmann::json::parse(report_json(report));
  nlohmann::json trades = nlohmann::json::array();
  for (const Trade& t : report.trade_list) trades.push_back(trade_json(t));
  j["trade_list"] = std::move(trades);
  j["equity_curve"] = curve_json(report.equity_curve);
  j["price_charts"] = price_charts_json(price_charts(runner));
  return j;
}

Status parse_body(const ApiRequest& request, const ApiOptions& options, nlohmann::json& out) {
  out = nlohmann::json::object();
  const bool empty = request.body.find_first_not_of(" \t\r\n") == std::string::npos;
  const bool takes_body = request.method == "POST" || request.method == "PUT";
  if (!takes_body) return empty ? Status::ok() : Status::invalid_argument("this route takes no request body");
  if (empty) return Status::invalid_argument("a JSON object body is required");
  Result<nlohmann::json> parsed = parse_object_body(request.body, options);
  if (!parsed.is_ok()) return parsed.status();
  out = std::move(parsed).value();
  return Status::ok();
}

}  // namespace

bool is_backtest_path(std::string_view path) {
  return path == kPath || (path.size() > kPath.size() && path.substr(0, kPath.size() + 1) == "/api/backtest/");
}

std::variant<std::unique_ptr<BacktestSession>, ApiResponse> BacktestSession::start(const nlohmann::json& body) {
  auto csv = std::make_shared<std::string>();
  std::string symbol_text;
  BacktestConfig config;
  JsonObjectReader r(body);
  r.required_string("csv", *csv);
  r.optional_string("symbol", symbol_text);
  const nlohmann::json* strategy = r.required_value("strategy");
  r.optional_decimal("cash", config.starting_cash);
  r.optional_int("slippage_bps", config.risk.paper.slippage_bps);
  r.optional_int("fee_bps", config.risk.paper.fee_bps);
  r.optional_decimal("fee_per_fill", config.risk.paper.fee_per_fill);
  if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  Symbol symbol;
  if (!symbol_text.empty()) {
    Result<Symbol> s = Symbol::parse(symbol_text);
    if (!s.is_ok()) return error_response(Status::invalid_argument(s.status().message(), "symbol"));
    symbol = *s;
  }
  CsvError bad_row;
  Result<CheckedCsv> checked = check_csv(*csv, symbol, bad_row);
  if (!checked.is_ok()) return csv_error(bad_row);
  if (checked->bars == 0) return error_response(Status::invalid_argument("no bars to replay", "csv"));
  Result<std::vector<SymbolStrategy>> strategies = make_strategies(*strategy, checked->symbols);
  if (!strategies.is_ok()) return error_response(strategies.status());

  std::unique_ptr<BacktestSession> s(new BacktestSession());
  s->strategy_ = *strategy;
  for (const SymbolStrategy& st : *strategies) s->symbols_.push_back(st.symbol.str());
  Result<std::unique_ptr<BacktestRunner>> runner =
      BacktestRunner::open(nullptr, bar_source(std::move(csv), symbol, std::move(checked).value()),
                           std::move(strategies).value(), std::move(config));
  if (!runner.is_ok()) {
    const Status& st = runner.status();
    // The runner names its config fields; "starting_cash" is the body's "cash".
    return error_response(st.field() == "starting_cash" ? Status::invalid_argument(st.message(), "cash") : st);
  }
  s->runner_ = std::move(runner).value();
  return s;
}

void BacktestSession::advance(Duration real) {
  if (!running() || real <= Duration::zero()) return;
  running_ += real;
  since_chunk_ = std::min(since_chunk_ + real, kHostPacingLapse);
  std::size_t n = since_chunk_ < kHostPacingLapse ? 0 : kMaxBarsPerAdvance;  // "max": the host's pace, if it paces
  if (speed_ > 0) {
    owed_ += std::min<std::int64_t>(real.count(), kMicrosPerSecond) * speed_;
    n = static_cast<std::size_t>(std::min<std::int64_t>(owed_ / kMicrosPerSecond, kMaxBarsPerAdvance));
    owed_ -= static_cast<std::int64_t>(n) * kMicrosPerSecond;
    // What the cap held back is not owed later: the speed is a ceiling, not a debt.
    owed_ = std::min(owed_, kMicrosPerSecond);
  }
  if (n > 0) failure_ = runner_->step(n);
}

std::size_t BacktestSession::step_chunk(std::size_t max_bars) {
  if (!at_max_speed() || max_bars == 0) return 0;
  since_chunk_ = Duration::zero();
  const std::size_t before = runner_->progress(0).bars_done;
  failure_ = runner_->step(max_bars);
  return runner_->progress(0).bars_done - before;
}

ApiResponse BacktestSession::put(const nlohmann::json& body) {
  std::int64_t speed = speed_;
  bool paused = paused_;
  JsonObjectReader r(body);
  if (body.contains("speed") && body["speed"].is_string()) {
    std::string text;
    r.optional_string("speed", text);
    if (text != "max") r.fail("speed", "must be \"max\" or bars per second from 1 to " + std::to_string(kMaxSpeed));
    speed = 0;
  } else if (r.optional_int("speed", speed) && (speed < 1 || speed > kMaxSpeed)) {
    r.fail("speed", "must be \"max\" or bars per second from 1 to " + std::to_string(kMaxSpeed));
  }
  r.optional_bool("paused", paused);
  if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  speed_ = speed;
  paused_ = paused;
  owed_ = 0;
  return json_response(200, status());
}

nlohmann::json BacktestSession::status() const {
  const double seconds = static_cast<double>(running_.count()) / kMicrosPerSecond;
  const ReplayProgress p = runner_->progress(seconds);
  const char* state = !failure_.is_ok() ? "failed" : runner_->done() ? "done" : paused_ ? "paused" : "running";
  nlohmann::json j = {{"state", state},
                      {"bars_done", p.bars_done},
                      {"total", p.bars_total.value_or(0)},
                      {"rate", static_cast<std::int64_t>(p.bars_per_second)},
                      {"speed", speed_ == 0 ? nlohmann::json("max") : nlohmann::json(speed_)},
                      {"paused", paused_},
                      {"symbols", symbols_},
                      {"strategy", strategy_}};
  if (!failure_.is_ok()) {
    const std::optional<Bar>& at = runner_->failed_at();
    j["error"] =
        at ? "stopped at the " + at->symbol.str() + " bar of " + format_iso8601(at->at) + ": " + failure_.message()
           : "stopped: " + failure_.message();
  }
  if (runner_->done() && failure_.is_ok()) j["report"] = report_of(*runner_);
  return j;
}

ApiResponse handle_backtest(const ApiRequest& request, const ApiOptions& options,
                            std::unique_ptr<BacktestSession>& session) {
  if (request.body.size() > kMaxBacktestBodyBytes)
    return error_response(413, "payload_too_large",
                          "request body of " + std::to_string(request.body.size()) + " bytes is over the limit of " +
                              std::to_string(kMaxBacktestBodyBytes) + " for /api/backtest");
  if (request.path != kPath)
    return error_response(404, "not_found", "no route for " + valid_utf8(request.path.substr(0, 80)));
  const std::string& m = request.method;
  if (m != "GET" && m != "POST" && m != "PUT" && m != "DELETE")
    return method_not_allowed(m, {"GET", "POST", "PUT", "DELETE"});
  if (Result<QueryParams> q = QueryParams::parse(request.query, {}); !q.is_ok()) return error_response(q.status());
  if (m != "GET") {
    if (Status st = validate_actor(request.actor); !st.is_ok() || valid_utf8(request.actor) != request.actor)
      return error_response(Status::invalid_argument(st.is_ok() ? "actor is not valid UTF-8" : st.message(), "actor"));
  }
  nlohmann::json body;
  if (Status st = parse_body(request, options, body); !st.is_ok()) return error_response(st);
  if (m == "POST") {
    auto started = BacktestSession::start(body);
    if (ApiResponse* error = std::get_if<ApiResponse>(&started)) return *error;
    session = std::move(std::get<std::unique_ptr<BacktestSession>>(started));
    return json_response(201, session->status());
  }
  if (!session) return error_response(404, "not_found", "no backtest has been started");
  if (m == "PUT") return session->put(body);
  if (m == "DELETE") {
    session.reset();
    return json_response(200, {{"state", "none"}});
  }
  return json_response(200, session->status());
}

}  // namespace stonks
