// BacktestRunner: orders decided on a bar's close fill on the next bar, bars
// merge across symbols by time then symbol, stepping equals running through,
// two replays give the same journal bytes, and strategies' orders still go
// through risk.
#include "backtest/backtest_runner.h"

#include <gtest/gtest.h>

#include "journal/memory_storage.h"
#include "scripted_strategy.h"

namespace stonks::testing {
namespace {

// IBM over six days; the scripted strategy buys 10 on the close of bar 2 and
// sells them on the close of bar 5.
std::vector<Bar> six_days() {
  return {daily_bar("IBM", 1, "100", "101", "99", "100"),  daily_bar("IBM", 2, "100", "102", "99", "101"),
          daily_bar("IBM", 3, "102", "104", "101", "103"), daily_bar("IBM", 4, "103", "105", "102", "104"),
          daily_bar("IBM", 5, "104", "106", "103", "105"), daily_bar("IBM", 6, "106", "107", "105", "106")};
}

std::vector<SymbolStrategy> buy_2_sell_5() {
  std::vector<SymbolStrategy> s;
  s.push_back({sym("IBM"), scripted("IBM", 10, {{2, Side::kBuy}, {5, Side::kSell}})});
  return s;
}

std::unique_ptr<BacktestRunner> open_runner(MemoryStorage& storage, std::vector<Bar> bars,
                                            std::vector<SymbolStrategy> strategies, BacktestConfig config = {}) {
  Result<std::unique_ptr<BacktestRunner>> r = BacktestRunner::open(
      &storage, std::make_unique<VectorBarSource>(std::move(bars)), std::move(strategies), std::move(config));
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? std::move(r).value() : nullptr;
}

// Every file of the storage with its bytes.
std::map<std::string, std::string> files(MemoryStorage& storage) {
  std::map<std::string, std::string> out;
  Result<std::vector<std::string>> names = storage.list();
  EXPECT_TRUE(names.is_ok());
  if (!names.is_ok()) return out;
  for (const std::string& name : *names) out[name] = *storage.read_file(name);
  return out;
}

TEST(BacktestRunnerTest, AnOrderDecidedOnACloseFillsAtTheNextBarsOpen) {
  MemoryStorage storage;
  BacktestConfig config;
  config.risk.paper.fee_per_fill = usd("1");
  auto runner = open_runner(storage, six_days(), buy_2_sell_5(), config);
  ASSERT_TRUE(runner->run().is_ok());
  EXPECT_TRUE(runner->done());

  const auto& fills = runner->state().fills;
  ASSERT_EQ(fills.size(), 2u);
  EXPECT_EQ(fills[0].side, Side::kBuy);
  EXPECT_EQ(fills[0].price, px("102")) << "bar 3's open, not bar 2's close of 101";
  EXPECT_EQ(fills[0].at, day_end(3));
  EXPECT_EQ(fills[1].side, Side::kSell);
  EXPECT_EQ(fills[1].price, px("106")) << "bar 6's open";
  EXPECT_EQ(fills[1].at, day_end(6));
  EXPECT_EQ(runner->state().orders.at(fills[0].order_id).intent().source, "strategy:scripted");

  // Cash 100000; buy 10 at 102 and a 1.00 fee: 98979, marked at the closes;
  // sell 10 at 106 and a 1.00 fee: 100038.
  const EquityCurve curve = runner->equity().curve();
  ASSERT_EQ(curve.size(), 6u);
  const char* equity[] = {"100000", "100000", "100009", "100019", "100029", "100038"};
  const bool exposed[] = {false, false, true, true, true, false};
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(curve[i].at, day_end(static_cast<int>(i) + 1));
    EXPECT_EQ(curve[i].equity, usd(equity[i])) << "point " << i;
    EXPECT_EQ(curve[i].exposed, exposed[i]) << "point " << i;
  }
}

TEST(BacktestRunnerTest, BarsMergeByTimeThenSymbolAndStrategiesSeeTheirSymbolOnly) {
  MemoryStorage storage;
  // MSFT's series first, AAPL's second, and AAPL's third bar a day late.
  std::vector<Bar> bars = {
      daily_bar("MSFT", 1, "200", "201", "199", "200"), daily_bar("MSFT", 2, "200", "201", "199", "200"),
      daily_bar("MSFT", 3, "200", "201", "199", "200"), daily_bar("AAPL", 1, "100", "101", "99", "100"),
      daily_bar("AAPL", 2, "100", "101", "99", "100"),  daily_bar("AAPL", 4, "100", "101", "99", "100")};
  auto aapl = std::make_unique<ScriptedStrategy>("AAPL", 1, std::map<int, Side>{});
  ScriptedStrategy* seen = aapl.get();
  std::vector<SymbolStrategy> strategies;
  strategies.push_back({sym("AAPL"), std::move(aapl)});
  auto runner = open_runner(storage, bars, std::move(strategies));
  ASSERT_TRUE(runner->run().is_ok());

  std::vector<std::pair<std::string, Timestamp>> order;
  VectorBarSource source(bars);
  for (Bar b; *source.next(b);) order.emplace_back(b.symbol.str(), b.at);
  const std::vector<std::pair<std::string, Timestamp>> expected = {{"AAPL", day_end(1)}, {"MSFT", day_end(1)},
                                                                   {"AAPL", day_end(2)}, {"MSFT", day_end(2)},
                                                                   {"MSFT", day_end(3)}, {"AAPL", day_end(4)}};
  EXPECT_EQ(order, expected);
  ASSERT_EQ(seen->seen.size(), 3u);
  for (const Bar& b : seen->seen) EXPECT_EQ(b.symbol, sym("AAPL"));
  EXPECT_EQ(runner->equity().points(), 4u) << "one point per distinct bar time";
}

TEST(BacktestRunnerTest, ReplayingTwiceOrInStepsGivesTheSameJournalBytes) {
  BacktestConfig config;
  config.risk.paper.slippage_bps = 7;
  config.risk.paper.fee_bps = 3;
  MemoryStorage once, again, stepped;
  auto a = open_runner(once, six_days(), buy_2_sell_5(), config);
  auto b = open_runner(again, six_days(), buy_2_sell_5(), config);
  auto c = open_runner(stepped, six_days(), buy_2_sell_5(), config);
  ASSERT_TRUE(a->run().is_ok());
  ASSERT_TRUE(b->run().is_ok());
  while (!c->done()) ASSERT_TRUE(c->step(4).is_ok());  // a step ends inside a day, then past the end

  EXPECT_FALSE(files(once).empty());
  EXPECT_EQ(files(once), files(again));
  EXPECT_EQ(files(once), files(stepped));
  EXPECT_EQ(a->equity().curve(), c->equity().curve());
  EXPECT_EQ(a->state().fills, c->state().fills);
  EXPECT_EQ(a->state(), b->state());
}

TEST(BacktestRunnerTest, TheJournalRecoversTheStateTheReplayEndedIn) {
  MemoryStorage storage;
  BacktestConfig config;
  config.risk.paper.fee_bps = 3;
  auto runner = open_runner(storage, six_days(), buy_2_sell_5(), config);
  ASSERT_TRUE(runner->run().is_ok());
  const EngineState ended = runner->state();
  runner.reset();  // one store per storage
  PaperBroker broker;
  Result<std::unique_ptr<EngineStore>> reopened = EngineStore::open(storage, broker);
  ASSERT_TRUE(reopened.is_ok()) << reopened.status().to_string();
  EXPECT_EQ((*reopened)->engine().state(), ended);
  EXPECT_EQ((*reopened)->engine().state().fills.size(), 2u);
}

TEST(BacktestRunnerTest, ReportsProgressAtTheCallersRate) {
  MemoryStorage storage;
  auto runner = open_runner(storage, six_days(), buy_2_sell_5());
  EXPECT_EQ(runner->progress(0).bars_done, 0u);
  ASSERT_TRUE(runner->step(3).is_ok());
  ReplayProgress p = runner->progress(1.5);
  EXPECT_EQ(p.bars_done, 3u);
  EXPECT_EQ(p.bars_total, 6u);
  EXPECT_DOUBLE_EQ(p.bars_per_second, 2.0);
  EXPECT_EQ(runner->progress(0).bars_per_second, 0.0) << "no time passed: no rate";
  EXPECT_FALSE(runner->done());
  EXPECT_EQ(runner->equity().points(), 2u) << "the third bar time is over only when a later one comes";
}

TEST(BacktestRunnerTest, StrategyOrdersStillPassEveryRiskCheck) {
  MemoryStorage storage;
  BacktestConfig config;
  config.starting_cash = usd("500");  // 10 IBM at 101 is 1010: more than the cash
  config.risk.limits.allow_short = false;
  auto runner = open_runner(storage, six_days(), buy_2_sell_5(), config);
  ASSERT_TRUE(runner->run().is_ok());
  EXPECT_TRUE(runner->state().fills.empty());
  auto reasons_of = [&](OrderId id) {
    std::vector<ReasonCode> codes;
    const Order* o = runner->state().order(id);
    EXPECT_NE(o, nullptr);
    if (!o) return codes;
    EXPECT_EQ(o->status(), OrderStatus::kRiskRejected);
    for (const Reason& r : o->reasons()) codes.push_back(r.code);
    return codes;
  };
  EXPECT_EQ(reasons_of(1), std::vector<ReasonCode>{ReasonCode::kInsufficientBuyingPower});
  // The sell finds no position to close: a short, which this config refuses
  // and the cash could not carry either; every failed check is named.
  EXPECT_EQ(reasons_of(2),
            (std::vector<ReasonCode>{ReasonCode::kInsufficientBuyingPower, ReasonCode::kShortSellingNotAllowed}));
}

TEST(BacktestRunnerTest, OrdersNeverWaitForAnOperator) {
  MemoryStorage storage;
  BacktestConfig config;
  config.risk.operator_approval.auto_approve_paper = false;
  auto runner = open_runner(storage, six_days(), buy_2_sell_5(), config);
  ASSERT_TRUE(runner->run().is_ok());
  EXPECT_EQ(runner->state().fills.size(), 2u);
  EXPECT_EQ(runner->state().approvals.pending_count(), 0u);
}

TEST(BacktestRunnerTest, RefusesWhatCannotBeReplayed) {
  MemoryStorage storage;
  auto field = [&](BacktestConfig c) {
    return BacktestRunner::open(&storage, std::make_unique<VectorBarSource>(six_days()), {}, std::move(c))
        .status()
        .field();
  };
  BacktestConfig broke;
  broke.starting_cash = Money();
  EXPECT_EQ(field(broke), "starting_cash");
  BacktestConfig bad_risk;
  bad_risk.risk.paper.fee_bps = -1;
  EXPECT_EQ(field(bad_risk), "paper.fee_bps");
  EXPECT_TRUE(files(storage).empty()) << "nothing was written for a refused replay";

  auto first = open_runner(storage, six_days(), {});
  ASSERT_TRUE(first->run().is_ok());
  EXPECT_EQ(BacktestRunner::open(&storage, std::make_unique<VectorBarSource>(six_days()), {}, {}).status().code(),
            StatusCode::kConflict)
      << "the storage already holds a journal";
}

TEST(BacktestRunnerTest, BarsThatCannotBeReplayedStopTheReplayNamingThem) {
  auto failure = [](std::vector<Bar> bars) {
    Result<std::unique_ptr<BacktestRunner>> r =
        BacktestRunner::open(nullptr, std::make_unique<VectorBarSource>(std::move(bars)), {}, {});
    EXPECT_TRUE(r.is_ok());
    return (*r)->run();
  };
  EXPECT_EQ(failure({}).field(), "bars") << "no bars at all";
  std::vector<Bar> twice = six_days();
  twice.push_back(twice[2]);  // as from a second file of the same symbol
  const Status st = failure(twice);
  EXPECT_EQ(st.field(), "bars");
  EXPECT_NE(st.message().find("two bars of IBM"), std::string::npos) << st.message();
}

TEST(BacktestRunnerTest, WithoutAJournalTheReplayIsTheSame) {
  MemoryStorage storage;
  auto journaled = open_runner(storage, six_days(), buy_2_sell_5());
  Result<std::unique_ptr<BacktestRunner>> bare =
      BacktestRunner::open(nullptr, std::make_unique<VectorBarSource>(six_days()), buy_2_sell_5(), {});
  ASSERT_TRUE(bare.is_ok());
  ASSERT_TRUE(journaled->run().is_ok());
  ASSERT_TRUE((*bare)->run().is_ok());
  EXPECT_EQ((*bare)->state(), journaled->state());
  EXPECT_EQ((*bare)->report().trade_list, journaled->report().trade_list);
}

}  // namespace
}  // namespace stonks::testing
