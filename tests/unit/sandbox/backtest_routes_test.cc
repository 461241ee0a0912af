// Tests for the sandbox's /api/backtest routes: a bad CSV row refused with
// its line and nothing started, the report equal to BacktestRunner's (and
// to the CLI fixture's hand-computed numbers), speed and pause, the body
// limit, and the desk's own journal untouched by a replay.
#include <gtest/gtest.h>

#include <string>

#include "backtest/report/report_format.h"
#include "journal/memory_storage.h"
#include "marketdata/csv_bar_parser.h"
#include "sandbox/backtest_routes.h"
#include "sandbox_test_util.h"
#include "strategy/strategy_registry.h"

namespace stonks {
namespace {

using sandbox_test::call;
using sandbox_test::Desk;
using sandbox_test::json_of;

// tests/unit/backtest/cli/ibm_daily.csv: SMA 2/3 with 10 shares and 1.00 a
// fill buys at 14.00 and sells at 11.00: -30 - 2 fees = -32.00.
constexpr const char* kIbmDaily =
    "Date,Open,High,Low,Close,Volume\n"
    "2026-01-05,12,12.5,11.5,12,1000\n"
    "2026-01-06,12,12,10.5,11,1000\n"
    "2026-01-07,11,11,9.5,10,1000\n"
    "2026-01-08,10,13.5,10,13,1000\n"
    "2026-01-09,14,16.5,14,16,1000\n"
    "2026-01-12,16,16,12.5,13,1000\n"
    "2026-01-13,13,13,9.5,10,1000\n"
    "2026-01-14,11,11.5,10,10,1000\n";

nlohmann::json start_body(const std::string& csv = kIbmDaily) {
  return {{"csv", csv},
          {"symbol", "IBM"},
          {"strategy", {{"name", "sma"}, {"params", {{"fast", 2}, {"slow", 3}, {"qty", 10}}}}},
          {"cash", "10000"},
          {"fee_per_fill", "1"}};
}

ApiResponse post(Sandbox& s, const nlohmann::json& body) { return call(s, "POST", "/api/backtest", body.dump()); }

TEST(SandboxBacktestRoutes, ABadRowIsRefusedWithItsLineAndNothingStarts) {
  Desk d;
  auto s = d.open();
  ApiResponse r = post(*s, start_body("Date,Open,High,Low,Close,Volume\n"
                                      "2026-01-05,12,12.5,11.5,12,1000\n"
                                      "2026-01-06,12,10,10.5,11,1000\n"));
  ASSERT_EQ(r.status, 400) << r.body;
  const nlohmann::json e = json_of(r)["error"];
  EXPECT_EQ(e["field"], "csv");
  EXPECT_EQ(e["line"], 3);
  EXPECT_EQ(e["message"].get<std::string>().rfind("line 3: ", 0), 0u) << e;
  EXPECT_EQ(call(*s, "GET", "/api/backtest").status, 404);
}

TEST(SandboxBacktestRoutes, AFileWithoutSymbolsNeedsTheSymbolField) {
  Desk d;
  auto s = d.open();
  nlohmann::json body = start_body();
  body.erase("symbol");
  ApiResponse r = post(*s, body);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(json_of(r)["error"]["field"], "symbol");
}

TEST(SandboxBacktestRoutes, StrategyParametersAreCheckedNamingTheField) {
  Desk d;
  auto s = d.open();
  nlohmann::json body = start_body();
  body["strategy"]["params"]["fast"] = 5;
  ApiResponse r = post(*s, body);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(json_of(r)["error"]["field"], "strategy.params.slow");
  body = start_body();
  body["cash"] = "0";
  EXPECT_EQ(json_of(post(*s, body))["error"]["field"], "cash");
  body = start_body();
  body["bogus"] = 1;
  EXPECT_EQ(json_of(post(*s, body))["error"]["field"], "bogus");
}

TEST(SandboxBacktestRoutes, TheReportIsTheRunnersForTheSameInput) {
  Desk d;
  auto s = d.open();
  ApiResponse r = post(*s, start_body());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json_of(r)["state"], "running");
  EXPECT_EQ(json_of(r)["total"], 8);
  ASSERT_TRUE(s->advance(std::chrono::milliseconds(16)).is_ok());  // "max": every bar in one call
  const nlohmann::json status = json_of(call(*s, "GET", "/api/backtest"));
  ASSERT_EQ(status["state"], "done") << status;
  EXPECT_EQ(status["bars_done"], 8);
  const nlohmann::json report = status["report"];

  // The same bars and parameters through the runner, as stonks-backtest runs them.
  MemoryStorage storage;
  BacktestConfig config;
  config.starting_cash = Money::from_units(10'000);
  config.risk.paper.fee_per_fill = Money::from_units(1);
  std::vector<SymbolStrategy> strategies;
  strategies.push_back(SymbolStrategy{
      Symbol::parse("IBM").value(),
      make_strategy(StrategySpec{"sma", Symbol::parse("IBM").value(), {{"fast", "2"}, {"slow", "3"}, {"qty", "10"}}})
          .value()});
  auto runner = BacktestRunner::open(
      &storage,
      std::make_unique<VectorBarSource>(
          import_csv_bars(kIbmDaily, CsvBarOptions{Symbol::parse("IBM").value(), Duration{0}}).value()),
      std::move(strategies), config);
  ASSERT_TRUE(runner.is_ok());
  ASSERT_TRUE((*runner)->run().is_ok());
  nlohmann::json expected = nlohmann::json::parse(report_json((*runner)->report()));
  for (const auto& [key, value] : expected.items()) EXPECT_EQ(report[key], value) << key;

  // The CLI fixture's hand-computed numbers.
  EXPECT_EQ(report["net_pnl"], "-32.00");
  EXPECT_EQ(report["fees_paid"], "2.00");
  EXPECT_EQ(report["max_drawdown"], 0.005989);
  ASSERT_EQ(report["trade_list"].size(), 1u);
  EXPECT_EQ(report["trade_list"][0]["entry_price"], "14.00");
  EXPECT_EQ(report["trade_list"][0]["exit_price"], "11.00");
  EXPECT_EQ(report["trade_list"][0]["pnl"], "-32.00");
  ASSERT_EQ(report["equity_curve"].size(), 8u);
  EXPECT_EQ(report["equity_curve"][4]["equity"], "10019.00");
}

TEST(SandboxBacktestRoutes, SpeedAndPauseSetHowFastBarsReplay) {
  Desk d;
  auto s = d.open();
  ASSERT_EQ(post(*s, start_body()).status, 201);
  ApiResponse r = call(*s, "PUT", "/api/backtest", R"({"speed":2})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r)["speed"], 2);
  sandbox_test::run_for(*s, std::chrono::seconds(1));  // 2 bars a second
  nlohmann::json st = json_of(call(*s, "GET", "/api/backtest"));
  EXPECT_EQ(st["bars_done"], 2);
  EXPECT_EQ(st["rate"], 2);

  ASSERT_EQ(call(*s, "PUT", "/api/backtest", R"({"paused":true})").status, 200);
  sandbox_test::run_for(*s, std::chrono::seconds(1));
  st = json_of(call(*s, "GET", "/api/backtest"));
  EXPECT_EQ(st["state"], "paused");
  EXPECT_EQ(st["bars_done"], 2);
  EXPECT_FALSE(st.contains("report"));

  ASSERT_EQ(call(*s, "PUT", "/api/backtest", R"({"paused":false,"speed":"max"})").status, 200);
  ASSERT_TRUE(s->advance(std::chrono::milliseconds(16)).is_ok());
  EXPECT_EQ(json_of(call(*s, "GET", "/api/backtest"))["state"], "done");

  EXPECT_EQ(json_of(call(*s, "PUT", "/api/backtest", R"({"speed":0})"))["error"]["field"], "speed");
  EXPECT_EQ(json_of(call(*s, "PUT", "/api/backtest", R"({"speed":"fast"})"))["error"]["field"], "speed");
}

TEST(SandboxBacktestRoutes, AReplayLeavesTheDesksJournalAlone) {
  Desk d;
  auto s = d.open();
  const EventSeq before = s->state().last_seq;
  const Money cash = s->state().portfolio.cash();
  ASSERT_EQ(post(*s, start_body()).status, 201);
  ASSERT_TRUE(s->advance(std::chrono::milliseconds(16)).is_ok());
  ASSERT_EQ(json_of(call(*s, "GET", "/api/backtest"))["state"], "done");
  // The sim's quotes may move the desk (speed 1: one step per 200 ms), but no
  // fill, order or cash of the replay reaches it.
  EXPECT_GE(s->state().last_seq, before);
  EXPECT_TRUE(s->state().fills.empty());
  EXPECT_EQ(s->state().portfolio.cash(), cash);
  ASSERT_EQ(call(*s, "DELETE", "/api/backtest").status, 200);
  EXPECT_EQ(call(*s, "GET", "/api/backtest").status, 404);
}

TEST(SandboxBacktestRoutes, TheRouteTakesBigFilesUpToItsOwnLimit) {
  Desk d;
  auto s = d.open();
  std::string csv = "Date,Open,High,Low,Close,Volume\n";
  Timestamp day = testing::test_epoch();
  for (int i = 0; i < 3000; ++i) {  // ~100 KB, over the API's 64 KiB default
    csv += format_iso8601(day).substr(0, 10) + ",10,11,9,10.5,1000\n";
    day += std::chrono::hours(24);
  }
  ASSERT_GT(csv.size(), 64u * 1024);
  ApiResponse r = post(*s, start_body(csv));
  ASSERT_EQ(r.status, 201) << r.body.substr(0, 300);
  EXPECT_EQ(json_of(r)["total"], 3000);

  ApiRequest big;
  big.method = "POST";
  big.path = "/api/backtest";
  big.body = std::string(kMaxBacktestBodyBytes + 1, ' ');
  EXPECT_EQ(s->handle(big).status, 413);
}

TEST(SandboxBacktestRoutes, FollowsTheRoutersConventions) {
  Desk d;
  auto s = d.open();
  EXPECT_EQ(call(*s, "GET", "/api/backtest/x").status, 404);
  ApiResponse r = call(*s, "PATCH", "/api/backtest");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(json_of(r)["error"]["allow"], nlohmann::json({"GET", "POST", "PUT", "DELETE"}));
  EXPECT_EQ(call(*s, "GET", "/api/backtest", "", "x=1").status, 400);
  EXPECT_EQ(call(*s, "POST", "/api/backtest", "[]").status, 400);
}

}  // namespace
}  // namespace stonks
