#include "json/flatten_json.h"

#include "json/json_object_reader.h"
#include "json/json_values.h"

namespace stonks {
namespace {

using nlohmann::json;

// An array of ids at `key`, each a JSON unsigned integer.
template <class Id>
void read_ids(JsonObjectReader& r, std::string_view key, std::vector<Id>& out) {
  const json* value = r.required_value(key);
  if (!value) return;
  if (!value->is_array()) return r.fail(key, "expected an array of ids, got " + describe_json(*value));
  for (const json& id : *value) {
    if (!id.is_number_unsigned()) return r.fail(key, "expected an array of ids, holding " + describe_json(id));
    out.push_back(id.get<Id>());
  }
}

Result<FlattenClose> close_from_json(const json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  FlattenClose c;
  r.required_symbol("ticker", c.symbol);
  r.required_int("position", c.position);
  r.required_int("order_id", c.order_id);
  r.required_enum("status", c.status);
  bool closed = false;  // derived from status: read so that it is allowed, not kept
  r.optional_bool("closed", closed);
  (void)closed;
  r.required_reason_list("reasons", c.reasons);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return c;
}

}  // namespace

json to_json(const FlattenReport& report) {
  json closes = json::array();
  for (const FlattenClose& c : report.closes)
    closes.push_back({{"ticker", c.symbol.str()},
                      {"position", c.position},
                      {"order_id", c.order_id},
                      {"status", to_string(c.status)},
                      {"closed", c.closed()},
                      {"reasons", reason_texts(c.reasons)}});
  return {{"by", report.by},
          {"reason", report.reason},
          {"at", to_json(report.at)},
          {"approvals_rejected", report.approvals_rejected},
          {"orders_cancelled", report.orders_cancelled},
          {"cancels_requested", report.cancels_requested},
          {"closes", std::move(closes)}};
}

Result<FlattenReport> flatten_report_from_json(const json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  FlattenReport report;
  r.required_string("by", report.by);
  r.required_string("reason", report.reason);
  r.required_timestamp("at", report.at);
  read_ids(r, "approvals_rejected", report.approvals_rejected);
  read_ids(r, "orders_cancelled", report.orders_cancelled);
  read_ids(r, "cancels_requested", report.cancels_requested);
  if (const json* closes = r.required_value("closes")) {
    if (!closes->is_array()) {
      r.fail("closes", "expected an array, got " + describe_json(*closes));
    } else {
      for (std::size_t i = 0; i < closes->size() && r.ok(); ++i) {
        Result<FlattenClose> c = close_from_json((*closes)[i], "closes[" + std::to_string(i) + "]");
        if (c.is_ok()) {
          report.closes.push_back(std::move(c).value());
        } else {
          r.adopt(c.status());
        }
      }
    }
  }
  if (Status s = r.finish(); !s.is_ok()) return s;
  return report;
}

}  // namespace stonks
