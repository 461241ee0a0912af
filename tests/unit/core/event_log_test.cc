// EventLog: what it keeps of the committed events, with and without a window.
#include "core/event_log.h"

#include <gtest/gtest.h>

#include "support/recording_sink.h"

namespace stonks {
namespace {

std::vector<EventRecord> batch_of(EventSeq first, std::size_t n) {
  std::vector<EventRecord> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(EventRecord{first + i, Timestamp{}, LockoutExpired{first + i}});
  return out;
}

TEST(EventLog, WithoutAWindowKeepsEveryEvent) {
  EventLog log;
  for (EventSeq s = 1; s <= 1000; s += 10) ASSERT_TRUE(log.commit(batch_of(s, 10)).is_ok());
  EXPECT_EQ(log.size(), 1000u);
  EXPECT_EQ(log.first_seq(), 1u);
}

TEST(EventLog, AWindowKeepsTheNewestEventsAndSaysWhereItStarts) {
  EventLog log(nullptr, 100);
  for (EventSeq s = 1; s <= 1000; s += 10) {
    ASSERT_TRUE(log.commit(batch_of(s, 10)).is_ok());
    EXPECT_GE(log.size(), std::min<std::size_t>(s + 9, 100));
    EXPECT_LT(log.size(), 200u);
  }
  EXPECT_EQ(log.records().back().seq, 1000u);
  EXPECT_EQ(log.first_seq(), log.records().front().seq);
  EXPECT_GT(log.first_seq(), 1u);
  EXPECT_EQ(log.lower_bound_after(0), 0u);  // a cursor older than the window starts at its oldest
}

TEST(EventLog, ABatchTheInnerSinkRefusesIsNotKept) {
  testing::RecordingSink inner;
  inner.fail_next = true;
  EventLog log(&inner, 10);
  EXPECT_FALSE(log.commit(batch_of(1, 3)).is_ok());
  EXPECT_EQ(log.size(), 0u);
  EXPECT_EQ(log.first_seq(), 0u);
}

}  // namespace
}  // namespace stonks
