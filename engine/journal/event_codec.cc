#include "journal/event_codec.h"

#include <optional>
#include <utility>

#include "journal/binary_event_codec.h"
#include "json/flatten_json.h"
#include "json/json_object_reader.h"
#include "json/json_path.h"
#include "json/json_values.h"
#include "json/market_data_json.h"
#include "json/order_json.h"
#include "json/risk_config_json.h"
#include "json/risk_json.h"

namespace stonks {
namespace {

using nlohmann::json;

// Reads a nested value with its own codec, adopting its error under `key`.
// The codec names its fields under `key` ("order.qty"); adopt() then puts
// them under the reader's path ("data.order.qty").
template <class T, class Decode>
void read_nested(JsonObjectReader& r, const char* key, T& out, Decode decode) {
  const json* value = r.required_value(key);
  if (!value) return;
  Result<T> v = decode(*value, std::string_view(key));
  if (!v.is_ok()) return r.adopt(v.status());
  out = std::move(v).value();
}

Result<RiskConfig> config_at(const json& value, std::string_view path) {
  Result<RiskConfig> config = risk_config_from_json(value);
  if (!config.is_ok()) return under_path(config.status(), path);
  return config;
}

// One writer and one reader per event type, side by side: the "data" object
// of its JSON form. Event's alternatives are the list; decoding looks a type
// up by its kName, and an event type without both does not compile.

json write(const CashDeposited& e, Timestamp) { return {{"amount", to_json(e.amount)}, {"by", e.by}}; }
void read(JsonObjectReader& r, CashDeposited& e) {
  r.required_decimal("amount", e.amount);
  r.required_string("by", e.by);
}

json write(const OrderReceived& e, Timestamp) { return {{"order", to_json(e.order)}}; }
void read(JsonObjectReader& r, OrderReceived& e) { read_nested(r, "order", e.order, order_from_json); }

json write(const OrderRiskRejected& e, Timestamp) {
  return {{"order_id", e.order_id}, {"reasons", reason_texts(e.reasons)}};
}
void read(JsonObjectReader& r, OrderRiskRejected& e) {
  r.required_int("order_id", e.order_id);
  r.required_reason_list("reasons", e.reasons);
}

json write(const ApprovalRequested& e, Timestamp) { return {{"request", to_json(e.request)}}; }
void read(JsonObjectReader& r, ApprovalRequested& e) {
  read_nested(r, "request", e.request, approval_request_from_json);
}

json write(const ApprovalDecided& e, Timestamp) {
  return {{"approval_id", e.approval_id},
          {"status", to_string(e.status)},
          {"decided_by", e.decided_by},
          {"reason", e.reason}};
}
void read(JsonObjectReader& r, ApprovalDecided& e) {
  r.required_int("approval_id", e.approval_id);
  r.required_enum("status", e.status, {ApprovalStatus::kApproved, ApprovalStatus::kRejected, ApprovalStatus::kExpired});
  r.required_string("decided_by", e.decided_by);
  r.required_string("reason", e.reason);
}

json write(const OrderSubmitted& e, Timestamp) { return {{"order_id", e.order_id}}; }
void read(JsonObjectReader& r, OrderSubmitted& e) { r.required_int("order_id", e.order_id); }

json write(const OrderAccepted& e, Timestamp) { return {{"order_id", e.order_id}}; }
void read(JsonObjectReader& r, OrderAccepted& e) { r.required_int("order_id", e.order_id); }

json write(const OrderExpired& e, Timestamp) { return {{"order_id", e.order_id}, {"reason", e.reason}}; }
void read(JsonObjectReader& r, OrderExpired& e) {
  r.required_int("order_id", e.order_id);
  r.required_string("reason", e.reason);
}

json write(const CancelRequested& e, Timestamp) {
  return {{"order_id", e.order_id}, {"by", e.by}, {"reason", e.reason}};
}
void read(JsonObjectReader& r, CancelRequested& e) {
  r.required_int("order_id", e.order_id);
  r.required_string("by", e.by);
  r.required_string("reason", e.reason);
}

json write(const OrderRejected& e, Timestamp) {
  return {{"order_id", e.order_id}, {"reasons", reason_texts(e.reasons)}};
}
void read(JsonObjectReader& r, OrderRejected& e) {
  r.required_int("order_id", e.order_id);
  r.required_reason_list("reasons", e.reasons);
}

json write(const OrderFilled& e, Timestamp) { return {{"fill", to_json(e.fill)}}; }
void read(JsonObjectReader& r, OrderFilled& e) { read_nested(r, "fill", e.fill, fill_from_json); }

json write(const OrderCancelled& e, Timestamp) {
  return {{"order_id", e.order_id}, {"by", e.by}, {"reason", e.reason}};
}
void read(JsonObjectReader& r, OrderCancelled& e) {
  r.required_int("order_id", e.order_id);
  r.required_string("by", e.by);
  r.required_string("reason", e.reason);
}

json write(const LockoutCreated& e, Timestamp at) { return {{"lockout", to_json(e.lockout, at)}}; }
void read(JsonObjectReader& r, LockoutCreated& e) { read_nested(r, "lockout", e.lockout, lockout_from_json); }

json write(const LockoutRemoved& e, Timestamp) { return {{"lockout_id", e.lockout_id}, {"removed_by", e.removed_by}}; }
void read(JsonObjectReader& r, LockoutRemoved& e) {
  r.required_int("lockout_id", e.lockout_id);
  r.required_string("removed_by", e.removed_by);
}

json write(const LockoutExpired& e, Timestamp) { return {{"lockout_id", e.lockout_id}}; }
void read(JsonObjectReader& r, LockoutExpired& e) { r.required_int("lockout_id", e.lockout_id); }

json write(const ModeChanged& e, Timestamp) { return {{"mode", to_string(e.mode)}, {"by", e.by}}; }
void read(JsonObjectReader& r, ModeChanged& e) {
  r.required_enum("mode", e.mode);
  r.required_string("by", e.by);
}

json write(const Flattened& e, Timestamp) { return {{"report", to_json(e.report)}}; }
void read(JsonObjectReader& r, Flattened& e) { read_nested(r, "report", e.report, flatten_report_from_json); }

json write(const ConfigChanged& e, Timestamp) { return {{"config", to_json(e.config)}, {"by", e.by}}; }
void read(JsonObjectReader& r, ConfigChanged& e) {
  read_nested(r, "config", e.config, config_at);
  r.required_string("by", e.by);
}

json write(const HaltChanged& e, Timestamp) {
  return {{"halted", e.halted}, {"cause", to_string(e.cause)}, {"by", e.by}, {"reason", e.reason}};
}
void read(JsonObjectReader& r, HaltChanged& e) {
  r.required_bool("halted", e.halted);
  r.required_string("by", e.by);
  r.required_string("reason", e.reason);
  // Journals written before halts had a cause: the rule they were written
  // under, once, here -- a daily-loss halt was the one whose reason began so.
  e.cause = e.reason.rfind("DAILY_LOSS_LIMIT", 0) == 0 ? HaltCause::kDailyLoss : HaltCause::kOperator;
  r.optional_enum("cause", e.cause);
}

json write(const QuoteReceived& e, Timestamp) { return {{"quote", to_json(e.quote)}}; }
void read(JsonObjectReader& r, QuoteReceived& e) { read_nested(r, "quote", e.quote, quote_from_json); }

json write(const BarReceived& e, Timestamp) { return {{"bar", to_json(e.bar)}}; }
void read(JsonObjectReader& r, BarReceived& e) { read_nested(r, "bar", e.bar, bar_from_json); }

json write(const NewsReceived& e, Timestamp) { return {{"news", to_json(e.news)}}; }
void read(JsonObjectReader& r, NewsReceived& e) { read_nested(r, "news", e.news, news_event_from_json); }

json write(const DayStarted& e, Timestamp) { return {{"day", e.day}, {"start_equity", to_json(e.start_equity)}}; }
void read(JsonObjectReader& r, DayStarted& e) {
  r.required_int("day", e.day);
  r.required_decimal("start_equity", e.start_equity);
}

// The alternative of Event named `type`, read from `data`.
template <std::size_t... I>
Result<Event> event_from_data(std::string_view type, const json& data, std::index_sequence<I...>) {
  std::optional<Result<Event>> found;
  auto try_type = [&]<class T>(T*) {
    if (found || type != T::kName) return;
    JsonObjectReader r(data, "data");
    T e;
    read(r, e);
    if (Status s = r.finish(); !s.is_ok()) return found.emplace(s), void();
    found.emplace(Event(std::move(e)));
  };
  (try_type(static_cast<std::variant_alternative_t<I, Event>*>(nullptr)), ...);
  if (found) return std::move(*found);
  return Status::invalid_argument("unknown event type '" + valid_utf8(std::string(type.substr(0, 40))) + "'", "type");
}

}  // namespace

json to_json(const EventRecord& record) {
  return json{{"seq", record.seq},
              {"at", to_json(record.at)},
              {"type", event_name(record.event)},
              {"data", std::visit([&](const auto& e) { return write(e, record.at); }, record.event)}};
}

Result<EventRecord> event_record_from_json(const json& value) {
  JsonObjectReader r(value);
  EventRecord record;
  std::string type;
  r.required_int("seq", record.seq);
  r.required_timestamp("at", record.at);
  r.required_string("type", type);
  const json* data = r.required_value("data");
  if (Status s = r.finish(); !s.is_ok()) return s;
  Result<Event> event = event_from_data(type, *data, std::make_index_sequence<std::variant_size_v<Event>>());
  if (!event.is_ok()) return event.status();
  record.event = std::move(event).value();
  return record;
}

std::string encode_event(const EventRecord& record) {
  if (std::optional<std::string> binary = encode_binary_event(record)) return std::move(*binary);
  return dump_json(to_json(record));
}

Result<EventRecord> decode_event(std::string_view payload) {
  if (!payload.empty() && payload[0] == kBinaryEventMarker) return decode_binary_event(payload);
  Result<json> j = parse_json(payload);
  if (!j.is_ok()) return j.status();
  return event_record_from_json(*j);
}

}  // namespace stonks
