// Tests for the event codec: every event type round-trips exactly (hand-built
// and from real engine runs), and decoding is strict, naming the bad field.
#include "journal/event_codec.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "json/json_values.h"
#include "support/engine_harness.h"

namespace stonks {
namespace {

using nlohmann::json;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::EngineHarness;
using testing::market;
using testing::px;
using testing::sym;
using testing::usd;

constexpr std::size_t kEventTypes = std::variant_size_v<Event>;

Timestamp at(const char* iso) { return *parse_iso8601(iso); }

// Encodes, decodes and compares: both through the payload text and through
// the JSON value; names the record on failure.
::testing::AssertionResult round_trips(const EventRecord& record) {
  const std::string payload = encode_event(record);
  Result<EventRecord> back = decode_event(payload);
  if (!back.is_ok()) return ::testing::AssertionFailure() << payload << "\n -> " << back.status().to_string();
  if (!(*back == record)) return ::testing::AssertionFailure() << payload << "\n decodes to something else";
  if (encode_event(*back) != payload) return ::testing::AssertionFailure() << payload << "\n re-encodes differently";
  Result<EventRecord> via_json = event_record_from_json(to_json(record));
  if (!via_json.is_ok() || !(*via_json == record))
    return ::testing::AssertionFailure() << payload << "\n does not round-trip through to_json";
  return ::testing::AssertionSuccess();
}

Order sample_order(OrderStatus status) {
  Order::Fields f;
  f.id = 42;
  f.intent.symbol = sym("BRK.B");
  f.intent.side = Side::kSell;
  f.intent.qty = 300;
  f.intent.type = OrderType::kLimit;
  f.intent.limit_price = px("412.370001");
  f.intent.client_order_id = "strat-7:a.b_c-1";
  f.intent.source = "strategy:sma";
  f.status = status;
  if (status == OrderStatus::kPartiallyFilled || status == OrderStatus::kCancelled) {
    f.filled_qty = 120;
    f.filled_notional = usd("49484.4");
    f.fees = usd("1.234567");
  }
  f.created_at = at("2026-11-24T14:30:00.000001Z");
  f.updated_at = at("2026-11-24T14:31:07.5Z");
  f.reasons = {Reason{ReasonCode::kLockedOut, "BRK.B until 2026-11-24T15:00:00Z"},
               Reason{ReasonCode::kBrokerRejected, "quote \"stale\"\\ é ✓"}};
  f.approval_id = 9;
  return *Order::restore(f);
}

ApprovalRequest sample_request(ApprovalStatus status) {
  ApprovalRequest r;
  r.id = 9;
  r.order_id = 42;
  r.notional = usd("123712.11");
  r.checks_passed.set(0).set(3).set(kRiskCheckCount - 1);
  r.created_at = at("2026-11-24T14:30:00Z");
  r.expires_at = at("2026-11-24T15:00:00Z");
  r.status = status;
  if (status != ApprovalStatus::kPending) {
    r.decided_by = "alice";
    r.decided_at = at("2026-11-24T14:40:00.25Z");
    r.reason = "looks fine";
  }
  return r;
}

Lockout sample_lockout(bool removed) {
  Lockout l;
  l.id = 3;
  l.symbol = sym("TSLA");
  l.reason = "NEWS_SHOCK: severity 95 \"recall\"";
  l.source = LockoutSource::kNewsShock;
  l.side = LockoutSide::kBuy;
  l.created_at = at("2026-11-24T14:30:00Z");
  l.expires_at = at("2026-11-24T15:00:00Z");
  l.created_by = "system";
  if (removed) {
    l.removed_at = at("2026-11-24T14:35:00Z");
    l.removed_by = "bob";
  }
  l.expired = false;
  return l;
}

RiskConfig sample_config() {
  RiskConfig c;
  c.version = 7;
  c.operator_approval.auto_approve_paper = false;
  c.operator_approval.approval_timeout_minutes = 45;
  c.limits.max_order_notional = usd("25000.5");
  c.limits.allow_short = true;
  c.limits.tradable_symbols = {sym("AAPL"), sym("BRK.B"), sym("RDS-A")};
  c.guards.cooldown_after_fill_seconds = 30;
  c.paper.slippage_bps = 3;
  c.paper.fee_bps = 5;
  c.paper.fee_per_fill = usd("0.35");
  return c;
}

// One or more hand-built records of every event type, with realistic contents.
std::vector<EventRecord> hand_built_records() {
  const Timestamp t = at("2026-11-24T14:30:00.123456Z");
  Quote q;
  q.symbol = sym("AAPL");
  q.bid = px("189.99");
  q.ask = px("190.010001");
  q.bid_size = 300;
  q.ask_size = 0;
  q.at = t;
  Bar b;
  b.symbol = sym("MSFT");
  b.open = px("410");
  b.high = px("412.5");
  b.low = px("409.75");
  b.close = px("411.000001");
  b.volume = 1'234'567;
  b.at = t;
  NewsEvent n;
  n.symbol = sym("TSLA");
  n.headline = "Recall of 2M vehicles — \"steering\" issue";
  n.severity = 95;
  n.at = t;
  Fill fill{17, 42, sym("BRK.B"), Side::kSell, 120, px("412.37"), usd("0.99"), t};

  std::vector<Event> events = {
      CashDeposited{usd("100000.000001"), "treasury"},
      OrderReceived{sample_order(OrderStatus::kReceived)},
      OrderRiskRejected{42,
                        {Reason{ReasonCode::kMaxOrderNotionalExceeded, "max=100000.00, notional=123712.11"},
                         Reason{ReasonCode::kSymbolNotTradable, "ZZZ"}}},
      OrderRiskRejected{43, {}},
      ApprovalRequested{sample_request(ApprovalStatus::kPending)},
      ApprovalDecided{9, ApprovalStatus::kApproved, "alice", "ok"},
      ApprovalDecided{10, ApprovalStatus::kRejected, "bob", "too big"},
      ApprovalDecided{11, ApprovalStatus::kExpired, "system", "no decision within the approval timeout"},
      OrderSubmitted{42},
      OrderRejected{42, {Reason{ReasonCode::kBrokerRejected, "insufficient shares to borrow"}}},
      OrderFilled{fill},
      OrderCancelled{42, "operator", "changed my mind"},
      OrderCancelled{43, "broker", ""},
      LockoutCreated{sample_lockout(false)},
      LockoutCreated{sample_lockout(true)},
      LockoutRemoved{3, "alice"},
      LockoutExpired{4},
      ModeChanged{TradingMode::kLive, "alice"},
      ModeChanged{TradingMode::kDisabled, "system"},
      ConfigChanged{sample_config(), "alice"},
      ConfigChanged{RiskConfig{}, "bob"},
      HaltChanged{true, HaltCause::kDailyLoss, "system", "DAILY_LOSS_LIMIT: day_pnl=-10000.01 limit=-10000.00"},
      HaltChanged{false, HaltCause::kOperator, "operator", ""},
      QuoteReceived{q},
      BarReceived{b},
      NewsReceived{n},
      DayStarted{20'781, usd("-12.5")},
      OrderAccepted{42},
      OrderExpired{42, "the broker expired it (time in force)"},
      CancelRequested{42, "alice", "wrong size"},
      Flattened{
          FlattenReport{"alice",
                        "risk off",
                        at("2026-11-24T14:31:00Z"),
                        {7, 9},
                        {12},
                        {13},
                        {FlattenClose{sym("AAPL"), 10, 20, OrderStatus::kFilled, {}},
                         FlattenClose{sym("MSFT"),
                                      -5,
                                      21,
                                      OrderStatus::kRiskRejected,
                                      {Reason{ReasonCode::kSymbolNotTradable, "MSFT is not in the tradable list"}}}}}},
      Flattened{FlattenReport{"bob", "", at("2026-11-24T14:32:00Z"), {}, {}, {}, {}}},
  };
  std::vector<EventRecord> out;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const EventSeq seq = 1 + i * 1'000'003;  // any seq: the codec does not check order
    out.push_back(EventRecord{seq, t + seconds(static_cast<std::int64_t>(i)), std::move(events[i])});
  }
  return out;
}

std::set<std::string> type_names(const std::vector<EventRecord>& records) {
  std::set<std::string> out;
  for (const EventRecord& r : records) out.insert(event_name(r.event));
  return out;
}

TEST(EventCodec, EveryHandBuiltEventRoundTripsExactly) {
  const std::vector<EventRecord> records = hand_built_records();
  ASSERT_EQ(type_names(records).size(), kEventTypes) << "a new event type needs a sample here";
  for (const EventRecord& r : records) EXPECT_TRUE(round_trips(r)) << event_name(r.event);
}

TEST(EventCodec, OrdersInEveryStatusRoundTrip) {
  for (OrderStatus s : {OrderStatus::kReceived, OrderStatus::kPendingApproval, OrderStatus::kPartiallyFilled,
                        OrderStatus::kCancelled, OrderStatus::kRejected}) {
    EXPECT_TRUE(round_trips(EventRecord{1, at("2026-11-24T14:30:00Z"), OrderReceived{sample_order(s)}}))
        << to_string(s);
  }
}

TEST(EventCodec, TimesBeforeTheEpochAndFarAheadRoundTrip) {
  for (const char* iso : {"1969-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"}) {
    Timestamp t = at(iso);
    Bar b{sym("AAPL"), px("1"), px("1"), px("1"), px("1"), 0, t};
    EXPECT_TRUE(round_trips(EventRecord{5, t, BarReceived{b}})) << iso;
  }
}

TEST(EventCodec, ExtremeNumbersRoundTrip) {
  const Money max = Money::from_micros(std::numeric_limits<std::int64_t>::max());
  const Money min = Money::from_micros(std::numeric_limits<std::int64_t>::min());
  EXPECT_TRUE(round_trips(EventRecord{std::numeric_limits<EventSeq>::max(), Timestamp{}, CashDeposited{max, "x"}}));
  EXPECT_TRUE(round_trips(EventRecord{1, Timestamp{}, DayStarted{std::numeric_limits<std::int64_t>::min(), min}}));
  Fill f{std::numeric_limits<FillId>::max(),
         1,
         sym("AAPL"),
         Side::kBuy,
         OrderIntent::kMaxQuantity,
         Price::from_micros(1),
         Money(),
         Timestamp{}};
  EXPECT_TRUE(round_trips(EventRecord{2, Timestamp{}, OrderFilled{f}}));
}

TEST(EventCodec, StringsWithEscapesAndControlCharactersRoundTrip) {
  std::string headline = "tab\tnewline\nquote\"backslash\\nul";
  headline.push_back('\0');
  headline += "end \x7f ünïcødé 🚀";
  NewsEvent n{sym("AAPL"), headline, 10, at("2026-11-24T14:30:00Z")};
  EXPECT_TRUE(round_trips(EventRecord{1, n.at, NewsReceived{n}}));
}

// Real events: what the engine emits in a session that touches every event type.
std::vector<EventRecord> engine_session_records() {
  EngineHarness h;                                  // deposit, quotes, day start
  h.submit(market("AAPL", Side::kBuy, 10));         // received, submitted, filled
  h.submit(market("AAPL", Side::kBuy, 1'000'000));  // risk rejected
  Order resting = h.submit(testing::limit("MSFT", Side::kBuy, 5, "190"));
  EXPECT_TRUE(h.engine.cancel_order(resting.id(), "operator", "stale", h.now).is_ok());
  // A remote broker's answers: accepted, a cancel it answers later, an expiry.
  h.broker.answers_cancels = false;
  Order remote = h.submit(testing::limit("MSFT", Side::kBuy, 5, "190"));
  ExecutionReport accepted{ExecutionReport::Kind::kAccepted, remote.id(), 0, Price(), Money(), ""};
  EXPECT_TRUE(h.engine.report_execution(accepted, h.now).is_ok());
  EXPECT_TRUE(h.engine.cancel_order(remote.id(), "operator", "stale", h.now).is_ok());  // cancel requested
  ExecutionReport expired{ExecutionReport::Kind::kExpired, remote.id(), 0, Price(), Money(), "day order ended"};
  EXPECT_TRUE(h.engine.report_execution(expired, h.now).is_ok());
  h.broker.answers_cancels = true;
  h.require_paper_approval();                            // config changed
  Order held = h.submit(market("MSFT", Side::kBuy, 3));  // approval requested
  EXPECT_TRUE(h.engine.decide_approval(held.approval_id(), true, "alice", "ok", h.now).is_ok());
  Order refused = h.submit(market("MSFT", Side::kBuy, 4));
  EXPECT_TRUE(h.engine.decide_approval(refused.approval_id(), false, "bob", "no", h.now).is_ok());
  Order locked = h.submit(market("AAPL", Side::kSell, 5));
  Result<Lockout> manual = h.engine.create_lockout(h.lockout_request("AAPL", 10, "earnings"), h.now);
  EXPECT_TRUE(manual.is_ok());
  EXPECT_TRUE(h.engine.decide_approval(locked.approval_id(), true, "alice", "", h.now).is_ok());  // re-check: rejected
  EXPECT_TRUE(h.engine.remove_lockout(manual->id, "alice", h.now).is_ok());
  Order stale = h.submit(market("AAPL", Side::kSell, 1));
  EXPECT_TRUE(h.engine.create_lockout(h.lockout_request("MSFT", 5), h.now).is_ok());
  h.advance(minutes(45));
  EXPECT_TRUE(h.engine.tick(h.now).is_ok());  // approval and lockout expire
  EXPECT_EQ(h.engine.state().order(stale.id())->status(), OrderStatus::kExpired);
  EXPECT_TRUE(h.engine.on_news(NewsEvent{sym("TSLA"), "Recall", 95, h.now}, h.now).is_ok());
  EXPECT_TRUE(
      h.engine.on_bar(Bar{sym("MSFT"), px("200"), px("201"), px("199"), px("200.5"), 1000, h.now}, h.now).is_ok());
  EXPECT_TRUE(h.engine.set_halted(true, "operator", "review", h.now).is_ok());
  EXPECT_TRUE(h.engine.halt_and_flatten("operator", "end of day", h.now).is_ok());  // flattened
  EXPECT_TRUE(h.engine.set_mode(TradingMode::kDisabled, "operator", h.now).is_ok());
  h.advance(std::chrono::hours(24));
  EXPECT_TRUE(h.engine.tick(h.now).is_ok());  // day started
  return h.sink.events;
}

TEST(EventCodec, EveryEventOfARealSessionRoundTrips) {
  const std::vector<EventRecord> records = engine_session_records();
  EXPECT_EQ(type_names(records).size(), kEventTypes) << "the session should emit every event type";
  for (const EventRecord& r : records) EXPECT_TRUE(round_trips(r)) << r.seq << " " << event_name(r.event);
}

// ---- strictness ----

json encoded(const EventRecord& r) { return to_json(r); }

EventRecord some(Event e) { return EventRecord{12, at("2026-11-24T14:30:00Z"), std::move(e)}; }

void expect_refused(const json& j, const std::string& field, const std::string& message_part = "") {
  Result<EventRecord> r = event_record_from_json(j);
  ASSERT_FALSE(r.is_ok()) << j.dump();
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().to_string();
  EXPECT_EQ(r.status().field(), field) << r.status().to_string();
  if (!message_part.empty()) {
    EXPECT_NE(r.status().message().find(message_part), std::string::npos) << r.status().to_string();
  }
  // The payload path refuses it the same way.
  Result<EventRecord> via_text = decode_event(dump_json(j));
  EXPECT_EQ(via_text.status().field(), field);
}

// Journals written before halts carried a cause read it back by the rule
// of their time: a halt whose reason began with DAILY_LOSS_LIMIT was the
// daily-loss limit's.
TEST(EventCodecCompatibility, AHaltWithoutACauseIsReadByTheOldRule) {
  auto decoded_cause = [](const char* reason) {
    json j = encoded(some(HaltChanged{true, HaltCause::kOperator, "system", reason}));
    j["data"].erase("cause");
    Result<EventRecord> back = event_record_from_json(j);
    EXPECT_TRUE(back.is_ok()) << back.status().to_string();
    return back.is_ok() ? std::get<HaltChanged>(back->event).cause : HaltCause::kOperator;
  };
  EXPECT_EQ(decoded_cause("DAILY_LOSS_LIMIT: day_pnl=-1010.00 limit=-1000.00"), HaltCause::kDailyLoss);
  EXPECT_EQ(decoded_cause("investigating"), HaltCause::kOperator);
}

TEST(EventCodecCompatibility, ACauseWrittenNowIsReadAsWritten) {
  const EventRecord r = some(HaltChanged{true, HaltCause::kOperator, "alice", "DAILY_LOSS_LIMIT is what I fear"});
  Result<EventRecord> back = event_record_from_json(encoded(r));
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(*back, r);
}

TEST(EventCodecStrictness, AnUnknownTypeIsRefused) {
  json j = encoded(some(OrderSubmitted{1}));
  j["type"] = "order_teleported";
  expect_refused(j, "type", "order_teleported");
}

TEST(EventCodecStrictness, ExtraFieldsAreRefusedAtEveryLevel) {
  json top = encoded(some(OrderSubmitted{1}));
  top["extra"] = 1;
  expect_refused(top, "extra", "unknown field");
  json data = encoded(some(OrderSubmitted{1}));
  data["data"]["note"] = "x";
  expect_refused(data, "data.note", "unknown field");
  json nested = encoded(some(OrderReceived{sample_order(OrderStatus::kReceived)}));
  nested["data"]["order"]["colour"] = "red";
  expect_refused(nested, "data.order.colour", "unknown field");
  json config = encoded(some(ConfigChanged{sample_config(), "alice"}));
  config["data"]["config"]["limits"]["max_leverage"] = 3;
  expect_refused(config, "data.config.limits.max_leverage", "unknown field");
}

TEST(EventCodecStrictness, MissingFieldsAreRefusedByName) {
  for (const char* key : {"seq", "at", "type", "data"}) {
    json j = encoded(some(OrderSubmitted{1}));
    j.erase(key);
    expect_refused(j, key, "required");
  }
  json decided = encoded(some(ApprovalDecided{9, ApprovalStatus::kApproved, "alice", "ok"}));
  decided["data"].erase("decided_by");
  expect_refused(decided, "data.decided_by", "required");
  json fill = encoded(some(OrderFilled{Fill{1, 2, sym("AAPL"), Side::kBuy, 3, px("1"), Money(), Timestamp{}}}));
  fill["data"]["fill"].erase("price");
  expect_refused(fill, "data.fill.price", "required");
  json lockout = encoded(some(LockoutCreated{sample_lockout(false)}));
  lockout["data"]["lockout"].erase("expires_at");
  expect_refused(lockout, "data.lockout.expires_at", "required");
  json request = encoded(some(ApprovalRequested{sample_request(ApprovalStatus::kPending)}));
  request["data"]["request"].erase("order_id");
  expect_refused(request, "data.request.order_id", "required");
}

TEST(EventCodecStrictness, BadValuesAreRefusedByName) {
  json seq = encoded(some(OrderSubmitted{1}));
  seq["seq"] = -1;
  expect_refused(seq, "seq");
  json time = encoded(some(OrderSubmitted{1}));
  time["at"] = "2026-11-24 14:30:00";
  expect_refused(time, "at", "ISO-8601");
  json id = encoded(some(OrderSubmitted{1}));
  id["data"]["order_id"] = 1.5;
  expect_refused(id, "data.order_id");
  json mode = encoded(some(ModeChanged{TradingMode::kLive, "alice"}));
  mode["data"]["mode"] = "yolo";
  expect_refused(mode, "data.mode", "yolo");
  json amount = encoded(some(CashDeposited{usd("1"), "x"}));
  amount["data"]["amount"] = "1.0000001";
  expect_refused(amount, "data.amount");
  json qty = encoded(some(OrderReceived{sample_order(OrderStatus::kReceived)}));
  qty["data"]["order"]["qty"] = "300";
  expect_refused(qty, "data.order.qty");
  json filled = encoded(some(OrderReceived{sample_order(OrderStatus::kPartiallyFilled)}));
  filled["data"]["order"]["filled_qty"] = 301;
  expect_refused(filled, "data.order.filled_qty");
  json config = encoded(some(ConfigChanged{sample_config(), "alice"}));
  config["data"]["config"]["operator_approval"]["approval_timeout_minutes"] = 0;
  expect_refused(config, "data.config.operator_approval.approval_timeout_minutes");
  json data = encoded(some(OrderSubmitted{1}));
  data["data"] = json::array();
  expect_refused(data, "data", "object");
  json nested = encoded(some(QuoteReceived{Quote{sym("AAPL"), px("1"), px("2"), 0, 0, Timestamp{}}}));
  nested["data"]["quote"] = "AAPL 1/2";
  expect_refused(nested, "data.quote", "object");
  json checks = encoded(some(ApprovalRequested{sample_request(ApprovalStatus::kPending)}));
  EXPECT_EQ(checks["data"]["request"]["checks_passed"],
            json::array({"trading_enabled", "not_locked_out", "daily_loss"}));
  checks["data"]["request"]["checks_passed"].push_back("vibes_ok");
  expect_refused(checks, "data.request.checks_passed", "vibes_ok");
}

TEST(EventCodecStrictness, MalformedPayloadsAreRefused) {
  for (const char* text : {"", "{", "[]", "null", "{\"seq\":1}", "\xff\xfe"}) {
    Result<EventRecord> r = decode_event(text);
    EXPECT_FALSE(r.is_ok()) << text;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << text;
  }
}

}  // namespace
}  // namespace stonks
