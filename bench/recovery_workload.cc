// Recovery workload: time to rebuild an engine (EngineStore::open) from a
// journal of ~N events, by full replay and from a snapshot.
#include <memory>

#include "bench_world.h"
#include "execution/paper_broker.h"
#include "journal/binary_state_codec.h"
#include "journal/engine_store.h"
#include "journal/event_codec.h"
#include "journal/file_storage.h"
#include "scratch_dir.h"
#include "workloads.h"

namespace stonks::bench {
namespace {

// Where the snapshot variant's snapshot sits: after this share of the journal,
// so recovery restores it and replays the last tenth.
constexpr std::uint64_t kSnapshotPercent = 90;

std::unique_ptr<FileStorage> open_storage(const std::string& dir) {
  Result<std::unique_ptr<FileStorage>> storage = FileStorage::open(dir);
  check(storage.status(), "FileStorage::open");
  return std::move(storage).value();
}

EngineStoreOptions store_options() {
  EngineStoreOptions o;
  o.sync_each_batch = false;  // group commit: the writer flushes
  o.snapshot_every = 0;       // snapshots only where the workload puts them
  return o;
}

// Runs the pipeline through an EngineStore in `dir` until the journal holds
// at least `events` events, flushing every `commit_every` orders; returns the
// final state.
EngineState write_journal(const std::string& dir, std::uint64_t events, std::uint64_t commit_every) {
  std::unique_ptr<FileStorage> storage = open_storage(dir);
  PaperBroker broker;
  Result<std::unique_ptr<EngineStore>> store = EngineStore::open(*storage, broker, store_options());
  check(store.status(), "EngineStore::open");
  Engine& engine = (*store)->engine();
  const OrderFlow flow;
  Timestamp now = seed_engine(engine, /*auto_approve=*/true);
  for (std::uint64_t i = 0; engine.state().last_seq < events; ++i) {
    now += kCommandSpacing;
    Result<Order> r = engine.submit_order(flow.intent(i), now);
    if (!r.is_ok()) check(r.status(), "submit_order");
    if ((i + 1) % commit_every == 0) check((*store)->flush(), "flush");
  }
  check((*store)->flush(), "flush");
  return engine.state();
}

// Writes a snapshot of the state after record `seq` of the journal in `dir`
// (rebuilt by replaying up to it), as the store's own snapshots are written.
void write_snapshot_at(const std::string& dir, std::uint64_t seq) {
  std::unique_ptr<FileStorage> storage = open_storage(dir);
  Result<std::unique_ptr<Journal>> journal = Journal::open(*storage);
  check(journal.status(), "Journal::open");
  PaperBroker broker;
  Engine engine(broker, nullptr);
  Result<RecoveryStats> stats =
      (*journal)->recover([](uint64_t, std::string_view) { return Status::corruption("unexpected snapshot"); },
                          [&](uint64_t record_seq, std::string_view payload) {
                            if (record_seq > seq) return Status::ok();
                            Result<EventRecord> record = decode_event(payload);
                            if (!record.is_ok()) return record.status();
                            return engine.replay(*record);
                          });
  check(stats.status(), "Journal::recover");
  check((*journal)->write_snapshot(seq, encode_snapshot_state(engine.state())), "write_snapshot");
}

// Times EngineStore::open on `dir` (read, check, decode, apply, adopt into
// the event log) and checks the state equals `expected`.
BenchResult time_recovery(const char* name, const std::string& dir, const EngineState& expected) {
  PaperBroker broker;
  MemoryWatch mem;
  Stopwatch sw;
  std::unique_ptr<FileStorage> storage = open_storage(dir);
  Result<std::unique_ptr<EngineStore>> store = EngineStore::open(*storage, broker, store_options());
  BenchResult r = measured(name, "events/s", expected.last_seq, sw);
  // Per order of the recovered state: the state, and the event log the
  // store keeps beside it.
  r.memory = mem.stop(expected.orders.size());
  check(store.status(), "EngineStore::open");
  if (!((*store)->engine().state() == expected))
    fail(std::string(name) + ": recovered state differs from the state written");
  const StoreRecovery& rec = (*store)->recovery();
  r.details["events_replayed"] = static_cast<double>(rec.events_replayed);
  r.details["snapshot_seq"] = static_cast<double>(rec.snapshot_seq);
  r.details["snapshot_mb"] = static_cast<double>(rec.snapshot_bytes) / 1e6;
  r.details["segments_read"] = static_cast<double>(rec.journal.segments_read);
  r.details["seconds_per_1m_events"] = r.seconds * 1e6 / static_cast<double>(expected.last_seq);
  return r;
}

}  // namespace

std::vector<BenchResult> recovery(std::uint64_t events, const std::string& tmp_root, std::uint64_t commit_every) {
  ScratchDir dir(tmp_root, "recovery");
  const EngineState written = write_journal(dir.path(), events, commit_every);
  const double journal_mb = static_cast<double>(dir.bytes()) / 1e6;

  BenchResult full = time_recovery("recovery_full_replay", dir.path(), written);
  full.details["journal_mb"] = journal_mb;
  full.note =
      "EngineStore::open, no snapshot: every record read, CRC-checked, JSON-decoded, applied "
      "(files in the page cache)";

  const std::uint64_t snapshot_seq = written.last_seq * kSnapshotPercent / 100;
  write_snapshot_at(dir.path(), snapshot_seq);
  BenchResult snap = time_recovery("recovery_from_snapshot", dir.path(), written);
  snap.details["journal_mb"] = journal_mb;
  snap.note = "EngineStore::open with a snapshot at " + std::to_string(kSnapshotPercent) +
              "% of the journal: decode the snapshot, replay the last " + std::to_string(100 - kSnapshotPercent) + "%";
  return {full, snap};
}

}  // namespace stonks::bench
