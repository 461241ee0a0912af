// Tests for the JSON shapes of OrderIntent, Order and Fill.
#include "json/order_json.h"

#include <gtest/gtest.h>

#include "json/json_values.h"

namespace stonks {
namespace {

using nlohmann::json;

Timestamp t(std::int64_t seconds) { return timestamp_from_micros(seconds * 1'000'000); }

OrderIntent market_intent(const char* ticker, Quantity qty) {
  OrderIntent i;
  i.symbol = Symbol::parse(ticker).value();
  i.qty = qty;
  return i;
}

OrderIntent limit_intent() {
  OrderIntent i;
  i.symbol = Symbol::parse("BRK.B").value();
  i.side = Side::kSell;
  i.qty = 25;
  i.type = OrderType::kLimit;
  i.limit_price = Price::parse("412.37").value();
  i.client_order_id = "c-1";
  i.source = "strategy:sma";
  return i;
}

void expect_error(const Status& s, const std::string& field, const std::string& message_part) {
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.to_string();
  EXPECT_EQ(s.field(), field) << s.to_string();
  EXPECT_NE(s.message().find(message_part), std::string::npos) << s.to_string();
}

Status intent_error(const char* text, std::string_view path = {}) {
  Result<OrderIntent> r = order_intent_from_json(json::parse(text), path);
  EXPECT_FALSE(r.is_ok()) << text;
  return r.status();
}

TEST(OrderJsonTest, IntentIsWrittenWithItsWireNames) {
  EXPECT_EQ(to_json(limit_intent()), json::parse(R"({"ticker":"BRK.B","side":"sell","qty":25,"type":"limit",
      "limit_price":"412.37","client_order_id":"c-1","source":"strategy:sma"})"));
}

TEST(OrderJsonTest, MarketIntentOmitsTheLimitPrice) {
  OrderIntent i;
  i.symbol = Symbol::parse("AAPL").value();
  i.qty = 1;
  EXPECT_FALSE(to_json(i).contains("limit_price"));
}

TEST(OrderJsonTest, IntentRoundTrips) {
  for (const OrderIntent& i : {limit_intent(), market_intent("AAPL", 3)}) {
    Result<OrderIntent> back = order_intent_from_json(to_json(i));
    ASSERT_TRUE(back.is_ok()) << back.status().to_string();
    EXPECT_EQ(*back, i);
  }
}

TEST(OrderJsonTest, IntentFieldsTakeTheirDefaults) {
  Result<OrderIntent> r = order_intent_from_json(json::parse(R"({"ticker":"AAPL","side":"buy","qty":10})"));
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->type, OrderType::kMarket);
  EXPECT_EQ(r->source, "manual");
  EXPECT_EQ(r->client_order_id, "");
  EXPECT_FALSE(r->limit_price.has_value());
}

TEST(OrderJsonTest, IntentAcceptsNullLimitPriceAndNumericPrices) {
  Result<OrderIntent> r =
      order_intent_from_json(json::parse(R"({"ticker":"AAPL","side":"buy","qty":10,"limit_price":null})"));
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_FALSE(r->limit_price.has_value());
  Result<OrderIntent> n = order_intent_from_json(
      json::parse(R"({"ticker":"AAPL","side":"buy","qty":10,"type":"limit","limit_price":101.25})"));
  ASSERT_TRUE(n.is_ok()) << n.status().to_string();
  EXPECT_EQ(n->limit_price, Price::parse("101.25").value());
}

TEST(OrderJsonTest, IntentRefusesExtraFields) {
  expect_error(intent_error(R"({"ticker":"AAPL","side":"buy","qty":10,"quantity":10})"), "quantity", "unknown field");
}

TEST(OrderJsonTest, IntentRefusesMissingRequiredFields) {
  expect_error(intent_error(R"({"side":"buy","qty":10})"), "ticker", "is required");
  expect_error(intent_error(R"({"ticker":"AAPL","qty":10})"), "side", "is required");
  expect_error(intent_error(R"({"ticker":"AAPL","side":"buy"})"), "qty", "is required");
}

TEST(OrderJsonTest, IntentRefusesWrongTypesAndValues) {
  expect_error(intent_error(R"({"ticker":"AAPL","side":"buy","qty":1.5})"), "qty", "expected an integer");
  expect_error(intent_error(R"({"ticker":"AAPL","side":"buy","qty":"10"})"), "qty", "expected an integer");
  expect_error(intent_error(R"({"ticker":"aapl","side":"buy","qty":10})"), "ticker", "invalid ticker");
  expect_error(intent_error(R"({"ticker":7,"side":"buy","qty":10})"), "ticker", "expected a string");
  expect_error(intent_error(R"({"ticker":"AAPL","side":"hold","qty":10})"), "side", "\"buy\" or \"sell\"");
  expect_error(intent_error(R"({"ticker":"AAPL","side":"buy","qty":10,"type":"stop"})"), "type",
               "\"market\" or \"limit\"");
  expect_error(intent_error(R"({"ticker":"AAPL","side":"buy","qty":10,"type":"limit","limit_price":"1e400"})"),
               "limit_price", "expected a decimal amount");
  expect_error(intent_error(R"({"ticker":"AAPL","side":"buy","qty":10,"type":"limit","limit_price":"NaN"})"),
               "limit_price", "expected a decimal amount");
  expect_error(intent_error(R"({"ticker":"AAPL","side":"buy","qty":10,"source":null})"), "source", "expected a string");
  expect_error(intent_error(R"(["AAPL","buy",10])"), "", "expected an object");
}

TEST(OrderJsonTest, IntentErrorsCarryTheGivenPath) {
  expect_error(intent_error(R"({"ticker":"AAPL","side":"buy","qty":1.5})", "order"), "order.qty",
               "expected an integer");
  expect_error(intent_error(R"({"ticker":"AAPL","side":"buy","qty":1,"x":1})", "order"), "order.x", "unknown field");
}

TEST(OrderJsonTest, IntentReaderChecksShapeNotRanges) {
  // qty 0 is well-formed JSON for an intent; validate() is what refuses it.
  Result<OrderIntent> r = order_intent_from_json(json::parse(R"({"ticker":"AAPL","side":"buy","qty":0})"));
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(validate(*r).field(), "qty");
}

Order filled_order() {
  Order o(12, limit_intent(), t(100));
  EXPECT_TRUE(o.transition(OrderStatus::kPendingApproval, t(101)).is_ok());
  o.set_approval_id(5);
  EXPECT_TRUE(o.transition(OrderStatus::kApproved, t(102)).is_ok());
  EXPECT_TRUE(o.transition(OrderStatus::kSubmitted, t(103)).is_ok());
  EXPECT_TRUE(o.apply_fill(10, Price::parse("412.37").value(), Money::parse("0.41").value(), t(104)).is_ok());
  EXPECT_TRUE(o.apply_fill(15, Price::parse("412.40").value(), Money::parse("0.62").value(), t(105)).is_ok());
  return o;
}

TEST(OrderJsonTest, OrderViewHasEveryField) {
  json j = to_json(filled_order());
  EXPECT_EQ(j, json::parse(R"({"id":12,"ticker":"BRK.B","side":"sell","qty":25,"type":"limit",
      "limit_price":"412.37","client_order_id":"c-1","source":"strategy:sma","status":"filled",
      "filled_qty":25,"avg_fill_price":"412.388","filled_notional":"10309.70","fees":"1.03",
      "created_at":"1970-01-01T00:01:40Z","updated_at":"1970-01-01T00:01:45Z","reasons":[],"approval_id":5,
      "submitted_by":"","gate":null})"));
}

TEST(OrderJsonTest, OrdersRoundTripInEveryShape) {
  Order received(1, market_intent("AAPL", 3), t(5));
  Order rejected = received;
  ASSERT_TRUE(
      rejected
          .transition(OrderStatus::kRiskRejected, t(6),
                      {Reason{ReasonCode::kLockedOut, "AAPL"}, Reason{ReasonCode::kMaxOrderNotionalExceeded, "x"}})
          .is_ok());
  for (const Order& o : {received, rejected, filled_order()}) {
    Result<Order> back = order_from_json(to_json(o));
    ASSERT_TRUE(back.is_ok()) << back.status().to_string();
    EXPECT_EQ(*back, o);
  }
}

TEST(OrderJsonTest, OrderWithInconsistentFieldsIsRefused) {
  json j = to_json(filled_order());
  j["filled_qty"] = 26;
  expect_error(order_from_json(j, "order").status(), "order.filled_qty", "filled_qty");

  json k = to_json(filled_order());
  k["status"] = "pending_approval";
  expect_error(order_from_json(k).status(), "filled_qty", "cannot hold fills");

  json l = to_json(filled_order());
  l["avg_fill_price"] = "1.00";
  expect_error(order_from_json(l).status(), "avg_fill_price", "412.388");
}

TEST(OrderJsonTest, OrderRefusesUnknownStatusAndExtraFields) {
  json j = to_json(filled_order());
  j["status"] = "done";
  expect_error(order_from_json(j).status(), "status", "expected \"received\", \"risk_rejected\"");

  json k = to_json(filled_order());
  k["note"] = "x";
  expect_error(order_from_json(k).status(), "note", "unknown field");

  json l = to_json(filled_order());
  l.erase("reasons");
  expect_error(order_from_json(l).status(), "reasons", "is required");
}

Fill sample_fill() {
  return Fill{3,
              12,
              Symbol::parse("AAPL").value(),
              Side::kSell,
              7,
              Price::parse("189.991").value(),
              Money::parse("0.05").value(),
              t(60)};
}

TEST(OrderJsonTest, FillIsWrittenWithItsWireNamesAndRoundTrips) {
  json j = to_json(sample_fill());
  EXPECT_EQ(j, json::parse(R"({"id":3,"order_id":12,"ticker":"AAPL","side":"sell","qty":7,"price":"189.991",
      "fee":"0.05","at":"1970-01-01T00:01:00Z"})"));
  Result<Fill> back = fill_from_json(j);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(*back, sample_fill());
}

TEST(OrderJsonTest, FillIsStrict) {
  json j = to_json(sample_fill());
  j["qty"] = 1.5;
  expect_error(fill_from_json(j, "fill").status(), "fill.qty", "expected an integer");
  json k = to_json(sample_fill());
  k["price"] = "Infinity";
  expect_error(fill_from_json(k).status(), "price", "expected a decimal amount");
  json l = to_json(sample_fill());
  l["at"] = "1970-01-01T00:01:00";
  expect_error(fill_from_json(l).status(), "at", "ISO-8601");
  json m = to_json(sample_fill());
  m["extra"] = true;
  expect_error(fill_from_json(m).status(), "extra", "unknown field");
}

}  // namespace
}  // namespace stonks
