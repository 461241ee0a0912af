// Tests for Journal snapshots, snapshot fallback and compaction.
#include <gtest/gtest.h>

#include "journal/journal.h"
#include "journal/journal_format.h"
#include "journal/memory_storage.h"
#include "journal_test_util.h"

namespace stonks {
namespace {

using journal_format::segment_file_name;
using journal_format::snapshot_file_name;
using namespace journal_test;

JournalOptions options_keeping(uint32_t snapshots) {
  JournalOptions options;
  options.max_segment_bytes = 256;
  options.snapshots_to_keep = snapshots;
  return options;
}

std::string state_at(uint64_t seq) { return "state after " + std::to_string(seq); }

// Records 1..n, with a snapshot after each seq in `snapshot_at`; optionally compacted after each.
MemoryStorage make_journal(uint64_t n, std::vector<uint64_t> snapshot_at, JournalOptions options,
                           bool compact = false) {
  MemoryStorage storage;
  Recovered r = recover_all(storage, options);
  EXPECT_TRUE(succeeded(r.status));
  uint64_t next = 1;
  for (uint64_t at : snapshot_at) {
    EXPECT_TRUE(write_records(*r.journal, next, at, 4));
    EXPECT_TRUE(succeeded(r.journal->write_snapshot(at, state_at(at))));
    if (compact) {
      EXPECT_TRUE(succeeded(r.journal->compact()));
    }
    next = at + 1;
  }
  EXPECT_TRUE(write_records(*r.journal, next, n, 4));
  return storage;
}

// First seq of each segment file.
std::vector<uint64_t> segment_seqs(MemoryStorage& storage) {
  std::vector<uint64_t> out;
  for (const std::string& name : names_with_prefix(storage, "seg-")) {
    uint64_t seq = 0;
    EXPECT_TRUE(journal_format::parse_segment_file_name(name, &seq));
    out.push_back(seq);
  }
  return out;
}

TEST(JournalSnapshot, RecoversFromSnapshotPlusLaterRecords) {
  MemoryStorage storage = make_journal(80, {30}, options_keeping(2));
  Recovered r = recover_all(storage, options_keeping(2));
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(1, r.snapshot_calls);
  EXPECT_FALSE(r.snapshot_after_records);
  EXPECT_EQ(30u, r.snapshot_seq);
  EXPECT_EQ(state_at(30), r.snapshot_state);
  EXPECT_EQ(expected_records(31, 80), r.records);
  EXPECT_TRUE(r.stats.snapshot_used);
  EXPECT_EQ(80u, r.stats.last_seq);
  EXPECT_EQ(81u, r.journal->next_seq());
}

TEST(JournalSnapshot, SnapshotOfTheLastRecordRecoversWithoutRecords) {
  MemoryStorage storage = make_journal(50, {50}, options_keeping(2));
  Recovered r = recover_all(storage, options_keeping(2));
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(50u, r.snapshot_seq);
  EXPECT_TRUE(r.records.empty());
  ASSERT_TRUE(write_records(*r.journal, 51, 55));
  Recovered again = recover_all(storage, options_keeping(2));
  EXPECT_EQ(expected_records(51, 55), again.records);
}

TEST(JournalSnapshot, RejectsSnapshotPastTheCommittedSeq) {
  MemoryStorage storage;
  Recovered r = recover_all(storage);
  ASSERT_TRUE(write_records(*r.journal, 1, 5));
  ASSERT_TRUE(succeeded(r.journal->append(6, "pending")));
  EXPECT_EQ(StatusCode::kInvalidArgument, r.journal->write_snapshot(6, "s").code());
  EXPECT_TRUE(names_with_prefix(storage, "snap-").empty());
  ASSERT_TRUE(succeeded(r.journal->write_snapshot(5, "s")));
}

TEST(JournalSnapshot, FallsBackToTheOlderSnapshotWhenTheNewestIsCorrupt) {
  MemoryStorage storage = make_journal(60, {20, 40}, options_keeping(2));
  ASSERT_TRUE(succeeded(storage.flip_byte(snapshot_file_name(40), 40)));
  Recovered r = recover_all(storage, options_keeping(2));
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(20u, r.snapshot_seq);
  EXPECT_EQ(state_at(20), r.snapshot_state);
  EXPECT_EQ(expected_records(21, 60), r.records);
  EXPECT_EQ(std::vector<std::string>{snapshot_file_name(40)}, r.stats.corrupt_snapshots);
}

TEST(JournalSnapshot, FallsBackToFullReplayWhenEverySnapshotIsCorrupt) {
  MemoryStorage storage = make_journal(60, {20, 40}, options_keeping(2));
  ASSERT_TRUE(succeeded(storage.truncate_file(snapshot_file_name(40), 35)));
  ASSERT_TRUE(succeeded(storage.flip_byte(snapshot_file_name(20), 0)));
  Recovered r = recover_all(storage, options_keeping(2));
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(0, r.snapshot_calls);
  EXPECT_EQ(expected_records(1, 60), r.records);
  EXPECT_EQ(2u, r.stats.corrupt_snapshots.size());
}

TEST(JournalSnapshot, KeepsOnlyTheNewestValidSnapshots) {
  MemoryStorage storage = make_journal(60, {10, 20, 30, 40}, options_keeping(2));
  EXPECT_EQ((std::vector<std::string>{snapshot_file_name(30), snapshot_file_name(40)}),
            names_with_prefix(storage, "snap-"));
  MemoryStorage one = make_journal(60, {10, 20, 30}, options_keeping(1));
  EXPECT_EQ(std::vector<std::string>{snapshot_file_name(30)}, names_with_prefix(one, "snap-"));
}

TEST(JournalSnapshot, NewSnapshotReplacesADamagedOneInTheKeptSet) {
  MemoryStorage storage = make_journal(60, {10, 20}, options_keeping(2));
  ASSERT_TRUE(succeeded(storage.flip_byte(snapshot_file_name(20), 33)));
  Recovered r = recover_all(storage, options_keeping(2));
  ASSERT_TRUE(succeeded(r.status));
  ASSERT_TRUE(succeeded(r.journal->write_snapshot(60, state_at(60))));
  EXPECT_EQ((std::vector<std::string>{snapshot_file_name(10), snapshot_file_name(60)}),
            names_with_prefix(storage, "snap-"));
}

TEST(JournalSnapshot, CompactionWaitsUntilEnoughSnapshotsExist) {
  MemoryStorage storage = make_journal(100, {50}, options_keeping(2), /*compact=*/true);
  EXPECT_EQ(1u, segment_seqs(storage).front());
}

TEST(JournalSnapshot, CompactionRemovesOnlySegmentsCoveredByTheOldestKeptSnapshot) {
  MemoryStorage before = make_journal(150, {60, 110}, options_keeping(2));
  const std::vector<uint64_t> all = segment_seqs(before);
  MemoryStorage storage = before;
  Recovered r = recover_all(storage, options_keeping(2));
  ASSERT_TRUE(succeeded(r.journal->compact()));

  // Survivors: exactly the segments holding a record after seq 60.
  std::vector<uint64_t> want;
  for (size_t i = 0; i < all.size(); ++i) {
    const uint64_t last_in_segment = i + 1 < all.size() ? all[i + 1] - 1 : 150;
    if (last_in_segment > 60) want.push_back(all[i]);
  }
  ASSERT_LT(want.size(), all.size());
  EXPECT_EQ(want, segment_seqs(storage));
  EXPECT_LE(want.front(), 61u);

  Recovered after = recover_all(storage, options_keeping(2));
  ASSERT_TRUE(succeeded(after.status));
  EXPECT_EQ(110u, after.snapshot_seq);
  EXPECT_EQ(expected_records(111, 150), after.records);

  // And the damaged newest snapshot still falls back, to the older one.
  ASSERT_TRUE(succeeded(storage.flip_byte(snapshot_file_name(110), 40)));
  Recovered fallback = recover_all(storage, options_keeping(2));
  ASSERT_TRUE(succeeded(fallback.status));
  EXPECT_EQ(60u, fallback.snapshot_seq);
  EXPECT_EQ(expected_records(61, 150), fallback.records);
}

TEST(JournalSnapshot, CompactionKeepingOneSnapshotRemovesSegmentsCoveredByTheNewest) {
  MemoryStorage storage = make_journal(150, {60, 110}, options_keeping(1), /*compact=*/true);
  const std::vector<uint64_t> seqs = segment_seqs(storage);
  EXPECT_LE(seqs.front(), 111u);
  EXPECT_GT(seqs.front(), 60u);
  Recovered r = recover_all(storage, options_keeping(1));
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(110u, r.snapshot_seq);
  EXPECT_EQ(expected_records(111, 150), r.records);
  ASSERT_TRUE(write_records(*r.journal, 151, 170, 5));
  EXPECT_EQ(expected_records(111, 170), recover_all(storage, options_keeping(1)).records);
}

TEST(JournalSnapshot, CompactionNeverRemovesTheSegmentBeingAppendedTo) {
  MemoryStorage storage = make_journal(100, {100}, options_keeping(1), /*compact=*/true);
  EXPECT_EQ(1u, segment_seqs(storage).size());
  Recovered r = recover_all(storage, options_keeping(1));
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(100u, r.snapshot_seq);
  ASSERT_TRUE(write_records(*r.journal, 101, 103));
  EXPECT_EQ(expected_records(101, 103), recover_all(storage, options_keeping(1)).records);
}

TEST(JournalSnapshot, ReportsCorruptionWhenTheOnlySnapshotCoveringCompactedRecordsIsDamaged) {
  MemoryStorage storage = make_journal(150, {110}, options_keeping(1), /*compact=*/true);
  ASSERT_GT(segment_seqs(storage).front(), 1u);
  ASSERT_TRUE(succeeded(storage.flip_byte(snapshot_file_name(110), 20)));
  Recovered r = recover_all(storage, options_keeping(1));
  ASSERT_EQ(StatusCode::kCorruption, r.status.code()) << r.status.to_string();
  EXPECT_NE(std::string::npos, r.status.message().find("missing")) << r.status.message();
  EXPECT_TRUE(r.records.empty());
}

TEST(JournalSnapshot, ReportsCorruptionWhenADamagedSnapshotIsNewerThanAnythingRecoverable) {
  MemoryStorage storage = make_journal(60, {}, options_keeping(2));
  storage.put_file(snapshot_file_name(100), "junk");
  Recovered r = recover_all(storage, options_keeping(2));
  ASSERT_EQ(StatusCode::kCorruption, r.status.code()) << r.status.to_string();
  EXPECT_NE(std::string::npos, r.status.message().find(snapshot_file_name(100))) << r.status.message();
}

TEST(JournalSnapshot, SnapshotAheadOfTheLogStartsANewSegment) {
  // A valid snapshot newer than the last record (e.g. the log's tail was lost
  // while the snapshot survived): recovery starts at the snapshot and appends
  // go to a new segment named after the next seq.
  MemoryStorage storage = make_journal(30, {}, options_keeping(2));
  storage.put_file(snapshot_file_name(45), journal_format::encode_snapshot(45, state_at(45)));
  Recovered r = recover_all(storage, options_keeping(2));
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(45u, r.snapshot_seq);
  EXPECT_TRUE(r.records.empty());
  ASSERT_TRUE(write_records(*r.journal, 46, 50));
  EXPECT_EQ(46u, segment_seqs(storage).back());
  Recovered again = recover_all(storage, options_keeping(2));
  ASSERT_TRUE(succeeded(again.status));
  EXPECT_EQ(expected_records(46, 50), again.records);
}

}  // namespace
}  // namespace stonks
