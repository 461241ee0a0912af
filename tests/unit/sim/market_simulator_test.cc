// Tests for MarketSimulator: determinism (with golden quotes that the wasm
// build must match), quote shape, bounds per call, regime and jump rates,
// the price-shock guard, resuming and reseeding.
#include "sim/market_simulator.h"

#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "core/engine.h"
#include "execution/paper_broker.h"
#include "sim/ticker_universe.h"
#include "support/engine_harness.h"

namespace stonks {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::test_epoch;

// Every quote of `steps` calls, `step` apart, after the first at test_epoch().
std::vector<Quote> run(MarketSimulator& sim, Timestamp from, Duration step, int steps) {
  std::vector<Quote> all;
  for (int i = 1; i <= steps; ++i) {
    std::vector<Quote> q = sim.advance_to(from + step * i);
    all.insert(all.end(), q.begin(), q.end());
  }
  return all;
}

TEST(MarketSimulator, FirstCallQuotesEveryTickerNearItsFirstPrice) {
  MarketSimulator sim(42, test_epoch());
  std::vector<Quote> quotes = sim.advance_to(test_epoch());
  const auto universe = ticker_universe();
  ASSERT_EQ(quotes.size(), universe.size());
  for (std::size_t i = 0; i < universe.size(); ++i) {
    EXPECT_EQ(quotes[i].symbol.str(), universe[i].symbol);
    EXPECT_NEAR(static_cast<double>(quotes[i].mid().micros()), universe[i].first_cents * 10'000.0, 10'000.0);
    EXPECT_EQ(quotes[i].at, test_epoch());
  }
}

TEST(MarketSimulator, SameSeedGivesIdenticalQuotes) {
  MarketSimulator a(42, test_epoch()), b(42, test_epoch()), c(43, test_epoch());
  const std::vector<Quote> qa = run(a, test_epoch(), seconds(7), 2000);
  EXPECT_EQ(qa, run(b, test_epoch(), seconds(7), 2000));
  EXPECT_NE(qa, run(c, test_epoch(), seconds(7), 2000));
  EXPECT_EQ(a.state(), b.state());
}

// Hard-coded: the wasm build runs this same test, so passing in both proves
// the two builds produce bit-identical markets.
TEST(MarketSimulator, Seed42GivesTheGoldenQuotes) {
  MarketSimulator sim(42, test_epoch());
  sim.advance_to(test_epoch());
  run(sim, test_epoch(), seconds(10), 8640);  // a simulated day: regimes and jumps included
  std::vector<Quote> q = sim.advance_to(test_epoch() + hours(25));
  std::map<std::string, Quote> by_symbol;
  for (const Quote& quote : q) by_symbol[quote.symbol.str()] = quote;
  ASSERT_EQ(by_symbol.size(), 20u);
  auto text = [&](const std::string& s) {
    const Quote& x = by_symbol.at(s);
    return x.bid.to_string() + "/" + x.ask.to_string() + " " + std::to_string(x.bid_size) + "x" +
           std::to_string(x.ask_size);
  };
  EXPECT_EQ(text("AAPL"), "184.20/184.22 1300x200");
  EXPECT_EQ(text("NVDA"), "119.61/119.65 800x1800");
  EXPECT_EQ(text("KO"), "55.56/55.57 1300x2000");
  EXPECT_EQ(text("TSLA"), "232.63/232.65 1000x1100");
  EXPECT_EQ(sim.stats().jumps, 45u);
  EXPECT_EQ(sim.stats().regime_switches, 279u);
}

TEST(MarketSimulator, QuotesStayOnTheTickWithBidBelowAskOverASimulatedYear) {
  MarketSimulator sim(7, test_epoch());
  const auto universe = ticker_universe();
  std::size_t n = 0;
  for (int i = 0; i <= 365 * 24 * 6; ++i) {
    for (const Quote& q : sim.advance_to(test_epoch() + minutes(10) * i)) {
      ++n;
      ASSERT_TRUE(validate(q).is_ok()) << validate(q).to_string();
      ASSERT_EQ(q.bid.micros() % MarketSimulator::kTick.micros(), 0) << q.bid.to_string();
      ASSERT_EQ(q.ask.micros() % MarketSimulator::kTick.micros(), 0) << q.ask.to_string();
      ASSERT_LT(q.bid, q.ask);
      ASSERT_GE(q.bid, MarketSimulator::kTick);
      ASSERT_TRUE(q.bid_size >= 100 && q.bid_size <= 2000 && q.bid_size % 100 == 0) << q.bid_size;
      ASSERT_TRUE(q.ask_size >= 100 && q.ask_size <= 2000 && q.ask_size % 100 == 0) << q.ask_size;
    }
  }
  EXPECT_GT(n, 365u * 24 * 6 * 20);
  // Reversion keeps a year of walking near realistic levels.
  const MarketSimState state = sim.state();
  for (std::size_t i = 0; i < universe.size(); ++i) {
    const double ratio = static_cast<double>(state.tickers[i].fair.micros()) / (universe[i].first_cents * 10'000.0);
    EXPECT_GT(ratio, 0.5) << universe[i].symbol;
    EXPECT_LT(ratio, 2.0) << universe[i].symbol;
  }
}

TEST(MarketSimulator, QuotesEachTickerAtMostOncePerCallAndTwiceWhenItJumped) {
  MarketSimulator sim(11, test_epoch());
  for (int i = 0; i < 5000; ++i) {
    const std::uint64_t jumps_before = sim.stats().jumps;
    std::map<Symbol, int> count;
    for (const Quote& q : sim.advance_to(test_epoch() + minutes(5) * i)) ++count[q.symbol];
    int doubled = 0;
    for (const auto& [symbol, n] : count) {
      ASSERT_LE(n, 2) << symbol.str();
      doubled += n == 2;
    }
    ASSERT_LE(static_cast<std::uint64_t>(doubled), sim.stats().jumps - jumps_before);
  }
}

TEST(MarketSimulator, ACallAfterAYearLongGapStaysBounded) {
  MarketSimulator sim(5, test_epoch());
  sim.advance_to(test_epoch());
  std::vector<Quote> q = sim.advance_to(test_epoch() + hours(24 * 365));
  EXPECT_LE(q.size(), 40u);
  EXPECT_LE(sim.stats().jumps + sim.stats().regime_switches, 20u * MarketSimulator::kMaxEventsPerCall);
  for (const Quote& quote : q) EXPECT_TRUE(validate(quote).is_ok());
}

TEST(MarketSimulator, JumpsAndRegimeSwitchesHappenAtPlausibleRates) {
  MarketSimulator sim(3, test_epoch());
  run(sim, test_epoch(), minutes(1), 1000 * 60);  // 1000 simulated hours
  // Per ticker: volatile 1/7 of the time (30 min of every 3.5 h), so
  // (6/7)/24 + (1/7)/4 = 1/14 jumps an hour, and 2 switches per 3.5 h.
  const double ticker_hours = 20.0 * 1000;
  EXPECT_NEAR(static_cast<double>(sim.stats().jumps), ticker_hours / 14, ticker_hours / 14 * 0.2);
  EXPECT_NEAR(static_cast<double>(sim.stats().regime_switches), ticker_hours * 2 / 3.5, ticker_hours * 2 / 3.5 * 0.1);
}

TEST(MarketSimulator, SomeJumpsTripTheEnginesPriceShockGuard) {
  PaperBroker broker;
  Engine engine(broker, nullptr);
  MarketSimulator sim(42, test_epoch());
  for (int i = 0; i <= 100 * 120; ++i) {  // 100 simulated hours, a call every 30 s
    const Timestamp t = test_epoch() + seconds(30) * i;
    for (const Quote& q : sim.advance_to(t)) ASSERT_TRUE(engine.on_quote(q, t).is_ok());
  }
  std::size_t price_shocks = 0;
  for (const auto& [id, l] : engine.state().lockouts.all())
    price_shocks += l.source == LockoutSource::kNewsShock && l.reason.rfind("price moved", 0) == 0;
  // Jumps of 2-9% against a 5% guard: a little over half of them lock.
  EXPECT_GT(price_shocks, sim.stats().jumps / 4);
  EXPECT_LT(price_shocks, sim.stats().jumps);
}

TEST(MarketSimulator, ResumedFromItsStateItContinuesIdentically) {
  MarketSimulator a(9, test_epoch());
  run(a, test_epoch(), seconds(30), 500);
  Result<MarketSimulator> b = MarketSimulator::restore(a.state());
  ASSERT_TRUE(b.is_ok()) << b.status().to_string();
  MarketSimulator resumed = std::move(b).value();
  const Timestamp from = test_epoch() + seconds(30) * 500;
  EXPECT_EQ(run(a, from, seconds(30), 500), run(resumed, from, seconds(30), 500));
}

TEST(MarketSimulator, ReseedKeepsPricesAndChangesTheFuture) {
  MarketSimulator a(9, test_epoch()), b(9, test_epoch());
  run(a, test_epoch(), seconds(30), 100);
  run(b, test_epoch(), seconds(30), 100);
  const Timestamp now = test_epoch() + seconds(30) * 100;
  b.reseed(1234, now);
  for (std::size_t i = 0; i < a.state().tickers.size(); ++i)
    EXPECT_EQ(a.state().tickers[i].fair, b.state().tickers[i].fair);
  EXPECT_NE(run(a, now, seconds(30), 100), run(b, now, seconds(30), 100));
}

TEST(MarketSimulator, RestoreRefusesAStateItCouldNotBeIn) {
  const MarketSimState good = MarketSimulator(1, test_epoch()).state();
  auto field_of = [](const MarketSimState& s) {
    Result<MarketSimulator> r = MarketSimulator::restore(s);
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    return r.status().field();
  };
  MarketSimState s = good;
  s.rng = {};
  EXPECT_EQ(field_of(s), "rng");
  s = good;
  s.tickers.pop_back();
  EXPECT_EQ(field_of(s), "tickers");
  s = good;
  std::swap(s.tickers[0], s.tickers[1]);
  EXPECT_EQ(field_of(s), "tickers[0].ticker");
  s = good;
  s.tickers[3].fair = Price::from_micros(0);
  EXPECT_EQ(field_of(s), "tickers[3].fair");
  s = good;
  s.tickers[4].next_jump = s.tickers[4].updated - seconds(1);
  EXPECT_EQ(field_of(s), "tickers[4].next_jump");
}

}  // namespace
}  // namespace stonks
