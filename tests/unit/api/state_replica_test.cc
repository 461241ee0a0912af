// StateReplica: the panel's copy of a server's state, from GET /api/snapshot
// and the pages of GET /api/events, equals the server's state at each seq.
#include "api/state_replica.h"

#include <gtest/gtest.h>

#include "api_test_fixture.h"

namespace stonks::testing {
namespace {

using nlohmann::json;

class StateReplicaTest : public ::testing::Test, public ApiFixture {
 protected:
  std::string snapshot_body() { return call("GET", "/api/snapshot").body; }
  std::string events_after(EventSeq after, int limit = 1000) {
    return call("GET", "/api/events", "", "after=" + std::to_string(after) + "&limit=" + std::to_string(limit)).body;
  }
  // Follows the router page by page, as the host does, until current.
  void catch_up(StateReplica& replica) {
    for (int pages = 0; pages < 100; ++pages) {
      Result<StateReplica::Follow> f = replica.apply_events(events_after(replica.last_seq(), 3));
      ASSERT_TRUE(f.is_ok()) << f.status().to_string();
      ASSERT_NE(*f, StateReplica::Follow::kSnapshot);
      if (*f == StateReplica::Follow::kCurrent) return;
    }
    FAIL() << "never caught up";
  }
};

TEST_F(StateReplicaTest, SnapshotThenEventPagesEqualTheServersState) {
  StateReplica replica;
  ASSERT_TRUE(replica.load_snapshot(snapshot_body()).is_ok());
  EXPECT_TRUE(replica.state() == engine.state());

  hold_one_order();
  ASSERT_EQ(
      call("POST", "/api/admin/trading/lockouts", R"({"ticker":"MSFT","reason":"earnings","duration_minutes":60})")
          .status,
      201);
  ASSERT_EQ(call("PUT", "/api/admin/trading/approvals/1", R"({"status":"approved","reason":"ok"})").status, 200);
  feed_quote("AAPL", "101.00", "101.20");
  catch_up(replica);
  EXPECT_EQ(replica.last_seq(), engine.state().last_seq);
  EXPECT_TRUE(replica.state() == engine.state());
  EXPECT_EQ(replica.state().lockouts.find(1)->symbol.str(), "MSFT");
}

TEST_F(StateReplicaTest, AnEmptyPageIsCurrentAndAFullOneSaysMore) {
  StateReplica replica;
  ASSERT_TRUE(replica.load_snapshot(snapshot_body()).is_ok());
  Result<StateReplica::Follow> empty = replica.apply_events(events_after(replica.last_seq()));
  ASSERT_TRUE(empty.is_ok());
  EXPECT_EQ(*empty, StateReplica::Follow::kCurrent);

  for (int i = 0; i < 3; ++i) feed_quote("AAPL", "100.00", "100.20");
  Result<StateReplica::Follow> first = replica.apply_events(events_after(replica.last_seq(), 2));
  ASSERT_TRUE(first.is_ok());
  EXPECT_EQ(*first, StateReplica::Follow::kMore);
  EXPECT_EQ(replica.last_seq(), engine.state().last_seq - 1);
}

TEST_F(StateReplicaTest, APageAnsweredTwiceIsAppliedOnce) {
  StateReplica replica;
  ASSERT_TRUE(replica.load_snapshot(snapshot_body()).is_ok());
  const EventSeq before = replica.last_seq();
  hold_one_order();
  const std::string page = events_after(before);
  ASSERT_TRUE(replica.apply_events(page).is_ok());
  ASSERT_TRUE(replica.apply_events(page).is_ok());
  EXPECT_TRUE(replica.state() == engine.state());
}

TEST_F(StateReplicaTest, AnEventsPageIsReadWholeAndABadEventInItAppliesNothing) {
  StateReplica replica;
  ASSERT_TRUE(replica.load_snapshot(snapshot_body()).is_ok());
  const EventSeq before = replica.last_seq();
  feed_quote("AAPL", "100.00", "100.20");
  feed_quote("AAPL", "100.10", "100.30");
  Result<EventsPage> page = parse_events_page(events_after(before));
  ASSERT_TRUE(page.is_ok()) << page.status().to_string();
  ASSERT_EQ(page->events.size(), 2u);
  EXPECT_EQ(page->events[0].seq, before + 1);
  EXPECT_FALSE(page->has_more);

  json broken = json::parse(events_after(before));
  broken["events"][1]["seq"] = "two";
  Result<EventsPage> bad = parse_events_page(broken.dump());
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().field().rfind("events[1].", 0), 0u) << bad.status().field();
  ASSERT_FALSE(replica.apply_events(broken.dump()).is_ok());
  EXPECT_EQ(replica.last_seq(), before);  // not even the good first event
}

TEST_F(StateReplicaTest, EventsTheServerNoLongerHoldsAskForTheSnapshot) {
  StateReplica replica;
  ASSERT_TRUE(replica.load_snapshot(snapshot_body()).is_ok());
  const EngineState before = replica.state();
  // A page whose oldest event is two past ours: one event is missing.
  json page = {{"events", json::array()},
               {"next_after", replica.last_seq() + 5},
               {"has_more", false},
               {"first_seq", replica.last_seq() + 2}};
  Result<StateReplica::Follow> f = replica.apply_events(page.dump());
  ASSERT_TRUE(f.is_ok());
  EXPECT_EQ(*f, StateReplica::Follow::kSnapshot);
  EXPECT_TRUE(replica.state() == before);
}

TEST_F(StateReplicaTest, ABadSnapshotLeavesTheReplicaAsItWas) {
  StateReplica replica;
  EXPECT_FALSE(replica.load_snapshot("not json").is_ok());
  EXPECT_FALSE(replica.load_snapshot("[]").is_ok());
  EXPECT_FALSE(replica.load_snapshot(R"({"last_seq":1})").is_ok());
  EXPECT_FALSE(replica.loaded());

  ASSERT_TRUE(replica.load_snapshot(snapshot_body()).is_ok());
  json snap = json::parse(snapshot_body());
  snap["last_seq"] = snap["last_seq"].get<EventSeq>() + 1;
  Status st = replica.load_snapshot(snap.dump());
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("disagrees"), std::string::npos) << st.to_string();
  snap = json::parse(snapshot_body());
  snap["state"]["orders"] = "many";
  st = replica.load_snapshot(snap.dump());
  EXPECT_EQ(st.field(), "state.orders") << st.to_string();
  EXPECT_TRUE(replica.state() == engine.state());
}

TEST_F(StateReplicaTest, EventsBeforeASnapshotOrOutOfOrderAreRefused) {
  StateReplica replica;
  EXPECT_EQ(replica.apply_events(events_after(0)).status().code(), StatusCode::kConflict);
  ASSERT_TRUE(replica.load_snapshot(snapshot_body()).is_ok());
  const EventSeq at = replica.last_seq();
  hold_one_order();
  hold_one_order();
  // A page with its first event cut out: the next one does not follow.
  json page = json::parse(events_after(at));
  ASSERT_GE(page["events"].size(), 2u);
  page["events"].erase(page["events"].begin());
  page["first_seq"] = 1;
  EXPECT_EQ(replica.apply_events(page.dump()).status().code(), StatusCode::kCorruption);
  EXPECT_FALSE(replica.apply_events(R"({"events":[{"seq":"x"}],"has_more":false,"first_seq":1})").is_ok());
  EXPECT_FALSE(replica.apply_events(R"({"events":[],"first_seq":1})").is_ok());
}

}  // namespace
}  // namespace stonks::testing
