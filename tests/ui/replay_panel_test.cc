// The Replay pane: Open CSV... calls the host's picker, Start sends the
// form as POST /api/backtest, a bad row or parameter is shown beside its
// field, the speed buttons and Pause send PUTs, and the finished replay's
// report shows the numbers stonks-backtest prints for the same file. The
// routes are the sandbox's own (handle_backtest over a real session).
#include <gtest/gtest.h>

#include <memory>

#include "imgui_ui/widget_ids.h"
#include "json/json_values.h"
#include "sandbox/backtest_routes.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

// tests/unit/backtest/cli/ibm_daily.csv
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

struct ReplayDesk {
  DeskDriver d;
  BacktestSessions backtests;
  std::unique_ptr<BacktestSession>& session = backtests.replay;
  int picker_opened = 0;

  ReplayDesk() {
    d.sim = SimStatus{};
    d.intercept = [this](const ApiRequest& r) -> std::optional<ApiResponse> {
      if (!is_backtest_path(r.path)) return std::nullopt;
      ApiRequest with_actor = r;
      if (with_actor.actor.empty()) with_actor.actor = "operator";
      return handle_backtest(with_actor, ApiOptions{}, backtests);
    };
    d.desk.set_csv_picker([this] { ++picker_opened; });
    d.click(ids::view_tab_id("replay"));
  }

  // SMA 2/3 on 10 shares, as the CLI fixture runs it.
  void fill_form(const char* fast = "2") {
    d.type(ids::strategy_param_id("replay", "fast"), fast);
    d.type(ids::strategy_param_id("replay", "slow"), "3");
    d.type(ids::strategy_param_id("replay", "qty"), "10");
    d.type(ids::kReplayCash, "10000");
    d.type(ids::kReplayFee, "1");
  }
  const ApiRequest* last(const std::string& method) const {
    for (auto it = d.sent.rbegin(); it != d.sent.rend(); ++it)
      if (it->method == method && it->path == "/api/backtest") return &*it;
    return nullptr;
  }
};

nlohmann::json body_of(const ApiRequest& r) { return parse_json(r.body).value(); }

TEST(ReplayPane, OpenCsvAsksTheHostsPickerAndTheFileNameGivesTheSymbol) {
  ReplayDesk t;
  EXPECT_FALSE(t.d.shows(ids::kReplayProgress));
  t.d.click(ids::kReplayOpenCsv);
  EXPECT_EQ(t.picker_opened, 1);
  t.d.desk.csv_picked("ibm_daily.csv", kIbmDaily);
  t.fill_form();
  t.d.click(ids::kReplayStart);
  const ApiRequest* post = t.last("POST");
  ASSERT_NE(post, nullptr);
  const nlohmann::json body = body_of(*post);
  EXPECT_EQ(body["csv"], kIbmDaily);
  EXPECT_EQ(body["symbol"], "IBM");
  EXPECT_EQ(body["cash"], "10000");
  EXPECT_EQ(body["fee_per_fill"], "1");
  EXPECT_EQ(body["strategy"],
            nlohmann::json::parse(R"({"name":"sma","params":{"fast":2,"slow":3,"qty":10,"allow_short":false}})"));
}

TEST(ReplayPane, ShowsProgressThenTheReportOfTheCliFixture) {
  ReplayDesk t;
  t.d.desk.csv_picked("ibm_daily.csv", kIbmDaily);
  t.fill_form();
  t.d.click(ids::kReplayStart);
  ASSERT_NE(t.session, nullptr) << t.d.messages_at(ids::kReplayStart);
  EXPECT_NE(t.d.messages_at(ids::kReplayProgress).find("0 / 8 bars"), std::string::npos);
  t.session->advance(std::chrono::milliseconds(16));  // the host's frame: "max" replays all 8
  t.d.frame(3);
  EXPECT_NE(t.d.messages_at(ids::kReplayProgress).find("8 / 8 bars"), std::string::npos);
  const std::string report = t.d.messages_at(ids::kReplayReport);
  // stonks-backtest's numbers for this file (tests/unit/backtest/cli/test_stonks_backtest.py).
  for (const char* line : {"Final equity: 9968.00", "Net P&L: -32.00", "Total return: -0.32%", "Max drawdown: 0.60%",
                           "Max drawdown length: 5.0 days", "Exposure: 37.50%", "Trades: 1",
                           "Won / lost / open: 0 / 1 / 0", "Average loss: -32.00", "Fees paid: 2.00"})
    EXPECT_NE(report.find(line), std::string::npos) << line << " in\n" << report;
  EXPECT_EQ(t.d.messages_at(ids::kReplayTrades),
            "IBM long 10 2026-01-09 14.00 2026-01-14 11.00 -32.00");
  // report.svg's chart: the eight daily candles with the entry and the exit marked, and the equity curve.
  EXPECT_EQ(t.d.messages_at(ids::kReplayChart), "IBM, 1 day candles: 8 candles, 9.08 to 16.92, 2 fills");
  EXPECT_EQ(t.d.messages_at(ids::kReplayEquity), "8 points");
}

TEST(ReplayPane, RunsTheRsiStrategyFromTheRegistry) {
  // RSI(2), oversold 30 and overbought 70 (the defaults) on the CLI fixture's
  // closes 12 11 10 13 16 13 10 10: 10 gives G = 0, L = 1, RSI 0: buy, filled
  // at the next open, 10. 13 (+3): G = 1.5, L = 0.5, RSI 75: sell, filled at
  // 14. 16: 90, 13: 40.9, then 10: G = 0.5625, L = 2.3125, RSI 19.6: buy,
  // filled at 11 and still open, marked at the last close 10. Equity: 10000
  // + 40 - 2 fees - 110 - 1 fee + 100 = 10027.
  ReplayDesk t;
  t.d.desk.csv_picked("ibm_daily.csv", kIbmDaily);
  t.d.click(ids::strategy_choice_id("replay", "rsi"));
  t.d.type(ids::strategy_param_id("replay", "period"), "2");
  t.d.type(ids::strategy_param_id("replay", "qty"), "10");
  t.d.type(ids::kReplayCash, "10000");
  t.d.type(ids::kReplayFee, "1");
  t.d.click(ids::kReplayStart);
  ASSERT_NE(t.session, nullptr) << t.d.messages_at(ids::kReplayStart);
  EXPECT_EQ(body_of(*t.last("POST"))["strategy"],
            nlohmann::json::parse(R"({"name":"rsi","params":{"period":2,"oversold":"30","overbought":"70",)"
                                  R"("allow_short":false,"qty":10}})"));
  t.session->advance(std::chrono::milliseconds(16));
  t.d.frame(3);
  const std::string report = t.d.messages_at(ids::kReplayReport);
  for (const char* line : {"Final equity: 10027.00", "Trades: 1", "Won / lost / open: 1 / 0 / 1"})
    EXPECT_NE(report.find(line), std::string::npos) << line << " in\n" << report;
  // Long 10, in at 10.00 at the open of 01-08, out at 14.00 at the open of
  // 01-09 (daily bars: their dates), P&L 40 - 2 fees.
  EXPECT_EQ(t.d.messages_at(ids::kReplayTrades), "IBM long 10 2026-01-08 10.00 2026-01-09 14.00 38.00");
}

TEST(ReplayPane, ABadRowIsShownBesideTheFileWithItsLine) {
  ReplayDesk t;
  t.d.desk.csv_picked(
      "ibm.csv", "Date,Open,High,Low,Close,Volume\n2026-01-05,12,12.5,11.5,12,1000\n2026-01-06,12,10,10.5,11,1000\n");
  t.fill_form();
  t.d.click(ids::kReplayStart);
  EXPECT_EQ(t.session, nullptr);
  EXPECT_NE(t.d.messages_at(ids::kReplayOpenCsv).find("line 3:"), std::string::npos) << t.d.messages_at("toast");
  EXPECT_FALSE(t.d.shows(ids::kReplayProgress));
}

TEST(ReplayPane, AParameterErrorIsShownBesideThatParameter) {
  ReplayDesk t;
  t.d.desk.csv_picked("ibm_daily.csv", kIbmDaily);
  t.fill_form("5");  // fast 5 >= slow 3
  t.d.click(ids::kReplayStart);
  EXPECT_NE(t.d.messages_at(ids::strategy_param_id("replay", "slow")), "");
  EXPECT_EQ(t.session, nullptr);
}

TEST(ReplayPane, SpeedButtonsAndPauseSendPuts) {
  ReplayDesk t;
  t.d.desk.csv_picked("ibm_daily.csv", kIbmDaily);
  t.fill_form();
  t.d.click(ids::kReplayStart);
  ASSERT_NE(t.session, nullptr);
  t.d.click(ids::replay_speed_id("10"));
  ASSERT_NE(t.last("PUT"), nullptr);
  EXPECT_EQ(body_of(*t.last("PUT")), nlohmann::json({{"speed", 10}}));
  t.d.click(ids::kReplayPause);
  EXPECT_EQ(body_of(*t.last("PUT")), nlohmann::json({{"paused", true}}));
  EXPECT_NE(t.d.messages_at(ids::kReplayProgress).find("(paused)"), std::string::npos);
  t.session->advance(std::chrono::seconds(1));
  t.d.frame(2);
  EXPECT_NE(t.d.messages_at(ids::kReplayProgress).find("0 / 8 bars"), std::string::npos);
}

// A sweep of fast 1,2 x slow 3:4:1 over the CLI fixture (SMA on 10 shares).
void run_small_sweep(ReplayDesk& t) {
  t.d.desk.csv_picked("ibm_daily.csv", kIbmDaily);
  t.fill_form();
  t.d.click(ids::kReplaySweepAdd);  // the first parameter: fast
  t.d.type(ids::replay_sweep_values_id(0), "1,2");
  t.d.click(ids::kReplaySweepAdd);  // the first not swept: slow
  t.d.type(ids::replay_sweep_values_id(1), "3:4:1");
  t.d.click(ids::kReplaySweepRun);
  ASSERT_NE(t.backtests.sweep, nullptr) << t.d.messages_at(ids::kReplaySweepRun);
  t.backtests.advance(std::chrono::milliseconds(16));  // 4 runs of 8 bars in one call
  t.d.frame(3);
}

TEST(ReplayPane, ASweepShowsItsRowsRankedAsTheCliRanksThem) {
  ReplayDesk t;
  run_small_sweep(t);
  const ApiRequest* post = nullptr;
  for (const ApiRequest& r : t.d.sent)
    if (r.method == "POST" && r.path == "/api/backtest/sweep") post = &r;
  ASSERT_NE(post, nullptr);
  const nlohmann::json body = body_of(*post);
  EXPECT_EQ(body["sweep"], nlohmann::json::parse(R"([{"key":"fast","values":"1,2"},{"key":"slow","values":"3:4:1"}])"));
  EXPECT_EQ(body["rank"], "sharpe");
  EXPECT_EQ(body["csv"], kIbmDaily);
  EXPECT_EQ(t.d.messages_at(ids::kReplaySweepProgress), "4 / 4 runs (done)");
  // stonks-backtest's table for the same sweep, row for row (its columns:
  // rank, fast, slow, trades, return, sharpe, drawdown, win rate, final equity):
  //   stonks-backtest --csv ibm_daily.csv --symbol IBM --strategy sma --param qty=10 --cash 10000
  //     --fee-per-fill 1 --sweep fast=1,2 --sweep slow=3:4:1
  // Best Sharpe first, equal ones by combination number.
  const char* cli[] = {
      "1\t1\t4\t0\t0.00%\t0.00\t0.00%\t0.00%\t10000.00", "2\t2\t4\t0\t0.00%\t0.00\t0.00%\t0.00%\t10000.00",
      "3\t1\t3\t1\t-0.12%\t-1.78\t0.31%\t0.00%\t9988.00", "4\t2\t3\t1\t-0.32%\t-3.65\t0.60%\t0.00%\t9968.00"};
  for (std::size_t i = 0; i < std::size(cli); ++i)
    EXPECT_EQ(t.d.messages_at(ids::replay_sweep_row_id(i + 1)), std::string(cli[i]) + "\n");
  EXPECT_FALSE(t.d.shows(ids::replay_sweep_row_id(5)));
}

TEST(ReplayPane, ClickingASweepRowShowsThatRunsReportAndTheWayBack) {
  ReplayDesk t;
  run_small_sweep(t);
  // Row 3 of the table above: fast 1, slow 3, one trade, 9988.00.
  t.d.click(ids::replay_sweep_row_id(3));
  ASSERT_NE(t.session, nullptr) << t.d.messages_at(ids::kReplayStart);
  EXPECT_EQ(body_of(*t.last("POST"))["strategy"],
            nlohmann::json::parse(R"({"name":"sma","params":{"fast":1,"slow":3,"qty":10,"allow_short":false}})"));
  t.session->advance(std::chrono::milliseconds(16));
  t.d.frame(3);
  EXPECT_FALSE(t.d.shows(ids::replay_sweep_row_id(1)));
  const std::string report = t.d.messages_at(ids::kReplayReport);
  for (const char* line : {"Final equity: 9988.00", "Total return: -0.12%", "Sharpe: -1.78", "Trades: 1"})
    EXPECT_NE(report.find(line), std::string::npos) << line << " in\n" << report;
  t.d.click(ids::kReplaySweepBack);
  EXPECT_TRUE(t.d.shows(ids::replay_sweep_row_id(1)));
  EXPECT_FALSE(t.d.shows(ids::kReplayReport));
}

TEST(ReplayPane, ASplitSweepAddsTheOutOfSampleColumns) {
  ReplayDesk t;
  t.d.desk.csv_picked("ibm_daily.csv", kIbmDaily);
  t.fill_form();
  t.d.click(ids::kReplaySweepAdd);
  t.d.type(ids::replay_sweep_values_id(0), "2");
  t.d.type(ids::kReplaySweepSplit, "0.5");
  t.d.click(ids::kReplaySweepRun);
  ASSERT_NE(t.backtests.sweep, nullptr) << t.d.messages_at(ids::kReplaySweepRun);
  t.backtests.advance(std::chrono::milliseconds(16));
  t.d.frame(3);
  // stonks-backtest ... --param fast=2 --param slow=3 --sweep fast=2 --split 0.5: no trade in either half,
  // then the CLI's four oos columns (trades, return, sharpe, drawdown).
  EXPECT_EQ(t.d.messages_at(ids::replay_sweep_row_id(1)),
            "1\t2\t0\t0.00%\t0.00\t0.00%\t0.00%\t10000.00\t0\t0.00%\t0.00\t0.00%\n");
}

TEST(ReplayPane, ASweepErrorIsShownBesideItsField) {
  ReplayDesk t;
  t.d.desk.csv_picked("ibm_daily.csv", kIbmDaily);
  t.fill_form();
  t.d.click(ids::kReplaySweepAdd);
  t.d.type(ids::replay_sweep_values_id(0), "5:x:1");
  t.d.click(ids::kReplaySweepRun);
  EXPECT_EQ(t.backtests.sweep, nullptr);
  EXPECT_NE(t.d.messages_at(ids::replay_sweep_values_id(0)).find("'x' is not a number"), std::string::npos)
      << t.d.messages_at(ids::kReplaySweepRun);
  t.d.type(ids::replay_sweep_values_id(0), "2");
  t.d.type(ids::kReplaySweepSplit, "0.01");
  t.d.click(ids::kReplaySweepRun);
  EXPECT_NE(t.d.messages_at(ids::kReplaySweepSplit).find("leaves one part without bars"), std::string::npos);
  EXPECT_FALSE(t.d.shows(ids::kReplaySweepProgress));
}

TEST(ReplayPane, NoPaneButtonsWithoutTheSandbox) {
  DeskDriver d;
  d.frame();
  EXPECT_FALSE(d.shows(ids::view_tab_id("replay")));
  EXPECT_FALSE(d.shows(ids::view_tab_id("strategies")));
}

}  // namespace
}  // namespace stonks::testing
