#include "journal/event_codec.h"

#include <optional>
#include <utility>

#include "config/risk_config_json.h"
#include "core/overload.h"
#include "journal/binary_event_codec.h"
#include "json/json_object_reader.h"
#include "json/json_path.h"
#include "json/json_values.h"
#include "json/market_data_json.h"
#include "json/order_json.h"
#include "json/risk_json.h"

namespace stonks {
namespace {

using nlohmann::json;

constexpr std::string_view kModeNames = "disabled, paper or live";
constexpr std::string_view kApprovalStatusNames = "approved, rejected or expired";

json data_of(const Event& e, Timestamp at) {
  return std::visit(
      Overload{
          [](const CashDeposited& e) { return json{{"amount", to_json(e.amount)}, {"by", e.by}}; },
          [](const OrderReceived& e) { return json{{"order", to_json(e.order)}}; },
          [](const OrderRiskRejected& e) { return json{{"order_id", e.order_id}, {"reasons", e.reasons}}; },
          [](const ApprovalRequested& e) { return json{{"request", to_json(e.request)}}; },
          [](const ApprovalDecided& e) {
            return json{{"approval_id", e.approval_id},
                        {"status", to_string(e.status)},
                        {"decided_by", e.decided_by},
                        {"reason", e.reason}};
          },
          [](const OrderSubmitted& e) { return json{{"order_id", e.order_id}}; },
          [](const OrderRejected& e) { return json{{"order_id", e.order_id}, {"reasons", e.reasons}}; },
          [](const OrderFilled& e) { return json{{"fill", to_json(e.fill)}}; },
          [](const OrderCancelled& e) {
            return json{{"order_id", e.order_id}, {"by", e.by}, {"reason", e.reason}};
          },
          [at](const LockoutCreated& e) { return json{{"lockout", to_json(e.lockout, at)}}; },
          [](const LockoutRemoved& e) { return json{{"lockout_id", e.lockout_id}, {"removed_by", e.removed_by}}; },
          [](const LockoutExpired& e) { return json{{"lockout_id", e.lockout_id}}; },
          [](const ModeChanged& e) { return json{{"mode", to_string(e.mode)}, {"by", e.by}}; },
          [](const ConfigChanged& e) { return json{{"config", to_json(e.config)}, {"by", e.by}}; },
          [](const HaltChanged& e) { return json{{"halted", e.halted}, {"by", e.by}, {"reason", e.reason}}; },
          [](const QuoteReceived& e) { return json{{"quote", to_json(e.quote)}}; },
          [](const BarReceived& e) { return json{{"bar", to_json(e.bar)}}; },
          [](const NewsReceived& e) { return json{{"news", to_json(e.news)}}; },
          [](const DayStarted& e) { return json{{"day", e.day}, {"start_equity", to_json(e.start_equity)}}; },
      },
      e);
}

// Reads a nested value with its own codec, adopting its error under `key`.
// The codec names its fields under `key` ("order.qty"); adopt() then puts
// them under the reader's path ("data.order.qty").
template <class T, class Decode>
bool read_nested(JsonObjectReader& r, const char* key, T& out, Decode decode) {
  const json* value = r.required_value(key);
  if (!value) return false;
  Result<T> v = decode(*value, std::string_view(key));
  if (!v.is_ok()) {
    r.adopt(v.status());
    return false;
  }
  out = std::move(v).value();
  return true;
}

Result<Event> event_from_data(std::string_view type, const json& data) {
  JsonObjectReader r(data, "data");
  auto done = [&r](Event e) -> Result<Event> {
    if (Status s = r.finish(); !s.is_ok()) return s;
    return e;
  };
  if (type == "cash_deposited") {
    CashDeposited e;
    r.required_decimal("amount", e.amount);
    r.required_string("by", e.by);
    return done(e);
  }
  if (type == "order_received") {
    OrderReceived e;
    read_nested(r, "order", e.order, order_from_json);
    return done(e);
  }
  if (type == "order_risk_rejected") {
    OrderRiskRejected e;
    r.required_int("order_id", e.order_id);
    r.required_string_list("reasons", e.reasons);
    return done(e);
  }
  if (type == "approval_requested") {
    ApprovalRequested e;
    read_nested(r, "request", e.request, approval_request_from_json);
    return done(e);
  }
  if (type == "approval_decided") {
    ApprovalDecided e;
    r.required_int("approval_id", e.approval_id);
    r.required_enum("status", e.status, parse_approval_status, kApprovalStatusNames);
    r.required_string("decided_by", e.decided_by);
    r.required_string("reason", e.reason);
    return done(e);
  }
  if (type == "order_submitted") {
    OrderSubmitted e;
    r.required_int("order_id", e.order_id);
    return done(e);
  }
  if (type == "order_rejected") {
    OrderRejected e;
    r.required_int("order_id", e.order_id);
    r.required_string_list("reasons", e.reasons);
    return done(e);
  }
  if (type == "order_filled") {
    OrderFilled e;
    read_nested(r, "fill", e.fill, fill_from_json);
    return done(e);
  }
  if (type == "order_cancelled") {
    OrderCancelled e;
    r.required_int("order_id", e.order_id);
    r.required_string("by", e.by);
    r.required_string("reason", e.reason);
    return done(e);
  }
  if (type == "lockout_created") {
    LockoutCreated e;
    read_nested(r, "lockout", e.lockout, lockout_from_json);
    return done(e);
  }
  if (type == "lockout_removed") {
    LockoutRemoved e;
    r.required_int("lockout_id", e.lockout_id);
    r.required_string("removed_by", e.removed_by);
    return done(e);
  }
  if (type == "lockout_expired") {
    LockoutExpired e;
    r.required_int("lockout_id", e.lockout_id);
    return done(e);
  }
  if (type == "mode_changed") {
    ModeChanged e;
    r.required_enum("mode", e.mode, parse_trading_mode, kModeNames);
    r.required_string("by", e.by);
    return done(e);
  }
  if (type == "config_changed") {
    ConfigChanged e;
    read_nested(r, "config", e.config,
                [](const json& v, std::string_view path) -> Result<RiskConfig> {
                  Result<RiskConfig> config = risk_config_from_json(v);
                  if (!config.is_ok()) return under_path(config.status(), path);
                  return config;
                });
    r.required_string("by", e.by);
    return done(e);
  }
  if (type == "halt_changed") {
    HaltChanged e;
    r.required_bool("halted", e.halted);
    r.required_string("by", e.by);
    r.required_string("reason", e.reason);
    return done(e);
  }
  if (type == "quote_received") {
    QuoteReceived e;
    read_nested(r, "quote", e.quote, quote_from_json);
    return done(e);
  }
  if (type == "bar_received") {
    BarReceived e;
    read_nested(r, "bar", e.bar, bar_from_json);
    return done(e);
  }
  if (type == "news_received") {
    NewsReceived e;
    read_nested(r, "news", e.news, news_event_from_json);
    return done(e);
  }
  if (type == "day_started") {
    DayStarted e;
    r.required_int("day", e.day);
    r.required_decimal("start_equity", e.start_equity);
    return done(e);
  }
  return Status::invalid_argument("unknown event type '" + valid_utf8(std::string(type.substr(0, 40))) + "'", "type");
}

}  // namespace

json to_json(const EventRecord& record) {
  return json{{"seq", record.seq},
              {"at", to_json(record.at)},
              {"type", event_name(record.event)},
              {"data", data_of(record.event, record.at)}};
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
  Result<Event> event = event_from_data(type, *data);
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
