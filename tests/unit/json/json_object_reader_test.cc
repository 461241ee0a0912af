// Tests for JsonObjectReader: strict types, required/optional, unknown fields, paths.
#include "json/json_object_reader.h"

#include <gtest/gtest.h>

#include "model/side.h"

namespace stonks {
namespace {

using nlohmann::json;

void expect_error(const Status& s, const std::string& field, const std::string& message_part) {
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.to_string();
  EXPECT_EQ(s.field(), field) << s.to_string();
  EXPECT_NE(s.message().find(message_part), std::string::npos) << s.to_string();
}

TEST(JsonObjectReaderTest, ReadsEveryKindOfField) {
  json j = json::parse(R"({"s":"x","b":true,"i":-5,"big":9223372036854775807,"u":18446744073709551615,
                          "m":"1.25","t":"2026-11-24T09:30:00Z","sym":"BRK.B","side":"sell",
                          "list":["a","b"],"syms":["AAPL","MSFT"]})");
  JsonObjectReader r(j);
  std::string s;
  bool b = false;
  int i = 0;
  std::int64_t big = 0;
  std::uint64_t u = 0;
  Money m;
  Timestamp t{};
  Symbol sym;
  Side side = Side::kBuy;
  std::vector<std::string> list;
  std::vector<Symbol> syms;
  EXPECT_TRUE(r.required_string("s", s));
  EXPECT_TRUE(r.required_bool("b", b));
  EXPECT_TRUE(r.required_int("i", i));
  EXPECT_TRUE(r.required_int("big", big));
  EXPECT_TRUE(r.required_int("u", u));
  EXPECT_TRUE(r.required_decimal("m", m));
  EXPECT_TRUE(r.required_timestamp("t", t));
  EXPECT_TRUE(r.required_symbol("sym", sym));
  EXPECT_TRUE(r.required_enum("side", side));
  EXPECT_TRUE(r.required_string_list("list", list));
  EXPECT_TRUE(r.optional_symbol_list("syms", syms));
  ASSERT_TRUE(r.finish().is_ok()) << r.finish().to_string();
  EXPECT_EQ(s, "x");
  EXPECT_TRUE(b);
  EXPECT_EQ(i, -5);
  EXPECT_EQ(big, std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(u, std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(m, Money::parse("1.25").value());
  EXPECT_EQ(t, parse_iso8601("2026-11-24T09:30:00Z").value());
  EXPECT_EQ(sym.str(), "BRK.B");
  EXPECT_EQ(side, Side::kSell);
  EXPECT_EQ(list, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(syms.size(), 2u);
  EXPECT_EQ(syms[1].str(), "MSFT");
}

TEST(JsonObjectReaderTest, MissingRequiredFieldIsAnErrorNamingIt) {
  const json r_in = json::object();
  JsonObjectReader r(r_in);
  std::string s = "keep";
  EXPECT_FALSE(r.required_string("ticker", s));
  EXPECT_EQ(s, "keep");
  expect_error(r.finish(), "ticker", "is required");
}

TEST(JsonObjectReaderTest, MissingOptionalFieldKeepsTheDefault) {
  const json r_in = json::object();
  JsonObjectReader r(r_in);
  int i = 30;
  bool b = true;
  std::string s = "manual";
  EXPECT_FALSE(r.optional_int("i", i));
  EXPECT_FALSE(r.optional_bool("b", b));
  EXPECT_FALSE(r.optional_string("s", s));
  EXPECT_TRUE(r.finish().is_ok());
  EXPECT_EQ(i, 30);
  EXPECT_TRUE(b);
  EXPECT_EQ(s, "manual");
}

TEST(JsonObjectReaderTest, UnknownFieldIsRefusedByFinish) {
  json j = {{"known", 1}, {"extra", 2}};
  JsonObjectReader r(j, "limits");
  int known = 0;
  EXPECT_TRUE(r.required_int("known", known));
  expect_error(r.finish(), "limits.extra", "unknown field \"extra\"");
}

TEST(JsonObjectReaderTest, IntegersMustBeJsonIntegersInRange) {
  struct Case {
    json value;
    const char* got;
  };
  const Case cases[] = {{json::parse("1.5"), "got 1.5"},
                        {json::parse("1.0"), "got 1"},
                        {json("1"), "got \"1\""},
                        {json(true), "got true"},
                        {json(nullptr), "got null"},
                        {json(std::int64_t{2'147'483'648}), "got 2147483648"},
                        {json(std::int64_t{-2'147'483'649}), "got -2147483649"}};
  for (const Case& c : cases) {
    const json r_in = json{{"qty", c.value}};
    JsonObjectReader r(r_in, "order");
    int out = 7;
    EXPECT_FALSE(r.required_int("qty", out)) << c.value.dump();
    EXPECT_EQ(out, 7);
    expect_error(r.finish(), "order.qty", "expected an integer from -2147483648 to 2147483647");
    expect_error(r.status(), "order.qty", c.got);
  }
}

TEST(JsonObjectReaderTest, UnsignedIntegersRefuseNegativesAndSignedRefuseTooBig) {
  const json neg_in = json{{"id", -1}};
  JsonObjectReader neg(neg_in);
  std::uint64_t id = 0;
  EXPECT_FALSE(neg.required_int("id", id));
  expect_error(neg.finish(), "id", "expected an integer from 0 to 18446744073709551615");

  const json big_in = json{{"qty", std::numeric_limits<std::uint64_t>::max()}};

  JsonObjectReader big(big_in);
  std::int64_t qty = 0;
  EXPECT_FALSE(big.required_int("qty", qty));
  expect_error(big.finish(), "qty", "expected an integer");
}

TEST(JsonObjectReaderTest, TypesAreStrict) {
  {
    const json r_in = json{{"flag", "true"}};
    JsonObjectReader r(r_in);
    bool b = false;
    EXPECT_FALSE(r.required_bool("flag", b));
    expect_error(r.finish(), "flag", "expected true or false, got \"true\"");
  }
  {
    const json r_in = json{{"flag", 1}};
    JsonObjectReader r(r_in);
    bool b = false;
    EXPECT_FALSE(r.optional_bool("flag", b));
    expect_error(r.finish(), "flag", "expected true or false");
  }
  {
    const json r_in = json{{"name", 5}};
    JsonObjectReader r(r_in);
    std::string s;
    EXPECT_FALSE(r.required_string("name", s));
    expect_error(r.finish(), "name", "expected a string, got 5");
  }
  {
    const json r_in = json{{"name", nullptr}};
    JsonObjectReader r(r_in);
    std::string s;
    EXPECT_FALSE(r.optional_string("name", s));
    expect_error(r.finish(), "name", "expected a string, got null");
  }
}

TEST(JsonObjectReaderTest, EnumsNameTheAcceptedValues) {
  const json r_in = json{{"side", "BUY"}};
  JsonObjectReader r(r_in);
  Side side = Side::kSell;
  EXPECT_FALSE(r.required_enum("side", side));
  EXPECT_EQ(side, Side::kSell);
  expect_error(r.finish(), "side", "expected \"buy\" or \"sell\", got \"BUY\"");
}

TEST(JsonObjectReaderTest, DecimalErrorsCarryTheFieldPath) {
  const json r_in = json{{"limit_price", "1e400"}};
  JsonObjectReader r(r_in, "order");
  Price p;
  EXPECT_FALSE(r.required_decimal("limit_price", p));
  expect_error(r.finish(), "order.limit_price", "expected a decimal amount");
}

TEST(JsonObjectReaderTest, OptionalDecimalIntoStdOptionalTreatsNullAsAbsent) {
  std::optional<Price> p = Price::from_units(1);
  const json r_in = json{{"limit_price", nullptr}};
  JsonObjectReader r(r_in);
  EXPECT_TRUE(r.optional_decimal("limit_price", p));
  EXPECT_FALSE(p.has_value());
  EXPECT_TRUE(r.finish().is_ok());

  std::optional<Price> q;
  const json r2_in = json{{"limit_price", "9.5"}};
  JsonObjectReader r2(r2_in);
  EXPECT_TRUE(r2.optional_decimal("limit_price", q));
  EXPECT_EQ(q, Price::parse("9.5").value());

  std::optional<Price> absent = Price::from_units(3);
  const json r3_in = json::object();
  JsonObjectReader r3(r3_in);
  EXPECT_FALSE(r3.optional_decimal("limit_price", absent));
  EXPECT_EQ(absent, Price::from_units(3));
}

TEST(JsonObjectReaderTest, OptionalTimestampIntoStdOptionalTreatsNullAsAbsent) {
  const json in = json::parse(R"({"decided_at":null,"removed_at":"2026-11-24T09:30:00Z"})");
  JsonObjectReader r(in);
  std::optional<Timestamp> decided = timestamp_from_micros(1);
  std::optional<Timestamp> removed;
  std::optional<Timestamp> absent = timestamp_from_micros(2);
  EXPECT_TRUE(r.optional_timestamp("decided_at", decided));
  EXPECT_TRUE(r.optional_timestamp("removed_at", removed));
  EXPECT_FALSE(r.optional_timestamp("missing", absent));
  ASSERT_TRUE(r.finish().is_ok()) << r.finish().to_string();
  EXPECT_FALSE(decided.has_value());
  EXPECT_EQ(removed, parse_iso8601("2026-11-24T09:30:00Z").value());
  EXPECT_EQ(absent, timestamp_from_micros(2));

  const json bad = json::parse(R"({"decided_at":"yesterday"})");
  JsonObjectReader r2(bad, "approval");
  EXPECT_FALSE(r2.optional_timestamp("decided_at", decided));
  expect_error(r2.finish(), "approval.decided_at", "ISO-8601");
}

TEST(JsonObjectReaderTest, NullIsATypeErrorForPlainDecimals) {
  const json r_in = json{{"fee", nullptr}};
  JsonObjectReader r(r_in);
  Money m;
  EXPECT_FALSE(r.optional_decimal("fee", m));
  expect_error(r.finish(), "fee", "got null");
}

TEST(JsonObjectReaderTest, ListErrorsNameTheElement) {
  const json r_in = json{{"tradable_symbols", {"AAPL", "bad"}}};
  JsonObjectReader r(r_in, "limits");
  std::vector<Symbol> syms;
  EXPECT_FALSE(r.optional_symbol_list("tradable_symbols", syms));
  EXPECT_TRUE(syms.empty());
  expect_error(r.finish(), "limits.tradable_symbols[1]", "invalid ticker 'bad'");

  const json r2_in = json{{"reasons", {"ok", 3}}};

  JsonObjectReader r2(r2_in);
  std::vector<std::string> reasons;
  EXPECT_FALSE(r2.required_string_list("reasons", reasons));
  expect_error(r2.finish(), "reasons[1]", "expected a string, got 3");

  const json r3_in = json{{"reasons", "x"}};

  JsonObjectReader r3(r3_in);
  EXPECT_FALSE(r3.required_string_list("reasons", reasons));
  expect_error(r3.finish(), "reasons", "expected an array of strings");
}

TEST(JsonObjectReaderTest, TheFirstErrorWins) {
  json j = {{"a", "x"}, {"b", "y"}, {"unknown", 1}};
  JsonObjectReader r(j);
  int a = 0;
  int b = 0;
  EXPECT_FALSE(r.required_int("a", a));
  EXPECT_FALSE(r.required_int("b", b));
  EXPECT_FALSE(r.required_int("missing", b));
  r.fail("c", "later");
  expect_error(r.finish(), "a", "expected an integer");
}

TEST(JsonObjectReaderTest, NonObjectInputIsAnErrorAtThePath) {
  for (const json& j : {json::array(), json(1), json("x"), json(nullptr)}) {
    JsonObjectReader r(j, "order");
    int i = 0;
    EXPECT_FALSE(r.optional_int("qty", i));
    expect_error(r.finish(), "order", "expected an object");
  }
}

TEST(JsonObjectReaderTest, NestedObjectsReportFullDottedPaths) {
  json j = json::parse(R"({"limits":{"max_open_orders":1.5}})");
  JsonObjectReader r(j);
  int max_open = 0;
  EXPECT_FALSE(r.optional_object("limits", [&](JsonObjectReader& s) { s.optional_int("max_open_orders", max_open); }));
  expect_error(r.finish(), "limits.max_open_orders", "expected an integer");

  json k = json::parse(R"({"limits":{"bogus":1}})");
  JsonObjectReader r2(k);
  EXPECT_FALSE(r2.optional_object("limits", [&](JsonObjectReader&) {}));
  expect_error(r2.finish(), "limits.bogus", "unknown field");

  json l = json::parse(R"({"limits":[]})");
  JsonObjectReader r3(l);
  EXPECT_FALSE(r3.optional_object("limits", [&](JsonObjectReader&) {}));
  expect_error(r3.finish(), "limits", "expected an object");
}

TEST(JsonObjectReaderTest, AdoptPrefixesInvalidArgumentFieldsWithThePath) {
  const json r_in = json::object();
  JsonObjectReader r(r_in, "order");
  r.adopt(Status::invalid_argument("quantity must be positive", "qty"));
  expect_error(r.finish(), "order.qty", "quantity must be positive");

  const json r2_in = json::object();

  JsonObjectReader r2(r2_in, "order");
  r2.adopt(Status::conflict("nope"));
  EXPECT_EQ(r2.finish().code(), StatusCode::kConflict);
}

TEST(JsonObjectReaderTest, MessagesStayValidUtf8WhenInputIsCutShort) {
  // 39 ASCII bytes then a two-byte character: quoting 40 bytes would cut it.
  std::string value = std::string(39, 'x') + "\xC3\xA9";
  const json r_in = json{{"side", value}};
  JsonObjectReader r(r_in);
  Side side = Side::kBuy;
  EXPECT_FALSE(r.required_enum("side", side));
  Status s = r.finish();
  EXPECT_NO_THROW(json(s.message()).dump());
}

}  // namespace
}  // namespace stonks
