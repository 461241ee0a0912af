// LockoutBook (active, blocking, expiry, history) and LockoutRequest checks.
#include "risk/lockout.h"

#include <gtest/gtest.h>

#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

Lockout make(LockoutId id, const std::string& ticker, Timestamp created, Duration length,
             LockoutSource source = LockoutSource::kManual, LockoutSide side = LockoutSide::kBoth) {
  Lockout l;
  l.id = id;
  l.symbol = sym(ticker);
  l.reason = "reason " + std::to_string(id);
  l.source = source;
  l.side = side;
  l.created_at = created;
  l.expires_at = created + length;
  l.created_by = source == LockoutSource::kManual ? "operator" : "system";
  return l;
}

std::vector<LockoutId> ids(const std::vector<const Lockout*>& v) {
  std::vector<LockoutId> out;
  for (const Lockout* l : v) out.push_back(l->id);
  return out;
}

class LockoutBookTest : public ::testing::Test {
 protected:
  LockoutBookTest() : t0(test_epoch()) {}
  Timestamp t0;
  LockoutBook book;
};

TEST_F(LockoutBookTest, ActiveListsLiveLockoutsByIdAcrossSymbols) {
  book.add(make(3, "MSFT", t0, std::chrono::minutes(30)));
  book.add(make(1, "TSLA", t0, std::chrono::minutes(30)));
  book.add(make(2, "AAPL", t0, std::chrono::minutes(5), LockoutSource::kCooldown));
  EXPECT_EQ(ids(book.active(t0)), (std::vector<LockoutId>{1, 2, 3}));
  EXPECT_EQ(ids(book.active(t0 + std::chrono::minutes(5))), (std::vector<LockoutId>{1, 3}))
      << "lockout 2 ends exactly at its expiry";
}

TEST_F(LockoutBookTest, BlockingHonoursTheLockedSide) {
  book.add(make(1, "AAPL", t0, std::chrono::minutes(30), LockoutSource::kManual, LockoutSide::kBuy));
  const Lockout* b = book.blocking(sym("AAPL"), Side::kBuy, t0);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->id, 1u);
  EXPECT_EQ(book.blocking(sym("AAPL"), Side::kSell, t0), nullptr);
  EXPECT_EQ(book.blocking(sym("MSFT"), Side::kBuy, t0), nullptr);
}

TEST_F(LockoutBookTest, BlockingPicksTheLowestIdThatApplies) {
  book.add(make(8, "AAPL", t0, std::chrono::minutes(30), LockoutSource::kNewsShock));
  book.add(make(5, "AAPL", t0, std::chrono::minutes(30), LockoutSource::kManual, LockoutSide::kSell));
  book.add(make(6, "AAPL", t0, std::chrono::minutes(30), LockoutSource::kCooldown));
  EXPECT_EQ(book.blocking(sym("AAPL"), Side::kBuy, t0)->id, 6u) << "5 locks only sells";
  EXPECT_EQ(book.blocking(sym("AAPL"), Side::kSell, t0)->id, 5u);
}

TEST_F(LockoutBookTest, ExpiredLockoutStopsBlockingBeforeAnyTick) {
  book.add(make(1, "AAPL", t0, std::chrono::minutes(30)));
  EXPECT_NE(book.blocking(sym("AAPL"), Side::kBuy, t0 + std::chrono::minutes(30) - std::chrono::microseconds(1)),
            nullptr);
  EXPECT_EQ(book.blocking(sym("AAPL"), Side::kBuy, t0 + std::chrono::minutes(30)), nullptr);
}

TEST_F(LockoutBookTest, DueToExpireListsUnmarkedLockoutsAtOrPastExpiry) {
  book.add(make(2, "AAPL", t0, std::chrono::minutes(10)));
  book.add(make(1, "MSFT", t0, std::chrono::minutes(5)));
  book.add(make(3, "TSLA", t0, std::chrono::minutes(60)));
  EXPECT_TRUE(book.due_to_expire(t0 + std::chrono::minutes(5) - std::chrono::microseconds(1)).empty());
  EXPECT_EQ(book.due_to_expire(t0 + std::chrono::minutes(5)), std::vector<LockoutId>{1});
  EXPECT_EQ(book.due_to_expire(t0 + std::chrono::minutes(10)), (std::vector<LockoutId>{1, 2}));
  book.mark_expired(1);
  EXPECT_EQ(book.due_to_expire(t0 + std::chrono::minutes(10)), std::vector<LockoutId>{2}) << "marked once only";
  EXPECT_TRUE(book.find(1)->expired);
}

TEST_F(LockoutBookTest, RemovedLockoutStaysInHistoryWithWhoAndWhen) {
  book.add(make(1, "AAPL", t0, std::chrono::minutes(30)));
  book.mark_removed(1, t0 + std::chrono::minutes(3), "alice");
  EXPECT_TRUE(book.active(t0 + std::chrono::minutes(3)).empty());
  EXPECT_EQ(book.blocking(sym("AAPL"), Side::kBuy, t0 + std::chrono::minutes(3)), nullptr);
  EXPECT_TRUE(book.due_to_expire(t0 + std::chrono::hours(1)).empty()) << "a removed lockout never expires later";
  const Lockout* l = book.find(1);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->removed_at, t0 + std::chrono::minutes(3));
  EXPECT_EQ(l->removed_by, "alice");
  EXPECT_FALSE(l->active_at(t0 + std::chrono::minutes(4)));
  EXPECT_EQ(book.all().size(), 1u);
}

TEST_F(LockoutBookTest, RemovingOneLockoutLeavesTheOthersOnTheSameSymbol) {
  book.add(make(1, "AAPL", t0, std::chrono::minutes(30)));
  book.add(make(2, "AAPL", t0, std::chrono::minutes(30), LockoutSource::kNewsShock));
  book.mark_removed(1, t0, "operator");
  EXPECT_EQ(ids(book.active(t0)), std::vector<LockoutId>{2});
  EXPECT_EQ(book.blocking(sym("AAPL"), Side::kBuy, t0)->id, 2u);
  EXPECT_TRUE(book.has_active(sym("AAPL"), LockoutSource::kNewsShock, t0));
  EXPECT_FALSE(book.has_active(sym("AAPL"), LockoutSource::kManual, t0));
}

TEST_F(LockoutBookTest, HasActiveMatchesSourceSymbolAndTime) {
  book.add(make(1, "AAPL", t0, std::chrono::minutes(5), LockoutSource::kCooldown));
  EXPECT_TRUE(book.has_active(sym("AAPL"), LockoutSource::kCooldown, t0));
  EXPECT_FALSE(book.has_active(sym("AAPL"), LockoutSource::kNewsShock, t0));
  EXPECT_FALSE(book.has_active(sym("MSFT"), LockoutSource::kCooldown, t0));
  EXPECT_FALSE(book.has_active(sym("AAPL"), LockoutSource::kCooldown, t0 + std::chrono::minutes(5)));
}

TEST_F(LockoutBookTest, AddingAnAlreadyRemovedLockoutKeepsItOutOfTheActiveList) {
  Lockout l = make(4, "AAPL", t0, std::chrono::minutes(30));
  l.removed_at = t0;
  l.removed_by = "bob";
  book.add(l);
  EXPECT_TRUE(book.active(t0).empty());
  EXPECT_TRUE(book.due_to_expire(t0 + std::chrono::hours(1)).empty());
  EXPECT_EQ(*book.find(4), l);
}

TEST_F(LockoutBookTest, MarkingUnknownIdsChangesNothing) {
  book.add(make(1, "AAPL", t0, std::chrono::minutes(30)));
  const LockoutBook before = book;
  book.mark_removed(42, t0, "alice");
  book.mark_expired(43);
  EXPECT_EQ(book, before);
}

TEST(LockoutNames, SourcesAndSidesRoundTrip) {
  for (LockoutSource s : {LockoutSource::kManual, LockoutSource::kNewsShock, LockoutSource::kCooldown})
    EXPECT_EQ(parse_enum<LockoutSource>(to_string(s)), s);
  for (LockoutSide s : {LockoutSide::kBoth, LockoutSide::kBuy, LockoutSide::kSell})
    EXPECT_EQ(parse_enum<LockoutSide>(to_string(s)), s);
  EXPECT_STREQ(to_string(LockoutSource::kNewsShock), "news_shock");
  EXPECT_EQ(parse_enum<LockoutSource>("system"), std::nullopt);
  EXPECT_EQ(parse_enum<LockoutSide>("BUY"), std::nullopt);
}

// --- LockoutRequest -------------------------------------------------------------

LockoutRequest good_request() {
  LockoutRequest r;
  r.symbol = sym("AAPL");
  r.reason = "earnings tonight";
  r.duration_minutes = 60;
  r.created_by = "operator";
  return r;
}

void expect_invalid(const LockoutRequest& r, const std::string& field) {
  Status st = validate(r);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.to_string();
  EXPECT_EQ(st.field(), field) << st.to_string();
}

TEST(LockoutRequest, AcceptsAWellFormedRequest) { EXPECT_TRUE(validate(good_request()).is_ok()); }

TEST(LockoutRequest, RefusesAMissingTicker) {
  LockoutRequest r = good_request();
  r.symbol = Symbol();
  expect_invalid(r, "ticker");
}

TEST(LockoutRequest, RefusesAnEmptyReason) {
  LockoutRequest r = good_request();
  r.reason = "";
  expect_invalid(r, "reason");
}

TEST(LockoutRequest, RefusesControlCharactersInTheReason) {
  for (const char* bad : {"line\nbreak", "tab\there", "bell\x07", "del\x7f"}) {
    LockoutRequest r = good_request();
    r.reason = bad;
    expect_invalid(r, "reason");
  }
}

TEST(LockoutRequest, AcceptsA500ByteReasonAndRefuses501) {
  LockoutRequest r = good_request();
  r.reason = std::string(500, 'x');
  EXPECT_TRUE(validate(r).is_ok());
  r.reason = std::string(501, 'x');
  expect_invalid(r, "reason");
}

TEST(LockoutRequest, RefusesZeroOrNegativeDuration) {
  LockoutRequest r = good_request();
  r.duration_minutes = 0;
  expect_invalid(r, "duration_minutes");
  r.duration_minutes = -5;
  expect_invalid(r, "duration_minutes");
  r.duration_minutes = 1;
  EXPECT_TRUE(validate(r).is_ok());
}

TEST(LockoutRequest, AcceptsExactlySevenDaysAndRefusesOneMinuteMore) {
  LockoutRequest r = good_request();
  r.duration_minutes = 7 * 24 * 60;
  EXPECT_TRUE(validate(r).is_ok());
  r.duration_minutes = 7 * 24 * 60 + 1;
  expect_invalid(r, "duration_minutes");
}

TEST(LockoutRequest, RefusesAnUnnamedCreator) {
  LockoutRequest r = good_request();
  r.created_by = "";
  expect_invalid(r, "created_by");
}

}  // namespace
}  // namespace stonks::testing
