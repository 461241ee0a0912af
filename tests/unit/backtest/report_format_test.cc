// The report's text, CSV and JSON forms for a report filled in by hand.
#include "backtest/report/report_format.h"

#include <gtest/gtest.h>

#include "json/json_values.h"
#include "scripted_strategy.h"

namespace stonks::testing {
namespace {

BacktestReport sample() {
  BacktestReport r;
  r.start = day_end(1);
  r.end = day_end(3);
  r.points = 3;
  r.fills = 2;
  r.starting_equity = usd("1000");
  r.final_equity = usd("1012.5");
  r.net_pnl = usd("12.5");
  r.fees_paid = usd("0.5");
  r.total_return = 0.0125;
  r.cagr = 3.456789;
  r.annual_volatility = 0.2;
  r.sharpe = 1.2345;
  r.max_drawdown = 0.05;
  r.max_drawdown_duration = std::chrono::hours(36);
  r.exposure = 2.0 / 3;
  r.trades = 1;
  r.wins = 1;
  r.win_rate = 1;
  r.average_win = usd("12.5");
  Trade t;
  t.symbol = sym("IBM");
  t.side = Side::kSell;
  t.qty = 5;
  t.entry_at = day_end(2);
  t.entry_price = px("100");
  t.exit_at = day_end(3);
  t.exit_price = px("97.4");
  t.fees = usd("0.5");
  t.pnl = usd("12.5");
  r.trade_list = {t};
  r.per_symbol = {SymbolResult{sym("IBM"), 2, 1, 1, 0, false, usd("12.5"), usd("0.5")}};
  r.equity_curve = {
      {day_end(1), usd("1000"), false}, {day_end(2), usd("1000"), true}, {day_end(3), usd("1012.5"), true}};
  return r;
}

TEST(ReportFormatTest, TextHasEveryNumberWithFixedDecimals) {
  EXPECT_EQ(report_text(sample()),
            "Backtest 2026-01-05T21:00:00Z .. 2026-01-07T21:00:00Z (3 bar times, 2 fills)\n"
            "Starting equity                1000.00\n"
            "Final equity                   1012.50\n"
            "Net P&L                          12.50\n"
            "Total return                     1.25%\n"
            "CAGR                           345.68%\n"
            "Annual volatility               20.00%\n"
            "Sharpe                            1.23\n"
            "Max drawdown                     5.00%\n"
            "Max drawdown length           1.5 days\n"
            "Exposure                        66.67%\n"
            "Trades                               1\n"
            "Won / lost / open            1 / 0 / 0\n"
            "Win rate                       100.00%\n"
            "Average win                      12.50\n"
            "Average loss                      0.00\n"
            "Fees paid                         0.50\n"
            "\n"
            "Symbol      Fills  Trades   Won  Lost  Open    P&L (closed)        Fees\n"
            "IBM             2       1     1     0    no           12.50        0.50\n");
}

TEST(ReportFormatTest, MoneyIsRoundedToTheCentAndDurationsToATenthOfADay) {
  EXPECT_EQ(report_money(usd("12.505")), "12.51");
  EXPECT_EQ(report_money(usd("-12.505")), "-12.51") << "half away from zero";
  EXPECT_EQ(report_money(usd("100174.1321")), "100174.13");
  EXPECT_EQ(report_money(usd("-0.004")), "0.00");
  EXPECT_EQ(report_days(std::chrono::hours(24 * 1728)), "1728.0 days");
  EXPECT_EQ(report_days(std::chrono::hours(3)), "0.1 days");
  EXPECT_EQ(report_ratio(217.621053), "217.62");
  EXPECT_EQ(report_percent(0.123456), "12.35%");
}

TEST(ReportFormatTest, ADailyReportPrintsTheDatesOfItsBars) {
  // Daily bars end at midnight UTC; the fill on the bar of 2026-01-06 (its
  // open, the bar's start) prints as that date, and so does its close.
  BacktestReport r = sample();
  r.daily = true;
  r.first_bar_length = std::chrono::hours(24);
  r.start = *parse_iso8601("2026-01-06T00:00:00Z");  // the first bar (of 2026-01-05) ends
  r.end = *parse_iso8601("2026-01-09T00:00:00Z");
  r.trade_list[0].entry_at = *parse_iso8601("2026-01-06T00:00:00Z");
  r.trade_list[0].exit_at = *parse_iso8601("2026-01-08T00:00:00Z");
  r.equity_curve = {{*parse_iso8601("2026-01-07T00:00:00Z"), usd("1000.004"), false}};
  EXPECT_EQ(report_text(r).substr(0, 34), "Backtest 2026-01-05 .. 2026-01-08 ");
  EXPECT_EQ(trades_csv(r).substr(trades_csv(r).find('\n') + 1),
            "IBM,short,5,2026-01-06,100.00,2026-01-08,97.40,0.50,12.50\n");
  EXPECT_EQ(equity_csv(r), "time,equity\n2026-01-06,1000.00\n");
}

TEST(ReportFormatTest, TradesCsvHasOneRowPerTrade) {
  EXPECT_EQ(trades_csv(sample()),
            "symbol,side,qty,entry_time,entry_price,exit_time,exit_price,fees,pnl\n"
            "IBM,short,5,2026-01-06T21:00:00Z,100.00,2026-01-07T21:00:00Z,97.40,0.50,12.50\n");
}

TEST(ReportFormatTest, EquityCsvHasOneRowPerPoint) {
  EXPECT_EQ(equity_csv(sample()),
            "time,equity\n"
            "2026-01-05T21:00:00Z,1000.00\n"
            "2026-01-06T21:00:00Z,1000.00\n"
            "2026-01-07T21:00:00Z,1012.50\n");
}

TEST(ReportFormatTest, JsonHasExactMoneyAndRoundedRatios) {
  Result<nlohmann::json> j = parse_json(report_json(sample()));
  ASSERT_TRUE(j.is_ok()) << j.status().to_string();
  EXPECT_EQ((*j)["start"], "2026-01-05T21:00:00Z");
  EXPECT_EQ((*j)["final_equity"], "1012.50");
  EXPECT_EQ((*j)["net_pnl"], "12.50");
  EXPECT_EQ((*j)["average_loss"], "0.00");
  EXPECT_EQ((*j)["bar_times"], 3);
  EXPECT_EQ((*j)["trades"], 1);
  EXPECT_EQ((*j)["max_drawdown_duration_seconds"], 36 * 3600);
  EXPECT_DOUBLE_EQ((*j)["total_return"].get<double>(), 0.0125);
  EXPECT_DOUBLE_EQ((*j)["sharpe"].get<double>(), 1.2345);
  EXPECT_EQ((*j)["daily"], false);
  EXPECT_EQ(j->size(), 24u) << "every number of the report, whether it is daily and the symbols' rows, nothing else";
  ASSERT_EQ((*j)["per_symbol"].size(), 1u);
  EXPECT_EQ((*j)["per_symbol"][0]["pnl"], "12.50");
  EXPECT_EQ((*j)["per_symbol"][0]["fills"], 2);
}

}  // namespace
}  // namespace stonks::testing
