// Tests for the snapshot codec: every state the engine builds round-trips
// exactly (derived indexes rebuilt), and decoding is strict.
#include "journal/state_codec.h"
#include "support/recording_broker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "engine_workload.h"
#include "execution/paper_broker.h"
#include "journal/binary_state_codec.h"
#include "json/json_values.h"
#include "store_test_util.h"
#include "support/engine_harness.h"

namespace stonks {
namespace {

using journal_test::EngineWorkload;
using journal_test::same_state;
using nlohmann::json;

::testing::AssertionResult round_trips(const EngineState& s) {
  const std::string text = encode_engine_state(s);
  Result<EngineState> back = decode_engine_state(text);
  if (!back.is_ok()) return ::testing::AssertionFailure() << back.status().to_string();
  if (encode_engine_state(*back) != text) return ::testing::AssertionFailure() << "re-encodes differently";
  return same_state(*back, s);
}

TEST(StateCodec, TheInitialStateRoundTrips) { EXPECT_TRUE(round_trips(EngineState{})); }

TEST(StateCodec, EveryStateOfARandomSessionRoundTrips) {
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  Engine engine(broker, nullptr);
  EngineWorkload w(7, testing::test_epoch());
  ASSERT_TRUE(w.setup(engine).is_ok());
  // Which parts of the state were populated at some checkpoint.
  std::map<std::string, bool> seen;
  for (int i = 1; i <= 800; ++i) {
    Status st = w.step(engine);
    ASSERT_NE(st.code(), StatusCode::kUnavailable) << st.to_string();
    if (i % 100 != 0) continue;
    ASSERT_TRUE(round_trips(engine.state())) << "after step " << i;
    const EngineState& s = engine.state();
    seen["config_history"] |= !s.config_history.empty();
    seen["open_orders"] |= !s.open_orders.empty();
    seen["working_orders"] |= !s.working_orders.empty();
    seen["fills"] |= !s.fills.empty();
    seen["recent_news"] |= !s.recent_news.empty();
    seen["pending approvals"] |= s.approvals.pending_count() > 0;
    seen["active lockouts"] |= !s.lockouts.active(w.now()).empty();
    seen["halted"] |= s.halted;
    seen["live mode"] |= s.mode == TradingMode::kLive;
  }
  for (const auto& [part, was_seen] : seen) EXPECT_TRUE(was_seen) << part << " never populated";
}

TEST(StateCodec, DerivedIndexesAreRebuiltNotStored) {
  testing::EngineHarness h;
  h.submit(testing::limit("AAPL", Side::kBuy, 5, "95"));  // resting: open and working
  h.require_paper_approval();
  h.submit(testing::market("MSFT", Side::kBuy, 1));  // pending approval: open
  const json j = to_json(h.engine.state());
  for (const char* derived : {"order_by_client_id", "open_orders", "working_orders", "valuation"})
    EXPECT_FALSE(j.contains(derived));
  Result<EngineState> back = engine_state_from_json(j);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(back->open_orders, h.engine.state().open_orders);
  EXPECT_EQ(back->working_orders, h.engine.state().working_orders);
  EXPECT_EQ(back->valuation, h.engine.state().valuation);
  EXPECT_EQ(back->order_by_client_id, h.engine.state().order_by_client_id);
  EXPECT_EQ(back->approvals.pending_count(), 1u);
  EXPECT_TRUE(same_state(*back, h.engine.state()));
}

TEST(StateCodec, ARestoredEngineBehavesLikeTheOriginal) {
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  Engine original(broker, nullptr);
  EngineWorkload w(11, testing::test_epoch());
  ASSERT_TRUE(w.setup(original).is_ok());
  for (int i = 0; i < 400; ++i) (void)w.step(original);
  Engine restored(broker, nullptr);
  restored.restore(*decode_engine_state(encode_engine_state(original.state())));
  EngineWorkload w2 = w;
  for (int i = 0; i < 400; ++i) {
    Status a = w.step(original);
    Status b = w2.step(restored);
    ASSERT_EQ(a.code(), b.code()) << "step " << i << ": " << a.to_string() << " vs " << b.to_string();
  }
  EXPECT_TRUE(same_state(restored.state(), original.state()));
}

// A cancel asked of a remote broker and not yet answered.
EngineState with_cancel_request() {
  testing::EngineHarness h;
  h.broker.answers_cancels = false;
  const Order o = h.submit(testing::limit("AAPL", Side::kBuy, 5, "95"));
  EXPECT_TRUE(h.engine.cancel_order(o.id(), "alice", "wrong size", h.now).is_ok());
  EXPECT_EQ(h.engine.state().cancel_requests.size(), 1u);
  return h.engine.state();
}

TEST(StateCodec, ACancelRequestRoundTripsInBothFormats) {
  const EngineState s = with_cancel_request();
  EXPECT_TRUE(round_trips(s));
  Result<EngineState> back = decode_snapshot_state(encode_snapshot_state(s));
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_TRUE(same_state(*back, s));
}

TEST(StateCodec, ASnapshotFromBeforeCancelRequestsReadsWithNone) {
  json j = to_json(with_cancel_request());
  j.erase("cancel_requests");
  Result<EngineState> back = engine_state_from_json(j);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_TRUE(back->cancel_requests.empty());
}

TEST(StateCodecStrictness, ACancelRequestForAnOrderNotWorkingIsRefused) {
  json j = to_json(with_cancel_request());
  j["cancel_requests"][0]["order_id"] = 999;
  Result<EngineState> r = engine_state_from_json(j);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().field(), "cancel_requests") << r.status().to_string();
}

// ---- strictness ----

json sample() {
  testing::EngineHarness h;
  h.submit(testing::limit("AAPL", Side::kBuy, 5, "95"));
  h.submit(testing::market("MSFT", Side::kBuy, 2));
  EXPECT_TRUE(h.engine.create_lockout(h.lockout_request("AAPL"), h.now).is_ok());
  return to_json(h.engine.state());
}

void expect_refused(const json& j, const std::string& field, const std::string& message_part = "") {
  Result<EngineState> r = engine_state_from_json(j);
  ASSERT_FALSE(r.is_ok()) << field;
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().to_string();
  EXPECT_EQ(r.status().field(), field) << r.status().to_string();
  if (!message_part.empty()) {
    EXPECT_NE(r.status().message().find(message_part), std::string::npos) << r.status().to_string();
  }
}

TEST(StateCodecStrictness, UnknownAndMissingFieldsAreRefusedByPath) {
  json extra = sample();
  extra["cache"] = json::object();
  expect_refused(extra, "cache", "unknown field");
  json nested_extra = sample();
  nested_extra["portfolio"]["leverage"] = 2;
  expect_refused(nested_extra, "portfolio.leverage", "unknown field");
  for (const char* key : {"last_seq", "orders", "market", "portfolio", "config", "lockouts"}) {
    json missing = sample();
    missing.erase(key);
    expect_refused(missing, key, "required");
  }
  json cash = sample();
  cash["portfolio"].erase("cash");
  expect_refused(cash, "portfolio.cash", "required");
}

TEST(StateCodecStrictness, AnotherFormatIsRefused) {
  json j = sample();
  j["format"] = 2;
  expect_refused(j, "format", "unsupported");
}

TEST(StateCodecStrictness, BadNestedValuesAreRefusedByPath) {
  json order = sample();
  order["orders"][1]["filled_qty"] = 99;
  expect_refused(order, "orders[1].filled_qty");
  json point = sample();
  point["market"]["history"][0]["points"][0][1] = "1.0000001";
  expect_refused(point, "market.history[0].points[0][1]");
  json shape = sample();
  shape["market"]["history"][0]["points"][0] = json::array({"2026-11-24T14:30:00Z"});
  expect_refused(shape, "market.history[0].points[0]", "[time, price]");
  json config = sample();
  config["config"]["limits"]["max_open_orders"] = 0;
  expect_refused(config, "config.limits.max_open_orders");
  json mode = sample();
  mode["mode"] = "turbo";
  expect_refused(mode, "mode", "turbo");
  json list = sample();
  list["fills"] = json::object();
  expect_refused(list, "fills", "array");
  json submissions = sample();
  submissions["recent_submissions"][0] = 5;
  expect_refused(submissions, "recent_submissions[0]", "ISO-8601");
}

TEST(StateCodecStrictness, RepeatedOrMissingIdsAndRepeatedTickersAreRefused) {
  json orders = sample();
  orders["orders"].push_back(orders["orders"][0]);
  expect_refused(orders, "orders[2].id", "repeats");
  json gap = sample();
  gap["orders"][1]["id"] = 7;  // order 2 missing: ids are dense
  expect_refused(gap, "orders[1].id", "out of sequence");
  json lockouts = sample();
  lockouts["lockouts"].push_back(lockouts["lockouts"][0]);
  expect_refused(lockouts, "lockouts[1].id", "repeats");
  json quotes = sample();
  quotes["market"]["quotes"].push_back(quotes["market"]["quotes"][0]);
  expect_refused(quotes, "market.quotes[2].ticker", "repeats");
  json positions = sample();
  positions["portfolio"]["positions"].push_back(positions["portfolio"]["positions"][0]);
  expect_refused(positions, "portfolio.positions[1].ticker", "repeats");
}

TEST(StateCodecStrictness, MalformedTextIsRefused) {
  for (const char* text : {"", "[]", "{}", "{\"format\":1}"}) {
    Result<EngineState> r = decode_engine_state(text);
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << text;
  }
}

}  // namespace
}  // namespace stonks
