#include "sandbox/sandbox.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "api/api_response.h"
#include "api/api_router.h"
#include "execution/paper_broker.h"
#include "journal/memory_storage.h"
#include "sandbox/backtest_routes.h"
#include "sandbox/latest_event_time.h"
#include "sandbox/sandbox_export.h"
#include "sandbox/sim_routes.h"
#include "sandbox/strategy_routes.h"
#include "sim/sim_state_codec.h"
#include "sim/simulation.h"

namespace stonks {

// The journal holds the kept snapshots (2) plus the segments since the older
// of them, and a snapshot is due after 10,000 events (~0.5 MB of mostly
// quote records, 100 s of a market at full pace) or half a snapshot's size
// of records, whichever is later: so the directory stays near 2.5 snapshots
// + 1 MB however long the market runs (measured: 1.9 MB after 500 simulated
// hours at 1000x, with a 390 KB snapshot), and a snapshot's cost is spread
// over at least twice its size in journal writes.
EngineStoreOptions sandbox_store_options() {
  EngineStoreOptions o;
  o.sync_each_batch = false;
  o.snapshot_every = 10'000;
  o.snapshot_growth_percent = 50;
  // The panel reads the state, not the log; the log serves the event and
  // audit routes. 20,000 recent events (a few MB) keep a long-running desk's
  // memory flat (the journal itself is bounded by snapshots and compaction).
  o.event_log_window = 20'000;
  return o;
}

namespace {

Status wipe(Storage& storage) {
  Result<std::vector<std::string>> names = storage.list();
  if (!names.is_ok()) return names.status();
  for (const std::string& name : *names)
    if (Status st = storage.remove(name); !st.is_ok()) return st;
  return Status::ok();
}

}  // namespace

struct Sandbox::Impl {
  Impl(Storage& journal_storage, Storage& desk_storage, SandboxOptions opts)
      : journal(journal_storage), desk(desk_storage), options(std::move(opts)) {}

  // Opens the store over `journal` and starts a fresh sandbox or resumes one.
  static Result<std::unique_ptr<Impl>> open(Storage& journal, Storage& desk, SandboxOptions options);

  Engine& engine() { return store->engine(); }
  SimStatus status() const { return SimStatus{sim->settings(), clock, sim->quotes(), sim->news()}; }

  Status start_fresh();
  Status resume();
  // Feeds the quotes and headlines due by the clock to the engine, at the clock.
  Status step_market();
  Status save();
  ApiResponse put_settings(const nlohmann::json& body);
  ApiResponse strategies_request(const ApiRequest& request);

  Storage& journal;
  Storage& desk;
  SandboxOptions options;
  PaperBroker broker;  // before the store, which holds a reference to it
  std::unique_ptr<EngineStore> store;
  std::unique_ptr<ApiRouter> router;
  std::optional<Simulation> sim;  // set by start_fresh() or resume()
  BacktestSessions backtest;      // the replay and the sweep beside the desk, those started
  DeskStrategies strategies;      // switched on for the desk, fed from the market's quotes
  Timestamp clock{};
  Timestamp wall{};        // the host's wall clock: start_time plus the real time advanced since
  Duration since_step{0};  // real time since the last market step
  Duration since_save{0};  // real time since the sim state was last saved
  bool save_due = false;   // a command ran since the last save (its time must be kept)
};

Result<std::unique_ptr<Sandbox::Impl>> Sandbox::Impl::open(Storage& journal, Storage& desk, SandboxOptions options) {
  if (Status st = validate(options.settings); !st.is_ok())
    return Status::invalid_argument(st.message(), "settings." + st.field());
  auto impl = std::make_unique<Impl>(journal, desk, std::move(options));
  Result<std::unique_ptr<EngineStore>> store = EngineStore::open(journal, impl->broker, impl->options.store);
  if (!store.is_ok()) return store.status();
  impl->store = std::move(store).value();
  impl->router = std::make_unique<ApiRouter>(impl->store->engine(), impl->store->log());
  Result<DeskStrategies> strategies = DeskStrategies::load(desk);
  if (!strategies.is_ok()) return strategies.status();
  impl->strategies = std::move(strategies).value();
  if (Status st = impl->store->recovery().fresh ? impl->start_fresh() : impl->resume(); !st.is_ok()) return st;
  return impl;
}

Status Sandbox::Impl::start_fresh() {
  wall = options.start_time;
  clock = options.start_time;
  sim.emplace(options.settings, clock);
  if (options.starting_cash.micros() > 0) {
    if (Status st = engine().deposit(options.starting_cash, "sandbox", clock); !st.is_ok()) return st;
  }
  if (Status st = step_market(); !st.is_ok()) return st;
  if (Status st = store->flush(); !st.is_ok()) return st;
  return save();
}

Status Sandbox::Impl::resume() {
  Result<std::string> text = desk.read_file(kSimStateFile);
  if (!text.is_ok() && text.status().code() != StatusCode::kNotFound) return text.status();
  const Timestamp engine_time = latest_event_time(store->engine().state(), store->log());
  if (text.is_ok()) {
    Result<SimState> state = decode_sim_state(*text);
    if (!state.is_ok())
      return Status::corruption("desk file " + std::string(kSimStateFile) + ": " + state.status().message());
    sim.emplace(Simulation::restore(*state).value());  // decode_sim_state checked it restores
    clock = std::max(state->clock, engine_time);
    // Time passed while the desk was closed, at 1x: what waited for a
    // decision meanwhile has expired when the operator looks again.
    if (state->wall && options.start_time > *state->wall && state->settings.speed > 0)
      clock += std::min<Duration>(options.start_time - *state->wall, kMaxClosedGap);
  } else {
    // The journal survived without its sim state: a new market from where the engine is.
    clock = std::max(options.start_time, engine_time);
    sim.emplace(options.settings, clock);
  }
  wall = options.start_time;
  if (Status st = engine().tick(clock); !st.is_ok()) return st;
  if (Status st = store->flush(); !st.is_ok()) return st;
  return save();
}

Status Sandbox::Impl::step_market() {
  SimStep step = sim->step(clock);
  for (const Quote& q : step.quotes) {
    if (Status st = engine().on_quote(q, clock); !st.is_ok()) return st;
    if (Status st = strategies.on_quote(q, clock, engine()); !st.is_ok()) return st;
  }
  for (const NewsEvent& n : step.news)
    if (Status st = engine().on_news(n, clock); !st.is_ok()) return st;
  return Status::ok();
}

Status Sandbox::Impl::save() {
  SimState state = sim->state(clock);
  state.wall = wall;
  if (Status st = desk.write_file_atomic(kSimStateFile, encode_sim_state(state)); !st.is_ok()) return st;
  since_save = Duration::zero();
  save_due = false;
  return Status::ok();
}

ApiResponse Sandbox::Impl::put_settings(const nlohmann::json& body) {
  Result<SimSettings> next = apply_sim_patch(body, sim->settings());
  if (!next.is_ok()) return error_response(next.status());
  if (*next != sim->settings()) {
    // Changed on a copy and kept only once stored: a failed request changes nothing.
    Simulation changed = *sim;
    changed.apply(*next, clock);
    SimState state = changed.state(clock);
    state.wall = wall;
    if (Status st = desk.write_file_atomic(kSimStateFile, encode_sim_state(state)); !st.is_ok())
      return error_response(st);
    sim = std::move(changed);
    since_save = Duration::zero();
  }
  return json_response(200, to_json(status()));
}

ApiResponse Sandbox::Impl::strategies_request(const ApiRequest& request) {
  auto parsed = parse_strategies_request(request, router->options());
  if (const ApiResponse* error = std::get_if<ApiResponse>(&parsed)) return *error;
  const auto& [route, body] = std::get<0>(parsed);
  if (route == StrategiesRoute::kPut) {
    Result<std::vector<StrategySpec>> specs = parse_strategies_put(body, engine().state().market.quotes());
    if (!specs.is_ok()) return error_response(specs.status());
    if (Status st = strategies.replace(std::move(specs).value(), desk); !st.is_ok()) return error_response(st);
  }
  return json_response(200, strategies.to_json());
}

Result<std::unique_ptr<Sandbox>> Sandbox::open(Storage& journal, Storage& desk, SandboxOptions options) {
  Result<std::unique_ptr<Impl>> impl = Impl::open(journal, desk, std::move(options));
  if (!impl.is_ok()) return impl.status();
  return std::unique_ptr<Sandbox>(new Sandbox(std::move(impl).value()));
}

Sandbox::Sandbox(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Sandbox::~Sandbox() = default;

Status Sandbox::advance(Duration real_elapsed) {
  Impl& s = *impl_;
  if (real_elapsed <= Duration::zero()) return Status::ok();
  // The catch-up cap: a call never covers more than kMaxCatchUp of real
  // time, so after a long sleep the market resumes rather than replaying
  // hours; together with one market step per kMarketStep this bounds the
  // events of a call (<= 2 quotes per ticker + 8 headlines + what tick expires).
  const Duration real = std::min(real_elapsed, kMaxCatchUp);
  s.wall += real_elapsed;
  s.backtest.advance(real);
  s.since_save += real;
  if (const int speed = s.sim->settings().speed; speed > 0) {
    s.clock += real * speed;
    s.since_step += real;
    if (s.since_step >= kMarketStep) {
      s.since_step = Duration::zero();
      if (Status st = s.step_market(); !st.is_ok()) return st;
    }
    if (Status st = s.engine().tick(s.clock); !st.is_ok()) return st;
  }
  if (Status st = s.store->flush(); !st.is_ok()) return st;
  if (s.save_due || s.since_save >= kSaveEvery) return s.save();
  return Status::ok();
}

ApiResponse Sandbox::handle(ApiRequest request) {
  Impl& s = *impl_;
  request.now = s.clock;
  // The replay has its own engine: nothing of it reaches the desk's journal.
  if (is_backtest_path(request.path)) return handle_backtest(request, s.router->options(), s.backtest);
  if (is_strategies_path(request.path)) return s.strategies_request(request);
  if (is_sandbox_export_path(request.path)) return export_request(request);
  if (!is_sim_path(request.path)) {
    ApiResponse response = s.router->handle(request);
    if (Status st = s.store->flush(); !st.is_ok())
      return error_response(Status::unavailable("the journal failed: " + st.message()));
    // A command may leave no time in the engine's state (a deposit, a mode
    // change): the next advance() saves the clock that covers it.
    if (request.method != "GET") s.save_due = true;
    return response;
  }
  std::variant<SimRequest, ApiResponse> parsed = parse_sim_request(request, s.router->options());
  if (const ApiResponse* error = std::get_if<ApiResponse>(&parsed)) return *error;
  const SimRequest& sim_request = std::get<SimRequest>(parsed);
  switch (sim_request.route) {
    case SimRoute::kGetSim:
      return json_response(200, to_json(s.status()));
    case SimRoute::kPutSim:
      return s.put_settings(sim_request.body);
    case SimRoute::kResetSim:
      break;
  }
  // Reset: a fresh sandbox over the wiped directories, its clock where this
  // one's is. The old store writes nothing once its files are gone.
  SandboxOptions options = s.options;
  options.start_time = s.clock;
  const Timestamp wall = s.wall;
  BacktestSessions backtest = std::move(s.backtest);  // not the desk's: a reset keeps it
  if (Status st = wipe(s.journal); !st.is_ok()) return error_response(st);
  if (Status st = wipe(s.desk); !st.is_ok()) return error_response(st);
  Result<std::unique_ptr<Impl>> fresh = Impl::open(s.journal, s.desk, std::move(options));
  if (!fresh.is_ok()) return error_response(fresh.status());
  impl_ = std::move(fresh).value();
  impl_->wall = wall;
  impl_->backtest = std::move(backtest);
  if (Status st = impl_->save(); !st.is_ok()) return error_response(st);
  return json_response(200, to_json(impl_->status()));
}

ApiResponse Sandbox::export_request(const ApiRequest& request) {
  auto parsed = parse_export_request(request, impl_->router->options());
  if (const ApiResponse* error = std::get_if<ApiResponse>(&parsed)) return *error;
  auto& [route, body] = std::get<std::pair<ExportRoute, nlohmann::json>>(parsed);
  Impl& s = *impl_;
  if (route == ExportRoute::kExport) {
    // Everything committed and the sim's clock on file first.
    if (Status st = s.store->flush(); !st.is_ok()) return error_response(st);
    if (Status st = s.save(); !st.is_ok()) return error_response(st);
    Result<SandboxFiles> files = read_storage_files(s.journal, s.desk);
    if (!files.is_ok()) return error_response(files.status());
    return json_response(200, export_json(*files, s.clock, s.store->committed_seq()));
  }
  Result<SandboxFiles> files = read_export_json(body);
  if (!files.is_ok()) return error_response(files.status());
  // The whole check a start makes, on copies: recovery over the file's
  // journal (every record's CRC, every event fitting the state) and its desk.
  MemoryStorage journal_copy, desk_copy;
  for (const auto& [name, data] : files->journal)
    if (Status st = journal_copy.write_file_atomic(name, data); !st.is_ok()) return error_response(st);
  for (const auto& [name, data] : files->desk)
    if (Status st = desk_copy.write_file_atomic(name, data); !st.is_ok()) return error_response(st);
  SandboxOptions options = s.options;
  options.start_time = s.wall;
  Result<std::unique_ptr<Impl>> trial = Impl::open(journal_copy, desk_copy, options);
  if (!trial.is_ok()) {
    const Status& st = trial.status();
    return error_response(
        Status::invalid_argument((st.code() == StatusCode::kCorruption ? "the sandbox in this file is damaged: "
                                                                       : "the sandbox in this file does not open: ") +
                                 st.message()));
  }
  const nlohmann::json preview = preview_json(
      (*trial)->store->engine().state(), latest_event_time((*trial)->store->engine().state(), (*trial)->store->log()));
  if (route == ExportRoute::kPreview) return json_response(200, preview);

  // Replace: the directories hold the file's files, then the sandbox opens
  // over them as at a start. The replay beside the desk is not the desk's.
  BacktestSessions backtest = std::move(s.backtest);
  const Timestamp wall = s.wall;
  if (Status st = wipe(s.journal); !st.is_ok()) return error_response(st);
  if (Status st = wipe(s.desk); !st.is_ok()) return error_response(st);
  for (const auto& [name, data] : files->journal)
    if (Status st = s.journal.write_file_atomic(name, data); !st.is_ok()) return error_response(st);
  for (const auto& [name, data] : files->desk)
    if (Status st = s.desk.write_file_atomic(name, data); !st.is_ok()) return error_response(st);
  Result<std::unique_ptr<Impl>> opened = Impl::open(s.journal, s.desk, std::move(options));
  if (!opened.is_ok()) return error_response(opened.status());
  impl_ = std::move(opened).value();
  impl_->wall = wall;
  impl_->backtest = std::move(backtest);
  return json_response(200, {{"imported", preview}});
}

const EngineState& Sandbox::state() const { return impl_->store->engine().state(); }
const EngineStore& Sandbox::store() const { return *impl_->store; }
Timestamp Sandbox::now() const { return impl_->clock; }
SimStatus Sandbox::sim_status() const { return impl_->status(); }
std::uint64_t Sandbox::committed_seq() const { return impl_->store->committed_seq(); }
bool Sandbox::backtest_running() const { return impl_->backtest.running(); }
bool Sandbox::replay_at_max_speed() const { return impl_->backtest.at_max_speed(); }
std::size_t Sandbox::step_replay(std::size_t max_bars) { return impl_->backtest.step_chunk(max_bars); }

Status Sandbox::snapshot() {
  // The clock first, so the stored clock is never behind what the snapshot holds.
  Status saved = impl_->save();
  Status snap = impl_->store->snapshot();
  return saved.is_ok() ? snap : saved;
}

}  // namespace stonks
