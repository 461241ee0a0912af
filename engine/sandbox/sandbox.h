// Sandbox: the paper desk as one object. An EngineStore over a journal
// directory with the paper broker, the market simulator and news generator on
// a simulation clock, and the API router plus the /api/sim routes. The
// browser host drives one (and stonks-server --sim will); like the rest of
// the engine it reads no clock and touches no file but through Storage.
#pragma once

#include <cstdint>
#include <memory>

#include "api/api_types.h"
#include "core/engine_state.h"
#include "journal/engine_store.h"
#include "journal/storage.h"
#include "sim/sim_settings.h"

namespace stonks {

struct SandboxOptions {
  EngineStoreOptions store;
  // The simulation clock of a fresh sandbox (the host's wall clock at first
  // start); a recovered sandbox resumes its own clock.
  Timestamp start_time{};
  // Settings of a fresh sandbox; a recovered one keeps what the operator set.
  SimSettings settings;
  // Paper cash deposited into a fresh sandbox.
  Money starting_cash = Money::from_units(100'000);
};

class Sandbox {
 public:
  // Recovers the engine from `journal` (EngineStore::open: kCorruption names
  // the file and offset; the caller must not start over it) and the sim's
  // settings, clock and prices from `desk`. An empty pair of directories is
  // a fresh sandbox: starting cash deposited, the sim at its first prices.
  // Both storages must outlive the sandbox.
  static Result<std::unique_ptr<Sandbox>> open(Storage& journal, Storage& desk, SandboxOptions options);

  // Real time passed: moves the simulation clock by `real_elapsed` x speed
  // (nothing when paused), feeds the quotes and headlines of that interval to
  // the engine, and ticks it so approvals and lockouts expire on time. The
  // number of quote events per call is bounded (however fast the speed), so
  // the journal grows with real time, not with simulated time.
  Status advance(Duration real_elapsed);

  // One API request at the simulation clock: `request.now` is set here.
  // GET/PUT /api/sim read and change SimSettings (strictly validated like
  // every route; a partial body changes only the fields it names); POST
  // /api/sim/reset wipes both directories and starts a fresh sandbox (the
  // "Reset sandbox" button). Everything else is the ApiRouter's.
  ApiResponse handle(ApiRequest request);

  const EngineState& state() const;
  Timestamp now() const;
  SimStatus sim_status() const;
  // The last event seq known durable in the journal: the host syncs its
  // files (IDBFS) when this moves.
  std::uint64_t committed_seq() const;
  // Writes a snapshot and compacts the journal, and saves the sim state
  // (e.g. when the page is hidden).
  Status snapshot();

  ~Sandbox();

 private:
  struct Impl;
  explicit Sandbox(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace stonks
