// The approval gate's table and the book of approval requests.
#include "risk/approval.h"

#include <gtest/gtest.h>

#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

struct GateCase {
  TradingMode mode;
  bool auto_approve_paper;
  bool require_approval_for_live;
  bool expected;
};

class RequiresApprovalTable : public ::testing::TestWithParam<GateCase> {};

TEST_P(RequiresApprovalTable, FollowsTheDesignTable) {
  const GateCase& c = GetParam();
  RiskConfig cfg;
  cfg.operator_approval.auto_approve_paper = c.auto_approve_paper;
  cfg.operator_approval.require_approval_for_live = c.require_approval_for_live;
  EXPECT_EQ(requires_approval(c.mode, cfg), c.expected)
      << to_string(c.mode) << " auto_approve_paper=" << c.auto_approve_paper
      << " require_approval_for_live=" << c.require_approval_for_live;
}

// disabled -> false; paper -> !auto_approve_paper; live -> require_approval_for_live.
INSTANTIATE_TEST_SUITE_P(
    AllModesAndFlags, RequiresApprovalTable,
    ::testing::Values(
        GateCase{TradingMode::kDisabled, false, false, false}, GateCase{TradingMode::kDisabled, false, true, false},
        GateCase{TradingMode::kDisabled, true, false, false}, GateCase{TradingMode::kDisabled, true, true, false},
        GateCase{TradingMode::kPaper, false, false, true}, GateCase{TradingMode::kPaper, false, true, true},
        GateCase{TradingMode::kPaper, true, false, false}, GateCase{TradingMode::kPaper, true, true, false},
        GateCase{TradingMode::kLive, false, false, false}, GateCase{TradingMode::kLive, false, true, true},
        GateCase{TradingMode::kLive, true, false, false}, GateCase{TradingMode::kLive, true, true, true}));

TEST(RequiresApproval, DefaultsLetPaperThroughAndHoldLive) {
  RiskConfig cfg;
  EXPECT_FALSE(requires_approval(TradingMode::kPaper, cfg));
  EXPECT_TRUE(requires_approval(TradingMode::kLive, cfg));
  EXPECT_FALSE(requires_approval(TradingMode::kDisabled, cfg));
}

TEST(ApprovalStatusNames, RoundTripThroughTheirWireNames) {
  for (ApprovalStatus s :
       {ApprovalStatus::kPending, ApprovalStatus::kApproved, ApprovalStatus::kRejected, ApprovalStatus::kExpired})
    EXPECT_EQ(parse_enum<ApprovalStatus>(to_string(s)), s);
  EXPECT_STREQ(to_string(ApprovalStatus::kExpired), "expired");
  EXPECT_EQ(parse_enum<ApprovalStatus>("Approved"), std::nullopt);
}

ApprovalRequest request(ApprovalId id, OrderId order, Timestamp created, Duration timeout) {
  ApprovalRequest r;
  r.id = id;
  r.order_id = order;
  r.notional = usd("1001");
  r.created_at = created;
  r.expires_at = created + timeout;
  return r;
}

TEST(ApprovalBook, StaleIsEmptyOneMicrosecondBeforeExpiry) {
  ApprovalBook book;
  const Timestamp t0 = test_epoch();
  book.add(request(1, 10, t0, std::chrono::minutes(30)));
  EXPECT_TRUE(book.stale(t0 + std::chrono::minutes(30) - std::chrono::microseconds(1)).empty());
}

TEST(ApprovalBook, StaleIncludesARequestExactlyAtItsExpiry) {
  ApprovalBook book;
  const Timestamp t0 = test_epoch();
  book.add(request(1, 10, t0, std::chrono::minutes(30)));
  EXPECT_EQ(book.stale(t0 + std::chrono::minutes(30)), std::vector<ApprovalId>{1});
}

TEST(ApprovalBook, StaleListsOnlyPendingRequestsPastExpiryInIdOrder) {
  ApprovalBook book;
  const Timestamp t0 = test_epoch();
  book.add(request(3, 30, t0, std::chrono::minutes(5)));
  book.add(request(1, 10, t0, std::chrono::minutes(10)));
  book.add(request(2, 20, t0, std::chrono::minutes(60)));
  book.add(request(4, 40, t0, std::chrono::minutes(1)));
  book.decide(4, ApprovalStatus::kApproved, "alice", t0, "fine");
  EXPECT_EQ(book.stale(t0 + std::chrono::minutes(10)), (std::vector<ApprovalId>{1, 3}));
  EXPECT_EQ(book.pending_count(), 3u);
}

TEST(ApprovalBook, DecidingRecordsWhoWhenAndWhyAndLeavesThePendingSet) {
  ApprovalBook book;
  const Timestamp t0 = test_epoch();
  book.add(request(1, 10, t0, std::chrono::minutes(30)));
  book.add(request(2, 11, t0, std::chrono::minutes(30)));
  ASSERT_EQ(book.pending_count(), 2u);
  book.decide(1, ApprovalStatus::kRejected, "bob", t0 + std::chrono::minutes(2), "too big");
  const ApprovalRequest* r = book.find(1);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->status, ApprovalStatus::kRejected);
  EXPECT_EQ(r->decided_by, "bob");
  EXPECT_EQ(r->decided_at, t0 + std::chrono::minutes(2));
  EXPECT_EQ(r->reason, "too big");
  EXPECT_EQ(r->notional, usd("1001"));
  EXPECT_EQ(book.pending_count(), 1u);
  EXPECT_TRUE(book.stale(t0 + std::chrono::hours(1)) == std::vector<ApprovalId>{2});
  EXPECT_EQ(book.all().size(), 2u) << "decided requests stay in history";
}

TEST(ApprovalBook, UnknownIdsAreNotFoundAndDecidingThemChangesNothing) {
  ApprovalBook book;
  book.add(request(1, 10, test_epoch(), std::chrono::minutes(30)));
  const ApprovalBook before = book;
  book.decide(99, ApprovalStatus::kApproved, "alice", test_epoch(), "");
  EXPECT_EQ(book, before);
  EXPECT_EQ(book.find(99), nullptr);
}

TEST(ApprovalBook, AddingAnAlreadyDecidedRequestDoesNotMakeItPending) {
  ApprovalBook book;
  ApprovalRequest r = request(5, 50, test_epoch(), std::chrono::minutes(1));
  r.status = ApprovalStatus::kExpired;
  book.add(r);
  EXPECT_EQ(book.pending_count(), 0u);
  EXPECT_TRUE(book.stale(test_epoch() + std::chrono::hours(1)).empty());
}

}  // namespace
}  // namespace stonks::testing
