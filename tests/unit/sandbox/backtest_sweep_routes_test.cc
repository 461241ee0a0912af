// Tests for /api/backtest/sweep: every combination run and ranked as
// stonks-backtest --sweep ranks them, each row the numbers a plain replay
// with its parameters reports, a split's two parts, the combinations the
// strategy refuses counted and named, bad input refused naming the field
// with nothing started, and the runs paced like a replay at "max".
#include <gtest/gtest.h>

#include <string>

#include "sandbox/backtest_routes.h"
#include "sandbox_test_util.h"

namespace stonks {
namespace {

using sandbox_test::call;
using sandbox_test::Desk;
using sandbox_test::json_of;

// tests/unit/backtest/cli/ibm_daily.csv
constexpr const char* kHeader = "Date,Open,High,Low,Close,Volume\n";
constexpr const char* kIbmBars[] = {"2026-01-05,12,12.5,11.5,12,1000\n", "2026-01-06,12,12,10.5,11,1000\n",
                                    "2026-01-07,11,11,9.5,10,1000\n",    "2026-01-08,10,13.5,10,13,1000\n",
                                    "2026-01-09,14,16.5,14,16,1000\n",   "2026-01-12,16,16,12.5,13,1000\n",
                                    "2026-01-13,13,13,9.5,10,1000\n",    "2026-01-14,11,11.5,10,10,1000\n"};

// The fixture's bars [first, last).
std::string ibm_csv(std::size_t first = 0, std::size_t last = std::size(kIbmBars)) {
  std::string csv = kHeader;
  for (std::size_t i = first; i < last; ++i) csv += kIbmBars[i];
  return csv;
}

nlohmann::json replay_body(const std::string& csv = ibm_csv()) {
  return {{"csv", csv},
          {"symbol", "IBM"},
          {"strategy", {{"name", "sma"}, {"params", {{"qty", 10}}}}},
          {"cash", "10000"},
          {"fee_per_fill", "1"}};
}

nlohmann::json sweep_body(nlohmann::json axes) {
  nlohmann::json body = replay_body();
  body["sweep"] = std::move(axes);
  return body;
}

ApiResponse post_sweep(Sandbox& s, const nlohmann::json& body) {
  return call(s, "POST", "/api/backtest/sweep", body.dump());
}

nlohmann::json run_sweep(Sandbox& s, const nlohmann::json& body) {
  ApiResponse r = post_sweep(s, body);
  EXPECT_EQ(r.status, 201) << r.body;
  for (int i = 0; i < 100 && json_of(call(s, "GET", "/api/backtest/sweep"))["state"] == "running"; ++i)
    EXPECT_TRUE(s.advance(std::chrono::milliseconds(16)).is_ok());
  return json_of(call(s, "GET", "/api/backtest/sweep"));
}

// The report of a plain POST /api/backtest.
nlohmann::json replay(Sandbox& s, const nlohmann::json& body) {
  ApiResponse r = call(s, "POST", "/api/backtest", body.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(s.advance(std::chrono::milliseconds(16)).is_ok());
  return json_of(call(s, "GET", "/api/backtest"))["report"];
}

std::string hundredths(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", fraction * 100);
  return buf;
}

TEST(SandboxSweepRoutes, RunsEveryCombinationRankedAndEachRowIsAPlainReplay) {
  Desk d;
  auto s = d.open();
  const nlohmann::json status =
      run_sweep(*s, sweep_body({{{"key", "fast"}, {"values", "1,2"}}, {{"key", "slow"}, {"values", "3:5:1"}}}));
  ASSERT_EQ(status["state"], "done") << status;
  EXPECT_EQ(status["done"], 6);
  EXPECT_EQ(status["total"], 6);
  EXPECT_EQ(status["keys"], nlohmann::json({"fast", "slow"}));
  EXPECT_EQ(status["rank"], "sharpe");
  EXPECT_EQ(status["refused"], 0);
  const nlohmann::json& rows = status["rows"];
  ASSERT_EQ(rows.size(), 6u) << status;
  double last_sharpe = 1e9;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const nlohmann::json& row = rows[i];
    EXPECT_EQ(row["rank"], i + 1);
    // Best Sharpe first.
    const double sharpe = std::stod(row["in_sample"]["sharpe"].get<std::string>());
    EXPECT_LE(sharpe, last_sharpe) << rows;
    last_sharpe = sharpe;
    // The same numbers a replay with the row's parameters reports, in hundredths.
    nlohmann::json body = replay_body();
    body["strategy"]["params"].update(row["params"]);
    const nlohmann::json report = replay(*s, body);
    const nlohmann::json& m = row["in_sample"];
    EXPECT_EQ(m["final_equity"], report["final_equity"]) << row;
    EXPECT_EQ(m["trades"], report["trades"]) << row;
    EXPECT_EQ(m["return_pct"], hundredths(report["total_return"].get<double>())) << row;
    EXPECT_EQ(m["max_drawdown_pct"], hundredths(report["max_drawdown"].get<double>())) << row;
    EXPECT_FALSE(row.contains("out_of_sample"));
  }
  // fast 2, slow 3 is the CLI fixture's run: one trade, 9968.00.
  bool found = false;
  for (const nlohmann::json& row : rows) {
    if (row["values"] != nlohmann::json({"2", "3"})) continue;
    found = true;
    EXPECT_EQ(row["params"], nlohmann::json({{"fast", 2}, {"slow", 3}}));
    EXPECT_EQ(row["combination"], 3);
    EXPECT_EQ(row["in_sample"]["final_equity"], "9968.00");
    EXPECT_EQ(row["in_sample"]["return_pct"], "-0.32");
  }
  EXPECT_TRUE(found) << rows;
}

TEST(SandboxSweepRoutes, ASplitReplaysEachPartAsItsOwnFile) {
  Desk d;
  auto s = d.open();
  nlohmann::json body = sweep_body({{{"key", "slow"}, {"values", "3"}}});
  body["strategy"]["params"]["fast"] = 2;
  body["split"] = "0.5";
  const nlohmann::json status = run_sweep(*s, body);
  ASSERT_EQ(status["rows"].size(), 1u) << status;
  EXPECT_EQ(status["split"], "0.5");
  const nlohmann::json& row = status["rows"][0];
  nlohmann::json plain = replay_body(ibm_csv(0, 4));
  plain["strategy"]["params"].update({{"fast", 2}, {"slow", 3}});
  EXPECT_EQ(row["in_sample"]["final_equity"], replay(*s, plain)["final_equity"]);
  plain["csv"] = ibm_csv(4, 8);
  EXPECT_EQ(row["out_of_sample"]["final_equity"], replay(*s, plain)["final_equity"]);
}

TEST(SandboxSweepRoutes, CombinationsTheStrategyRefusesAreLeftOutCountedAndNamed) {
  Desk d;
  auto s = d.open();
  const nlohmann::json status =
      run_sweep(*s, sweep_body({{{"key", "fast"}, {"values", "2,3,4"}}, {{"key", "slow"}, {"values", "3"}}}));
  ASSERT_EQ(status["state"], "done") << status;
  EXPECT_EQ(status["done"], 3);
  EXPECT_EQ(status["rows"].size(), 1u);
  EXPECT_EQ(status["refused"], 2);
  const std::string refusal = status["refusal"];
  EXPECT_EQ(refusal.rfind("#1 (fast=3, slow=3): strategy.params.slow: ", 0), 0u) << refusal;
}

TEST(SandboxSweepRoutes, BadInputIsRefusedNamingTheFieldAndNothingStarts) {
  Desk d;
  auto s = d.open();
  const auto field_of = [&](const nlohmann::json& body) {
    ApiResponse r = post_sweep(*s, body);
    EXPECT_EQ(r.status, 400) << r.body;
    return r.status == 400 ? json_of(r)["error"]["field"].get<std::string>() : std::string();
  };
  EXPECT_EQ(field_of(replay_body()), "sweep");
  EXPECT_EQ(field_of(sweep_body(nlohmann::json::array())), "sweep");
  EXPECT_EQ(field_of(sweep_body({{{"key", "fats"}, {"values", "2,3"}}})), "sweep[0].key");
  EXPECT_EQ(field_of(sweep_body({{{"key", "fast"}, {"values", "2"}}, {{"key", "fast"}, {"values", "3"}}})),
            "sweep[1].key");
  EXPECT_EQ(field_of(sweep_body({{{"key", "fast"}, {"values", "5:x:1"}}})), "sweep[0].values");
  EXPECT_EQ(field_of(sweep_body({{{"key", "fast"}, {"values", "5,,6"}}})), "sweep[0].values");
  EXPECT_EQ(field_of(sweep_body({{{"key", "fast"}, {"values", 5}}})), "sweep[0].values");
  EXPECT_EQ(field_of(sweep_body({{{"key", "fast"}, {"values", "1:200:1"}}, {{"key", "slow"}, {"values", "1:200:1"}}})),
            "sweep");
  nlohmann::json body = sweep_body({{{"key", "fast"}, {"values", "2"}}});
  body["rank"] = "best";
  EXPECT_EQ(field_of(body), "rank");
  body.erase("rank");
  body["split"] = "1.5";
  EXPECT_EQ(field_of(body), "split");
  body["split"] = "0.01";  // 8 bars: nothing in-sample
  EXPECT_EQ(field_of(body), "split");
  body.erase("split");
  body["cash"] = "0";
  EXPECT_EQ(field_of(body), "cash");
  body["cash"] = "10000";
  body["strategy"]["params"]["slow"] = 1;
  EXPECT_EQ(field_of(body), "strategy.params.slow");
  body = sweep_body({{{"key", "fast"}, {"values", "2"}}});
  body["csv"] = ibm_csv() + "2026-01-15,12,10,10.5,11,1000\n";
  EXPECT_EQ(field_of(body), "csv");
  EXPECT_EQ(call(*s, "POST", "/api/backtest/sweep", "{").status, 400);
  EXPECT_EQ(call(*s, "GET", "/api/backtest/sweep").status, 404);
}

TEST(SandboxSweepRoutes, RunsArePacedLikeAReplayAtMax) {
  Desk d;
  auto s = d.open();
  // 300 runs of 8 bars, each opening counting 100: more than one advance() replays.
  ASSERT_EQ(
      post_sweep(*s, sweep_body({{{"key", "fast"}, {"values", "1:10:1"}}, {{"key", "slow"}, {"values", "11:40:1"}}}))
          .status,
      201);
  EXPECT_TRUE(s->backtest_running());
  EXPECT_TRUE(s->replay_at_max_speed());
  ASSERT_TRUE(s->advance(std::chrono::milliseconds(16)).is_ok());
  const std::size_t per_run = SweepSession::kRunOpenBars + 8;
  const std::size_t after_one = json_of(call(*s, "GET", "/api/backtest/sweep"))["done"];
  EXPECT_EQ(after_one, ReplayPacing::kMaxBarsPerAdvance / per_run);
  // A host pacing it: advance() leaves the runs to step_replay().
  EXPECT_GT(s->step_replay(per_run), 0u);
  ASSERT_TRUE(s->advance(std::chrono::milliseconds(16)).is_ok());
  EXPECT_EQ(json_of(call(*s, "GET", "/api/backtest/sweep"))["done"], after_one + 1);
  while (s->replay_at_max_speed()) s->step_replay(2'000);
  const nlohmann::json status = json_of(call(*s, "GET", "/api/backtest/sweep"));
  EXPECT_EQ(status["state"], "done");
  EXPECT_EQ(status["rows"].size(), 300u);
  EXPECT_FALSE(s->backtest_running());
}

TEST(SandboxSweepRoutes, FollowsTheRoutersConventions) {
  Desk d;
  auto s = d.open();
  ApiResponse r = call(*s, "PUT", "/api/backtest/sweep", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(json_of(r)["error"]["allow"], nlohmann::json({"GET", "POST", "DELETE"}));
  EXPECT_EQ(call(*s, "GET", "/api/backtest/sweep", "", "x=1").status, 400);
  EXPECT_EQ(call(*s, "GET", "/api/backtest/sweeps").status, 404);
  ASSERT_EQ(post_sweep(*s, sweep_body({{{"key", "fast"}, {"values", "2"}}})).status, 201);
  EXPECT_EQ(call(*s, "GET", "/api/backtest").status, 404) << "a sweep is not the replay";
  EXPECT_EQ(json_of(call(*s, "DELETE", "/api/backtest/sweep"))["state"], "none");
  EXPECT_EQ(call(*s, "GET", "/api/backtest/sweep").status, 404);
}

}  // namespace
}  // namespace stonks
