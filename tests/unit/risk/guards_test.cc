// System guards: news shock, price shock and cooldown lockouts.
#include "risk/guards.h"

#include <gtest/gtest.h>

#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

NewsEvent news(const std::string& ticker, int severity, const std::string& headline = "CEO resigns") {
  NewsEvent n;
  n.symbol = sym(ticker);
  n.headline = headline;
  n.severity = severity;
  n.at = test_epoch();
  return n;
}

Lockout active_lockout(LockoutId id, const std::string& ticker, LockoutSource source, Timestamp from, Duration length) {
  Lockout l;
  l.id = id;
  l.symbol = sym(ticker);
  l.reason = "already";
  l.source = source;
  l.created_at = from;
  l.expires_at = from + length;
  l.created_by = "system";
  return l;
}

// --- news shock ------------------------------------------------------------------

TEST(NewsShockGuard, NewsAtTheThresholdLocksTheSymbol) {
  GuardConfig g;  // threshold 80, 30 minutes
  LockoutBook book;
  auto lock = news_shock_guard(g, news("AAPL", 80, "FDA rejects drug"), book, test_epoch());
  ASSERT_TRUE(lock.has_value());
  EXPECT_EQ(lock->symbol, sym("AAPL"));
  EXPECT_EQ(lock->source, LockoutSource::kNewsShock);
  EXPECT_EQ(lock->reason, "news severity 80: FDA rejects drug");
  EXPECT_EQ(lock->duration, std::chrono::minutes(30));
}

TEST(NewsShockGuard, NewsAboveTheThresholdLocksTheSymbol) {
  GuardConfig g;
  g.news_shock_lockout_minutes = 45;
  LockoutBook book;
  auto lock = news_shock_guard(g, news("MSFT", 100), book, test_epoch());
  ASSERT_TRUE(lock.has_value());
  EXPECT_EQ(lock->duration, std::chrono::minutes(45));
  EXPECT_EQ(lock->reason, "news severity 100: CEO resigns");
}

TEST(NewsShockGuard, NewsBelowTheThresholdDoesNothing) {
  GuardConfig g;
  LockoutBook book;
  EXPECT_EQ(news_shock_guard(g, news("AAPL", 79), book, test_epoch()), std::nullopt);
  g.news_shock_severity = 20;
  EXPECT_TRUE(news_shock_guard(g, news("AAPL", 20), book, test_epoch()).has_value());
}

TEST(NewsShockGuard, NoSecondLockoutWhileOneIsActive) {
  GuardConfig g;
  LockoutBook book;
  const Timestamp t0 = test_epoch();
  book.add(active_lockout(1, "AAPL", LockoutSource::kNewsShock, t0, std::chrono::minutes(30)));
  EXPECT_EQ(news_shock_guard(g, news("AAPL", 95), book, t0 + std::chrono::minutes(29)), std::nullopt);
  EXPECT_TRUE(news_shock_guard(g, news("MSFT", 95), book, t0).has_value()) << "other symbols are independent";
  EXPECT_TRUE(news_shock_guard(g, news("AAPL", 95), book, t0 + std::chrono::minutes(30)).has_value())
      << "once the first has ended a new shock locks again";
}

TEST(NewsShockGuard, OtherLockoutSourcesDoNotSuppressANewsShock) {
  GuardConfig g;
  LockoutBook book;
  const Timestamp t0 = test_epoch();
  book.add(active_lockout(1, "AAPL", LockoutSource::kManual, t0, std::chrono::minutes(30)));
  book.add(active_lockout(2, "AAPL", LockoutSource::kCooldown, t0, std::chrono::minutes(30)));
  EXPECT_TRUE(news_shock_guard(g, news("AAPL", 90), book, t0).has_value());
}

TEST(NewsShockGuard, ZeroLockoutMinutesTurnsItOff) {
  GuardConfig g;
  g.news_shock_lockout_minutes = 0;
  LockoutBook book;
  EXPECT_EQ(news_shock_guard(g, news("AAPL", 100), book, test_epoch()), std::nullopt);
}

// --- price shock -----------------------------------------------------------------

class PriceShockTest : public ::testing::Test {
 protected:
  PriceShockTest() : t0(test_epoch()) { at(t0, "100"); }

  // A quote with bid == ask == mid at time t.
  void at(Timestamp t, const std::string& price) {
    Quote q = quote("AAPL", price, price);
    q.at = t;
    market.apply_quote(q);
  }
  std::optional<GuardLockout> check(Timestamp t) const { return price_shock_guard(g, sym("AAPL"), market, book, t); }

  GuardConfig g;  // 500 bps within 60 s -> 15 minutes
  LockoutBook book;
  MarketState market;
  Timestamp t0;
};

TEST_F(PriceShockTest, AMoveBeyondTheThresholdInsideTheWindowLocks) {
  const Timestamp t = t0 + std::chrono::seconds(30);
  at(t, "105.000001");
  auto lock = check(t);
  ASSERT_TRUE(lock.has_value());
  EXPECT_EQ(lock->symbol, sym("AAPL"));
  EXPECT_EQ(lock->source, LockoutSource::kNewsShock);
  EXPECT_EQ(lock->reason, "price moved from 100.00 to 105.000001 within 60s");
  EXPECT_EQ(lock->duration, std::chrono::minutes(15));
}

TEST_F(PriceShockTest, ARiseOfExactlyTheThresholdDoesNotLock) {
  const Timestamp t = t0 + std::chrono::seconds(30);
  at(t, "105");
  EXPECT_EQ(check(t), std::nullopt);
}

TEST_F(PriceShockTest, ADropOfExactlyTheThresholdDoesNotLock) {
  const Timestamp t = t0 + std::chrono::seconds(30);
  at(t, "95");
  EXPECT_EQ(check(t), std::nullopt);
}

TEST_F(PriceShockTest, ADropBeyondTheThresholdLocks) {
  const Timestamp t = t0 + std::chrono::seconds(10);
  at(t, "94.99");
  auto lock = check(t);
  ASSERT_TRUE(lock.has_value());
  EXPECT_EQ(lock->reason, "price moved from 100.00 to 94.99 within 60s");
}

TEST_F(PriceShockTest, APriceAtTheStartOfTheWindowStillCounts) {
  const Timestamp t = t0 + std::chrono::seconds(60);
  at(t, "106");
  EXPECT_TRUE(check(t).has_value());
}

TEST_F(PriceShockTest, AMoveAgainstAPriceOutsideTheWindowDoesNotLock) {
  const Timestamp t = t0 + std::chrono::seconds(60) + std::chrono::microseconds(1);
  at(t, "120");
  EXPECT_EQ(check(t), std::nullopt);
}

TEST_F(PriceShockTest, AnyPriceInTheWindowCountsNotOnlyTheOldest) {
  at(t0 + std::chrono::seconds(50), "110");            // itself a shock against 100, ignored here
  const Timestamp t = t0 + std::chrono::seconds(100);  // 100.00 is out of the window, 110.00 is in
  at(t, "104");
  auto lock = check(t);
  ASSERT_TRUE(lock.has_value());
  EXPECT_EQ(lock->reason, "price moved from 110.00 to 104.00 within 60s");
}

TEST_F(PriceShockTest, NoSecondLockoutWhileANewsShockIsActive) {
  book.add(active_lockout(1, "AAPL", LockoutSource::kNewsShock, t0, std::chrono::minutes(15)));
  const Timestamp t = t0 + std::chrono::seconds(30);
  at(t, "110");
  EXPECT_EQ(check(t), std::nullopt);
}

TEST_F(PriceShockTest, ZeroBpsTurnsItOff) {
  g.price_shock_bps = 0;
  const Timestamp t = t0 + std::chrono::seconds(1);
  at(t, "200");
  EXPECT_EQ(check(t), std::nullopt);
}

TEST_F(PriceShockTest, AnUnpricedSymbolNeverLocks) {
  EXPECT_EQ(price_shock_guard(g, sym("MSFT"), market, book, t0), std::nullopt);
}

// --- cooldown --------------------------------------------------------------------

TEST(CooldownGuard, ALosingExitStartsTheLossCooldown) {
  GuardConfig g;  // fill cooldown off, loss cooldown 300 s
  LockoutBook book;
  auto lock = cooldown_guard(g, sym("AAPL"), usd("-12.5"), book, test_epoch());
  ASSERT_TRUE(lock.has_value());
  EXPECT_EQ(lock->source, LockoutSource::kCooldown);
  EXPECT_EQ(lock->duration, std::chrono::seconds(300));
  EXPECT_EQ(lock->reason, "cooldown after losing exit (realized -12.50)");
}

TEST(CooldownGuard, AProfitableOrFlatFillStartsNothingWhenTheFillCooldownIsOff) {
  GuardConfig g;
  LockoutBook book;
  EXPECT_EQ(cooldown_guard(g, sym("AAPL"), usd("40"), book, test_epoch()), std::nullopt);
  EXPECT_EQ(cooldown_guard(g, sym("AAPL"), Money(), book, test_epoch()), std::nullopt);
}

TEST(CooldownGuard, AnyFillStartsTheFillCooldownWhenOn) {
  GuardConfig g;
  g.cooldown_after_fill_seconds = 60;
  LockoutBook book;
  auto lock = cooldown_guard(g, sym("AAPL"), usd("40"), book, test_epoch());
  ASSERT_TRUE(lock.has_value());
  EXPECT_EQ(lock->duration, std::chrono::seconds(60));
  EXPECT_EQ(lock->reason, "cooldown after fill");
}

TEST(CooldownGuard, TheLongerCooldownApplies) {
  GuardConfig g;
  g.cooldown_after_fill_seconds = 60;
  g.cooldown_after_loss_seconds = 300;
  LockoutBook book;
  EXPECT_EQ(cooldown_guard(g, sym("AAPL"), usd("-1"), book, test_epoch())->duration, std::chrono::seconds(300));
  g.cooldown_after_fill_seconds = 900;
  auto lock = cooldown_guard(g, sym("AAPL"), usd("-1"), book, test_epoch());
  ASSERT_TRUE(lock.has_value());
  EXPECT_EQ(lock->duration, std::chrono::seconds(900));
  EXPECT_EQ(lock->reason, "cooldown after fill");
}

TEST(CooldownGuard, NoneWhenBothCooldownsAreOff) {
  GuardConfig g;
  g.cooldown_after_fill_seconds = 0;
  g.cooldown_after_loss_seconds = 0;
  LockoutBook book;
  EXPECT_EQ(cooldown_guard(g, sym("AAPL"), usd("-500"), book, test_epoch()), std::nullopt);
  EXPECT_EQ(cooldown_guard(g, sym("AAPL"), usd("500"), book, test_epoch()), std::nullopt);
}

TEST(CooldownGuard, NoSecondCooldownWhileOneIsActive) {
  GuardConfig g;
  LockoutBook book;
  const Timestamp t0 = test_epoch();
  book.add(active_lockout(1, "AAPL", LockoutSource::kCooldown, t0, std::chrono::seconds(300)));
  EXPECT_EQ(cooldown_guard(g, sym("AAPL"), usd("-1"), book, t0 + std::chrono::seconds(299)), std::nullopt);
  EXPECT_TRUE(cooldown_guard(g, sym("AAPL"), usd("-1"), book, t0 + std::chrono::seconds(300)).has_value());
  EXPECT_TRUE(cooldown_guard(g, sym("MSFT"), usd("-1"), book, t0).has_value());
}

}  // namespace
}  // namespace stonks::testing
