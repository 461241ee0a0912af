// The backtest report on small fixtures worked out by hand: an eight-day
// replay with a winning and a losing trade, and equity curves chosen to show
// how drawdowns and their length are measured.
#include "backtest/report/backtest_report.h"

#include <gtest/gtest.h>

#include <cmath>

#include "backtest/backtest_runner.h"
#include "journal/memory_storage.h"
#include "scripted_strategy.h"

namespace stonks::testing {
namespace {

constexpr Duration kDay = std::chrono::hours(24);

// IBM over eight days, one bar a day. The strategy buys 10 on the closes of
// bars 2 and 5 and sells 10 on the closes of bars 4 and 7; each order fills
// at the next bar's open with a fee of 1.00 (no slippage).
//
//  bar  O    H    L    C    fill                 cash      equity (cash + 10 x C if long)
//   1  100  101   99  100                        100000    100000
//   2  100  101   99  100   (buy decided)        100000    100000
//   3  101  102  100  102   buy 10 @ 101, fee 1   98989    100009   exposed
//   4  102  103  101  103   (sell decided)        98989    100019   exposed
//   5  104  104   98   99   sell 10 @ 104, fee 1 100028    100028   (buy decided)
//   6   98   99   95   96   buy 10 @ 98, fee 1    99047    100007   exposed
//   7   96   97   93   94   (sell decided)        99047     99987   exposed
//   8   95   96   94   95   sell 10 @ 95, fee 1   99996     99996
//
// Trade 1: long 10, 101 -> 104, 1040 - 1010 - 2 = 28. Trade 2: long 10,
// 98 -> 95, 950 - 980 - 2 = -32.
class EightDayReport : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Bar> bars = {
        daily_bar("IBM", 1, "100", "101", "99", "100"),  daily_bar("IBM", 2, "100", "101", "99", "100"),
        daily_bar("IBM", 3, "101", "102", "100", "102"), daily_bar("IBM", 4, "102", "103", "101", "103"),
        daily_bar("IBM", 5, "104", "104", "98", "99"),   daily_bar("IBM", 6, "98", "99", "95", "96"),
        daily_bar("IBM", 7, "96", "97", "93", "94"),     daily_bar("IBM", 8, "95", "96", "94", "95")};
    std::vector<SymbolStrategy> s;
    s.push_back(
        {sym("IBM"), scripted("IBM", 10, {{2, Side::kBuy}, {4, Side::kSell}, {5, Side::kBuy}, {7, Side::kSell}})});
    BacktestConfig config;
    config.risk.paper.fee_per_fill = usd("1");
    Result<std::unique_ptr<BacktestRunner>> r =
        BacktestRunner::open(&storage, std::make_unique<VectorBarSource>(bars), std::move(s), config);
    ASSERT_TRUE(r.is_ok()) << r.status().to_string();
    ASSERT_TRUE((*r)->run().is_ok());
    report = (*r)->report();
  }

  MemoryStorage storage;
  BacktestReport report;
};

TEST_F(EightDayReport, MoneyTotals) {
  EXPECT_EQ(report.start, day_end(1));
  EXPECT_EQ(report.end, day_end(8));
  EXPECT_EQ(report.points, 8u);
  EXPECT_EQ(report.fills, 4u);
  EXPECT_EQ(report.starting_equity, usd("100000"));
  EXPECT_EQ(report.final_equity, usd("99996"));
  EXPECT_EQ(report.net_pnl, usd("-4"));
  EXPECT_EQ(report.fees_paid, usd("4"));
  EXPECT_DOUBLE_EQ(report.total_return, -0.00004);  // -4 / 100000
}

TEST_F(EightDayReport, TradesAndTheirStatistics) {
  ASSERT_EQ(report.trade_list.size(), 2u);
  EXPECT_EQ(report.trade_list[0].entry_price, px("101"));
  EXPECT_EQ(report.trade_list[0].exit_price, px("104"));
  // The fills happened at the opens of bars 3 and 5: the starts of those days.
  EXPECT_EQ(report.trade_list[0].entry_at, day_end(2));
  EXPECT_EQ(report.trade_list[0].exit_at, day_end(4));
  EXPECT_EQ(report.trade_list[0].pnl, usd("28"));
  EXPECT_EQ(report.trade_list[1].pnl, usd("-32"));
  EXPECT_EQ(report.trades, 2);
  EXPECT_EQ(report.wins, 1);
  EXPECT_EQ(report.losses, 1);
  EXPECT_EQ(report.open_trades, 0);
  EXPECT_DOUBLE_EQ(report.win_rate, 0.5);
  EXPECT_EQ(report.average_win, usd("28"));
  EXPECT_EQ(report.average_loss, usd("-32"));
}

TEST_F(EightDayReport, ExposureIsTheShareOfBarTimesWithAPosition) {
  EXPECT_DOUBLE_EQ(report.exposure, 0.5);  // bars 3, 4, 6, 7 of 8
}

TEST_F(EightDayReport, DrawdownFromThePeakOfBar5NeverRecovered) {
  // Peak 100028 after bar 5, trough 99987 after bar 7: 41 / 100028 =
  // 0.000409885 -> 0.00041; not regained by the end (bar 8): 3 days.
  EXPECT_DOUBLE_EQ(report.max_drawdown, 0.00041);
  EXPECT_EQ(report.max_drawdown_duration, 3 * kDay);
}

TEST_F(EightDayReport, VolatilitySharpeAndCagrFromDailyReturns) {
  // Each bar ends a different UTC day: eight daily returns, the first
  // against the starting cash.
  const double r[] = {0.0, 0.0, 9.0 / 100000, 10.0 / 100009, 9.0 / 100019, -21.0 / 100028, -20.0 / 100007, 9.0 / 99987};
  double mean = 0;
  for (double x : r) mean += x / 8;
  double var = 0;
  for (double x : r) var += (x - mean) * (x - mean) / 7;  // sample variance
  const double sd = std::sqrt(var);
  EXPECT_NEAR(report.annual_volatility, sd * std::sqrt(252.0), 1e-6);
  EXPECT_NEAR(report.sharpe, mean / sd * std::sqrt(252.0), 1e-6);
  EXPECT_LT(report.sharpe, 0) << "the replay lost money";
  // 7 days from the first bar's end to the last's: 7 / 365.25 years.
  EXPECT_NEAR(report.cagr, std::pow(99996.0 / 100000.0, 365.25 / 7) - 1, 1e-6);
  EXPECT_NEAR(report.cagr, -0.002085, 1e-5);
}

EquityCurve curve(std::initializer_list<int> units) {
  EquityCurve c;
  int day = 1;
  for (int u : units) c.push_back(EquityPoint{day_end(day++), Money::from_units(u), false});
  return c;
}

// The report of `c` alone, no fills, from a starting cash of 100.
BacktestReport report_of(const EquityCurve& c) {
  EquityTracker equity(Money::from_units(100));
  for (const EquityPoint& p : c) equity.add(p);
  return make_report(equity, {}, ReportTimes{});
}

TEST(BacktestReportTest, DrawdownLastsFromItsPeakUntilEquityRegainsIt) {
  // Peak 120 (day 2), trough 90 (day 3): 30 / 120 = 25%; 120 is regained
  // on day 5, three days after the peak. The later dip from 125 to 110
  // (12%) is shallower and does not count.
  BacktestReport r = report_of(curve({100, 120, 90, 110, 120, 125, 110}));
  EXPECT_DOUBLE_EQ(r.max_drawdown, 0.25);
  EXPECT_EQ(r.max_drawdown_duration, 3 * kDay);
}

TEST(BacktestReportTest, AFallBelowTheStartingCashIsADrawdownFromTheFirstPoint) {
  BacktestReport r = report_of(curve({80, 90, 100}));
  EXPECT_DOUBLE_EQ(r.max_drawdown, 0.2);
  EXPECT_EQ(r.max_drawdown_duration, 2 * kDay);
}

TEST(BacktestReportTest, SeveralPointsOnADayMakeOneDailyReturn) {
  // Two points on each of two days: returns 110/100 - 1 and 99/110 - 1.
  EquityCurve c = {EquityPoint{day_end(1) - std::chrono::hours(2), Money::from_units(50), false},
                   EquityPoint{day_end(1), Money::from_units(110), false},
                   EquityPoint{day_end(2) - std::chrono::hours(2), Money::from_units(500), false},
                   EquityPoint{day_end(2), Money::from_units(99), false}};
  BacktestReport r = report_of(c);
  const double a = 0.1, b = -0.1;
  const double mean = (a + b) / 2;
  const double sd = std::sqrt(((a - mean) * (a - mean) + (b - mean) * (b - mean)) / 1);
  EXPECT_NEAR(r.annual_volatility, sd * std::sqrt(252.0), 1e-6);
}

TEST(BacktestReportTest, ALongCurveIsThinnedButItsNumbersCountEveryPoint) {
  // A million one-minute points: the curve keeps at most kMaxPoints of them
  // (every 2^k-th and the last) while the drawdown sees the single dip.
  EquityTracker equity(Money::from_units(100));
  const Timestamp t0 = day_end(1);
  for (int i = 0; i < 1'000'000; ++i) {
    const bool dip = i == 500'001;  // an odd point, which thinning drops
    equity.add(EquityPoint{t0 + std::chrono::minutes(i), Money::from_units(dip ? 50 : 100 + i % 2), i % 4 == 0});
  }
  BacktestReport r = make_report(equity, {}, ReportTimes{});
  EXPECT_EQ(r.points, 1'000'000u);
  EXPECT_LE(r.equity_curve.size(), EquityTracker::kMaxPoints + 1);
  EXPECT_GE(r.equity_curve.size(), EquityTracker::kMaxPoints / 2);
  EXPECT_EQ(r.equity_curve.front().at, t0);
  EXPECT_EQ(r.equity_curve.back().at, t0 + std::chrono::minutes(999'999)) << "the last point is always kept";
  for (std::size_t i = 1; i < r.equity_curve.size(); ++i) ASSERT_LT(r.equity_curve[i - 1].at, r.equity_curve[i].at);
  EXPECT_NEAR(r.max_drawdown, 51.0 / 101, 1e-6) << "from the running peak of 101 to the dip's 50";
  EXPECT_DOUBLE_EQ(r.exposure, 0.25);
}

TEST(BacktestReportTest, NoBarsGiveZeros) {
  BacktestReport r = report_of({});
  EXPECT_EQ(r.final_equity, Money::from_units(100));
  EXPECT_EQ(r.total_return, 0);
  EXPECT_EQ(r.trades, 0);
  EXPECT_EQ(r.max_drawdown_duration, Duration(0));
}

}  // namespace
}  // namespace stonks::testing
