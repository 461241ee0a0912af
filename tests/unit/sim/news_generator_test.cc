// Tests for NewsGenerator: determinism (golden headlines), arrival rate,
// switching off, severities against the news-shock threshold, the per-call
// bound and restoring.
#include "sim/news_generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <vector>

#include "config/risk_config.h"
#include "sim/sim_settings.h"
#include "support/engine_harness.h"

namespace stonks {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using testing::test_epoch;

std::vector<NewsEvent> run(NewsGenerator& gen, Timestamp from, Duration step, int steps) {
  std::vector<NewsEvent> all;
  for (int i = 1; i <= steps; ++i) {
    std::vector<NewsEvent> n = gen.advance_to(from + step * i);
    all.insert(all.end(), n.begin(), n.end());
  }
  return all;
}

TEST(NewsGenerator, SameSeedGivesIdenticalHeadlines) {
  NewsGenerator a(42, 60, test_epoch()), b(42, 60, test_epoch()), c(41, 60, test_epoch());
  const std::vector<NewsEvent> na = run(a, test_epoch(), minutes(1), 600);
  EXPECT_EQ(na, run(b, test_epoch(), minutes(1), 600));
  EXPECT_NE(na, run(c, test_epoch(), minutes(1), 600));
}

// Hard-coded: the wasm build runs this same test.
TEST(NewsGenerator, Seed42GivesTheGoldenHeadlines) {
  NewsGenerator gen(42, 12, test_epoch());
  std::vector<NewsEvent> n = run(gen, test_epoch(), minutes(1), 60 * 24);
  ASSERT_GE(n.size(), 3u);
  auto text = [](const NewsEvent& e) {
    return format_iso8601(e.at) + " " + e.symbol.str() + " " + std::to_string(e.severity) + " " + e.headline;
  };
  EXPECT_EQ(text(n[0]),
            "2026-11-24T14:30:38.265488Z JNJ 66 FDA approves Johnson & Johnson treatment after priority review");
  EXPECT_EQ(text(n[1]), "2026-11-24T14:31:12.031141Z NVDA 87 Nvidia CEO steps down unexpectedly");
  EXPECT_EQ(text(n[2]), "2026-11-24T14:37:44.890571Z AAPL 76 New chip export curbs threaten Apple sales");
  EXPECT_EQ(n.size(), 288u);
}

TEST(NewsGenerator, RateRoughlyMatchesTheSetting) {
  for (int per_hour : {1, 12, 120}) {
    NewsGenerator gen(5, per_hour, test_epoch());
    const double expected = per_hour * 1000.0;  // over 1000 simulated hours
    const std::size_t n = run(gen, test_epoch(), minutes(1), 60 * 1000).size();
    // Poisson: the standard deviation is sqrt(expected); allow 4 of them.
    EXPECT_NEAR(static_cast<double>(n), expected, 4 * std::sqrt(expected)) << per_hour << " per hour";
  }
}

TEST(NewsGenerator, ZeroRateTurnsNewsOff) {
  NewsGenerator off(5, 0, test_epoch());
  EXPECT_TRUE(run(off, test_epoch(), minutes(10), 6 * 100).empty());
  EXPECT_FALSE(off.state().next_at.has_value());

  NewsGenerator on(5, 60, test_epoch());
  EXPECT_FALSE(run(on, test_epoch(), minutes(10), 6).empty());
  on.set_rate(0, test_epoch() + hours(1));
  EXPECT_TRUE(run(on, test_epoch() + hours(1), minutes(10), 6 * 100).empty());
}

TEST(NewsGenerator, HeadlinesAreValidAndSomeReachTheNewsShockThreshold) {
  NewsGenerator gen(8, 600, test_epoch());
  const std::vector<NewsEvent> n = run(gen, test_epoch(), std::chrono::seconds(10), 6 * 60 * 10);
  ASSERT_GT(n.size(), 5000u);
  const int threshold = GuardConfig{}.news_shock_severity;
  std::size_t shocking = 0;
  std::set<std::string> tickers;
  for (const NewsEvent& e : n) {
    ASSERT_TRUE(validate(e).is_ok()) << validate(e).to_string();
    ASSERT_EQ(e.headline.find('{'), std::string::npos) << e.headline;
    shocking += e.severity >= threshold;
    tickers.insert(e.symbol.str());
  }
  const double share = static_cast<double>(shocking) / static_cast<double>(n.size());
  EXPECT_GT(share, 0.05);
  EXPECT_LT(share, 0.4);
  EXPECT_EQ(tickers.size(), 20u);
}

TEST(NewsGenerator, ArrivalsAreInOrderAndAtMostEightPerCall) {
  NewsGenerator gen(6, SimSettings::kMaxNewsPerHour, test_epoch());
  const std::vector<NewsEvent> n = gen.advance_to(test_epoch() + hours(1));
  EXPECT_EQ(n.size(), NewsGenerator::kMaxPerCall);
  for (std::size_t i = 1; i < n.size(); ++i) EXPECT_LE(n[i - 1].at, n[i].at);
  // The dropped backlog does not spill into the next call.
  ASSERT_TRUE(gen.state().next_at.has_value());
  EXPECT_GT(*gen.state().next_at, test_epoch() + hours(1));
}

TEST(NewsGenerator, ResumedFromItsStateItContinuesIdentically) {
  NewsGenerator a(4, 60, test_epoch());
  run(a, test_epoch(), minutes(1), 100);
  Result<NewsGenerator> b = NewsGenerator::restore(a.state(), 60);
  ASSERT_TRUE(b.is_ok()) << b.status().to_string();
  NewsGenerator resumed = std::move(b).value();
  const Timestamp from = test_epoch() + minutes(100);
  EXPECT_EQ(run(a, from, minutes(1), 600), run(resumed, from, minutes(1), 600));
}

TEST(NewsGenerator, RestoreRefusesAStateThatDoesNotFitTheRate) {
  const NewsGenState on = NewsGenerator(4, 60, test_epoch()).state();
  EXPECT_EQ(NewsGenerator::restore(on, 0).status().field(), "next_at");
  const NewsGenState off = NewsGenerator(4, 0, test_epoch()).state();
  EXPECT_EQ(NewsGenerator::restore(off, 60).status().field(), "next_at");
  NewsGenState zero = on;
  zero.rng = {};
  EXPECT_EQ(NewsGenerator::restore(zero, 60).status().field(), "rng");
}

}  // namespace
}  // namespace stonks
