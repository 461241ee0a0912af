// Tests for how a sandbox replay is paced: at "max" speed a host may step it
// in chunks (Sandbox::step_replay, the browser's budget of each frame) and
// gets the same replay and report as from advance() alone; a host that never
// does still gets advance()'s bounded step; the fixed speeds replay speed x
// time whatever the host calls.
#include <gtest/gtest.h>

#include <string>

#include "sandbox/backtest_routes.h"
#include "sandbox_test_util.h"

namespace stonks {
namespace {

using sandbox_test::call;
using sandbox_test::Desk;
using sandbox_test::json_of;

// `bars` one-minute bars, round-robin over three symbols, each zigzagging
// between 10 and 15 so SMA 2/3 trades often.
std::string zigzag_csv(int bars) {
  const char* symbols[] = {"AAA", "BBB", "CCC"};
  std::string csv = "Datetime,Symbol,Open,High,Low,Close,Volume\n";
  Timestamp at = testing::test_epoch();
  for (int k = 0; k < bars; ++k) {
    const int i = k % 3, n = k / 3;
    if (i == 0) at += std::chrono::minutes(1);
    const int open = 10 + (n * 3 + i) % 6, close = 10 + (n * 3 + i + 2) % 6;
    csv += format_iso8601(at) + "," + symbols[i] + "," + std::to_string(open) + "," +
           std::to_string(std::max(open, close) + 1) + "," + std::to_string(std::min(open, close)) + "," +
           std::to_string(close) + ",1000\n";
  }
  return csv;
}

ApiResponse start(Sandbox& s, int bars) {
  const nlohmann::json body = {{"csv", zigzag_csv(bars)},
                               {"strategy", {{"name", "sma"}, {"params", {{"fast", 2}, {"slow", 3}, {"qty", 10}}}}},
                               {"cash", "100000"},
                               {"fee_per_fill", "1"}};
  return call(s, "POST", "/api/backtest", body.dump());
}

nlohmann::json status(Sandbox& s) { return json_of(call(s, "GET", "/api/backtest")); }

void set_speed(Sandbox& s, const std::string& speed) {
  ApiResponse r = call(s, "PUT", "/api/backtest", R"({"speed":)" + speed + "}");
  ASSERT_EQ(r.status, 200) << r.body;
}

TEST(SandboxBacktestPacing, ChunksAtMaxSpeedFinishTheSameReplayWithTheSameReport) {
  constexpr int kBars = 1'200;
  Desk by_advance_desk;
  auto by_advance = by_advance_desk.open();
  ASSERT_EQ(start(*by_advance, kBars).status, 201);
  ASSERT_TRUE(by_advance->advance(std::chrono::milliseconds(16)).is_ok());  // "max": every bar in one call
  const nlohmann::json expected = status(*by_advance);
  ASSERT_EQ(expected["state"], "done") << expected.dump().substr(0, 300);
  ASSERT_GT(expected["report"]["trades"].get<int>(), 10);

  Desk by_chunks_desk;
  auto by_chunks = by_chunks_desk.open();
  ASSERT_EQ(start(*by_chunks, kBars).status, 201);
  EXPECT_TRUE(by_chunks->replay_at_max_speed());
  std::size_t replayed = 0, calls = 0;
  while (by_chunks->replay_at_max_speed()) {
    const std::size_t n = by_chunks->step_replay(7);
    ASSERT_GE(n, 1u);
    ASSERT_LE(n, 7u);
    replayed += n;
    ++calls;
  }
  EXPECT_EQ(replayed, static_cast<std::size_t>(kBars));
  EXPECT_EQ(calls, (kBars + 6) / 7u);
  EXPECT_EQ(by_chunks->step_replay(7), 0u);  // done: nothing more
  const nlohmann::json got = status(*by_chunks);
  EXPECT_EQ(got["state"], "done");
  EXPECT_EQ(got["bars_done"], kBars);
  EXPECT_EQ(got["report"], expected["report"]);
}

TEST(SandboxBacktestPacing, AHostThatNeverStepsGetsTheBoundedStepAndOneThatStopsGetsItBack) {
  constexpr int kBars = ReplayPacing::kMaxBarsPerAdvance + 5'000;
  Desk d;
  auto s = d.open();
  ASSERT_EQ(start(*s, kBars).status, 201);
  ASSERT_TRUE(s->advance(std::chrono::milliseconds(16)).is_ok());
  EXPECT_EQ(status(*s)["bars_done"], ReplayPacing::kMaxBarsPerAdvance);

  // The host paces it: advance() counts the time and leaves the bars to it.
  EXPECT_EQ(s->step_replay(1'000), 1'000u);
  sandbox_test::run_for(*s, ReplayPacing::kHostPacingLapse - std::chrono::milliseconds(50),
                        std::chrono::milliseconds(16));
  EXPECT_EQ(status(*s)["bars_done"], ReplayPacing::kMaxBarsPerAdvance + 1'000);

  // It stopped (a hidden tab draws no frames): advance() replays again.
  ASSERT_TRUE(s->advance(std::chrono::milliseconds(100)).is_ok());
  const nlohmann::json st = status(*s);
  EXPECT_EQ(st["state"], "done");
  EXPECT_EQ(st["bars_done"], kBars);
}

TEST(SandboxBacktestPacing, FixedSpeedsReplaySpeedTimesTimeAndIgnoreChunks) {
  for (const int speed : {1, 10, 100, 1000}) {
    SCOPED_TRACE(speed);
    Desk d;
    auto s = d.open();
    ASSERT_EQ(start(*s, 3'000).status, 201);
    set_speed(*s, std::to_string(speed));
    EXPECT_FALSE(s->replay_at_max_speed());
    EXPECT_EQ(s->step_replay(2'000), 0u);
    sandbox_test::run_for(*s, std::chrono::seconds(2), std::chrono::milliseconds(16));
    const nlohmann::json st = status(*s);
    EXPECT_EQ(st["bars_done"], 2 * speed);
    EXPECT_EQ(st["rate"], speed);
  }
}

TEST(SandboxBacktestPacing, PausedOrSwitchedToAFixedSpeedAChunkReplaysNothing) {
  Desk d;
  auto s = d.open();
  ASSERT_EQ(start(*s, 300).status, 201);
  EXPECT_EQ(s->step_replay(100), 100u);
  ASSERT_EQ(call(*s, "PUT", "/api/backtest", R"({"paused":true})").status, 200);
  EXPECT_FALSE(s->replay_at_max_speed());
  EXPECT_EQ(s->step_replay(100), 0u);
  ASSERT_EQ(call(*s, "PUT", "/api/backtest", R"({"paused":false,"speed":10})").status, 200);
  EXPECT_EQ(s->step_replay(100), 0u);
  sandbox_test::run_for(*s, std::chrono::seconds(1));  // the pace was the host's, the speed is a rate now
  EXPECT_EQ(status(*s)["bars_done"], 110);
  set_speed(*s, R"("max")");
  EXPECT_TRUE(s->replay_at_max_speed());
  EXPECT_EQ(s->step_replay(1'000), 190u);
  EXPECT_EQ(status(*s)["state"], "done");
  EXPECT_FALSE(s->replay_at_max_speed());
}

}  // namespace
}  // namespace stonks
