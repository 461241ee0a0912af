// Tests for Journal's writing side: append, group commit, rotation, failures.
#include "journal/journal.h"

#include <gtest/gtest.h>

#include "journal/journal_format.h"
#include "journal/memory_storage.h"
#include "journal_test_util.h"

namespace stonks {
namespace {

using journal_format::segment_file_name;
using namespace journal_test;

JournalOptions small_segments(uint64_t max_bytes = 512) {
  JournalOptions options;
  options.max_segment_bytes = max_bytes;
  return options;
}

TEST(Journal, EmptyJournalRecoversNothingAndStartsAtSeqOne) {
  MemoryStorage storage;
  Recovered r = recover_all(storage);
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(0, r.snapshot_calls);
  EXPECT_TRUE(r.records.empty());
  EXPECT_EQ(0u, r.stats.last_seq);
  EXPECT_EQ(1u, r.journal->next_seq());
  EXPECT_EQ(0u, r.journal->committed_seq());
}

TEST(Journal, RoundTripsManyRecordsAcrossSegmentRotations) {
  MemoryStorage storage;
  {
    Recovered r = recover_all(storage, small_segments());
    ASSERT_TRUE(succeeded(r.status));
    ASSERT_TRUE(write_records(*r.journal, 1, 1000, 7));
    EXPECT_EQ(1000u, r.journal->committed_seq());
  }
  // Every segment is named after its first record, and none grew past the limit.
  const std::vector<std::string> segments = names_with_prefix(storage, "seg-");
  ASSERT_GT(segments.size(), 20u);
  EXPECT_EQ(segment_file_name(1), segments.front());
  for (const std::string& name : segments) {
    const std::string data = *storage.read_file(name);
    EXPECT_LE(data.size(), 512u) << name;
    uint64_t named = 0;
    ASSERT_TRUE(journal_format::parse_segment_file_name(name, &named));
    EXPECT_EQ(named, journal_format::get_fixed64(data.data() + 8)) << name;
  }

  Recovered again = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(again.status));
  EXPECT_EQ(expected_records(1, 1000), again.records);
  EXPECT_EQ(1000u, again.stats.last_seq);
  EXPECT_EQ(0u, again.stats.dropped_bytes);
  EXPECT_EQ(segments.size(), again.stats.segments_read);
  EXPECT_EQ(1001u, again.journal->next_seq());

  // Appending continues in the tail segment and recovers too.
  ASSERT_TRUE(write_records(*again.journal, 1001, 1100, 10));
  Recovered third = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(third.status));
  EXPECT_EQ(expected_records(1, 1100), third.records);
}

TEST(Journal, RecoversWithDifferentSegmentSizeThanItWasWrittenWith) {
  MemoryStorage storage;
  {
    Recovered r = recover_all(storage, small_segments(300));
    ASSERT_TRUE(write_records(*r.journal, 1, 200, 3));
  }
  Recovered r = recover_all(storage);  // default 256 KiB
  ASSERT_TRUE(succeeded(r.status));
  ASSERT_TRUE(write_records(*r.journal, 201, 260, 5));
  Recovered again = recover_all(storage, small_segments(64));
  ASSERT_TRUE(succeeded(again.status));
  EXPECT_EQ(expected_records(1, 260), again.records);
}

TEST(Journal, GroupCommitWritesAndSyncsOnceAndNothingBeforeCommit) {
  MemoryStorage storage;
  Recovered r = recover_all(storage);
  ASSERT_TRUE(succeeded(r.status));
  for (uint64_t seq = 1; seq <= 100; ++seq) ASSERT_TRUE(succeeded(r.journal->append(seq, payload_for(seq))));
  EXPECT_EQ(100u, r.journal->pending_records());
  EXPECT_TRUE(storage.list()->empty());
  EXPECT_EQ(0u, r.journal->committed_seq());
  ASSERT_TRUE(succeeded(r.journal->commit()));
  EXPECT_EQ(1u, storage.append_calls());
  EXPECT_EQ(1u, storage.sync_calls());
  EXPECT_EQ(100u, r.journal->committed_seq());
  EXPECT_EQ(0u, r.journal->pending_records());
  ASSERT_TRUE(succeeded(r.journal->commit()));  // nothing buffered: no I/O
  EXPECT_EQ(1u, storage.sync_calls());
}

TEST(Journal, BatchSpanningRotationWritesEachSegmentOnce) {
  MemoryStorage storage;
  Recovered r = recover_all(storage, small_segments(200));
  ASSERT_TRUE(succeeded(r.status));
  for (uint64_t seq = 1; seq <= 30; ++seq) ASSERT_TRUE(succeeded(r.journal->append(seq, std::string(34, 'x'))));
  ASSERT_TRUE(succeeded(r.journal->commit()));
  // 50-byte records, 4 per 200-byte segment: 8 segments, one append and one sync each.
  const std::vector<std::string> segments = names_with_prefix(storage, "seg-");
  ASSERT_EQ(8u, segments.size());
  EXPECT_EQ(segment_file_name(29), segments.back());
  EXPECT_EQ(8u, storage.append_calls());
  EXPECT_EQ(8u, storage.sync_calls());
}

TEST(Journal, RecordLargerThanSegmentLimitGetsItsOwnSegment) {
  MemoryStorage storage;
  Recovered r = recover_all(storage, small_segments(64));
  ASSERT_TRUE(succeeded(r.status));
  ASSERT_TRUE(succeeded(r.journal->append(1, "small")));
  ASSERT_TRUE(succeeded(r.journal->append(2, std::string(1000, 'L'))));
  ASSERT_TRUE(succeeded(r.journal->append(3, "after")));
  ASSERT_TRUE(succeeded(r.journal->commit()));
  EXPECT_EQ((std::vector<std::string>{segment_file_name(1), segment_file_name(2), segment_file_name(3)}),
            names_with_prefix(storage, "seg-"));
  Recovered again = recover_all(storage, small_segments(64));
  ASSERT_TRUE(succeeded(again.status));
  ASSERT_EQ(3u, again.records.size());
  EXPECT_EQ(std::string(1000, 'L'), again.records[1].second);
}

TEST(Journal, EmptyPayloadRoundTrips) {
  MemoryStorage storage;
  Recovered r = recover_all(storage);
  ASSERT_TRUE(succeeded(r.journal->append(1, "")));
  ASSERT_TRUE(succeeded(r.journal->append(2, std::string("\0\0", 2))));
  ASSERT_TRUE(succeeded(r.journal->commit()));
  Recovered again = recover_all(storage);
  ASSERT_TRUE(succeeded(again.status));
  EXPECT_EQ((Records{{1, ""}, {2, std::string("\0\0", 2)}}), again.records);
}

TEST(Journal, RejectsAppendWhoseSeqIsNotNext) {
  MemoryStorage storage;
  Recovered r = recover_all(storage);
  EXPECT_EQ(StatusCode::kInvalidArgument, r.journal->append(2, "x").code());
  EXPECT_EQ(StatusCode::kInvalidArgument, r.journal->append(0, "x").code());
  ASSERT_TRUE(succeeded(r.journal->append(1, "x")));
  EXPECT_EQ(StatusCode::kInvalidArgument, r.journal->append(1, "x").code());
  EXPECT_EQ(2u, r.journal->next_seq());
}

TEST(Journal, RejectsPayloadOverTheLimit) {
  MemoryStorage storage;
  Recovered r = recover_all(storage);
  Status s = r.journal->append(1, std::string(journal_format::kMaxPayloadBytes + 1, 'x'));
  EXPECT_EQ(StatusCode::kInvalidArgument, s.code());
  EXPECT_EQ("payload", s.field());
  EXPECT_EQ(1u, r.journal->next_seq());
}

TEST(Journal, RejectsWritesBeforeRecoverAndASecondRecover) {
  MemoryStorage storage;
  auto journal = Journal::open(storage);
  ASSERT_TRUE(succeeded(journal));
  EXPECT_EQ(StatusCode::kConflict, (*journal)->append(1, "x").code());
  EXPECT_EQ(StatusCode::kConflict, (*journal)->commit().code());
  EXPECT_EQ(StatusCode::kConflict, (*journal)->write_snapshot(0, "s").code());
  ASSERT_TRUE(succeeded((*journal)->recover(nullptr, nullptr)));
  EXPECT_EQ(StatusCode::kConflict, (*journal)->recover(nullptr, nullptr).status().code());
}

TEST(Journal, RejectsOptionsOutOfBounds) {
  MemoryStorage storage;
  JournalOptions options;
  options.max_segment_bytes = 8;
  EXPECT_EQ(StatusCode::kInvalidArgument, Journal::open(storage, options).status().code());
  options = JournalOptions();
  options.snapshots_to_keep = 0;
  EXPECT_EQ(StatusCode::kInvalidArgument, Journal::open(storage, options).status().code());
}

TEST(Journal, UncommittedAppendsAreLostInACrashAndCommittedOnesSurvive) {
  MemoryStorage storage;
  {
    Recovered r = recover_all(storage, small_segments(256));
    ASSERT_TRUE(write_records(*r.journal, 1, 40, 4));
    for (uint64_t seq = 41; seq <= 45; ++seq) ASSERT_TRUE(succeeded(r.journal->append(seq, payload_for(seq))));
  }  // destroyed without commit
  storage.crash();
  Recovered r = recover_all(storage, small_segments(256));
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(expected_records(1, 40), r.records);
  EXPECT_EQ(41u, r.journal->next_seq());
}

TEST(Journal, FailedWriteStopsTheJournalAndReopeningRecoversWholeRecords) {
  MemoryStorage storage;
  Recovered r = recover_all(storage);
  ASSERT_TRUE(write_records(*r.journal, 1, 10, 10));
  for (uint64_t seq = 11; seq <= 13; ++seq) ASSERT_TRUE(succeeded(r.journal->append(seq, payload_for(seq))));
  // The storage takes record 11 and 5 bytes of record 12, then fails.
  const size_t record_11 = journal_format::kRecordHeaderBytes + payload_for(11).size();
  storage.fail_next_append(record_11 + 5);
  Status failed = r.journal->commit();
  EXPECT_EQ(StatusCode::kIoError, failed.code());
  EXPECT_EQ(10u, r.journal->committed_seq());
  EXPECT_EQ(StatusCode::kUnavailable, r.journal->append(14, "x").code());
  EXPECT_EQ(StatusCode::kUnavailable, r.journal->commit().code());
  EXPECT_EQ(StatusCode::kUnavailable, r.journal->write_snapshot(10, "s").code());
  r.journal.reset();

  // Without a crash the whole record 11 reached the file: it comes back; the
  // cut record 12 is a torn tail.
  Recovered again = recover_all(storage);
  ASSERT_TRUE(succeeded(again.status));
  EXPECT_EQ(expected_records(1, 11), again.records);
  EXPECT_EQ(5u, again.stats.dropped_bytes);
  EXPECT_EQ("truncated header", again.stats.torn_reason);
  ASSERT_TRUE(write_records(*again.journal, 12, 20, 3));
  Recovered third = recover_all(storage);
  ASSERT_TRUE(succeeded(third.status));
  EXPECT_EQ(expected_records(1, 20), third.records);
}

TEST(Journal, FailedSyncStopsTheJournalAndACrashLosesOnlyThatBatch) {
  MemoryStorage storage;
  Recovered r = recover_all(storage);
  ASSERT_TRUE(write_records(*r.journal, 1, 10, 5));
  ASSERT_TRUE(succeeded(r.journal->append(11, payload_for(11))));
  storage.fail_next_sync();
  EXPECT_EQ(StatusCode::kIoError, r.journal->commit().code());
  EXPECT_EQ(StatusCode::kUnavailable, r.journal->append(12, "x").code());
  r.journal.reset();
  storage.crash();
  Recovered again = recover_all(storage);
  ASSERT_TRUE(succeeded(again.status));
  EXPECT_EQ(expected_records(1, 10), again.records);
  EXPECT_EQ(11u, again.journal->next_seq());
}

// A batch spanning three segments (50-byte records, 4 per 200-byte segment:
// 4 -> seg-1, 5..8 -> seg-5, 9..12 -> seg-9); the crash hits at each sync in
// turn. Segments are synced in order, so exactly the records of the synced
// segments survive and the journal goes on cleanly.
TEST(Journal, CrashMidCommitOfBatchSpanningRotationKeepsSyncedSegmentsOnly) {
  const uint64_t survivors_by_failed_sync[] = {3, 4, 8};
  for (uint64_t failed_sync = 0; failed_sync < 3; ++failed_sync) {
    SCOPED_TRACE("failing sync #" + std::to_string(failed_sync + 1));
    MemoryStorage storage;
    Recovered r = recover_all(storage, small_segments(200));
    for (uint64_t seq = 1; seq <= 12; ++seq) {
      ASSERT_TRUE(succeeded(r.journal->append(seq, std::string(34, static_cast<char>('a' + seq)))));
      if (seq == 3) {
        ASSERT_TRUE(succeeded(r.journal->commit()));
      }
    }
    storage.fail_next_sync(failed_sync);
    EXPECT_EQ(StatusCode::kIoError, r.journal->commit().code());
    r.journal.reset();
    storage.crash();

    Recovered again = recover_all(storage, small_segments(200));
    ASSERT_TRUE(succeeded(again.status));
    const uint64_t survivors = survivors_by_failed_sync[failed_sync];
    ASSERT_EQ(survivors, again.records.size());
    EXPECT_EQ(std::string(34, static_cast<char>('a' + survivors)), again.records.back().second);
    ASSERT_TRUE(succeeded(again.journal->append(survivors + 1, "next")));
    ASSERT_TRUE(succeeded(again.journal->commit()));
    Recovered third = recover_all(storage, small_segments(200));
    ASSERT_TRUE(succeeded(third.status));
    ASSERT_EQ(survivors + 1, third.records.size());
    EXPECT_EQ((std::pair<uint64_t, std::string>{survivors + 1, "next"}), third.records.back());
  }
}

}  // namespace
}  // namespace stonks
