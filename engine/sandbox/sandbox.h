// Sandbox: the paper desk as one object. An EngineStore over a journal
// directory with the paper broker, the market simulator and news generator on
// a simulation clock, and the API router plus the /api/sim routes. The
// browser host drives one (and stonks-server --sim will); like the rest of
// the engine it reads no clock and touches no file but through Storage.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "api/api_types.h"
#include "core/engine_state.h"
#include "journal/engine_store.h"
#include "journal/storage.h"
#include "sim/sim_settings.h"

namespace stonks {

// The journal settings a sandbox uses unless told otherwise: group commit
// (the sandbox flushes once per advance() and per request, so a market step
// is one sync, not one per quote) and snapshots often enough that the
// journal directory stays bounded while the market runs (see the .cc for
// the numbers and tests/unit/sandbox/sandbox_journal_bound_test.cc for the
// measurement).
EngineStoreOptions sandbox_store_options();

struct SandboxOptions {
  EngineStoreOptions store = sandbox_store_options();
  // The host's wall clock now. A fresh sandbox's simulation clock starts
  // here; a recovered one resumes its own clock, moved on by the real time
  // the desk was closed (at 1x, unless it was paused), so approvals and
  // lockouts that ran out meanwhile show as expired.
  Timestamp start_time{};
  // Settings of a fresh sandbox; a recovered one keeps what the operator set.
  SimSettings settings;
  // Paper cash deposited into a fresh sandbox (nothing when not positive).
  Money starting_cash = Money::from_units(100'000);
};

class Sandbox {
 public:
  // advance() moves the clock by at most this much real time per call: a
  // host that slept longer (a background tab) resumes the market where it
  // left off instead of replaying the gap.
  static constexpr Duration kMaxCatchUp = std::chrono::seconds(2);
  // ... and steps the market (quotes, headlines) at most once per this much
  // real time, however often it is called and whatever the speed: at most
  // 5 steps of at most 2 quotes per ticker and 8 headlines each per second.
  static constexpr Duration kMarketStep = std::chrono::milliseconds(200);
  // Closed longer than this, the desk resumes this much later (a clock that
  // jumped years would only make every countdown meaningless).
  static constexpr Duration kMaxClosedGap = std::chrono::hours(24 * 30);
  // The sim state is saved at least this often (real time passed to advance()).
  static constexpr Duration kSaveEvery = std::chrono::seconds(5);
  // The one file the sandbox keeps in the desk directory.
  static constexpr std::string_view kSimStateFile = "sim_state.json";

  // Recovers the engine from `journal` (EngineStore::open: kCorruption names
  // the file and offset; the caller must not start over it) and the sim's
  // settings, clock and prices from `desk` (kCorruption naming the desk file
  // and the field when it is damaged). An empty journal is a fresh sandbox:
  // starting cash deposited, the sim at its first prices and quoted once at
  // start_time (a sim state left in `desk` without a journal is replaced).
  // A recovered journal without a sim state gets a fresh market. The clock
  // of a recovered sandbox is never behind the engine's last event.
  // kInvalidArgument for options.settings that fail validate(). Both
  // storages must outlive the sandbox.
  static Result<std::unique_ptr<Sandbox>> open(Storage& journal, Storage& desk, SandboxOptions options);

  // Real time passed: moves the simulation clock by `real_elapsed` x speed
  // (nothing when paused), feeds the quotes and headlines of that interval to
  // the engine, and ticks it so approvals and lockouts expire on time. The
  // number of quote events per call is bounded (however fast the speed), so
  // the journal grows with real time, not with simulated time.
  // A zero or negative `real_elapsed` (a host clock that stepped back) does
  // nothing. Errors: the engine's (kUnavailable after a journal failure) or
  // the desk storage's when saving the sim state.
  // A running backtest (/api/backtest) or sweep (/api/backtest/sweep) moves
  // on too, by its own speed x the same real time (ReplayPacing bounds the
  // bars per call; at "max" it leaves the bars to a host that paces them
  // with step_replay()).
  Status advance(Duration real_elapsed);

  // A backtest runs at "max" speed, or a sweep runs: step_replay() replays.
  bool replay_at_max_speed() const;
  // Replays up to `max_bars` more bars of a backtest running at "max" speed,
  // else of a sweep, and returns how many (BacktestSessions::step_chunk; 0
  // when neither runs). For a host that spends a time budget of each frame on the
  // replay: it calls this in a loop, a few thousand bars a call, while its
  // clock says the budget lasts. The desk's journal is not touched.
  std::size_t step_replay(std::size_t max_bars);

  // One API request at the simulation clock: `request.now` is set here.
  // GET/PUT /api/sim read and change SimSettings (strictly validated like
  // every route; a partial body changes only the fields it names); POST
  // /api/sim/reset wipes both directories and starts a fresh sandbox (the
  // "Reset sandbox" button). Everything else is the ApiRouter's. The /api/sim
  // routes follow the router's conventions (docs/api.md): 404 for an
  // unknown /api/sim/... path, 405 with "allow", 413, strict bodies, no
  // query parameters, the actor checked on PUT/POST. GET and PUT answer the
  // SimStatus: {"speed","seed","news_per_hour","speeds","max_news_per_hour",
  // "clock","quotes","news"}. A reset keeps the clock where it is (time on
  // screen never runs backwards) and starts from options' settings. Every
  // answer is given after the events it caused are durable (flush); a
  // journal failure there is a 503.
  // /api/backtest and /api/backtest/sweep are answered by handle_backtest
  // (backtest_routes.h) over the sandbox's one replay and one sweep, which a
  // reset keeps. GET/PUT
  // /api/strategies list and replace the strategies switched on for the
  // desk (strategy_routes.h), kept in the desk directory
  // (DeskStrategies::kFile); a reset switches them all off.
  // /api/sandbox/export, /api/sandbox/import/preview and /api/sandbox/import
  // (sandbox_export.h): the sandbox as one file and back. An import is
  // checked whole first (the file's own CRCs, then a recovery of its journal
  // on a copy, as a start would); a damaged, truncated or foreign file is a
  // 400 saying why and nothing changes.
  ApiResponse handle(ApiRequest request);

  const EngineState& state() const;
  // The store (its event log, snapshot and recovery stats), read-only.
  const EngineStore& store() const;
  Timestamp now() const;
  SimStatus sim_status() const;
  // The last event seq known durable in the journal: the host syncs its
  // files (IDBFS) when this moves.
  std::uint64_t committed_seq() const;
  // A backtest or a sweep is running: its progress changes the screen even when the
  // desk's clock stands still (the host keeps drawing).
  bool backtest_running() const;
  // Writes a snapshot and compacts the journal, and saves the sim state
  // (e.g. when the page is hidden).
  Status snapshot();

  ~Sandbox();

 private:
  ApiResponse export_request(const ApiRequest& request);
  struct Impl;
  explicit Sandbox(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace stonks
