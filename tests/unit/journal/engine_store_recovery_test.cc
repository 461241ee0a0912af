// Crash and damage through the whole stack (EngineStore over MemoryStorage):
// a torn last record at every byte offset recovers the committed prefix, a
// command cut short is dropped whole; a damaged record in the middle is
// reported as corruption by file and offset.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine_workload.h"
#include "journal/engine_store.h"
#include "journal/journal_format.h"
#include "journal_test_util.h"
#include "store_test_util.h"
#include "support/engine_harness.h"
#include "support/recording_broker.h"

namespace stonks {
namespace {

using journal_test::clone;
using journal_test::EngineWorkload;
using journal_test::names_with_prefix;
using journal_test::ok;
using journal_test::open_store;
using journal_test::record_offsets;
using journal_test::replay_prefix;
using journal_test::same_state;

struct Session {
  std::unique_ptr<MemoryStorage> storage = std::make_unique<MemoryStorage>();
  std::vector<EventRecord> events;  // every event, seq 1..n
  Timestamp now;
};

// A short random session, optionally with a snapshot in the middle, ending
// with a news item whose record (news_received) is a few hundred bytes.
Session run_session(bool with_snapshot, EngineStoreOptions options) {
  Session s;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  auto store = open_store(*s.storage, broker, options);
  Engine& engine = store->engine();
  EngineWorkload w(21, testing::test_epoch());
  EXPECT_TRUE(ok(w.setup(engine)));
  for (int i = 0; i < 6; ++i) (void)w.step(engine);
  if (with_snapshot) {
    EXPECT_TRUE(ok(store->snapshot()));
  }
  for (int i = 0; i < 6; ++i) (void)w.step(engine);
  s.now = w.now() + std::chrono::minutes(1);
  NewsEvent news{testing::sym("MSFT"),
                 "Microsoft announces quarterly dividend; board authorises a new share repurchase programme "
                 "and reaffirms its full-year guidance for cloud revenue growth",
                 15, s.now};
  EXPECT_TRUE(ok(engine.on_news(news, s.now)));
  s.events = store->log().records();
  EXPECT_EQ(s.events.size(), engine.state().last_seq);  // a fresh store logs everything
  return s;
}

// Cuts the newest segment at every `stride`-th offset of its last record (and
// at both ends) and recovers each time.
void truncate_the_last_record(bool with_snapshot, uint64_t stride) {
  EngineStoreOptions options;
  options.snapshot_every = 0;
  Session s = run_session(with_snapshot, options);
  const std::size_t n = s.events.size();
  ASSERT_GT(n, 2u);
  ASSERT_TRUE(std::holds_alternative<NewsReceived>(s.events.back().event));
  const EngineState all = replay_prefix(s.events, n);
  const EngineState without_last = replay_prefix(s.events, n - 1);

  const std::string segment = names_with_prefix(*s.storage, "seg-").back();
  const std::string data = s.storage->read_file(segment).value();
  const uint64_t last = record_offsets(data).back();
  ASSERT_GT(data.size() - last, 250u) << "the last record should be a few hundred bytes";
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  int recovered = 0;
  for (uint64_t cut = last; cut <= data.size(); ++cut) {
    if ((cut - last) % stride != 0 && cut + 1 < data.size()) continue;
    SCOPED_TRACE("cut at " + std::to_string(cut) + " of " + std::to_string(data.size()));
    auto copy = clone(*s.storage);
    ASSERT_TRUE(ok(copy->truncate_file(segment, cut)));
    auto store = open_store(*copy, broker, options);
    ASSERT_NE(store, nullptr);
    const bool whole = cut == data.size();
    // operator== at every cut (fast); the serialized form too at the ends.
    const EngineState& expected = whole ? all : without_last;
    if (cut == last || cut + 1 >= data.size()) {
      ASSERT_TRUE(same_state(store->engine().state(), expected));
    } else {
      ASSERT_TRUE(store->engine().state() == expected) << same_state(store->engine().state(), expected).message();
    }
    const RecoveryStats& stats = store->recovery().journal;
    EXPECT_EQ(stats.snapshot_used, with_snapshot);
    if (cut == last || whole) {
      EXPECT_EQ(stats.dropped_bytes, 0u);
    } else {
      EXPECT_EQ(stats.torn_file, segment);
      EXPECT_EQ(stats.torn_offset, last);
      EXPECT_EQ(stats.dropped_bytes, cut - last);
    }
    // Now and then: the recovered store goes on, and that survives too.
    if (++recovered % 16 == 1 || cut + 1 >= data.size()) {
      ASSERT_TRUE(ok(store->engine().tick(s.now + std::chrono::hours(25))));
      const EngineState after = store->engine().state();
      store.reset();
      copy->crash();
      auto again = open_store(*copy, broker, options);
      ASSERT_NE(again, nullptr);
      ASSERT_TRUE(same_state(again->engine().state(), after));
    }
  }
}

TEST(EngineStoreRecovery, TruncatingTheLastRecordAtEveryOffsetRecoversTheCommittedPrefix) {
  truncate_the_last_record(false, 1);
}

TEST(EngineStoreRecovery, TruncatingTheLastRecordAfterASnapshotRecoversTheCommittedPrefix) {
  truncate_the_last_record(true, 7);
}

// The last command is a market order that fills: several events, one batch.
// Cut anywhere inside it, recovery brings back the state before the order --
// never an order left received or submitted with no fill.
TEST(EngineStoreRecovery, ACommandCutShortAnywhereIsDroppedWhole) {
  EngineStoreOptions options;
  options.snapshot_every = 0;
  MemoryStorage storage;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  EngineState before;
  EngineState after;
  {
    auto store = open_store(storage, broker, options);
    EngineWorkload w(23, testing::test_epoch());
    ASSERT_TRUE(ok(w.setup(store->engine())));
    for (int i = 0; i < 6; ++i) (void)w.step(store->engine());
    before = store->engine().state();
    Result<Order> order = store->engine().submit_order(testing::market("MSFT", Side::kBuy, 1), w.now());
    ASSERT_TRUE(order.is_ok()) << order.status().to_string();
    ASSERT_EQ(order->status(), OrderStatus::kFilled);
    after = store->engine().state();
  }
  const std::size_t command_events = after.last_seq - before.last_seq;
  ASSERT_GE(command_events, 3u);  // received, submitted, filled

  const std::string segment = names_with_prefix(storage, "seg-").back();
  const std::string data = storage.read_file(segment).value();
  const std::vector<uint64_t> offsets = record_offsets(data);
  ASSERT_GE(offsets.size(), command_events);
  const uint64_t command_start = offsets[offsets.size() - command_events];
  for (uint64_t cut = command_start; cut <= data.size(); ++cut) {
    SCOPED_TRACE("cut at " + std::to_string(cut) + " of " + std::to_string(data.size()));
    auto copy = clone(storage);
    ASSERT_TRUE(ok(copy->truncate_file(segment, cut)));
    auto store = open_store(*copy, broker, options);
    ASSERT_NE(store, nullptr);
    const EngineState& expected = cut == data.size() ? after : before;
    if (cut == command_start || cut == data.size()) {
      ASSERT_TRUE(same_state(store->engine().state(), expected));
    } else {
      ASSERT_TRUE(store->engine().state() == expected) << same_state(store->engine().state(), expected).message();
    }
  }
}

void expect_corruption_at(MemoryStorage& storage, const std::string& file, uint64_t offset) {
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  auto store = EngineStore::open(storage, broker);
  ASSERT_FALSE(store.is_ok()) << "flip in " << file << " at " << offset << " went unnoticed";
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption) << store.status().to_string();
  const Status status = store.status();
  const std::string& message = status.message();
  EXPECT_NE(message.find(file), std::string::npos) << message;
  EXPECT_NE(message.find("offset " + std::to_string(offset)), std::string::npos) << message;
}

TEST(EngineStoreRecovery, AFlippedByteInAMiddleRecordIsReportedAsCorruptionByFileAndOffset) {
  EngineStoreOptions options;
  options.snapshot_every = 0;
  options.journal.max_segment_bytes = 1024;
  MemoryStorage storage;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  std::vector<EventRecord> events;
  {
    auto store = open_store(storage, broker, options);
    EngineWorkload w(22, testing::test_epoch());
    ASSERT_TRUE(ok(w.setup(store->engine())));
    for (int i = 0; i < 30; ++i) (void)w.step(store->engine());
    // Small records until the newest segment holds at least three.
    for (int i = 0; i < 50; ++i) {
      if (record_offsets(storage.read_file(names_with_prefix(storage, "seg-").back()).value()).size() >= 3) break;
      ASSERT_TRUE(ok(store->engine().deposit(Money::from_units(1), "treasury", w.now())));
    }
    events = store->log().records();
  }
  const std::vector<std::string> segments = names_with_prefix(storage, "seg-");
  ASSERT_GE(segments.size(), 3u);
  // A record in the middle of an older segment, and one in the middle of the
  // newest segment (valid records after it: not a torn tail).
  for (const std::string& segment : {segments[segments.size() / 2], segments.back()}) {
    const std::string data = storage.read_file(segment).value();
    const std::vector<uint64_t> offsets = record_offsets(data);
    ASSERT_GE(offsets.size(), 2u) << segment;
    const std::size_t middle = (offsets.size() - 1) / 2;  // never the last record
    const uint64_t record = offsets[middle];
    const uint64_t record_end = offsets[middle + 1];
    // A byte of the payload, of the checksum and of the length field.
    for (uint64_t at : {record + (record_end - record) / 2, record, record + 5}) {
      SCOPED_TRACE(segment + " byte " + std::to_string(at));
      auto copy = clone(storage);
      ASSERT_TRUE(ok(copy->flip_byte(segment, at, 0x10)));
      expect_corruption_at(*copy, segment, record);
    }
  }
  // The undamaged journal still recovers everything.
  auto store = open_store(storage, broker, options);
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(same_state(store->engine().state(), replay_prefix(events, events.size())));
}

}  // namespace
}  // namespace stonks
