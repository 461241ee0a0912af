// The /api/backtest routes: one replay of CSV bars through a strategy beside
// the desk, and a sweep of its parameters (sweep_session.h). The session owns its own engine without a journal
// (BacktestRunner without storage): the desk's journal, state and approvals never see it. It keeps the CSV text and
// replays from it a chunk at a time, so what it holds beside the text does not grow with the bars (a text with a Symbol
// column is the exception: its bars are held, sorted). Sandbox::handle answers the routes and
// Sandbox::advance moves a running replay on.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "api/api_types.h"
#include "backtest/backtest_runner.h"
#include "model/status.h"
#include "model/time.h"
#include "sandbox/replay_pacing.h"
#include "sandbox/sweep_session.h"

namespace stonks {

// The routes' own body limit: a CSV is bigger than the API's 64 KiB default
// (20 years of daily bars are ~500 KB; a million one-minute bars of 50
// symbols, ISO-8601 times and a Symbol column, ~56 MB). Above it: 413.
inline constexpr std::size_t kMaxBacktestBodyBytes = 64 * 1024 * 1024;

// Whether `path` is /api/backtest or under it (/api/backtest/sweep): the sandbox's, not the router's.
bool is_backtest_path(std::string_view path);

class BacktestSession {
 public:
  // Speeds a PUT may set, in bars per second; "max" is as fast as the host
  // paces it (step_chunk) or ReplayPacing::kMaxBarsPerAdvance per advance().
  static constexpr std::int64_t kMaxSpeed = 1'000'000;
  // The report's equity curve is thinned to at most this many points (the
  // first and last always kept), from the runner's EquityTracker curve.
  static constexpr std::size_t kMaxCurvePoints = 500;

  // A POST /api/backtest body, read strictly (docs/api.md): the replay ready
  // to run at the fastest speed, or the 400 naming the field (a bad CSV
  // row: field "csv" with its "line" and "column"; nothing starts then).
  static std::variant<std::unique_ptr<BacktestSession>, ApiResponse> start(const nlohmann::json& body);

  // Real time passed: replays speed x `real` bars (carrying fractions over),
  // at most ReplayPacing::kMaxBarsPerAdvance (at "max": as ReplayPacing
  // says, nothing while a host paces it); nothing when paused, done
  // or failed. The time counts for the rate either way. A replay that fails
  // keeps its error for the status; the desk goes on.
  void advance(Duration real);
  // At "max" speed only: replays up to `max_bars` more bars now and returns
  // how many (0 at a fixed speed, paused, done or failed: those move by
  // advance() alone). For a host that spends a time budget of each frame on
  // the replay, reading its own clock between chunks; the bars, their order
  // and the report are the same however the replay is chunked.
  std::size_t step_chunk(std::size_t max_bars);
  // Running at "max": step_chunk() replays.
  bool at_max_speed() const { return running() && speed_ == 0; }
  // PUT /api/backtest: {"speed": 1..kMaxSpeed or "max", "paused": bool}, either optional.
  ApiResponse put(const nlohmann::json& body);
  // {"state": "running"|"paused"|"done"|"failed", "bars_done", "total",
  //  "rate" (bars per second of real time spent running), "speed", "paused",
  //  "symbols", "strategy", "error" (when failed), "report" (when done)}.
  nlohmann::json status() const;
  // Not paused, done or failed: advance() will replay more.
  bool running() const { return !paused_ && !runner_->done() && failure_.is_ok(); }

  const BacktestRunner& runner() const { return *runner_; }

 private:
  BacktestSession() = default;

  std::unique_ptr<BacktestRunner> runner_;
  nlohmann::json strategy_;  // the spec as given, for the status
  nlohmann::json symbols_ = nlohmann::json::array();
  std::int64_t speed_ = 0;  // bars per second; 0: max
  bool paused_ = false;
  std::int64_t owed_ = 0;  // bar-microseconds earned but not yet replayed
  Duration running_{0};    // real time spent running, for the rate
  ReplayPacing pacing_;
  Status failure_;
};

// The sandbox's backtests beside the desk: one replay and one sweep, each
// replaced by its route's POST. Both move on by the host's real time, and
// at "max" speed (a sweep always runs at "max") by its paced chunks.
struct BacktestSessions {
  std::unique_ptr<BacktestSession> replay;
  std::unique_ptr<SweepSession> sweep;

  // Either will replay more.
  bool running() const { return (replay && replay->running()) || (sweep && sweep->running()); }
  // step_chunk() replays: the replay at "max", or a sweep running.
  bool at_max_speed() const { return (replay && replay->at_max_speed()) || (sweep && sweep->running()); }
  void advance(Duration real);
  // The replay's chunk when it runs at "max", else the sweep's; how many bars.
  std::size_t step_chunk(std::size_t max_bars);
};

// Answers a request for which is_backtest_path() holds, as the router
// answers its own (404, 405 with "allow", 413 above kMaxBacktestBodyBytes,
// no query parameters, the actor checked on POST/PUT/DELETE, strict bodies).
// /api/backtest: POST starts a replay (replacing any), PUT changes its
// speed, GET reads its status, DELETE drops it. /api/backtest/sweep: POST
// starts a sweep (replacing any), GET reads its status, DELETE drops it.
// GET, PUT and DELETE are 404 while the route's session is null.
ApiResponse handle_backtest(const ApiRequest& request, const ApiOptions& options, BacktestSessions& sessions);

}  // namespace stonks
