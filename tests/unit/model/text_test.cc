// Tests for the free-text checks: what UTF-8 is accepted and what is refused.
#include "model/text.h"

#include <gtest/gtest.h>

#include <string>

namespace stonks {
namespace {

TEST(TextTest, AcceptsAsciiAndEveryUtf8Length) {
  for (const char* ok : {"", "plain", "caf\xC3\xA9", "\xE2\x82\xAC 5", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF",
                         "\xED\x9F\xBF", "\xEE\x80\x80"})
    EXPECT_TRUE(is_valid_utf8(ok)) << ok;
}

TEST(TextTest, RefusesMalformedOverlongSurrogateAndOutOfRangeSequences) {
  for (const char* bad : {"\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80",
                          "\xED\xBF\xBF", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF",
                          "\xE2\x82", "ok\xC3", "\xC3\x28", "\xE2\x28\xA1"})
    EXPECT_FALSE(is_valid_utf8(bad)) << testing::PrintToString(std::string(bad));
}

TEST(TextTest, CheckTextNamesTheFieldAndTheProblem) {
  EXPECT_TRUE(check_text("approved after a call", 500, "reason").is_ok());
  const Status too_long = check_text(std::string(501, 'x'), 500, "reason");
  EXPECT_EQ(too_long.field(), "reason");
  EXPECT_NE(too_long.message().find("longer than 500"), std::string::npos);
  const Status bad_bytes = check_text("ok\xFF", 500, "reason");
  EXPECT_EQ(bad_bytes.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad_bytes.message().find("UTF-8"), std::string::npos);
  const Status control = check_text("line\nbreak", 500, "headline");
  EXPECT_EQ(control.field(), "headline");
  EXPECT_NE(control.message().find("control"), std::string::npos);
  EXPECT_FALSE(check_text("del\x7F", 500, "reason").is_ok());
}

}  // namespace
}  // namespace stonks
