// DeskHost: the paper desk in the page -- the Sandbox over the IDBFS-mounted
// directories, its clock, the panel and its client, and what the host tells
// the panel (saving state, storage persistence). One per page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "api/api_types.h"
#include "imgui_ui/desk.h"
#include "imgui_ui/local_api_client.h"
#include "journal/file_storage.h"
#include "sandbox/sandbox.h"

namespace stonks::web {

// Where the page mounts IDBFS; the two Storages live below it.
inline constexpr const char* kStoreRoot = "/stonks";
inline constexpr const char* kJournalDir = "/stonks/journal";
inline constexpr const char* kDeskDir = "/stonks/desk";

class DeskHost {
 public:
  enum class Phase {
    kWaiting,  // not open yet: the page is taking the lock or loading IndexedDB
    kRunning,
    kCorrupt,  // recovery found damage: nothing runs until the operator resets
    kFailed,   // the store could not be opened (I/O)
    kMoved,    // handed over to another tab: this one no longer writes
  };

  // Opens the sandbox over kJournalDir and kDeskDir, which the page has
  // loaded from IndexedDB. A recovery error leaves the phase kCorrupt or
  // kFailed with the message (file and offset) in detail(); the existing
  // files are kept. `now_ms` is the page's monotonic clock.
  void open(double now_ms);

  // Stops writing (another tab takes over): a snapshot when running, then
  // the sandbox closes and the phase is kMoved. Returns the snapshot's
  // status; the page syncs after.
  Status release();

  // The page is being hidden or closed: a snapshot so the next load recovers
  // quickly. No-op unless running.
  Status snapshot();

  // Moves the simulation by the real time since the last call and asks the
  // page to save what committed. True when the screen shows something new.
  bool advance(double now_ms);

  // Of each animation frame a replay at "max" speed spends this much on
  // bars: 12 ms leaves ~4.7 ms of a 16.7 ms (60 Hz) frame for drawing the
  // desk, so the page stays smooth while the replay goes as fast as it can.
  static constexpr double kReplayFrameBudgetMs = 12;
  // Bars per Sandbox::step_replay() between two reads of the clock: ~1.5 ms
  // in wasm (~1.4M bars/s), the most a frame overshoots its budget by.
  static constexpr std::size_t kReplayChunkBars = 2'000;

  // Called at the start of an animation frame (`frame_start_ms`, the page's
  // monotonic clock): while a replay runs at "max" speed, replays chunks of
  // kReplayChunkBars until kReplayFrameBudgetMs of the frame went by (at
  // least one chunk), then advance()s, so the replay's rate counts the time
  // up to this frame. True when it replayed: the frame shows the progress
  // and the next frame should replay on. The Sandbox's own step (at most
  // ReplayPacing::kMaxBarsPerAdvance per advance) is what a host that never calls this
  // gets.
  bool replay_frame(double frame_start_ms);

  // Polls the panel's client and draws the panel (between NewFrame and Render).
  void draw();

  // One request straight to the sandbox (the page's test and setup hook).
  // Not running: 503, nothing changes.
  ApiResponse api(ApiRequest request);

  // The file the operator chose in the page's picker (stonks_js_pick_csv),
  // for the Replay pane.
  void csv_picked(std::string name, std::string text);
  // ... and the sandbox export chosen for "Import sandbox..." (stonks_js_pick_import).
  void import_picked(std::string name, std::string text);

  // What the page reports about IndexedDB.
  void set_persistence(ui::HostStatus::Persistence state, std::string detail);
  void set_storage_persistent(bool persistent) { host_.storage_persistent = persistent; }

  Phase phase() const { return phase_; }
  const std::string& detail() const { return detail_; }
  const ui::HostStatus& host_status() const { return host_; }
  // Only while running.
  const Sandbox* sandbox() const { return sandbox_.get(); }
  const ui::Desk* desk() const { return desk_.get(); }
  ui::Desk* desk() { return desk_.get(); }
  std::size_t pending_count() const;

 private:
  void set_phase(Phase phase, std::string detail);
  ApiResponse handle(ApiRequest request);
  // Asks for an IndexedDB sync when the journal moved (or `force`).
  void watch_commits(bool force);
  // Hands the history the events committed since it last looked.
  void feed_history();

  Phase phase_ = Phase::kWaiting;
  std::string detail_;
  ui::HostStatus host_;
  std::unique_ptr<FileStorage> journal_;
  std::unique_ptr<FileStorage> desk_storage_;
  std::unique_ptr<Sandbox> sandbox_;
  std::unique_ptr<ui::LocalApiClient> client_;
  std::unique_ptr<ui::Desk> desk_;
  // Candles and equity, rebuilt at open from the journal's events and then
  // fed each committed event.
  ui::DeskHistory history_;
  double last_advance_ms_ = 0;
  std::uint64_t synced_seq_ = 0;  // committed_seq when a sync was last asked for
  std::string engine_error_;      // why the sandbox stopped accepting commands
};

}  // namespace stonks::web

namespace stonks {
// The phase's name as the page's scripts read it (window.stonks.phase).
template <>
struct EnumNames<web::DeskHost::Phase> {
  using P = web::DeskHost::Phase;
  static constexpr EnumName<P> table[] = {{P::kWaiting, "waiting"},
                                          {P::kRunning, "running"},
                                          {P::kCorrupt, "corrupt"},
                                          {P::kFailed, "failed"},
                                          {P::kMoved, "moved"}};
};
}  // namespace stonks
