// Tests for Journal::recover(): torn tails are dropped, any other damage is corruption.
#include <gtest/gtest.h>

#include "journal/journal.h"
#include "journal/journal_format.h"
#include "journal/memory_storage.h"
#include "journal_test_util.h"

namespace stonks {
namespace {

using journal_format::segment_file_name;
using namespace journal_test;

JournalOptions small_segments(uint64_t max_bytes = 256) {
  JournalOptions options;
  options.max_segment_bytes = max_bytes;
  return options;
}

// A journal of records 1..n over 256-byte segments, committed in batches.
MemoryStorage make_journal(uint64_t n, uint64_t batch = 3) {
  MemoryStorage storage;
  Recovered r = recover_all(storage, small_segments());
  EXPECT_TRUE(succeeded(r.status));
  EXPECT_TRUE(write_records(*r.journal, 1, n, batch));
  return storage;
}

std::string last_segment(MemoryStorage& storage) { return names_with_prefix(storage, "seg-").back(); }

// Expects corruption whose message names `file` and "offset <offset>", and no callback.
void expect_corruption(MemoryStorage& storage, const std::string& file, uint64_t offset) {
  Recovered r = recover_all(storage, small_segments());
  ASSERT_EQ(StatusCode::kCorruption, r.status.code()) << r.status.to_string();
  EXPECT_NE(std::string::npos, r.status.message().find(file)) << r.status.message();
  EXPECT_NE(std::string::npos, r.status.message().find("offset " + std::to_string(offset))) << r.status.message();
  EXPECT_TRUE(r.records.empty()) << "records delivered before the corruption was found";
  EXPECT_EQ(0, r.snapshot_calls);
  EXPECT_EQ(StatusCode::kConflict, r.journal->append(1, "x").code()) << "an unrecovered journal must refuse writes";
}

// Cuts the last segment at every byte offset inside its last `tail_records`
// records: recovery returns exactly the records wholly before the cut, and
// the journal then appends and recovers cleanly.
void check_every_truncation(uint64_t n, uint64_t tail_records) {
  const MemoryStorage pristine = make_journal(n, tail_records);
  MemoryStorage probe = pristine;
  const std::string seg = last_segment(probe);
  const std::string data = *probe.read_file(seg);
  const std::vector<uint64_t> offsets = record_offsets(data);
  ASSERT_GE(offsets.size(), tail_records);
  const uint64_t first_seq_in_seg = n - offsets.size() + 1;
  const size_t first_cut_record = offsets.size() - tail_records;

  for (uint64_t cut = offsets[first_cut_record]; cut < data.size(); ++cut) {
    SCOPED_TRACE(seg + " cut at " + std::to_string(cut));
    MemoryStorage storage = pristine;
    ASSERT_TRUE(succeeded(storage.truncate_file(seg, cut)));
    size_t whole = 0;  // records of this segment wholly before the cut
    while (whole < offsets.size() && (whole + 1 == offsets.size() ? data.size() : offsets[whole + 1]) <= cut) ++whole;
    const uint64_t last_good = first_seq_in_seg + whole - 1;

    Recovered r = recover_all(storage, small_segments());
    ASSERT_TRUE(succeeded(r.status));
    ASSERT_EQ(expected_records(1, last_good), r.records);
    const uint64_t torn = cut - offsets[whole];  // the cut record starts at offsets[whole]
    EXPECT_EQ(torn, r.stats.dropped_bytes);
    EXPECT_EQ(torn == 0 ? "" : seg, r.stats.torn_file);
    EXPECT_EQ(last_good + 1, r.journal->next_seq());

    // Appending afterwards lands right after the last good record.
    ASSERT_TRUE(succeeded(r.journal->append(last_good + 1, "after-cut")));
    ASSERT_TRUE(succeeded(r.journal->append(last_good + 2, "after-cut-2")));
    ASSERT_TRUE(succeeded(r.journal->commit()));
    Recovered again = recover_all(storage, small_segments());
    ASSERT_TRUE(succeeded(again.status));
    Records want = expected_records(1, last_good);
    want.emplace_back(last_good + 1, "after-cut");
    want.emplace_back(last_good + 2, "after-cut-2");
    ASSERT_EQ(want, again.records);
    EXPECT_EQ(0u, again.stats.dropped_bytes);
  }
}

TEST(JournalRecovery, RecoversCommittedPrefixAfterTruncationAtEveryOffset) {
  // 50 records in 256-byte segments: the last segment holds several.
  check_every_truncation(50, 1);
}

TEST(JournalRecovery, RecoversCommittedPrefixAfterTruncationAtEveryOffsetOfLastBatch) { check_every_truncation(50, 3); }

TEST(JournalRecovery, RecoversAfterTruncationAtEveryOffsetOfSegmentsOnlyRecord) {
  // Find an n whose last record opened a fresh segment.
  for (uint64_t n = 30; n < 80; ++n) {
    MemoryStorage storage = make_journal(n);
    if (last_segment(storage) != segment_file_name(n)) continue;
    check_every_truncation(n, 1);
    return;
  }
  FAIL() << "no journal length put its last record alone in a segment";
}

TEST(JournalRecovery, DropsTrailingZerosAfterTheLastGoodRecordAndTrimsTheFile) {
  MemoryStorage storage = make_journal(40);
  const std::string seg = last_segment(storage);
  const uint64_t good_size = *storage.file_size(seg);
  ASSERT_TRUE(succeeded(storage.append(seg, std::string(4096, '\0'))));
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(expected_records(1, 40), r.records);
  EXPECT_EQ(4096u, r.stats.dropped_bytes);
  EXPECT_EQ(good_size, r.stats.torn_offset);
  EXPECT_EQ(good_size, *storage.file_size(seg));
  ASSERT_TRUE(write_records(*r.journal, 41, 45));
  EXPECT_EQ(expected_records(1, 45), recover_all(storage, small_segments()).records);
}

TEST(JournalRecovery, DropsGarbageAfterTheLastGoodRecord) {
  MemoryStorage storage = make_journal(40);
  const std::string seg = last_segment(storage);
  std::string garbage;
  uint32_t x = 12345;
  for (int i = 0; i < 777; ++i) {
    x = x * 1103515245u + 12345u;
    garbage.push_back(static_cast<char>(x >> 24));
  }
  ASSERT_TRUE(succeeded(storage.append(seg, garbage)));
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(expected_records(1, 40), r.records);
  EXPECT_EQ(777u, r.stats.dropped_bytes);
}

TEST(JournalRecovery, DropsFinalRecordWhoseChecksumFails) {
  MemoryStorage storage = make_journal(40);
  const std::string seg = last_segment(storage);
  const std::string data = *storage.read_file(seg);
  const uint64_t last_off = record_offsets(data).back();
  ASSERT_TRUE(succeeded(storage.flip_byte(seg, data.size() - 1)));  // last payload byte
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(expected_records(1, 39), r.records);
  EXPECT_EQ(data.size() - last_off, r.stats.dropped_bytes);
  EXPECT_EQ("checksum mismatch", r.stats.torn_reason);
}

TEST(JournalRecovery, ReportsCorruptionForBadRecordFollowedByGoodOnes) {
  MemoryStorage storage = make_journal(40);
  const std::string seg = last_segment(storage);
  const std::vector<uint64_t> offsets = record_offsets(*storage.read_file(seg));
  ASSERT_GE(offsets.size(), 3u);
  const uint64_t middle = offsets[offsets.size() / 2];
  ASSERT_TRUE(succeeded(storage.flip_byte(seg, middle + journal_format::kRecordHeaderBytes)));  // a payload byte
  expect_corruption(storage, seg, middle);
}

TEST(JournalRecovery, ReportsCorruptionWhenADamagedLengthHidesTheRecordsAfterIt) {
  MemoryStorage storage = make_journal(40);
  const std::string seg = last_segment(storage);
  const std::vector<uint64_t> offsets = record_offsets(*storage.read_file(seg));
  ASSERT_GE(offsets.size(), 3u);
  const uint64_t middle = offsets[offsets.size() / 2];
  ASSERT_TRUE(succeeded(storage.flip_byte(seg, middle + 4, 0x40)));  // length += 64: now runs elsewhere
  expect_corruption(storage, seg, middle);
}

TEST(JournalRecovery, ReportsCorruptionForBadRecordInAnEarlierSegment) {
  MemoryStorage storage = make_journal(60);
  const std::vector<std::string> segments = names_with_prefix(storage, "seg-");
  ASSERT_GE(segments.size(), 3u);
  const std::string seg = segments[1];
  const std::string data = *storage.read_file(seg);
  // Even the last record of a segment that is not the last one is not a torn tail.
  const uint64_t last_off = record_offsets(data).back();
  ASSERT_TRUE(succeeded(storage.flip_byte(seg, data.size() - 1)));
  expect_corruption(storage, seg, last_off);
}

TEST(JournalRecovery, ReportsCorruptionForTruncatedSegmentThatIsNotTheLast) {
  MemoryStorage storage = make_journal(60);
  const std::string seg = names_with_prefix(storage, "seg-")[1];
  const uint64_t size = *storage.file_size(seg);
  ASSERT_TRUE(succeeded(storage.truncate_file(seg, size - 3)));
  const std::vector<uint64_t> offsets = record_offsets(*storage.read_file(seg));
  expect_corruption(storage, seg, offsets.back());
}

TEST(JournalRecovery, ReportsCorruptionForAMissingMiddleSegment) {
  MemoryStorage storage = make_journal(60);
  const std::vector<std::string> segments = names_with_prefix(storage, "seg-");
  ASSERT_GE(segments.size(), 3u);
  ASSERT_TRUE(succeeded(storage.remove(segments[1])));
  expect_corruption(storage, segments[2], 0);
}

TEST(JournalRecovery, ReportsCorruptionForAMissingFirstSegment) {
  MemoryStorage storage = make_journal(60);
  ASSERT_TRUE(succeeded(storage.remove(segment_file_name(1))));
  Recovered r = recover_all(storage, small_segments());
  ASSERT_EQ(StatusCode::kCorruption, r.status.code());
  EXPECT_NE(std::string::npos, r.status.message().find("missing")) << r.status.message();
}

TEST(JournalRecovery, ReportsCorruptionForASequenceGapInsideASegment) {
  MemoryStorage storage;
  std::string seg;
  journal_format::append_record(&seg, 1, "one");
  journal_format::append_record(&seg, 2, "two");
  const uint64_t gap_at = seg.size();
  journal_format::append_record(&seg, 4, "four");
  journal_format::append_record(&seg, 5, "five");
  storage.put_file(segment_file_name(1), seg);
  expect_corruption(storage, segment_file_name(1), gap_at);
}

TEST(JournalRecovery, ReportsCorruptionForADuplicateSeqInsideTheLastRecord) {
  MemoryStorage storage;
  std::string seg;
  journal_format::append_record(&seg, 1, "one");
  const uint64_t dup_at = seg.size();
  journal_format::append_record(&seg, 1, "one again");
  storage.put_file(segment_file_name(1), seg);
  expect_corruption(storage, segment_file_name(1), dup_at);
}

TEST(JournalRecovery, ReportsCorruptionForOverlappingSegments) {
  MemoryStorage storage;
  std::string a, b;
  journal_format::append_record(&a, 1, "one");
  journal_format::append_record(&a, 2, "two");
  journal_format::append_record(&a, 3, "three");
  journal_format::append_record(&b, 3, "three");
  journal_format::append_record(&b, 4, "four");
  storage.put_file(segment_file_name(1), a);
  storage.put_file(segment_file_name(3), b);
  expect_corruption(storage, segment_file_name(3), 0);
}

TEST(JournalRecovery, ReportsCorruptionWhenTheFirstRecordDisagreesWithTheFileName) {
  MemoryStorage storage;
  std::string seg;
  journal_format::append_record(&seg, 2, "two");
  storage.put_file(segment_file_name(1), seg);
  expect_corruption(storage, segment_file_name(1), 0);
}

TEST(JournalRecovery, RemovesAnEmptyLastSegmentAndContinues) {
  MemoryStorage storage = make_journal(40);
  storage.put_file(segment_file_name(41), "");
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(expected_records(1, 40), r.records);
  ASSERT_TRUE(write_records(*r.journal, 41, 50));
  EXPECT_EQ(expected_records(1, 50), recover_all(storage, small_segments()).records);
}

TEST(JournalRecovery, IgnoresFilesThatAreNotJournalFiles) {
  MemoryStorage storage = make_journal(20);
  storage.put_file("README", "hello");
  storage.put_file("seg-1.log", "not ours");
  Recovered r = recover_all(storage, small_segments());
  ASSERT_TRUE(succeeded(r.status));
  EXPECT_EQ(expected_records(1, 20), r.records);
  EXPECT_EQ("hello", *storage.read_file("README"));
}

TEST(JournalRecovery, CallbackErrorStopsRecoveryAndIsReturnedAsIs) {
  MemoryStorage storage = make_journal(20);
  auto journal = std::move(Journal::open(storage, small_segments())).value();
  int seen = 0;
  auto stats = journal->recover(nullptr, [&](uint64_t seq, std::string_view) {
    ++seen;
    return seq == 7 ? Status::invalid_argument("bad event") : Status::ok();
  });
  EXPECT_EQ(StatusCode::kInvalidArgument, stats.status().code());
  EXPECT_EQ(7, seen);
  EXPECT_EQ(StatusCode::kConflict, journal->append(21, "x").code());
}

}  // namespace
}  // namespace stonks
