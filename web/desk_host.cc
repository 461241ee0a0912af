// DeskHost: the sandbox's lifecycle, clock and saving in the page.
#include "desk_host.h"

#include <emscripten/emscripten.h>

#include <chrono>
#include <utility>

#include "api/api_response.h"
#include "js_bridge.h"

namespace stonks::web {
namespace {

ApiResponse not_running(const std::string& why) { return error_response(Status::unavailable(why)); }

}  // namespace

void DeskHost::open(double now_ms) {
  if (phase_ == Phase::kRunning) return;
  sandbox_.reset();
  journal_.reset();
  desk_storage_.reset();
  engine_error_.clear();

  auto journal = FileStorage::open(kJournalDir);
  if (!journal.is_ok()) return set_phase(Phase::kFailed, journal.status().to_string());
  auto desk_storage = FileStorage::open(kDeskDir);
  if (!desk_storage.is_ok()) return set_phase(Phase::kFailed, desk_storage.status().to_string());
  journal_ = std::move(journal).value();
  desk_storage_ = std::move(desk_storage).value();

  SandboxOptions options;
  options.start_time = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  auto sandbox = Sandbox::open(*journal_, *desk_storage_, std::move(options));
  if (!sandbox.is_ok()) {
    // The files stay as they are: only the operator's reset may replace them.
    const Status& status = sandbox.status();
    journal_.reset();
    desk_storage_.reset();
    return set_phase(status.code() == StatusCode::kCorruption ? Phase::kCorrupt : Phase::kFailed, status.to_string());
  }
  sandbox_ = std::move(sandbox).value();
  client_ = std::make_unique<ui::LocalApiClient>([this](ApiRequest request) { return handle(std::move(request)); });
  desk_ = std::make_unique<ui::Desk>(*client_);
  desk_->set_csv_picker([] { stonks_js_pick_csv(); });
  desk_->set_import_picker([] { stonks_js_pick_import(); });
  desk_->set_file_saver(save_file);
  desk_->set_alert_host(alert_host());
  load_settings(*desk_);
  history_ = ui::DeskHistory();
  feed_history();
  last_advance_ms_ = now_ms;
  synced_seq_ = sandbox_->committed_seq();
  host_.persistence = ui::HostStatus::Persistence::kSaved;
  host_.persistence_detail = "this browser (IndexedDB)";
  set_phase(Phase::kRunning, {});
}

Status DeskHost::release() {
  Status status = sandbox_ ? sandbox_->snapshot() : Status::ok();
  desk_.reset();
  client_.reset();
  sandbox_.reset();
  journal_.reset();
  desk_storage_.reset();
  set_phase(Phase::kMoved, {});
  return status;
}

Status DeskHost::snapshot() {
  if (!sandbox_) return Status::ok();
  Status status = sandbox_->snapshot();
  watch_commits(true);
  return status;
}

bool DeskHost::advance(double now_ms) {
  if (!sandbox_) return false;
  // Sandbox::advance bounds the step (kMaxCatchUp) and ignores a clock that went back.
  const double elapsed = now_ms - last_advance_ms_;
  last_advance_ms_ = now_ms;
  const EventSeq seq_before = sandbox_->state().last_seq;
  const Timestamp clock_before = sandbox_->now();
  // A replay's progress (and its last step, which finishes it) is new on screen.
  const bool replaying = sandbox_->backtest_running();
  Status status = sandbox_->advance(Duration(static_cast<std::int64_t>(elapsed * 1000)));
  if (!status.is_ok() && engine_error_.empty()) {
    engine_error_ = status.to_string();
    host_.persistence = ui::HostStatus::Persistence::kFailed;
    host_.persistence_detail = engine_error_;
  }
  watch_commits(false);
  return replaying || sandbox_->state().last_seq != seq_before || sandbox_->now() != clock_before;
}

bool DeskHost::replay_frame(double frame_start_ms) {
  if (!sandbox_ || !sandbox_->replay_at_max_speed()) return false;
  do {
    sandbox_->step_replay(kReplayChunkBars);
  } while (sandbox_->replay_at_max_speed() && emscripten_get_now() - frame_start_ms < kReplayFrameBudgetMs);
  advance(emscripten_get_now());
  return true;
}

void DeskHost::draw() {
  if (!desk_) return;
  client_->poll();
  if (!desk_) return;  // a response may have stopped the sandbox
  const SimStatus sim = sandbox_->sim_status();
  feed_history();
  history_.sample_equity(sandbox_->state(), sandbox_->now());
  desk_->draw(ui::DeskView{sandbox_->state(), sandbox_->now(), &sim, host_, nullptr, &history_});
}

void DeskHost::csv_picked(std::string name, std::string text) {
  if (desk_) desk_->csv_picked(std::move(name), std::move(text));
}

void DeskHost::import_picked(std::string name, std::string text) {
  if (desk_) desk_->import_picked(std::move(name), std::move(text));
}

ApiResponse DeskHost::api(ApiRequest request) { return handle(std::move(request)); }

ApiResponse DeskHost::handle(ApiRequest request) {
  if (!sandbox_) return not_running(phase_ == Phase::kMoved ? "the desk moved to another tab" : "the desk is not open");
  // A reset rewrites the directories without necessarily moving the seq.
  const bool writes = request.method != "GET";
  // An import replaces the sandbox whole: its charts start over from its journal.
  const bool import = request.path == "/api/sandbox/import";
  ApiResponse response = sandbox_->handle(std::move(request));
  if (import && response.status == 200) {
    history_ = ui::DeskHistory();
    feed_history();
  }
  watch_commits(writes);
  return response;
}

void DeskHost::watch_commits(bool force) {
  const std::uint64_t seq = sandbox_->committed_seq();
  if (!force && seq == synced_seq_) return;
  synced_seq_ = seq;
  stonks_js_request_sync();
}

void DeskHost::feed_history() {
  if (sandbox_->state().last_seq < history_.last_seq()) history_ = ui::DeskHistory();  // a reset
  // At open this reads back what the journal still holds (from the oldest
  // snapshot kept); after that only the newest events, from memory.
  const Status read = sandbox_->store().log().for_each_after(history_.last_seq(), [this](const EventRecord& r) {
    history_.observe(r);
    return true;
  });
  (void)read;  // a damaged segment shows in the audit view; the chart keeps what it got
}

void DeskHost::set_persistence(ui::HostStatus::Persistence state, std::string detail) {
  if (!engine_error_.empty()) return;  // the engine's own failure stays on screen
  host_.persistence = state;
  // Saving keeps saying where: the strip keeps the chip's width by it.
  if (state == ui::HostStatus::Persistence::kSaving && detail.empty()) return;
  host_.persistence_detail = std::move(detail);
}

std::size_t DeskHost::pending_count() const { return sandbox_ ? sandbox_->state().approvals.pending_count() : 0; }

void DeskHost::set_phase(Phase phase, std::string detail) {
  phase_ = phase;
  detail_ = std::move(detail);
  stonks_js_phase_changed(to_string(phase_), detail_.c_str());
}

}  // namespace stonks::web
