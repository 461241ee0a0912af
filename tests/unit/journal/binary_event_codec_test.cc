// Tests for the binary journal payload: which events use it, that it is
// smaller than JSON, and that damaged payloads are refused, never misread.
#include "journal/binary_event_codec.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "journal/event_codec.h"
#include "json/json_values.h"
#include "support/engine_harness.h"

namespace stonks {
namespace {

using testing::px;
using testing::sym;
using testing::usd;

Timestamp at(const char* iso) { return *parse_iso8601(iso); }

Order received_order() {
  Order::Fields f;
  f.id = 7;
  f.intent.symbol = sym("BRK.B");
  f.intent.side = Side::kSell;
  f.intent.qty = 300;
  f.intent.type = OrderType::kLimit;
  f.intent.limit_price = px("412.370001");
  f.intent.client_order_id = "strat-7:a";
  f.intent.source = "strategy:sma";
  f.created_at = f.updated_at = at("2026-11-24T14:30:00.000001Z");
  return *Order::restore(f);
}

// One record of each kind that has a binary form.
std::vector<EventRecord> binary_records() {
  const Timestamp t = at("2026-11-24T14:30:00.000001Z");
  Fill fill{9, 7, sym("BRK.B"), Side::kSell, 120, px("412.37"), usd("1.25"), t};
  Quote quote{sym("AAPL"), px("189.99"), px("190.01"), 300, 0, t};
  Bar bar{sym("MSFT"), px("410.01"), px("412.5"), px("409.999999"), px("411.2"), 1'250'000, t};
  return {EventRecord{101, t, OrderReceived{received_order()}}, EventRecord{102, t, OrderSubmitted{7}},
          EventRecord{103, t, OrderFilled{fill}}, EventRecord{104, t, QuoteReceived{quote}},
          EventRecord{105, t, BarReceived{bar}}};
}

TEST(BinaryEventCodec, HighVolumeEventsAreBinaryAndSmallerThanTheirJson) {
  for (const EventRecord& r : binary_records()) {
    const std::string payload = encode_event(r);
    ASSERT_FALSE(payload.empty());
    EXPECT_EQ(payload[0], kBinaryEventMarker) << event_name(r.event);
    EXPECT_LT(payload.size() * 3, dump_json(to_json(r)).size()) << event_name(r.event);
    Result<EventRecord> back = decode_event(payload);
    ASSERT_TRUE(back.is_ok()) << back.status().to_string();
    EXPECT_EQ(*back, r) << event_name(r.event);
  }
}

// Journals written before bars had a binary form hold them as JSON; the
// decoder still reads those, to the same event.
TEST(BinaryEventCodec, AJsonBarPayloadOfAnOlderJournalStillDecodes) {
  const EventRecord bar = binary_records()[4];
  ASSERT_TRUE(std::holds_alternative<BarReceived>(bar.event));
  const std::string old_payload = dump_json(to_json(bar));
  ASSERT_EQ(old_payload[0], '{');
  ASSERT_NE(old_payload.find("\"bar_received\""), std::string::npos) << old_payload;
  Result<EventRecord> back = decode_event(old_payload);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(*back, bar);
}

TEST(BinaryEventCodec, OtherEventsStayJson) {
  const EventRecord deposit{1, at("2026-11-24T14:30:00Z"), CashDeposited{usd("100"), "ops"}};
  EXPECT_FALSE(encode_binary_event(deposit).has_value());
  EXPECT_EQ(encode_event(deposit)[0], '{');
}

TEST(BinaryEventCodec, EveryTruncationAndATrailingByteAreRefused) {
  for (const EventRecord& r : binary_records()) {
    const std::string payload = *encode_binary_event(r);
    for (std::size_t n = 0; n < payload.size(); ++n) {
      Result<EventRecord> cut = decode_event(std::string_view(payload).substr(0, n));
      EXPECT_EQ(cut.status().code(), StatusCode::kInvalidArgument) << event_name(r.event) << " cut at " << n;
    }
    Result<EventRecord> longer = decode_binary_event(payload + '\0');
    EXPECT_EQ(longer.status().code(), StatusCode::kInvalidArgument) << event_name(r.event);
    EXPECT_NE(longer.status().message().find("left over"), std::string::npos) << longer.status().to_string();
  }
}

// Layout of the order_filled payload built here: marker, kind, seq (1 byte),
// at (8 bytes as a zigzag varint), fill id, order id, ticker length, ticker,
// then the side.
TEST(BinaryEventCodec, OutOfRangeValuesAreRefusedNamingTheField) {
  const EventRecord fill = binary_records()[2];
  std::string payload = *encode_binary_event(fill);

  std::string unknown_kind = payload;
  unknown_kind[1] = 99;
  EXPECT_EQ(decode_binary_event(unknown_kind).status().field(), "kind");

  const std::size_t ticker_len = 2 + 1 + 8 + 1 + 1;  // marker, kind, seq, at, fill id, order id: 13
  ASSERT_EQ(payload[ticker_len], 5) << "layout changed: BRK.B expected";
  std::string bad_ticker = payload;
  bad_ticker[ticker_len + 1] = 'b';  // lowercase
  EXPECT_EQ(decode_binary_event(bad_ticker).status().field(), "fill.ticker");

  std::string bad_side = payload;
  bad_side[ticker_len + 1 + 5] = 2;
  EXPECT_EQ(decode_binary_event(bad_side).status().field(), "fill.side");

  // bar_received: marker, kind, seq, at, then the ticker "MSFT".
  std::string bad_bar = *encode_binary_event(binary_records()[4]);
  ASSERT_EQ(bad_bar[1], 5) << "bar_received is kind 5";
  ASSERT_EQ(bad_bar.substr(2 + 1 + 8, 5), std::string("\x04MSFT"));
  bad_bar[2 + 1 + 8 + 1] = '$';
  EXPECT_EQ(decode_binary_event(bad_bar).status().field(), "bar.ticker");

  std::string endless_varint = payload.substr(0, 2) + std::string(11, '\xff');
  EXPECT_EQ(decode_binary_event(endless_varint).status().field(), "seq");
}

TEST(BinaryEventCodec, AnOrderNoLifecycleCouldProduceIsRefused) {
  // Received with fills booked: restore() refuses it.
  Order::Fields f;
  f.id = 1;
  f.intent.symbol = sym("AAPL");
  f.intent.qty = 10;
  f.status = OrderStatus::kFilled;
  f.filled_qty = 10;
  f.filled_notional = usd("1000");
  const Order filled = *Order::restore(f);
  std::string payload = *encode_binary_event(EventRecord{1, Timestamp{}, OrderReceived{filled}});
  ASSERT_TRUE(decode_binary_event(payload).is_ok());
  // marker, kind, seq, at (0), id, "AAPL" with its length, side, qty, type,
  // no limit price, empty client id, "manual" with its length: then status.
  const std::size_t status_at = 2 + 1 + 1 + 1 + 5 + 1 + 1 + 1 + 1 + 1 + 7;
  ASSERT_EQ(payload[status_at], static_cast<char>(OrderStatus::kFilled)) << "layout changed";
  ASSERT_EQ(payload[status_at + 1], 20);  // filled_qty 10 as a zigzag varint
  payload[status_at + 1] = 22;            // 11 filled of 10
  EXPECT_EQ(decode_binary_event(payload).status().code(), StatusCode::kInvalidArgument);
}

// Journals written before orders carried their submitter and gate decision
// hold order_received as kind 1, the same fields without those four values.
TEST(BinaryEventCodec, AKind1OrderRecordOfAnOlderJournalStillDecodes) {
  const EventRecord r = binary_records()[0];
  std::string payload = encode_event(r);
  ASSERT_EQ(payload[1], 6) << "order_received's kind";
  // The newer layout ends with submitted_by "" (0), hold 0, rule 0, config_version 0.
  ASSERT_EQ(payload.substr(payload.size() - 4), std::string(4, '\0'));
  payload.resize(payload.size() - 4);
  payload[1] = 1;
  Result<EventRecord> back = decode_event(payload);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(*back, r);
}

TEST(BinaryEventCodec, AnOrdersSubmitterAndGateRoundTrip) {
  Order::Fields f;
  f.id = 3;
  f.intent.symbol = sym("AAPL");
  f.intent.qty = 10;
  f.submitted_by = "alice";
  f.gate = GateDecision{true, 4, 17};
  const Timestamp t = at("2026-11-24T14:30:00Z");
  f.created_at = f.updated_at = t;
  const EventRecord r{9, t, OrderReceived{*Order::restore(f)}};
  Result<EventRecord> back = decode_event(encode_event(r));
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(*back, r);
  const Order& o = std::get<OrderReceived>(back->event).order;
  EXPECT_EQ(o.submitted_by(), "alice");
  EXPECT_EQ(o.gate(), (GateDecision{true, 4, 17}));
}

}  // namespace
}  // namespace stonks
