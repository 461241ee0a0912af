// Tests for the journal's file names and record/snapshot encodings.
#include "journal/journal_format.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "journal/crc32c.h"

namespace stonks {
namespace {

using namespace journal_format;

TEST(JournalFormat, FileNamesAreZeroPaddedSoLexicalOrderIsNumericOrder) {
  EXPECT_EQ("seg-00000000000000000001.log", segment_file_name(1));
  EXPECT_EQ("snap-00000000000000000042.snap", snapshot_file_name(42));
  EXPECT_EQ("seg-18446744073709551615.log", segment_file_name(UINT64_MAX));
  EXPECT_LT(segment_file_name(9), segment_file_name(10));
  EXPECT_LT(segment_file_name(99999), segment_file_name(100000));
}

TEST(JournalFormat, ParsesOnlyExactFileNames) {
  uint64_t seq = 7;
  EXPECT_TRUE(parse_segment_file_name("seg-00000000000000000123.log", &seq));
  EXPECT_EQ(123u, seq);
  EXPECT_TRUE(parse_snapshot_file_name("snap-18446744073709551615.snap", &seq));
  EXPECT_EQ(UINT64_MAX, seq);
  seq = 7;
  EXPECT_FALSE(parse_segment_file_name("seg-123.log", &seq));
  EXPECT_FALSE(parse_segment_file_name("seg-0000000000000000012x.log", &seq));
  EXPECT_FALSE(parse_segment_file_name("seg-00000000000000000123.log.stonks-tmp", &seq));
  EXPECT_FALSE(parse_segment_file_name("snap-00000000000000000123.snap", &seq));
  EXPECT_FALSE(parse_snapshot_file_name("snap-99999999999999999999.snap", &seq));  // > UINT64_MAX
  EXPECT_EQ(7u, seq);
}

TEST(JournalFormat, RecordIsLittleEndianHeaderThenPayload) {
  std::string out = "xx";  // appends after existing bytes
  append_record(&out, 0x0102030405060708ull, "hey");
  ASSERT_EQ(2 + kRecordHeaderBytes + 3, out.size());
  const std::string rec = out.substr(2);
  EXPECT_EQ(std::string("\x03\x00\x00\x00", 4), rec.substr(4, 4));                  // length
  EXPECT_EQ(std::string("\x08\x07\x06\x05\x04\x03\x02\x01", 8), rec.substr(8, 8));  // seq
  EXPECT_EQ("hey", rec.substr(16));
  // The checksum covers length, seq and payload, and is stored masked.
  EXPECT_EQ(crc32c::mask(crc32c::value(rec.substr(4))), get_fixed32(rec.data()));
  EXPECT_TRUE(record_checksum_ok(rec.data(), 3));
}

TEST(JournalFormat, RecordChecksumCatchesAnyFlippedByte) {
  std::string rec;
  append_record(&rec, 5, "payload");
  for (size_t i = 0; i < rec.size(); ++i) {
    std::string bad = rec;
    bad[i] = static_cast<char>(bad[i] ^ 0x10);
    const uint32_t len = get_fixed32(bad.data() + 4);
    if (len != 7) continue;  // a damaged length is caught by the reader's bounds check instead
    EXPECT_FALSE(record_checksum_ok(bad.data(), len)) << "byte " << i;
  }
}

TEST(JournalFormat, SnapshotRoundTripsWithItsHeader) {
  const std::string file = encode_snapshot(42, "state bytes");
  ASSERT_EQ(kSnapshotHeaderBytes + 11, file.size());
  EXPECT_EQ("STNKSNAP", file.substr(0, 8));
  EXPECT_EQ(1u, get_fixed32(file.data() + 8));
  EXPECT_EQ(42u, get_fixed64(file.data() + 16));
  EXPECT_EQ(11u, get_fixed64(file.data() + 24));
  auto view = decode_snapshot(file, snapshot_file_name(42));
  ASSERT_TRUE(view.is_ok()) << view.status().to_string();
  EXPECT_EQ(42u, view->last_seq);
  EXPECT_EQ("state bytes", view->state);
}

TEST(JournalFormat, SnapshotDecodeRejectsDamageNamingTheFile) {
  const std::string name = snapshot_file_name(42);
  const std::string file = encode_snapshot(42, "state bytes");
  for (size_t i = 0; i < file.size(); ++i) {
    std::string bad = file;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    auto view = decode_snapshot(bad, name);
    ASSERT_FALSE(view.is_ok()) << "byte " << i;
    EXPECT_EQ(StatusCode::kCorruption, view.status().code());
    EXPECT_NE(std::string::npos, view.status().message().find(name)) << view.status().message();
  }
  EXPECT_FALSE(decode_snapshot(file.substr(0, file.size() - 1), name).is_ok());  // truncated
  EXPECT_FALSE(decode_snapshot(file.substr(0, 10), name).is_ok());
  EXPECT_FALSE(decode_snapshot(file, snapshot_file_name(43)).is_ok());  // name disagrees
}

}  // namespace
}  // namespace stonks
