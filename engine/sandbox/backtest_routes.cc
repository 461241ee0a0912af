#include "sandbox/backtest_routes.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "api/api_response.h"
#include "api/request_parsing.h"
#include "backtest/bars/csv_bar_source.h"
#include "backtest/report/report_chart_json.h"
#include "backtest/report/report_format.h"
#include "core/command_checks.h"
#include "json/json_values.h"
#include "sandbox/backtest_input.h"

namespace stonks {
namespace {

constexpr std::string_view kPath = "/api/backtest";
constexpr std::string_view kSweepPath = "/api/backtest/sweep";
constexpr std::int64_t kMicrosPerSecond = 1'000'000;

// The checked text's bars again, a chunk at a time, from the session's copy.
std::unique_ptr<BarSource> bar_source(std::shared_ptr<const std::string> text, CheckedCsv checked) {
  if (checked.held) return std::make_unique<VectorBarSource>(std::move(*checked.held));
  auto read = [text, at = std::size_t{0}]() mutable -> Result<std::string_view> {
    const std::string_view chunk = std::string_view(*text).substr(std::min(at, text->size()), kCsvChunkBytes);
    at += chunk.size();
    return chunk;
  };
  return std::make_unique<CsvBarSource>(CsvBarOptions{checked.symbol, Duration{0}}, std::move(read), std::string(),
                                        checked.bars);
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

// A route's session: POST starts one in its place, GET reads it, DELETE
// drops it, PUT (the replay's only) changes it.
template <class Session>
ApiResponse answer(const std::string& m, const nlohmann::json& body, std::unique_ptr<Session>& session,
                   const std::string& what) {
  if (m == "POST") {
    auto started = Session::start(body);
    if (ApiResponse* error = std::get_if<ApiResponse>(&started)) return *error;
    session = std::move(std::get<std::unique_ptr<Session>>(started));
    return json_response(201, session->status());
  }
  if (!session) return error_response(404, "not_found", "no " + what + " has been started");
  if constexpr (std::is_same_v<Session, BacktestSession>) {
    if (m == "PUT") return session->put(body);
  }
  if (m == "DELETE") {
    session.reset();
    return json_response(200, {{"state", "none"}});
  }
  return json_response(200, session->status());
}

}  // namespace

bool is_backtest_path(std::string_view path) {
  return path == kPath || (path.size() > kPath.size() && path.substr(0, kPath.size() + 1) == "/api/backtest/");
}

std::variant<std::unique_ptr<BacktestSession>, ApiResponse> BacktestSession::start(const nlohmann::json& body) {
  BacktestBody in;
  JsonObjectReader r(body);
  read_backtest_body(r, in);
  if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  std::variant<CheckedCsv, ApiResponse> checked = check_csv(in, false);
  if (ApiResponse* error = std::get_if<ApiResponse>(&checked)) return *error;
  CheckedCsv& csv = std::get<CheckedCsv>(checked);
  Result<std::vector<StrategySpec>> specs = strategy_specs(*in.strategy, csv.symbols);
  if (!specs.is_ok()) return error_response(specs.status());
  Result<std::vector<SymbolStrategy>> strategies = make_strategies(*specs);
  if (!strategies.is_ok()) return error_response(strategies.status());

  std::unique_ptr<BacktestSession> s(new BacktestSession());
  s->strategy_ = *in.strategy;
  for (const SymbolStrategy& st : *strategies) s->symbols_.push_back(st.symbol.str());
  Result<std::unique_ptr<BacktestRunner>> runner = BacktestRunner::open(
      nullptr, bar_source(std::move(in.csv), std::move(csv)), std::move(strategies).value(), std::move(in.config));
  if (!runner.is_ok()) return runner_error(runner.status());
  s->runner_ = std::move(runner).value();
  return s;
}

void BacktestSession::advance(Duration real) {
  if (!running() || real <= Duration::zero()) return;
  running_ += real;
  std::size_t n = pacing_.advance(real);  // "max"
  if (speed_ > 0) {
    owed_ += std::min<std::int64_t>(real.count(), kMicrosPerSecond) * speed_;
    n = static_cast<std::size_t>(std::min<std::int64_t>(owed_ / kMicrosPerSecond, ReplayPacing::kMaxBarsPerAdvance));
    owed_ -= static_cast<std::int64_t>(n) * kMicrosPerSecond;
    // What the cap held back is not owed later: the speed is a ceiling, not a debt.
    owed_ = std::min(owed_, kMicrosPerSecond);
  }
  if (n > 0) failure_ = runner_->step(n);
}

std::size_t BacktestSession::step_chunk(std::size_t max_bars) {
  if (!at_max_speed() || max_bars == 0) return 0;
  pacing_.chunk();
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

void BacktestSessions::advance(Duration real) {
  if (replay) replay->advance(real);
  if (sweep) sweep->advance(real);
}

std::size_t BacktestSessions::step_chunk(std::size_t max_bars) {
  if (replay && replay->at_max_speed()) return replay->step_chunk(max_bars);
  return sweep ? sweep->step_chunk(max_bars) : 0;
}

ApiResponse handle_backtest(const ApiRequest& request, const ApiOptions& options, BacktestSessions& sessions) {
  if (request.body.size() > kMaxBacktestBodyBytes)
    return error_response(413, "payload_too_large",
                          "request body of " + std::to_string(request.body.size()) + " bytes is over the limit of " +
                              std::to_string(kMaxBacktestBodyBytes) + " for /api/backtest");
  const bool sweep = request.path == kSweepPath;
  if (request.path != kPath && !sweep)
    return error_response(404, "not_found", "no route for " + valid_utf8(request.path.substr(0, 80)));
  const std::string& m = request.method;
  if (m != "GET" && m != "POST" && (m != "PUT" || sweep) && m != "DELETE")
    return sweep ? method_not_allowed(m, {"GET", "POST", "DELETE"})
                 : method_not_allowed(m, {"GET", "POST", "PUT", "DELETE"});
  if (Result<QueryParams> q = QueryParams::parse(request.query, {}); !q.is_ok()) return error_response(q.status());
  if (m != "GET") {
    if (Status st = validate_actor(request.actor); !st.is_ok() || valid_utf8(request.actor) != request.actor)
      return error_response(Status::invalid_argument(st.is_ok() ? "actor is not valid UTF-8" : st.message(), "actor"));
  }
  nlohmann::json body;
  if (Status st = parse_body(request, options, body); !st.is_ok()) return error_response(st);
  return sweep ? answer(m, body, sessions.sweep, "sweep") : answer(m, body, sessions.replay, "backtest");
}

}  // namespace stonks
