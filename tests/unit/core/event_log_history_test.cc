// EventLog with an EventHistory behind its window: older events read back in
// seq order, then the held ones; what the history lost or has not yet got.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/event_log.h"

namespace stonks {
namespace {

EventRecord event(EventSeq seq) { return EventRecord{seq, Timestamp{}, LockoutExpired{seq}}; }

// A history holding events first..last (of those committed to it), like a
// journal that compaction cut at `first` and whose commits reached `last`.
class FakeHistory final : public EventHistory {
 public:
  EventSeq first_seq() const override { return last_ == 0 ? 0 : first_; }
  EventSeq last_seq() const override { return last_; }
  Status read_after(EventSeq after, const Visit& visit) const override {
    ++reads;
    for (EventSeq seq = std::max(after + 1, first_); seq <= last_; ++seq) {
      if (seq == damaged) return Status::corruption("damaged at seq " + std::to_string(seq));
      if (!visit(event(seq))) break;
    }
    return Status::ok();
  }

  void holds(EventSeq first, EventSeq last) {
    first_ = first;
    last_ = last;
  }
  EventSeq damaged = 0;
  mutable int reads = 0;

 private:
  EventSeq first_ = 1;
  EventSeq last_ = 0;
};

// A log with `window` over `history`, given events 1..n in batches of 7.
struct WindowedLog {
  WindowedLog(std::size_t window, EventSeq n) : log(nullptr, window, &history) {
    for (EventSeq s = 1; s <= n; s += 7) {
      std::vector<EventRecord> batch;
      for (EventSeq seq = s; seq < s + 7 && seq <= n; ++seq) batch.push_back(event(seq));
      EXPECT_TRUE(log.commit(batch).is_ok());
    }
    history.holds(1, n);
  }
  EventSeq held_first() const { return log.records().front().seq; }

  FakeHistory history;
  EventLog log;
};

// The seqs for_each_after(after) visits, at most `max` of them.
std::vector<EventSeq> seqs_after(const EventLog& log, EventSeq after, std::size_t max = SIZE_MAX,
                                 Status* status = nullptr) {
  std::vector<EventSeq> out;
  Status s = log.for_each_after(after, [&](const EventRecord& r) {
    out.push_back(r.seq);
    return out.size() < max;
  });
  if (status) {
    *status = s;
  } else {
    EXPECT_TRUE(s.is_ok()) << s.to_string();
  }
  return out;
}

std::vector<EventSeq> range(EventSeq first, EventSeq last) {
  std::vector<EventSeq> out;
  for (EventSeq s = first; s <= last; ++s) out.push_back(s);
  return out;
}

TEST(EventLogHistory, APageOlderThanTheWindowReadsTheHistoryThenTheHeldEvents) {
  WindowedLog s(10, 100);
  ASSERT_GT(s.held_first(), 50u);  // the window dropped the first half at least
  EXPECT_EQ(s.log.first_seq(), 1u);
  EXPECT_EQ(seqs_after(s.log, 0), range(1, 100));
  EXPECT_EQ(seqs_after(s.log, 42), range(43, 100));
}

TEST(EventLogHistory, APageStraddlingTheWindowIsContiguous) {
  WindowedLog s(10, 100);
  const EventSeq held = s.held_first();
  EXPECT_EQ(seqs_after(s.log, held - 4, 8), range(held - 3, held + 4));
}

TEST(EventLogHistory, APageInsideTheWindowDoesNotReadTheHistory) {
  WindowedLog s(10, 100);
  const EventSeq held = s.held_first();
  EXPECT_EQ(seqs_after(s.log, held - 1), range(held, 100));
  EXPECT_EQ(seqs_after(s.log, held + 2, 3), range(held + 3, held + 5));
  EXPECT_TRUE(seqs_after(s.log, 100).empty());
  EXPECT_EQ(s.history.reads, 0);
}

TEST(EventLogHistory, WhatTheHistoryNoLongerHoldsIsMissedAndFirstSeqSaysSo) {
  WindowedLog s(10, 100);
  s.history.holds(40, 100);  // compacted below 40
  EXPECT_EQ(s.log.first_seq(), 40u);
  EXPECT_EQ(seqs_after(s.log, 0), range(40, 100));
  EXPECT_EQ(seqs_after(s.log, 39), range(40, 100));
}

TEST(EventLogHistory, HeldEventsOlderThanTheHistoryAreServedFromMemory) {
  WindowedLog s(10, 100);
  const EventSeq held = s.held_first();
  s.history.holds(held + 5, 100);  // compaction went past the window's start
  EXPECT_EQ(s.log.first_seq(), held);
  EXPECT_EQ(seqs_after(s.log, 0), range(held, 100));
  EXPECT_EQ(s.history.reads, 0);
}

TEST(EventLogHistory, EventsNotYetDurableNorHeldAreNotJumpedOver) {
  WindowedLog s(10, 100);
  const EventSeq held = s.held_first();
  s.history.holds(1, held - 6);  // group commit behind a window that moved on
  EXPECT_EQ(seqs_after(s.log, 0), range(1, held - 6));
  EXPECT_TRUE(seqs_after(s.log, held - 4).empty());
  s.history.holds(1, 100);  // the commit came
  EXPECT_EQ(seqs_after(s.log, held - 6), range(held - 5, 100));
}

TEST(EventLogHistory, AnEmptyLogReadsEverythingFromTheHistory) {
  FakeHistory history;
  history.holds(5, 30);  // after a restart from a snapshot at 30: nothing held
  EventLog log(nullptr, 10, &history);
  EXPECT_EQ(log.first_seq(), 5u);
  EXPECT_EQ(seqs_after(log, 0), range(5, 30));
  EXPECT_EQ(seqs_after(log, 12, 4), range(13, 16));
}

TEST(EventLogHistory, AHistoryErrorEndsTheReadAfterTheEventsBeforeIt) {
  WindowedLog s(10, 100);
  s.history.damaged = 20;
  Status status;
  EXPECT_EQ(seqs_after(s.log, 0, SIZE_MAX, &status), range(1, 19));
  EXPECT_EQ(status.code(), StatusCode::kCorruption);
  // A page that needs nothing from before the damage is not affected.
  EXPECT_EQ(seqs_after(s.log, s.held_first() - 1), range(s.held_first(), 100));
}

}  // namespace
}  // namespace stonks
