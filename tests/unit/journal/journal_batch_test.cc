// Tests for journal batches: a batch cut short by a crash is dropped whole,
// and batches never span segments.
#include <gtest/gtest.h>

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

// Appends payload_for(seq) for [first, last] as one batch and commits.
::testing::AssertionResult write_batch(Journal& journal, uint64_t first, uint64_t last) {
  for (uint64_t seq = first; seq <= last; ++seq) {
    Status s = journal.append(seq, payload_for(seq), seq < last);
    if (!s.is_ok()) return ::testing::AssertionFailure() << "append " << seq << ": " << s.to_string();
  }
  return succeeded(journal.commit());
}

// Records 1-2 as single-record batches, then 3-6 as one batch.
MemoryStorage journal_ending_in_a_batch() {
  MemoryStorage storage;
  Recovered r = recover_all(storage);
  EXPECT_TRUE(succeeded(r.status));
  EXPECT_TRUE(write_records(*r.journal, 1, 2));
  EXPECT_TRUE(write_batch(*r.journal, 3, 6));
  return storage;
}

TEST(JournalBatch, ABatchCutAnywhereIsDroppedWholeAndAWholeOneIsKept) {
  const MemoryStorage pristine = journal_ending_in_a_batch();
  MemoryStorage probe = pristine;
  const std::string seg = segment_file_name(1);
  const std::string data = *probe.read_file(seg);
  const std::vector<uint64_t> offsets = record_offsets(data);
  ASSERT_EQ(offsets.size(), 6u);
  const uint64_t batch_start = offsets[2];

  for (uint64_t cut = batch_start; cut <= data.size(); ++cut) {
    SCOPED_TRACE("cut at " + std::to_string(cut) + " of " + std::to_string(data.size()));
    MemoryStorage storage = pristine;
    ASSERT_TRUE(succeeded(storage.truncate_file(seg, cut)));
    Recovered r = recover_all(storage);
    ASSERT_TRUE(succeeded(r.status));
    if (cut == data.size()) {
      EXPECT_EQ(r.records, expected_records(1, 6));
      EXPECT_EQ(r.stats.dropped_bytes, 0u);
      continue;
    }
    EXPECT_EQ(r.records, expected_records(1, 2));
    EXPECT_EQ(r.stats.dropped_bytes, cut - batch_start);
    if (cut > batch_start) {
      EXPECT_EQ(r.stats.torn_file, seg);
      EXPECT_EQ(r.stats.torn_offset, batch_start);
    }
    // Once a whole record of the batch is there, the batch is what was cut.
    if (cut >= offsets[3]) {
      EXPECT_NE(r.stats.torn_reason.find("unfinished batch"), std::string::npos) << r.stats.torn_reason;
    }
    // The journal goes on right after the last whole batch, and that survives.
    ASSERT_TRUE(write_batch(*r.journal, 3, 4));
    Recovered again = recover_all(storage);
    ASSERT_TRUE(succeeded(again.status));
    EXPECT_EQ(again.records, expected_records(1, 4));
  }
}

TEST(JournalBatch, ABatchNeverSpansSegments) {
  MemoryStorage storage;
  JournalOptions options;
  options.max_segment_bytes = 40;  // one record of this size, not two
  Recovered r = recover_all(storage, options);
  ASSERT_TRUE(succeeded(r.status));
  ASSERT_TRUE(write_batch(*r.journal, 1, 5));
  ASSERT_TRUE(write_records(*r.journal, 6, 7));
  // The batch went into one (oversized) segment; single records rotate as usual.
  EXPECT_EQ(names_with_prefix(storage, "seg-"),
            (std::vector<std::string>{segment_file_name(1), segment_file_name(6), segment_file_name(7)}));
  Recovered back = recover_all(storage, options);
  ASSERT_TRUE(succeeded(back.status));
  EXPECT_EQ(back.records, expected_records(1, 7));
}

TEST(JournalBatch, ASegmentThatIsNotTheLastEndingInsideABatchIsCorruption) {
  MemoryStorage storage;
  std::string first, second;
  journal_format::append_record(&first, 1, "one");
  const uint64_t batch_at = first.size();
  journal_format::append_record(&first, 2, "two", /*batch_continues=*/true);
  journal_format::append_record(&second, 3, "three");
  storage.put_file(segment_file_name(1), first);
  storage.put_file(segment_file_name(3), second);
  Recovered r = recover_all(storage);
  ASSERT_EQ(r.status.code(), StatusCode::kCorruption) << r.status.to_string();
  EXPECT_NE(r.status.message().find(segment_file_name(1)), std::string::npos) << r.status.message();
  EXPECT_NE(r.status.message().find("offset " + std::to_string(batch_at)), std::string::npos) << r.status.message();
  EXPECT_TRUE(r.records.empty());
}

}  // namespace
}  // namespace stonks
