// EngineStore: an engine with its memory. Recovers from a Storage directory,
// journals every event and takes snapshots; what a host (native server,
// browser) holds instead of a bare Engine.
#pragma once

#include <cstdint>
#include <memory>

#include "core/engine.h"
#include "core/event_log.h"
#include "journal/journal.h"
#include "journal/journal_options.h"
#include "journal/journaled_sink.h"
#include "journal/storage.h"

namespace stonks {

struct EngineStoreOptions {
  JournalOptions journal;

  // true: each command's events are durable before the command returns.
  // false: group commit -- see JournaledSink; the host must flush() before
  // it acknowledges a command.
  bool sync_each_batch = true;

  // A snapshot (then compaction) is taken automatically once at least this
  // many events are durable past the last snapshot (0: never; snapshot() is
  // still available) ...
  uint64_t snapshot_every = 10000;
  // ... and the journal has grown by at least this percentage of the last
  // snapshot's size since it (0: the event count alone decides). This keeps
  // the snapshot cost per event bounded when the state is large: a state of
  // S bytes is rewritten at most once per S * percent / 100 journal bytes.
  uint32_t snapshot_growth_percent = 100;
  // How many recent events log() keeps in memory for the event stream and
  // the audit routes (EventLog's window: it holds between this many and
  // twice as many); older ones are read back from the journal when a page
  // asks for them, so the window bounds memory, not what a reader can get.
  // The default matches snapshot_every: a restart adopts about that many
  // events anyway, and a reader less than that far behind (a panel that
  // lost the server for a while) is served from memory; a few MB at most.
  // 0 keeps every event since the recovered snapshot in memory (unbounded).
  std::size_t event_log_window = 10'000;
};

// What open() found and did.
struct StoreRecovery {
  bool fresh = true;             // nothing was stored: the engine starts empty
  RecoveryStats journal;         // the journal's report: snapshot used, torn tail dropped, ...
  uint64_t snapshot_seq = 0;     // last seq of the snapshot restored, 0 if none
  uint64_t snapshot_bytes = 0;   // its size
  uint64_t events_replayed = 0;  // records replayed after it
  uint64_t last_seq = 0;         // the engine's last_seq afterwards
};

// Snapshot activity since open().
struct StoreSnapshotStats {
  uint64_t written = 0;     // snapshots written
  uint64_t last_seq = 0;    // seq of the newest snapshot (written or recovered), 0 if none
  uint64_t last_bytes = 0;  // its size
  Status last_error;        // why the last automatic snapshot or compaction failed; ok otherwise
};

// Owns the Journal, the sink chain Engine -> EventLog -> JournaledSink and the
// Engine. Typical host:
//
//   auto store = EngineStore::open(storage, broker);   // recovers
//   if (!store.is_ok()) ... // kCorruption: refuse to start, show the message
//   Engine& engine = (*store)->engine();
//   ApiRouter router(engine, (*store)->log());
//   ... every command: engine.submit_order(...) etc.; with group commit,
//       (*store)->flush() before acknowledging.
//
// The EventLog holds the newest events in memory (event_log_window of them)
// and reads older ones back from the journal's segments on demand; only
// committed records are read back. What compaction deleted is gone: the
// oldest event a reader can get is log().first_seq(), the first record of
// the oldest segment left (at or before recovery().snapshot_seq + 1), or
// the oldest one held when that is older.
//
// Single-threaded, no clock, no threads: snapshots are taken inside the
// command that crosses the threshold (or inside flush()). `storage` and
// `broker` must outlive the store; one store per Storage directory.
class EngineStore {
 public:
  // Recovers the newest valid snapshot (Engine::restore) and every later
  // record (Engine::replay, EventLog::adopt), dropping a torn tail, and
  // returns the store ready for commands. An empty directory gives a fresh
  // engine. Errors: kCorruption naming the file and offset for damage the
  // journal finds, or the seq of a record (or the snapshot) whose contents
  // do not decode or do not fit the state; kIoError from storage;
  // kInvalidArgument for bad options.
  static Result<std::unique_ptr<EngineStore>> open(Storage& storage, Broker& broker, EngineStoreOptions options = {});

  // Uncommitted (group-commit) events are discarded, as in a crash: flush()
  // first. Writes nothing.
  ~EngineStore();
  EngineStore(const EngineStore&) = delete;
  EngineStore& operator=(const EngineStore&) = delete;

  Engine& engine() { return *engine_; }
  const Engine& engine() const { return *engine_; }
  // The event log the API reads: the newest events in memory, older ones
  // from the journal (EventLog::for_each_after).
  const EventLog& log() const { return *log_; }
  const StoreRecovery& recovery() const { return recovery_; }
  const StoreSnapshotStats& snapshots() const { return snapshot_stats_; }
  const EngineStoreOptions& options() const { return options_; }

  // Makes every event the engine has emitted durable (a no-op with
  // sync_each_batch), then takes an automatic snapshot if one is due.
  // On error the store is failed: the engine answers kUnavailable to the
  // next command, and what was not durable must not be acknowledged.
  Status flush();

  // flush(), then writes a snapshot of the current state and compacts the
  // journal (e.g. at shutdown or when the browser page is hidden). A failed
  // snapshot or compaction leaves the journal usable and is returned.
  Status snapshot();

  // The last seq known durable.
  uint64_t committed_seq() const { return journal_->committed_seq(); }

 private:
  class CommitHook;
  class JournalHistory;

  EngineStore(Broker& broker, EngineStoreOptions options, std::unique_ptr<Journal> journal);

  Status recover();
  // After events became durable: an automatic snapshot when one is due.
  void after_commit();
  Status write_snapshot();

  EngineStoreOptions options_;
  std::unique_ptr<Journal> journal_;
  std::unique_ptr<JournaledSink> sink_;
  std::unique_ptr<CommitHook> hook_;
  std::unique_ptr<JournalHistory> history_;
  std::unique_ptr<EventLog> log_;
  std::unique_ptr<Engine> engine_;

  StoreRecovery recovery_;
  StoreSnapshotStats snapshot_stats_;
  uint64_t next_attempt_seq_ = 0;      // no automatic snapshot before this seq (after a failed one)
  uint64_t bytes_since_snapshot_ = 0;  // journal payload bytes past the newest snapshot
  uint64_t sink_bytes_seen_ = 0;       // sink_->bytes_appended() when last counted
};

}  // namespace stonks
