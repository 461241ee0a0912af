// Path ids, query strings and strict JSON: the parsing under every route.
#include <gtest/gtest.h>

#include "api/request_parsing.h"
#include "json/strict_json.h"

namespace stonks {
namespace {

TEST(ApiRequestParsing, PathIdsAreCanonicalDecimalsFromOne) {
  EXPECT_EQ(parse_path_id("1"), 1u);
  EXPECT_EQ(parse_path_id("18446744073709551615"), 18446744073709551615ull);
  for (const char* bad : {"", "0", "01", "+1", "-1", " 1", "1 ", "1e3", "0x1", "18446744073709551616",
                          "99999999999999999999999", "1.0", "abc"})
    EXPECT_FALSE(parse_path_id(bad).has_value()) << bad;
}

TEST(ApiRequestParsing, QueryIsDecodedAndCheckedAgainstTheAllowedKeys) {
  Result<QueryParams> q = QueryParams::parse("status=a%20b+c&limit=5&flag", {"status", "limit", "flag"});
  ASSERT_TRUE(q.is_ok()) << q.status().to_string();
  EXPECT_EQ(*q->get("status"), "a b c");
  EXPECT_EQ(*q->get("flag"), "");
  EXPECT_EQ(q->get("other"), nullptr);
  EXPECT_EQ(*q->get_uint("limit", 1, 1, 10), 5u);
  EXPECT_EQ(*q->get_uint("missing", 7, 1, 10), 7u);
  EXPECT_FALSE(q->get_uint("status", 1, 1, 10).is_ok());

  EXPECT_TRUE(QueryParams::parse("", {}).is_ok());
  for (const char* bad : {"x=1", "limit=1&", "&", "limit=%", "limit=%4", "limit=%g1", "limit=1&limit=1"}) {
    Result<QueryParams> r = QueryParams::parse(bad, {"limit"});
    EXPECT_FALSE(r.is_ok()) << bad;
  }
}

TEST(ApiRequestParsing, PagesDefaultAndBoundTheLimit) {
  ApiOptions options;
  options.default_page_size = 20;
  options.max_page_size = 50;
  Result<PageRequest> page = page_from_query(*QueryParams::parse("", {"after", "limit"}), "after", options);
  ASSERT_TRUE(page.is_ok());
  EXPECT_EQ(page->after, 0u);
  EXPECT_EQ(page->limit, 20u);
  page = page_from_query(*QueryParams::parse("after=9&limit=50", {"after", "limit"}), "after", options);
  ASSERT_TRUE(page.is_ok());
  EXPECT_EQ(page->after, 9u);
  EXPECT_EQ(page->limit, 50u);
  EXPECT_FALSE(page_from_query(*QueryParams::parse("limit=51", {"limit"}), "after", options).is_ok());
}

TEST(ApiStrictJson, ParsesWhatParseJsonParses) {
  Result<nlohmann::json> j = parse_json_strict(R"({"a":[1,2.5,{"b":null}],"c":"\u00e9","d":true})");
  ASSERT_TRUE(j.is_ok()) << j.status().to_string();
  EXPECT_EQ(*j, nlohmann::json::parse(R"({"a":[1,2.5,{"b":null}],"c":"\u00e9","d":true})"));
  EXPECT_EQ(*parse_json_strict("18446744073709551615"), nlohmann::json(18446744073709551615ull));
  EXPECT_EQ(*parse_json_strict("[]"), nlohmann::json::array());
}

TEST(ApiStrictJson, RefusesRepeatedKeysNamingThem) {
  Result<nlohmann::json> j = parse_json_strict(R"({"a":{"b":1,"b":2}})");
  ASSERT_FALSE(j.is_ok());
  EXPECT_EQ(j.status().field(), "a.b");
  // The same key in sibling objects is fine.
  EXPECT_TRUE(parse_json_strict(R"([{"b":1},{"b":2}])").is_ok());
  Result<nlohmann::json> in_array = parse_json_strict(R"({"x":[{"k":1,"k":1}]})");
  ASSERT_FALSE(in_array.is_ok());
  EXPECT_EQ(in_array.status().field(), "x[0].k");
}

TEST(ApiStrictJson, RefusesDeepNestingAndBadText) {
  std::string deep(33, '[');
  deep += std::string(33, ']');
  EXPECT_FALSE(parse_json_strict(deep).is_ok());
  EXPECT_TRUE(parse_json_strict(deep, StrictJsonLimits{33}).is_ok());
  for (const char* bad : {"", "{", "1e400", "-1e400", "NaN", "[1,]", "{\"a\":1} x", "\"\xff\"", "'a'", "{a:1}"})
    EXPECT_FALSE(parse_json_strict(bad).is_ok()) << bad;
}

}  // namespace
}  // namespace stonks
