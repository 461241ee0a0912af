// Long random sessions through EngineStore, restarted from storage: the state
// is identical (operator== and serialized) to an engine that never stopped
// and never journaled -- with and without snapshots, compaction and group commit.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "engine_workload.h"
#include "journal/engine_store.h"
#include "journal_test_util.h"
#include "store_test_util.h"
#include "support/engine_harness.h"
#include "support/recording_broker.h"
#include "support/recording_sink.h"

namespace stonks {
namespace {

using journal_test::EngineWorkload;
using journal_test::names_with_prefix;
using journal_test::ok;
using journal_test::open_store;
using journal_test::same_state;

// An engine without a journal, driven by its own copy of the workload.
struct Reference {
  explicit Reference(uint64_t seed) : workload(seed, testing::test_epoch()), engine(broker, &sink) {}
  EngineWorkload workload;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  testing::RecordingSink sink;
  Engine engine;
};

// Steps both engines with identical workloads; their answers must agree.
void step_both(Reference& ref, EngineWorkload& w, Engine& engine, int steps, std::map<StatusCode, int>& codes) {
  for (int i = 0; i < steps; ++i) {
    Status a = ref.workload.step(ref.engine);
    Status b = w.step(engine);
    ASSERT_EQ(a.code(), b.code()) << a.to_string() << " vs " << b.to_string();
    ASSERT_NE(b.code(), StatusCode::kUnavailable) << b.to_string();
    ++codes[b.code()];
  }
}

struct Plan {
  int commands = 2000;
  int restart_every = 0;  // 0: one restart at the end
  EngineStoreOptions options;
  int flush_every = 1;  // with group commit: flush after this many commands
};

void round_trip(const Plan& plan) {
  const uint64_t seed = 99;
  Reference ref(seed);
  EngineWorkload w(seed, testing::test_epoch());
  MemoryStorage storage;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  std::map<StatusCode, int> codes;
  uint64_t snapshots = 0;
  uint64_t restarts = 0;

  auto store = open_store(storage, broker, plan.options);
  ASSERT_TRUE(ok(ref.workload.setup(ref.engine)));
  ASSERT_TRUE(ok(w.setup(store->engine())));
  const int chunk = plan.restart_every > 0 ? plan.restart_every : plan.commands;
  for (int done = 0; done < plan.commands; done += chunk) {
    for (int i = 0; i < chunk; i += plan.flush_every) {
      step_both(ref, w, store->engine(), std::min(plan.flush_every, chunk - i), codes);
      if (::testing::Test::HasFatalFailure()) return;
      ASSERT_TRUE(ok(store->flush()));
    }
    snapshots += store->snapshots().written;
    // Restart: drop the store, lose whatever was not synced, recover.
    store.reset();
    storage.crash();
    store = open_store(storage, broker, plan.options);
    ASSERT_NE(store, nullptr);
    ++restarts;
    ASSERT_TRUE(same_state(store->engine().state(), ref.engine.state())) << "after restart " << restarts;
    // The log is the reference's events after the snapshot recovery used.
    const uint64_t from = store->recovery().snapshot_seq;
    const std::vector<EventRecord>& all = ref.sink.events;
    ASSERT_EQ(store->log().size(), all.size() - from);
    EXPECT_TRUE(std::equal(store->log().records().begin(), store->log().records().end(), all.begin() + from));
  }
  // The session exercised the engine, not only its error paths.
  EXPECT_GT(codes[StatusCode::kOk], plan.commands / 2);
  EXPECT_GT(ref.engine.state().last_seq, static_cast<uint64_t>(plan.commands));
  if (plan.options.snapshot_every > 0) {
    EXPECT_GT(snapshots, 0u);
    EXPECT_TRUE(store->recovery().journal.snapshot_used);
  }
}

TEST(EngineStoreRoundTrip, ALongRandomSessionRestartsIdentically) {
  Plan plan;
  plan.options.snapshot_every = 0;
  round_trip(plan);
}

TEST(EngineStoreRoundTrip, ALongRandomSessionWithSnapshotsCompactionAndRestartsInBetween) {
  Plan plan;
  plan.commands = 1500;
  plan.restart_every = 500;
  plan.options.snapshot_every = 300;
  plan.options.snapshot_growth_percent = 0;
  plan.options.journal.max_segment_bytes = 16 * 1024;
  plan.options.journal.snapshots_to_keep = 1;
  round_trip(plan);
}

TEST(EngineStoreRoundTrip, AGroupCommitSessionRestartsAtItsLastFlush) {
  Plan plan;
  plan.commands = 900;
  plan.restart_every = 300;
  plan.flush_every = 7;
  plan.options.sync_each_batch = false;
  plan.options.snapshot_every = 100;
  plan.options.snapshot_growth_percent = 0;
  plan.options.journal.max_segment_bytes = 8 * 1024;
  round_trip(plan);
}

TEST(EngineStoreRoundTrip, CompactionLeavesOnlyRecentSegments) {
  MemoryStorage storage;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  EngineStoreOptions options;
  options.snapshot_every = 100;
  options.snapshot_growth_percent = 0;
  options.journal.max_segment_bytes = 4096;
  options.journal.snapshots_to_keep = 1;
  auto store = open_store(storage, broker, options);
  EngineWorkload w(5, testing::test_epoch());
  ASSERT_TRUE(ok(w.setup(store->engine())));
  for (int i = 0; i < 600; ++i) (void)w.step(store->engine());
  const uint64_t covered = store->snapshots().last_seq;
  ASSERT_GT(covered, 0u);
  EXPECT_EQ(names_with_prefix(storage, "snap-").size(), 1u);
  // Every segment left holds a record past the snapshot.
  const std::vector<std::string> segments = names_with_prefix(storage, "seg-");
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    uint64_t next_first = 0;
    ASSERT_TRUE(journal_format::parse_segment_file_name(segments[i + 1], &next_first));
    EXPECT_GT(next_first, covered + 1) << segments[i] << " is covered by the snapshot";
  }
}

}  // namespace
}  // namespace stonks
