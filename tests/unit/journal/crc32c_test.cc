// Tests for CRC-32C and its masking. Native builds on x86-64 run the
// instruction's path, the wasm suite the tables'.
#include "journal/crc32c.h"

#include <gtest/gtest.h>

#include <string>

namespace stonks {
namespace {

TEST(JournalCrc32c, MatchesPublishedCheckValues) {
  EXPECT_EQ(0xe3069283u, crc32c::value("123456789"));  // the standard check value
  // Vectors from RFC 3720 (iSCSI), B.4, as LevelDB's crc32c_test uses them.
  std::string buf(32, '\0');
  EXPECT_EQ(0x8a9136aau, crc32c::value(buf));
  buf.assign(32, '\xff');
  EXPECT_EQ(0x62a8ab43u, crc32c::value(buf));
  for (int i = 0; i < 32; ++i) buf[i] = static_cast<char>(i);
  EXPECT_EQ(0x46dd794eu, crc32c::value(buf));
  for (int i = 0; i < 32; ++i) buf[i] = static_cast<char>(31 - i);
  EXPECT_EQ(0x113fdb5cu, crc32c::value(buf));
}

TEST(JournalCrc32c, ExtendEqualsCrcOfConcatenationAtEverySplit) {
  std::string data;
  for (int i = 0; i < 100; ++i) data.push_back(static_cast<char>(i * 37 + 11));
  const uint32_t whole = crc32c::value(data);
  for (size_t split = 0; split <= data.size(); ++split) {
    uint32_t first = crc32c::value(data.data(), split);
    EXPECT_EQ(whole, crc32c::extend(first, data.data() + split, data.size() - split)) << "split " << split;
  }
}

// The definition, one bit at a time.
uint32_t bitwise_crc32c(const char* data, size_t n) {
  uint32_t c = 0xffffffffu;
  for (size_t i = 0; i < n; ++i) {
    c ^= static_cast<uint8_t>(data[i]);
    for (int bit = 0; bit < 8; ++bit) c = (c >> 1) ^ ((c & 1u) ? 0x82f63b78u : 0u);
  }
  return c ^ 0xffffffffu;
}

TEST(JournalCrc32c, MatchesTheDefinitionAtEveryAlignmentAndLength) {
  std::string data;
  for (int i = 0; i < 600; ++i) data.push_back(static_cast<char>((i * 7919) >> 3));
  for (size_t start = 0; start < 9; ++start) {
    for (size_t n = 0; start + n <= data.size(); n += 1 + n / 8) {
      ASSERT_EQ(bitwise_crc32c(data.data() + start, n), crc32c::value(data.data() + start, n))
          << "start " << start << " length " << n;
    }
  }
}

TEST(JournalCrc32c, DiffersForDifferentData) {
  EXPECT_NE(crc32c::value("a"), crc32c::value("foo"));
  EXPECT_NE(crc32c::value("foo"), crc32c::value("bar"));
}

TEST(JournalCrc32c, MaskIsInvertibleAndChangesTheValue) {
  const uint32_t crc = crc32c::value("foo");
  EXPECT_NE(crc, crc32c::mask(crc));
  EXPECT_NE(crc, crc32c::mask(crc32c::mask(crc)));
  EXPECT_EQ(crc, crc32c::unmask(crc32c::mask(crc)));
  EXPECT_EQ(crc, crc32c::unmask(crc32c::unmask(crc32c::mask(crc32c::mask(crc)))));
}

}  // namespace
}  // namespace stonks
