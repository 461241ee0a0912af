// Tests for EngineStore: fresh start, restart, snapshots and compaction,
// group commit, storage failures, undecodable contents, real files.
#include "journal/engine_store.h"
#include "support/recording_broker.h"

#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine_workload.h"
#include "journal/event_codec.h"
#include "journal/file_storage.h"
#include "journal/journal_format.h"
#include "journal_test_util.h"
#include "store_test_util.h"
#include "support/engine_harness.h"

namespace stonks {
namespace {

using journal_test::clone;
using journal_test::EngineWorkload;
using journal_test::names_with_prefix;
using journal_test::ok;
using journal_test::open_store;
using journal_test::replay_prefix;
using journal_test::same_state;
using testing::test_epoch;

// Runs `steps` workload commands (after setup() when `setup`) on `engine`;
// fails on kUnavailable or kCorruption.
void run(EngineWorkload& w, Engine& engine, int steps, bool setup = false) {
  if (setup) {
    ASSERT_TRUE(ok(w.setup(engine)));
  }
  for (int i = 0; i < steps; ++i) {
    Status s = w.step(engine);
    ASSERT_NE(s.code(), StatusCode::kUnavailable) << s.to_string();
    ASSERT_NE(s.code(), StatusCode::kCorruption) << s.to_string();
  }
}

EngineStoreOptions no_auto_snapshots() {
  EngineStoreOptions o;
  o.snapshot_every = 0;
  return o;
}

TEST(EngineStore, AnEmptyDirectoryGivesAFreshEngine) {
  MemoryStorage storage;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  auto store = open_store(storage, broker);
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(store->recovery().fresh);
  EXPECT_EQ(store->recovery().last_seq, 0u);
  EXPECT_FALSE(store->recovery().journal.snapshot_used);
  EXPECT_TRUE(same_state(store->engine().state(), EngineState{}));
  EXPECT_EQ(store->log().size(), 0u);
}

TEST(EngineStore, EveryAcceptedCommandSurvivesARestart) {
  MemoryStorage storage;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  EngineWorkload w(1, test_epoch());
  std::vector<EventRecord> events;
  EngineState before;
  {
    auto store = open_store(storage, broker, no_auto_snapshots());
    run(w, store->engine(), 200, true);
    events = store->log().records();
    before = store->engine().state();
    EXPECT_EQ(store->committed_seq(), before.last_seq);
  }
  storage.crash();  // only what was synced survives
  auto store = open_store(storage, broker, no_auto_snapshots());
  ASSERT_NE(store, nullptr);
  EXPECT_FALSE(store->recovery().fresh);
  EXPECT_EQ(store->recovery().events_replayed, events.size());
  EXPECT_EQ(store->recovery().last_seq, before.last_seq);
  EXPECT_TRUE(same_state(store->engine().state(), before));
  EXPECT_EQ(store->log().records(), events);  // the event stream survives too
  // And it goes on where it stopped.
  run(w, store->engine(), 50);
  EXPECT_EQ(store->log().records().front().seq, 1u);
  EXPECT_EQ(store->log().records().back().seq, store->engine().state().last_seq);
}

TEST(EngineStore, SnapshotsEveryNEventsCompactTheJournalAndBoundRecovery) {
  MemoryStorage storage;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  EngineStoreOptions options;
  options.snapshot_every = 50;
  options.snapshot_growth_percent = 0;
  options.journal.max_segment_bytes = 4096;
  EngineWorkload w(2, test_epoch());
  EngineState before;
  uint64_t snapshot_seq = 0;
  {
    auto store = open_store(storage, broker, options);
    run(w, store->engine(), 300, true);
    before = store->engine().state();
    EXPECT_GE(store->snapshots().written, before.last_seq / 60);
    EXPECT_TRUE(ok(store->snapshots().last_error));
    snapshot_seq = store->snapshots().last_seq;
    EXPECT_GT(snapshot_seq, before.last_seq - 60);  // at most one command's events past the threshold
  }
  // Two snapshots kept; segments before the older one are gone.
  EXPECT_EQ(names_with_prefix(storage, "snap-").size(), 2u);
  const std::vector<std::string> segments = names_with_prefix(storage, "seg-");
  uint64_t first_seq = 0;
  ASSERT_TRUE(journal_format::parse_segment_file_name(segments.front(), &first_seq));
  EXPECT_GT(first_seq, 1u);
  storage.crash();
  auto store = open_store(storage, broker, options);
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(store->recovery().journal.snapshot_used);
  EXPECT_EQ(store->recovery().snapshot_seq, snapshot_seq);
  EXPECT_EQ(store->recovery().events_replayed, before.last_seq - snapshot_seq);
  EXPECT_TRUE(same_state(store->engine().state(), before));
  // The log holds only what came after the snapshot.
  ASSERT_EQ(store->log().size(), before.last_seq - snapshot_seq);
  if (store->log().size() > 0) {
    EXPECT_EQ(store->log().records().front().seq, snapshot_seq + 1);
  }
}

TEST(EngineStore, TheGrowthRuleSpacesSnapshotsOfALargeState) {
  auto snapshots_written = [](uint32_t growth) {
    MemoryStorage storage;
    testing::RecordingBroker broker;  // live-capable: the workload visits live mode
    EngineStoreOptions options;
    options.snapshot_every = 1;
    options.snapshot_growth_percent = growth;
    EngineWorkload w(3, test_epoch());
    auto store = open_store(storage, broker, options);
    run(w, store->engine(), 120, true);
    return store->snapshots().written;
  };
  const uint64_t every_command = snapshots_written(0);
  const uint64_t by_growth = snapshots_written(100);
  EXPECT_GT(every_command, 60u);
  EXPECT_GT(by_growth, 0u);
  EXPECT_LT(by_growth * 5, every_command);
}

TEST(EngineStore, AnExplicitSnapshotIsWhatRecoveryStartsFrom) {
  MemoryStorage storage;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  EngineWorkload w(4, test_epoch());
  EngineState before;
  uint64_t at = 0;
  {
    auto store = open_store(storage, broker, no_auto_snapshots());
    run(w, store->engine(), 100, true);
    ASSERT_TRUE(ok(store->snapshot()));
    at = store->engine().state().last_seq;
    EXPECT_EQ(store->snapshots().last_seq, at);
    ASSERT_TRUE(ok(store->snapshot()));  // nothing new: no second file
    EXPECT_EQ(store->snapshots().written, 1u);
    run(w, store->engine(), 30);
    before = store->engine().state();
  }
  auto store = open_store(storage, broker, no_auto_snapshots());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->recovery().snapshot_seq, at);
  EXPECT_GT(store->recovery().snapshot_bytes, 0u);
  EXPECT_EQ(store->recovery().events_replayed, before.last_seq - at);
  EXPECT_TRUE(same_state(store->engine().state(), before));
}

TEST(EngineStore, GroupCommitIsDurableAtFlushAndSnapshotsOnlyThere) {
  MemoryStorage storage;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  EngineStoreOptions options;
  options.sync_each_batch = false;
  options.snapshot_every = 10;
  options.snapshot_growth_percent = 0;
  EngineWorkload w(5, test_epoch());
  EngineState flushed;
  {
    auto store = open_store(storage, broker, options);
    run(w, store->engine(), 40, true);
    EXPECT_EQ(storage.sync_calls(), 0u);
    EXPECT_EQ(store->snapshots().written, 0u);  // nothing durable, nothing to snapshot
    ASSERT_TRUE(ok(store->flush()));
    EXPECT_EQ(store->committed_seq(), store->engine().state().last_seq);
    EXPECT_EQ(store->snapshots().written, 1u);
    flushed = store->engine().state();
    run(w, store->engine(), 40);  // never flushed
    EXPECT_GT(store->engine().state().last_seq, flushed.last_seq);
  }
  storage.crash();
  auto store = open_store(storage, broker, options);
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(same_state(store->engine().state(), flushed));
}

// ---- storage failures ----

TEST(EngineStore, AFailedSyncMakesTheEngineUnavailableAndARestartRecoversTheCommittedPrefix) {
  MemoryStorage storage;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  EngineWorkload w(6, test_epoch());
  EngineState committed;
  {
    auto store = open_store(storage, broker, no_auto_snapshots());
    run(w, store->engine(), 100, true);
    committed = store->engine().state();
    storage.fail_next_sync();
    Status failed = store->engine().on_quote(testing::quote("AAPL", "101", "101.2"), w.now());
    EXPECT_EQ(failed.code(), StatusCode::kUnavailable) << failed.to_string();
    EXPECT_TRUE(store->engine().failed());
    // Every later command, and the store itself, refuse.
    EXPECT_EQ(store->engine().tick(w.now()).code(), StatusCode::kUnavailable);
    EXPECT_EQ(store->engine().submit_order(testing::market("AAPL", Side::kBuy, 1), w.now()).status().code(),
              StatusCode::kUnavailable);
    EXPECT_FALSE(store->flush().is_ok());
    EXPECT_FALSE(store->snapshot().is_ok());
    EXPECT_EQ(store->log().records().back().seq, committed.last_seq);  // the log shows only durable events
  }
  storage.crash();
  auto store = open_store(storage, broker, no_auto_snapshots());
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(same_state(store->engine().state(), committed));
  EXPECT_TRUE(ok(store->engine().tick(w.now())));  // and accepts commands again
}

TEST(EngineStore, AfterAFailedSyncWithoutACrashRecoveryYieldsTheCommittedStateOrTheWholeCommand) {
  MemoryStorage storage;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  EngineWorkload w(6, test_epoch());
  std::vector<EventRecord> events;
  EngineState committed;
  EngineState attempted;
  {
    auto store = open_store(storage, broker, no_auto_snapshots());
    run(w, store->engine(), 100, true);
    committed = store->engine().state();
    events = store->log().records();
    storage.fail_next_sync();
    // Several events in one batch (received, then filled or refused).
    Status failed = store->engine().submit_order(testing::market("MSFT", Side::kBuy, 1), w.now()).status();
    EXPECT_EQ(failed.code(), StatusCode::kUnavailable);
    attempted = store->engine().state();  // the engine applied the command before the sync failed
    EXPECT_GE(attempted.last_seq, committed.last_seq + 2);
  }
  auto store = open_store(storage, broker, no_auto_snapshots());  // the unsynced bytes are still there
  ASSERT_NE(store, nullptr);
  const EngineState& s = store->engine().state();
  EXPECT_GE(s.last_seq, committed.last_seq);
  std::vector<EventRecord> recovered = store->log().records();
  ASSERT_GE(recovered.size(), events.size());
  EXPECT_TRUE(std::equal(events.begin(), events.end(), recovered.begin()));
  EXPECT_TRUE(same_state(s, replay_prefix(recovered, recovered.size())));
  // Never part of the command: all of it or none.
  EXPECT_TRUE(s == committed || s == attempted) << "recovered " << s.last_seq << " of " << committed.last_seq
                                                << " committed, " << attempted.last_seq << " attempted";
}

TEST(EngineStore, ATornAppendIsDroppedOnRestart) {
  MemoryStorage storage;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  EngineWorkload w(7, test_epoch());
  EngineState committed;
  {
    auto store = open_store(storage, broker, no_auto_snapshots());
    run(w, store->engine(), 60, true);
    committed = store->engine().state();
    storage.fail_next_append(30);  // half a record header and a bit
    EXPECT_EQ(store->engine().tick(w.now() + std::chrono::hours(30)).code(), StatusCode::kUnavailable);
  }
  auto store = open_store(storage, broker, no_auto_snapshots());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->recovery().journal.dropped_bytes, 30u);
  EXPECT_FALSE(store->recovery().journal.torn_file.empty());
  EXPECT_TRUE(same_state(store->engine().state(), committed));
}

// ---- contents that pass their checksums but not the engine ----

// Writes `payloads` as records 1..n through a raw Journal.
void write_raw(MemoryStorage& storage, const std::vector<std::string>& payloads) {
  auto journal = Journal::open(storage);
  ASSERT_TRUE(journal.is_ok());
  ASSERT_TRUE((*journal)
                  ->recover([](uint64_t, std::string_view) { return Status::ok(); },
                            [](uint64_t, std::string_view) { return Status::ok(); })
                  .is_ok());
  for (std::size_t i = 0; i < payloads.size(); ++i) ASSERT_TRUE(ok((*journal)->append(i + 1, payloads[i])));
  ASSERT_TRUE(ok((*journal)->commit()));
}

std::string event_payload(EventSeq seq, Event e) { return encode_event(EventRecord{seq, test_epoch(), std::move(e)}); }

void expect_corruption(MemoryStorage& storage, const std::vector<std::string>& parts) {
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  auto store = EngineStore::open(storage, broker);
  ASSERT_FALSE(store.is_ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption) << store.status().to_string();
  for (const std::string& part : parts)
    EXPECT_NE(store.status().message().find(part), std::string::npos) << store.status().to_string();
}

TEST(EngineStoreCorruption, ARecordThatDoesNotDecodeNamesItsSeq) {
  MemoryStorage storage;
  write_raw(storage, {event_payload(1, CashDeposited{Money::from_units(5), "x"}), "{\"seq\":2,\"oops\":true}"});
  expect_corruption(storage, {"seq 2", "does not decode"});
}

TEST(EngineStoreCorruption, ARecordWhoseEventCarriesAnotherSeqIsRefused) {
  MemoryStorage storage;
  write_raw(storage, {event_payload(1, CashDeposited{Money::from_units(5), "x"}),
                      event_payload(7, CashDeposited{Money::from_units(5), "x"})});
  expect_corruption(storage, {"seq 2", "event seq 7"});
}

TEST(EngineStoreCorruption, AnEventThatDoesNotFitTheStateNamesItsSeq) {
  MemoryStorage storage;
  write_raw(storage,
            {event_payload(1, CashDeposited{Money::from_units(5), "x"}), event_payload(2, OrderSubmitted{99})});
  expect_corruption(storage, {"seq 2", "unknown order 99"});
}

TEST(EngineStoreCorruption, ASnapshotThatDoesNotDecodeNamesTheFile) {
  MemoryStorage storage;
  write_raw(storage, {event_payload(1, CashDeposited{Money::from_units(5), "x"})});
  storage.put_file(journal_format::snapshot_file_name(1), journal_format::encode_snapshot(1, "{\"format\":1}"));
  expect_corruption(storage, {journal_format::snapshot_file_name(1), "does not decode"});
}

TEST(EngineStoreCorruption, ASnapshotOfAnotherSeqIsRefused) {
  MemoryStorage storage;
  write_raw(storage, {event_payload(1, CashDeposited{Money::from_units(5), "x"}),
                      event_payload(2, CashDeposited{Money::from_units(5), "x"})});
  EngineState at_one = replay_prefix({EventRecord{1, test_epoch(), CashDeposited{Money::from_units(5), "x"}}}, 1);
  storage.put_file(journal_format::snapshot_file_name(2),
                   journal_format::encode_snapshot(2, encode_engine_state(at_one)));
  expect_corruption(storage, {journal_format::snapshot_file_name(2), "at seq 1"});
}

// ---- real files ----

void remove_tree(const std::string& path) {
  if (DIR* d = opendir(path.c_str())) {
    while (struct dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") remove_tree(path + "/" + name);
    }
    closedir(d);
    rmdir(path.c_str());
  } else {
    unlink(path.c_str());
  }
}

TEST(EngineStoreFiles, ASessionOnDiskRecoversIdentically) {
  std::string dir = ::testing::TempDir();
  if (dir.empty() || dir.back() != '/') dir += '/';
  dir += "stonks_store_XXXXXX";
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  EngineStoreOptions options;
  options.snapshot_every = 60;
  options.snapshot_growth_percent = 0;
  options.journal.max_segment_bytes = 8192;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  EngineWorkload w(8, test_epoch());
  EngineState before;
  {
    auto storage = FileStorage::open(dir);
    ASSERT_TRUE(storage.is_ok()) << storage.status().to_string();
    auto store = open_store(**storage, broker, options);
    ASSERT_NE(store, nullptr);
    run(w, store->engine(), 250, true);
    before = store->engine().state();
    EXPECT_GT(store->snapshots().written, 0u);
  }
  {
    auto storage = FileStorage::open(dir);
    ASSERT_TRUE(storage.is_ok());
    auto store = open_store(**storage, broker, options);
    ASSERT_NE(store, nullptr);
    EXPECT_TRUE(store->recovery().journal.snapshot_used);
    EXPECT_TRUE(same_state(store->engine().state(), before));
    run(w, store->engine(), 50);
    before = store->engine().state();
  }
  {
    auto storage = FileStorage::open(dir);
    ASSERT_TRUE(storage.is_ok());
    auto store = open_store(**storage, broker, options);
    ASSERT_NE(store, nullptr);
    EXPECT_TRUE(same_state(store->engine().state(), before));
  }
  remove_tree(dir);
}

}  // namespace
}  // namespace stonks
