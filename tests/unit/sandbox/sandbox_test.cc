// Tests for Sandbox: a fresh desk, orders against the simulated market,
// time passing (expiry, pause, catch-up cap), guards firing, reopening and
// resetting.
#include "sandbox/sandbox.h"

#include <gtest/gtest.h>

#include "sandbox/latest_event_time.h"
#include "sandbox_test_util.h"

namespace stonks {
namespace {

using sandbox_test::call;
using sandbox_test::Desk;
using sandbox_test::json_of;
using sandbox_test::run_for;
using sandbox_test::set_sim;
using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::test_epoch;

TEST(Sandbox, FreshStartHasStartingCashAndQuotesFlowing) {
  Desk d;
  auto s = d.open();
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->store().recovery().fresh);
  EXPECT_EQ(s->now(), test_epoch());
  EXPECT_EQ(json_of(call(*s, "GET", "/api/account"))["cash"], "100000.00");
  EXPECT_EQ(s->state().market.quotes().size(), 20u);  // every ticker quoted at the start
  const std::uint64_t quotes = s->sim_status().quotes;
  run_for(*s, seconds(10));
  EXPECT_EQ(s->now(), test_epoch() + seconds(10));
  EXPECT_GT(s->sim_status().quotes, quotes + 50);  // ~10 a second at 1x
  EXPECT_EQ(d.desk.list().value(), std::vector<std::string>{std::string(Sandbox::kSimStateFile)});
}

TEST(Sandbox, AManualOrderFillsAtTheSimsQuote) {
  Desk d;
  auto s = d.open();
  ApiResponse r = call(*s, "POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":10,"type":"market"})");
  ASSERT_EQ(r.status, 201) << r.body;
  const nlohmann::json order = json_of(r);
  EXPECT_EQ(order["status"], "filled");
  EXPECT_EQ(order["avg_fill_price"], s->state().market.quote(testing::sym("AAPL"))->ask.to_string());
  EXPECT_EQ(order["created_at"], format_iso8601(s->now()));
  EXPECT_EQ(s->state().portfolio.position(testing::sym("AAPL")).qty, 10);
}

TEST(Sandbox, ApprovalsExpireAsSimTimePasses) {
  Desk d;
  auto s = d.open();
  ASSERT_EQ(call(*s, "PUT", "/api/admin/trading/approval-config",
                 R"({"auto_approve_paper":false,"require_approval_for_live":true,"approval_timeout_minutes":30})")
                .status,
            200);
  ApiResponse r = call(*s, "POST", "/api/orders", R"({"ticker":"MSFT","side":"buy","qty":5,"type":"market"})");
  ASSERT_EQ(r.status, 201) << r.body;
  const ApprovalId id = json_of(r)["approval_id"];
  ASSERT_TRUE(set_sim(*s, R"({"speed":1000})").is_ok());
  run_for(*s, seconds(1));  // 1,000 simulated seconds: not yet
  EXPECT_EQ(s->state().approvals.find(id)->status, ApprovalStatus::kPending);
  run_for(*s, seconds(1));  // 2,000 s > 30 min
  EXPECT_EQ(s->state().approvals.find(id)->status, ApprovalStatus::kExpired);
}

TEST(Sandbox, APausedSandboxKeepsItsClockAndItsMarket) {
  Desk d;
  auto s = d.open();
  ASSERT_TRUE(set_sim(*s, R"({"speed":0})").is_ok());
  const std::uint64_t seq = s->state().last_seq;
  run_for(*s, seconds(5));
  EXPECT_EQ(s->now(), test_epoch());
  EXPECT_EQ(s->state().last_seq, seq);
}

TEST(Sandbox, ALongSleepIsNotReplayed) {
  Desk d;
  auto s = d.open();
  ASSERT_TRUE(set_sim(*s, R"({"speed":1000,"news_per_hour":3600})").is_ok());
  const std::uint64_t seq = s->state().last_seq;
  ASSERT_TRUE(s->advance(std::chrono::hours(8)).is_ok());  // a tab asleep overnight
  EXPECT_EQ(s->now(), test_epoch() + Sandbox::kMaxCatchUp * 1000);
  // One market step: at most 2 quotes per ticker, 8 headlines, and what they lock.
  EXPECT_LE(s->state().last_seq - seq, 40u + 8 + 60);
}

TEST(Sandbox, ANegativeElapsedTimeDoesNothing) {
  Desk d;
  auto s = d.open();
  const std::uint64_t seq = s->state().last_seq;
  ASSERT_TRUE(s->advance(-seconds(3)).is_ok());
  EXPECT_EQ(s->now(), test_epoch());
  EXPECT_EQ(s->state().last_seq, seq);
}

TEST(Sandbox, TheNewsGeneratorAndJumpsTripTheGuards) {
  Desk d;
  auto s = d.open();
  ASSERT_TRUE(set_sim(*s, R"({"speed":1000,"news_per_hour":120})").is_ok());
  run_for(*s, seconds(60));  // ~17 simulated hours
  std::size_t news_shocks = 0, price_shocks = 0;
  for (const auto& [id, l] : s->state().lockouts.all()) {
    ASSERT_EQ(l.source, LockoutSource::kNewsShock);
    news_shocks += l.reason.rfind("news severity", 0) == 0;
    price_shocks += l.reason.rfind("price moved", 0) == 0;
  }
  EXPECT_GT(news_shocks, 0u);
  EXPECT_GT(price_shocks, 0u);
  EXPECT_GT(s->sim_status().news, 500u);
}

TEST(Sandbox, ReopeningResumesClockSettingsAndOrders) {
  Desk d;
  Timestamp clock;
  SimStatus status;
  {
    auto s = d.open();
    ASSERT_TRUE(set_sim(*s, R"({"seed":5,"speed":10,"news_per_hour":30})").is_ok());
    ASSERT_EQ(call(*s, "POST", "/api/orders", R"({"ticker":"KO","side":"buy","qty":3,"type":"market"})").status, 201);
    run_for(*s, seconds(3));
    ASSERT_TRUE(s->snapshot().is_ok());
    clock = s->now();
    status = s->sim_status();
  }
  // Other options on reopening: the stored ones win.
  SandboxOptions other = d.options(test_epoch() - std::chrono::hours(100));
  other.settings.speed = 100;
  auto s = d.open(other);
  ASSERT_NE(s, nullptr);
  EXPECT_FALSE(s->store().recovery().fresh);
  EXPECT_EQ(s->now(), clock);
  EXPECT_EQ(s->sim_status(), status);
  EXPECT_EQ(s->state().orders.size(), 1u);
  EXPECT_EQ(json_of(call(*s, "GET", "/api/account"))["cash"].get<std::string>() != "100000.00", true);
  // The market goes on from its stored state.
  run_for(*s, seconds(1));
  EXPECT_GT(s->sim_status().quotes, status.quotes);
}

// The desk was closed for an hour: the clock resumes an hour on (at 1x,
// whatever the speed), so a request that waited 30 minutes has expired.
TEST(Sandbox, TimeTheDeskWasClosedHasPassedWhenItOpens) {
  Desk d;
  ApprovalId id = 0;
  Timestamp clock;
  {
    auto s = d.open();
    ASSERT_EQ(call(*s, "PUT", "/api/admin/trading/approval-config", R"({"auto_approve_paper":false})").status, 200);
    ApiResponse r = call(*s, "POST", "/api/orders", R"({"ticker":"MSFT","side":"buy","qty":5})");
    ASSERT_EQ(r.status, 201) << r.body;
    id = json_of(r)["approval_id"];
    run_for(*s, seconds(3));  // 3 s of wall time at 1x
    ASSERT_TRUE(s->snapshot().is_ok());
    clock = s->now();
  }
  auto s = d.open(d.options(test_epoch() + seconds(3) + std::chrono::hours(1)));
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->now(), clock + std::chrono::hours(1));
  EXPECT_EQ(s->state().approvals.find(id)->status, ApprovalStatus::kExpired);
}

TEST(Sandbox, APausedDeskStaysWhereItWasHoweverLongItWasClosed) {
  Desk d;
  Timestamp clock;
  {
    auto s = d.open();
    ASSERT_TRUE(set_sim(*s, R"({"speed":0})").is_ok());
    clock = s->now();
  }
  auto s = d.open(d.options(test_epoch() + std::chrono::hours(5)));
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->now(), clock);
}

TEST(Sandbox, AReopenedClockIsNeverBehindTheEngine) {
  Desk d;
  Timestamp latest;
  {
    auto s = d.open();
    ASSERT_TRUE(set_sim(*s, R"({"speed":1000})").is_ok());
    run_for(*s, seconds(4));  // the sim state was saved at the PUT, 4 s (4,000 sim s) ago
    latest = latest_event_time(s->state(), s->store().log());
    EXPECT_GT(latest, test_epoch() + seconds(3000));
  }
  auto s = d.open();
  EXPECT_GE(s->now(), latest);
}

TEST(Sandbox, ARecoveredJournalWithoutItsSimStateGetsANewMarketAtItsTime) {
  Desk d;
  Timestamp latest;
  {
    auto s = d.open();
    run_for(*s, seconds(3));
    latest = latest_event_time(s->state(), s->store().log());
  }
  ASSERT_TRUE(d.desk.remove(Sandbox::kSimStateFile).is_ok());
  auto s = d.open();
  EXPECT_GE(s->now(), latest);
  EXPECT_EQ(s->state().orders.size(), 0u);
  EXPECT_TRUE(d.desk.read_file(Sandbox::kSimStateFile).is_ok());
}

TEST(Sandbox, ADamagedSimStateIsReportedNotReplaced) {
  Desk d;
  { auto s = d.open(); }
  d.desk.put_file(Sandbox::kSimStateFile, R"({"version":1})");
  Result<std::unique_ptr<Sandbox>> s = Sandbox::open(d.journal, d.desk, d.options());
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption);
  EXPECT_NE(s.status().message().find("sim_state.json"), std::string::npos) << s.status().message();
  EXPECT_EQ(d.desk.read_file(Sandbox::kSimStateFile).value(), R"({"version":1})");
}

TEST(Sandbox, ResetWipesBothDirectoriesAndStartsFresh) {
  Desk d;
  auto s = d.open();
  ASSERT_TRUE(set_sim(*s, R"({"seed":5,"speed":100})").is_ok());
  ASSERT_EQ(call(*s, "POST", "/api/orders", R"({"ticker":"KO","side":"buy","qty":3,"type":"market"})").status, 201);
  run_for(*s, seconds(2));
  ASSERT_TRUE(s->snapshot().is_ok());
  d.desk.put_file("leftover.tmp", "x");
  const Timestamp clock = s->now();

  ApiResponse r = call(*s, "POST", "/api/sim/reset");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r)["seed"], 1);
  EXPECT_EQ(s->now(), clock);  // time on screen does not run backwards
  EXPECT_EQ(s->sim_status().settings, SimSettings{});
  EXPECT_EQ(s->state().orders.size(), 0u);
  EXPECT_EQ(json_of(call(*s, "GET", "/api/account"))["cash"], "100000.00");
  EXPECT_EQ(d.desk.list().value(), std::vector<std::string>{std::string(Sandbox::kSimStateFile)});
  // The journal holds only the fresh sandbox: reopening finds just that.
  s.reset();
  s = d.open();
  EXPECT_EQ(s->state().orders.size(), 0u);
  EXPECT_EQ(s->now(), clock);
}

}  // namespace
}  // namespace stonks
