// Tests for Journal::read_after: committed records read back from the
// segment files, across rotation, restarts and compaction; damage is a Status.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "journal/journal.h"
#include "journal/journal_format.h"
#include "journal/memory_storage.h"
#include "journal_test_util.h"

namespace stonks {
namespace {

using journal_format::segment_file_name;
using namespace journal_test;

// Small segments: records 1..200 take a dozen or more files.
JournalOptions small_segments() {
  JournalOptions options;
  options.max_segment_bytes = 256;
  return options;
}

// Every record read_after(after) delivers, up to `max` of them.
Records read_back(const Journal& journal, uint64_t after, Status* status = nullptr, size_t max = SIZE_MAX) {
  Records out;
  Status s = journal.read_after(after, [&](uint64_t seq, std::string_view payload) {
    out.emplace_back(seq, std::string(payload));
    return out.size() < max;
  });
  if (status) {
    *status = s;
  } else {
    EXPECT_TRUE(succeeded(s));
  }
  return out;
}

TEST(JournalReadBack, ReadsEveryCommittedRecordAfterASeqAcrossSegments) {
  MemoryStorage storage;
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));
  ASSERT_TRUE(write_records(*r.journal, 1, 200, 3));
  ASSERT_GT(names_with_prefix(storage, "seg-").size(), 10u);
  EXPECT_EQ(1u, r.journal->first_seq());
  EXPECT_EQ(expected_records(1, 200), read_back(*r.journal, 0));
  // From the middle of a segment, from a segment's first record, and at the end.
  EXPECT_EQ(expected_records(58, 200), read_back(*r.journal, 57));
  uint64_t second_segment = 0;
  ASSERT_TRUE(journal_format::parse_segment_file_name(names_with_prefix(storage, "seg-")[1], &second_segment));
  EXPECT_EQ(expected_records(second_segment, 200), read_back(*r.journal, second_segment - 1));
  EXPECT_TRUE(read_back(*r.journal, 200).empty());
  EXPECT_TRUE(read_back(*r.journal, UINT64_MAX).empty());
}

TEST(JournalReadBack, StopsWhenTheCallbackSaysSo) {
  MemoryStorage storage;
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));
  ASSERT_TRUE(write_records(*r.journal, 1, 100));
  EXPECT_EQ(expected_records(11, 35), read_back(*r.journal, 10, nullptr, 25));
}

TEST(JournalReadBack, NeverDeliversRecordsThatAreNotCommitted) {
  MemoryStorage storage;
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));
  ASSERT_TRUE(write_records(*r.journal, 1, 40));
  for (uint64_t seq = 41; seq <= 60; ++seq) ASSERT_TRUE(succeeded(r.journal->append(seq, payload_for(seq))));
  EXPECT_EQ(expected_records(1, 40), read_back(*r.journal, 0));
  ASSERT_TRUE(succeeded(r.journal->commit()));
  EXPECT_EQ(expected_records(1, 60), read_back(*r.journal, 0));
}

TEST(JournalReadBack, AFailedCommitsBytesAreNotDelivered) {
  MemoryStorage storage;
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));
  ASSERT_TRUE(write_records(*r.journal, 1, 40));
  for (uint64_t seq = 41; seq <= 45; ++seq) ASSERT_TRUE(succeeded(r.journal->append(seq, payload_for(seq), true)));
  storage.fail_next_append(30);  // part of a record reaches the file
  EXPECT_FALSE(r.journal->commit().is_ok());
  EXPECT_EQ(40u, r.journal->committed_seq());
  EXPECT_EQ(expected_records(1, 40), read_back(*r.journal, 0));
}

TEST(JournalReadBack, AfterARestartRecordsOlderThanTheSnapshotReadBack) {
  MemoryStorage storage;
  {
    Recovered r = recover_all(storage, small_segments());
    ASSERT_TRUE(succeeded(r.status));
    ASSERT_TRUE(write_records(*r.journal, 1, 120, 4));
    ASSERT_TRUE(succeeded(r.journal->write_snapshot(100, "state")));
  }
  storage.crash();
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(expected_records(101, 120), r.records);  // recovery replays only what follows the snapshot
  EXPECT_EQ(1u, r.journal->first_seq());
  EXPECT_EQ(expected_records(1, 120), read_back(*r.journal, 0));
  ASSERT_TRUE(write_records(*r.journal, 121, 130));
  EXPECT_EQ(expected_records(90, 130), read_back(*r.journal, 89));
}

TEST(JournalReadBack, CompactionMovesTheOldestAvailableSeqUp) {
  MemoryStorage storage;
  Recovered r = recover_all(storage, small_segments());  // keeps two snapshots
  ASSERT_TRUE(succeeded(r.status));
  ASSERT_TRUE(write_records(*r.journal, 1, 100, 4));
  ASSERT_TRUE(succeeded(r.journal->write_snapshot(60, "state 60")));
  ASSERT_TRUE(succeeded(r.journal->write_snapshot(100, "state 100")));
  ASSERT_TRUE(write_records(*r.journal, 101, 150, 4));
  ASSERT_TRUE(succeeded(r.journal->compact()));
  const uint64_t first = r.journal->first_seq();
  EXPECT_GT(first, 1u);
  EXPECT_LE(first, 61u);  // what the older snapshot does not cover stays
  uint64_t oldest_file = 0;
  ASSERT_TRUE(journal_format::parse_segment_file_name(names_with_prefix(storage, "seg-").front(), &oldest_file));
  EXPECT_EQ(oldest_file, first);
  // A cursor older than what is left starts at the oldest record left.
  EXPECT_EQ(expected_records(first, 150), read_back(*r.journal, 0));
  EXPECT_EQ(expected_records(first, 150), read_back(*r.journal, first - 1));
  EXPECT_EQ(expected_records(120, 150), read_back(*r.journal, 119));

  // The same after a restart.
  Recovered again = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(again.status));
  EXPECT_EQ(first, again.journal->first_seq());
  EXPECT_EQ(expected_records(first, 150), read_back(*again.journal, 0));
}

TEST(JournalReadBack, AnEmptyJournalHasNothingToReadBack) {
  MemoryStorage storage;
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(0u, r.journal->first_seq());
  EXPECT_TRUE(read_back(*r.journal, 0).empty());
}

TEST(JournalReadBack, RefusesBeforeRecovery) {
  MemoryStorage storage;
  auto journal = Journal::open(storage, small_segments());
  ASSERT_TRUE(succeeded(journal));
  Status s;
  EXPECT_TRUE(read_back(**journal, 0, &s).empty());
  EXPECT_EQ(StatusCode::kConflict, s.code());
}

// Damage in a segment recovery never read (it lies before the snapshot):
// read-back finds it, names the file and delivers what came before.
TEST(JournalReadBack, DamageInAnOlderSegmentIsCorruptionNamingTheFile) {
  MemoryStorage storage;
  {
    Recovered r = recover_all(storage, small_segments());
    ASSERT_TRUE(succeeded(r.status));
    ASSERT_TRUE(write_records(*r.journal, 1, 120, 4));
    ASSERT_TRUE(succeeded(r.journal->write_snapshot(120, "state")));
  }
  const std::vector<std::string> segments = names_with_prefix(storage, "seg-");
  ASSERT_GT(segments.size(), 3u);
  uint64_t damaged_first = 0;
  ASSERT_TRUE(journal_format::parse_segment_file_name(segments[2], &damaged_first));
  ASSERT_TRUE(succeeded(storage.flip_byte(segments[2], 20)));  // inside its first record's payload
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));  // recovery starts at the snapshot
  Status s;
  Records got = read_back(*r.journal, 0, &s);
  EXPECT_EQ(StatusCode::kCorruption, s.code());
  EXPECT_NE(s.message().find(segments[2]), std::string::npos) << s.to_string();
  EXPECT_EQ(expected_records(1, damaged_first - 1), got);
}

TEST(JournalReadBack, AMissingSegmentIsCorruption) {
  MemoryStorage storage;
  {
    Recovered r = recover_all(storage, small_segments());
    ASSERT_TRUE(succeeded(r.status));
    ASSERT_TRUE(write_records(*r.journal, 1, 120, 4));
    ASSERT_TRUE(succeeded(r.journal->write_snapshot(120, "state")));
  }
  const std::vector<std::string> segments = names_with_prefix(storage, "seg-");
  ASSERT_GT(segments.size(), 3u);
  ASSERT_TRUE(succeeded(storage.remove(segments[2])));
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));
  Status s;
  read_back(*r.journal, 0, &s);
  EXPECT_EQ(StatusCode::kCorruption, s.code());
  EXPECT_NE(s.message().find(segments[1]), std::string::npos) << s.to_string();
}

}  // namespace
}  // namespace stonks
