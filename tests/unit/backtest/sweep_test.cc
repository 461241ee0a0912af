// Sweeps: the grid's combinations and their numbering, shards that cover it
// once, ranking, and sweep.csv read back as written.
#include <gtest/gtest.h>

#include <set>

#include "backtest/sweep/sweep_grid.h"
#include "backtest/sweep/sweep_results.h"

namespace stonks::testing {
namespace {

using Values = std::vector<std::string>;

TEST(SweepGridTest, RangesAndListsGiveTheirValues) {
  EXPECT_EQ(parse_sweep_axis("fast=5:30:5")->values, (Values{"5", "10", "15", "20", "25", "30"}));
  EXPECT_EQ(parse_sweep_axis("fast=5:12:5")->values, (Values{"5", "10"})) << "the end is inclusive when hit";
  EXPECT_EQ(parse_sweep_axis("entry=1.5:3:0.5")->values, (Values{"1.5", "2", "2.5", "3"}));
  EXPECT_EQ(parse_sweep_axis("allow_short=true,false")->values, (Values{"true", "false"}));
  EXPECT_EQ(parse_sweep_axis("slow=7")->values, (Values{"7"}));
  for (const char* bad : {"fast", "=1,2", "fast=", "fast=1,,2", "fast=5:1:1", "fast=1:5:0", "fast=1:5", "fast=a:5:1",
                          "fast=1,1", "fast=1:100000:1"}) {
    Result<SweepAxis> a = parse_sweep_axis(bad);
    ASSERT_FALSE(a.is_ok()) << bad;
    EXPECT_EQ(a.status().field(), "--sweep") << bad;
  }
}

TEST(SweepGridTest, CombinationsRunTheLastKeyFastest) {
  Result<SweepGrid> g = SweepGrid::make({*parse_sweep_axis("fast=1,2"), *parse_sweep_axis("slow=10,20,30")});
  ASSERT_TRUE(g.is_ok());
  ASSERT_EQ(g->size(), 6u);
  using Combo = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(g->combination(0), (Combo{{"fast", "1"}, {"slow", "10"}}));
  EXPECT_EQ(g->combination(2), (Combo{{"fast", "1"}, {"slow", "30"}}));
  EXPECT_EQ(g->combination(3), (Combo{{"fast", "2"}, {"slow", "10"}}));
  EXPECT_EQ(g->combination(5), (Combo{{"fast", "2"}, {"slow", "30"}}));
  EXPECT_FALSE(SweepGrid::make({*parse_sweep_axis("fast=1,2"), *parse_sweep_axis("fast=3")}).is_ok());
  EXPECT_FALSE(
      SweepGrid::make({*parse_sweep_axis("a=1:1000:1"), *parse_sweep_axis("b=1:1000:1"), *parse_sweep_axis("c=1,2")})
          .is_ok())
      << "two million combinations";
}

TEST(SweepGridTest, ShardsCoverTheGridOnceInNearEqualSlices) {
  for (std::size_t size : {0u, 1u, 7u, 48u, 1000u}) {
    for (int n : {1, 2, 3, 7, 50}) {
      std::size_t next = 0, smallest = size, largest = 0;
      for (int k = 1; k <= n; ++k) {
        const auto [first, last] = shard_range(size, k, n);
        EXPECT_EQ(first, next) << size << " " << k << "/" << n;
        next = last;
        smallest = std::min(smallest, last - first);
        largest = std::max(largest, last - first);
      }
      EXPECT_EQ(next, size);
      EXPECT_LE(largest - smallest, 1u);
    }
  }
}

SweepRow row(std::size_t combination, std::int64_t sharpe, std::int64_t ret, std::int64_t drawdown) {
  SweepRow r;
  r.combination = combination;
  r.values = {std::to_string(combination)};
  r.in_sample.sharpe = sharpe;
  r.in_sample.return_pct = ret;
  r.in_sample.drawdown_pct = drawdown;
  r.in_sample.final_equity = Money::from_micros(123'450'000);
  return r;
}

std::vector<std::size_t> order(const std::vector<SweepRow>& rows) {
  std::vector<std::size_t> out;
  for (const SweepRow& r : rows) out.push_back(r.combination);
  return out;
}

TEST(SweepResultsTest, RanksBestFirstAndTiesByCombination) {
  std::vector<SweepRow> rows = {row(0, 100, -50, 300), row(1, 250, 20, 100), row(2, 100, 90, 100)};
  rank_sweep(rows, SweepRank::kSharpe);
  EXPECT_EQ(order(rows), (std::vector<std::size_t>{1, 0, 2}));
  rank_sweep(rows, SweepRank::kReturn);
  EXPECT_EQ(order(rows), (std::vector<std::size_t>{2, 1, 0}));
  rank_sweep(rows, SweepRank::kDrawdown);
  EXPECT_EQ(order(rows), (std::vector<std::size_t>{1, 2, 0})) << "the smallest drawdown first";
}

TEST(SweepResultsTest, SweepCsvReadsBackAsWritten) {
  SweepTable t;
  t.keys = {"fast"};
  t.combinations = 9;
  t.split = true;
  t.rows = {row(4, -123, 4567, 89), row(8, 5, -1, 0)};
  for (SweepRow& r : t.rows) r.out_of_sample = r.in_sample;
  const std::string text = sweep_csv(t);
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "combination,of,fast,trades,return_pct,sharpe,max_drawdown_pct,win_rate_pct,final_equity,oos_trades,"
            "oos_return_pct,oos_sharpe,oos_max_drawdown_pct,oos_win_rate_pct,oos_final_equity");
  EXPECT_NE(text.find("\n4,9,4,0,45.67,-1.23,0.89,0.00,123.45,"), std::string::npos) << text;
  Result<SweepTable> back = parse_sweep_csv(text);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(*back, t);
  for (const char* bad : {"", "a,b\n", "combination,of,fast\n",
                          "combination,of,trades,return_pct,sharpe,max_drawdown_pct,win_rate_pct,final_equity\n9,9,0,"
                          "0.00,0.00,0.00,0.00,1.00\n"}) {
    EXPECT_FALSE(parse_sweep_csv(bad).is_ok()) << bad;
  }
}

TEST(SweepResultsTest, MergeRefusesShardsThatDoNotBelongTogether) {
  SweepTable a;
  a.keys = {"fast"};
  a.combinations = 4;
  a.rows = {row(0, 1, 1, 1), row(1, 3, 1, 1)};
  SweepTable b = a;
  b.rows = {row(2, 2, 1, 1)};
  Result<SweepTable> m = merge_sweeps({a, b}, SweepRank::kSharpe);
  ASSERT_TRUE(m.is_ok());
  EXPECT_EQ(order(m->rows), (std::vector<std::size_t>{1, 2, 0}));
  EXPECT_FALSE(merge_sweeps({a, a}, SweepRank::kSharpe).is_ok()) << "a combination twice";
  SweepTable other = b;
  other.keys = {"slow"};
  EXPECT_FALSE(merge_sweeps({a, other}, SweepRank::kSharpe).is_ok()) << "another sweep's keys";
  other = b;
  other.combinations = 5;
  EXPECT_FALSE(merge_sweeps({a, other}, SweepRank::kSharpe).is_ok()) << "another grid's size";
}

}  // namespace
}  // namespace stonks::testing
