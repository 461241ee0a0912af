// Journals written by older builds: a journal whose bar_received records are
// JSON (as before bars had a binary payload) recovers to the same state as
// the engine that wrote it, and stays readable once new binary records follow.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine_workload.h"
#include "journal/binary_event_codec.h"
#include "journal/engine_store.h"
#include "journal/event_codec.h"
#include "journal/journal.h"
#include "json/json_values.h"
#include "store_test_util.h"
#include "support/engine_harness.h"
#include "support/recording_broker.h"

namespace stonks {
namespace {

using journal_test::EngineWorkload;
using journal_test::ok;
using journal_test::open_store;
using journal_test::replay_prefix;
using journal_test::same_state;

// The payload an older build wrote: JSON for bars, the rest as today.
std::string old_payload(const EventRecord& r) {
  if (std::holds_alternative<BarReceived>(r.event)) return dump_json(to_json(r));
  return encode_event(r);
}

// Writes `events` into `storage` as a journal the way an older build did,
// one batch per record.
void write_old_journal(Storage& storage, const std::vector<EventRecord>& events) {
  auto journal = Journal::open(storage);
  ASSERT_TRUE(journal.is_ok()) << journal.status().to_string();
  ASSERT_TRUE((*journal)->recover({}, {}).is_ok());
  for (const EventRecord& r : events) ASSERT_TRUE(ok((*journal)->append(r.seq, old_payload(r))));
  ASSERT_TRUE(ok((*journal)->commit()));
}

TEST(EngineStoreCompat, AJournalWithJsonBarRecordsRecoversToTheSameState) {
  // A session with bars in it, recorded by an engine that never stopped.
  MemoryStorage original;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  EngineWorkload w(7, testing::test_epoch());
  std::vector<EventRecord> events;
  {
    EngineStoreOptions no_snapshots;
    no_snapshots.snapshot_every = 0;
    auto store = open_store(original, broker, no_snapshots);
    ASSERT_TRUE(ok(w.setup(store->engine())));
    for (int i = 0; i < 600; ++i) (void)w.step(store->engine());
    events = store->log().records();
  }
  int bars = 0;
  for (const EventRecord& r : events)
    if (std::holds_alternative<BarReceived>(r.event)) {
      ++bars;
      ASSERT_EQ(encode_event(r)[0], kBinaryEventMarker) << "bars are binary now";
      ASSERT_EQ(old_payload(r)[0], '{');
    }
  ASSERT_GT(bars, 5) << "the session should hold bars";
  const EngineState expected = replay_prefix(events, events.size());

  MemoryStorage old;
  write_old_journal(old, events);
  {
    auto store = open_store(old, broker);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->recovery().events_replayed, events.size());
    EXPECT_TRUE(same_state(store->engine().state(), expected));
    // New records (bars among them, binary now) follow the old ones.
    for (int i = 0; i < 300; ++i) (void)w.step(store->engine());
    events = store->log().records();
  }
  auto reopened = open_store(old, broker);
  ASSERT_NE(reopened, nullptr);
  EXPECT_TRUE(same_state(reopened->engine().state(), replay_prefix(events, events.size())));
}

}  // namespace
}  // namespace stonks
