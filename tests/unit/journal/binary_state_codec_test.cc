// Tests for the binary snapshot payload (format 3; format 2 still reads): it rebuilds the state
// exactly, is smaller than the JSON form, older JSON snapshots still read,
// a newer format is refused by name, and the store writes and recovers it.
#include "journal/binary_state_codec.h"

#include <gtest/gtest.h>

#include <string>

#include "engine_workload.h"
#include "journal/binary_io.h"
#include "journal/journal_format.h"
#include "journal/state_codec.h"
#include "json/json_values.h"
#include "json/order_json.h"
#include "store_test_util.h"
#include "support/engine_harness.h"
#include "support/recording_broker.h"

namespace stonks {
namespace {

using journal_test::EngineWorkload;
using journal_test::ok;
using journal_test::open_store;
using journal_test::same_state;

// A state with orders of both types, fills, approvals, lockouts, config
// versions, news and market history.
EngineState workload_state(int steps) {
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  Engine engine(broker, nullptr);
  EngineWorkload w(5, testing::test_epoch());
  EXPECT_TRUE(ok(w.setup(engine)));
  for (int i = 0; i < steps; ++i) (void)w.step(engine);
  return engine.state();
}

TEST(BinaryStateCodec, RebuildsTheStateExactlyAndIsSmallerThanJson) {
  const EngineState s = workload_state(800);
  ASSERT_GT(s.orders.size(), 100u);
  ASSERT_GT(s.fills.size(), 10u);
  const std::string payload = encode_snapshot_state(s);
  EXPECT_EQ(payload[0], '\x01');
  EXPECT_LT(payload.size(), encode_engine_state(s).size());
  Result<EngineState> back = decode_snapshot_state(payload);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_TRUE(same_state(*back, s));
}

TEST(BinaryStateCodec, AnOlderJsonSnapshotStillReads) {
  const EngineState s = workload_state(300);
  const std::string old = encode_engine_state(s);
  ASSERT_EQ(old[0], '{');
  Result<EngineState> back = decode_snapshot_state(old);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_TRUE(same_state(*back, s));
}

// marker, then the format as a varint: 3 is one byte.
TEST(BinaryStateCodec, ANewerFormatIsRefusedSayingSo) {
  std::string payload = encode_snapshot_state(workload_state(50));
  ASSERT_EQ(payload[1], 3) << "layout changed";
  payload[1] = 4;
  Result<EngineState> back = decode_snapshot_state(payload);
  EXPECT_EQ(back.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(back.status().field(), "format");
  EXPECT_NE(back.status().message().find("format 4 is newer than this build reads (3)"), std::string::npos)
      << back.status().to_string();
}

// An order as format 2 snapshots (and kind 1 journal records) held it:
// without its submitter and gate decision.
void write_order_v2_layout(binary::Writer& w, const Order& o) {
  const OrderIntent& in = o.intent();
  w.u64(o.id());
  w.text(in.symbol.str());
  w.byte(static_cast<std::uint8_t>(in.side));
  w.i64(in.qty);
  w.byte(static_cast<std::uint8_t>(in.type));
  w.byte(in.limit_price ? 1 : 0);
  if (in.limit_price) w.price(*in.limit_price);
  w.text(in.client_order_id);
  w.text(in.source);
  w.byte(static_cast<std::uint8_t>(o.status()));
  w.i64(o.filled_qty());
  w.money(o.filled_notional());
  w.money(o.fees());
  w.time_near(o.created_at(), Timestamp{});
  w.time_near(o.updated_at(), Timestamp{});
  w.u64(o.reasons().size());
  for (const Reason& r : o.reasons()) w.text(r.to_string());
  w.u64(o.approval_id());
}

TEST(BinaryStateCodec, AFormat2SnapshotReadsWithOrdersWithoutSubmitterOrGate) {
  const EngineState s = workload_state(300);
  binary::Writer w;
  w.byte(1);
  w.u64(2);
  w.text(dump_json(to_json_without_orders_and_fills(s)));
  w.u64(s.orders.size());
  for (const auto& kv : s.orders) write_order_v2_layout(w, kv.second);
  w.u64(s.fills.size());
  for (const Fill& f : s.fills) binary::write_fill(w, f, Timestamp{});
  Result<EngineState> back = decode_snapshot_state(w.take());
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  ASSERT_EQ(back->orders.size(), s.orders.size());
  std::size_t gated = 0;
  for (const auto& kv : s.orders) {
    const Order* read = back->order(kv.first);
    ASSERT_NE(read, nullptr);
    gated += kv.second.gate().config_version != 0;
    EXPECT_EQ(read->gate(), GateDecision{});
    EXPECT_EQ(read->submitted_by(), "");
    nlohmann::json want = to_json(kv.second);
    want.erase("gate");
    want.erase("submitted_by");
    nlohmann::json got = to_json(*read);
    got.erase("gate");
    got.erase("submitted_by");
    EXPECT_EQ(got, want);
  }
  EXPECT_GT(gated, 0u) << "the workload's orders reach the gate";
  EXPECT_EQ(back->fills, s.fills);
  EXPECT_EQ(back->approvals, s.approvals);
  EXPECT_EQ(back->portfolio, s.portfolio);
}

TEST(BinaryStateCodec, TruncationsAndATrailingByteAreRefused) {
  const std::string payload = encode_snapshot_state(workload_state(60));
  for (std::size_t n = 0; n < payload.size(); n += 1 + n / 16) {
    Result<EngineState> cut = decode_snapshot_state(std::string_view(payload).substr(0, n));
    EXPECT_FALSE(cut.is_ok()) << "cut at " << n << " of " << payload.size();
  }
  Result<EngineState> longer = decode_snapshot_state(payload + '\0');
  EXPECT_NE(longer.status().message().find("left over"), std::string::npos) << longer.status().to_string();
}

TEST(BinaryStateCodec, TheStoreWritesBinarySnapshotsAndRecoversFromThem) {
  MemoryStorage storage;
  testing::RecordingBroker broker;
  EngineWorkload w(11, testing::test_epoch());
  EngineState before;
  {
    auto store = open_store(storage, broker);
    ASSERT_TRUE(ok(w.setup(store->engine())));
    for (int i = 0; i < 400; ++i) (void)w.step(store->engine());
    ASSERT_TRUE(ok(store->snapshot()));
    before = store->engine().state();
  }
  const std::string snap = journal_format::snapshot_file_name(before.last_seq);
  const std::string file = storage.read_file(snap).value();
  ASSERT_GT(file.size(), 32u);
  EXPECT_EQ(file[32], '\x01') << "the state in " << snap << " should be binary";
  auto store = open_store(storage, broker);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->recovery().snapshot_seq, before.last_seq);
  EXPECT_EQ(store->recovery().events_replayed, 0u);
  EXPECT_TRUE(same_state(store->engine().state(), before));
}

// A store an older build left: its snapshot is JSON (format 1).
TEST(BinaryStateCodec, AStoreRecoversFromAnOlderJsonSnapshot) {
  MemoryStorage storage;
  testing::RecordingBroker broker;
  EngineWorkload w(13, testing::test_epoch());
  EngineState at_snapshot;
  EngineState last;
  {
    EngineStoreOptions options;
    options.snapshot_every = 0;
    auto store = open_store(storage, broker, options);
    ASSERT_TRUE(ok(w.setup(store->engine())));
    for (int i = 0; i < 300; ++i) (void)w.step(store->engine());
    at_snapshot = store->engine().state();
    for (int i = 0; i < 100; ++i) (void)w.step(store->engine());
    last = store->engine().state();
  }
  storage.put_file(journal_format::snapshot_file_name(at_snapshot.last_seq),
                   journal_format::encode_snapshot(at_snapshot.last_seq, encode_engine_state(at_snapshot)));
  auto store = open_store(storage, broker);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->recovery().snapshot_seq, at_snapshot.last_seq);
  EXPECT_EQ(store->recovery().events_replayed, last.last_seq - at_snapshot.last_seq);
  EXPECT_TRUE(same_state(store->engine().state(), last));
}

TEST(BinaryStateCodec, AStoreRefusesASnapshotOfANewerFormatByName) {
  MemoryStorage storage;
  testing::RecordingBroker broker;
  std::string state;
  EventSeq seq = 0;
  {
    auto store = open_store(storage, broker);
    ASSERT_TRUE(ok(store->engine().deposit(Money::from_units(5), "x", testing::test_epoch())));
    ASSERT_TRUE(ok(store->snapshot()));
    state = encode_snapshot_state(store->engine().state());
    seq = store->engine().state().last_seq;
  }
  ASSERT_NE(open_store(storage, broker), nullptr) << "the snapshot as written should recover";
  const std::string snap = journal_format::snapshot_file_name(seq);
  ASSERT_TRUE(storage.read_file(snap).is_ok());
  state[1] = 9;
  storage.put_file(snap, journal_format::encode_snapshot(seq, state));
  auto refused = EngineStore::open(storage, broker);
  ASSERT_FALSE(refused.is_ok());
  EXPECT_NE(refused.status().message().find(snap), std::string::npos) << refused.status().to_string();
  EXPECT_NE(refused.status().message().find("format 9 is newer than this build reads (3)"), std::string::npos)
      << refused.status().to_string();
}

}  // namespace
}  // namespace stonks
