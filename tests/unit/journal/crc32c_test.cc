// Tests for the software CRC-32C and its masking.
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
