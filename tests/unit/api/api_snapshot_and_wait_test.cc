// GET /api/snapshot (the state a remote replica starts from) and the ?wait=
// parameter of GET /api/events, which the router validates but never waits on.
#include <gtest/gtest.h>

#include "api/routes.h"
#include "api_test_fixture.h"
#include "core/engine.h"
#include "journal/state_codec.h"

namespace stonks::testing {
namespace {

using nlohmann::json;

class ApiSnapshotAndWait : public ::testing::Test, public ApiFixture {
 protected:
  ApiResponse get(const std::string& path, const std::string& query = "") { return call("GET", path, "", query); }
};

TEST_F(ApiSnapshotAndWait, SnapshotCarriesTheWholeStateAndItsLastSeq) {
  hold_one_order();
  ApiResponse r = get("/api/snapshot");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = body_of(r);
  EXPECT_EQ(j["last_seq"], engine.state().last_seq);
  Result<EngineState> state = engine_state_from_json(j["state"]);
  ASSERT_TRUE(state.is_ok()) << state.status().to_string();
  EXPECT_TRUE(*state == engine.state());
}

TEST_F(ApiSnapshotAndWait, ReplicaFromSnapshotPlusEventsEqualsTheEngine) {
  json snap = body_of(get("/api/snapshot"));
  Result<EngineState> state = engine_state_from_json(snap["state"]);
  ASSERT_TRUE(state.is_ok());
  RecordingBroker replica_broker;
  Engine replica(replica_broker, nullptr);
  replica.restore(std::move(state).value());

  hold_one_order();
  json page = body_of(get("/api/events", "after=" + std::to_string(snap["last_seq"].get<EventSeq>())));
  ASSERT_FALSE(page["events"].empty());
  for (const EventRecord& record : log.records())
    if (record.seq > snap["last_seq"].get<EventSeq>()) ASSERT_TRUE(replica.replay(record).is_ok());
  EXPECT_TRUE(replica.state() == engine.state());
}

TEST_F(ApiSnapshotAndWait, SnapshotTakesNoQueryNorBodyNorOtherMethods) {
  EXPECT_EQ(get("/api/snapshot", "x=1").status, 400);
  EXPECT_EQ(call("GET", "/api/snapshot", "{}").status, 400);
  EXPECT_EQ(call("POST", "/api/snapshot", "{}").status, 405);
}

TEST_F(ApiSnapshotAndWait, EventsAcceptAWaitUpToTheBoundAndAnswerAtOnce) {
  const EventSeq last = engine.state().last_seq;
  for (const std::string& wait : std::vector<std::string>{"0", "1", "250", std::to_string(kMaxEventsWaitMs)}) {
    ApiResponse r = get("/api/events", "after=" + std::to_string(last) + "&wait=" + wait);
    ASSERT_EQ(r.status, 200) << wait << ": " << r.body;
    EXPECT_TRUE(body_of(r)["events"].empty());
  }
  EXPECT_EQ(body_of(get("/api/events", "wait=5"))["events"].size(), last);
}

TEST_F(ApiSnapshotAndWait, EventsRefuseABadWaitNamingIt) {
  const std::size_t events = log.size();
  for (const std::string& wait :
       std::vector<std::string>{"", "-1", "01", "1.5", "abc", "30001", "99999999999999999999999", "5&wait=5"}) {
    ApiResponse r = get("/api/events", "wait=" + wait);
    EXPECT_EQ(r.status, 400) << wait << ": " << r.body;
    json j = body_of(r);
    EXPECT_EQ(j["error"]["code"], "invalid_argument") << wait;
    EXPECT_EQ(j["error"]["field"], "wait") << wait;
  }
  EXPECT_EQ(log.size(), events);
}

TEST_F(ApiSnapshotAndWait, AuditHasNoWait) { EXPECT_EQ(get("/api/audit", "wait=10").status, 400); }

}  // namespace
}  // namespace stonks::testing
