#include "json/risk_json.h"

#include "json/json_object_reader.h"
#include "json/json_values.h"
#include "risk/risk_check_set.h"

namespace stonks {
nlohmann::json to_json(const ApprovalRequest& r) {
  nlohmann::json out = nlohmann::json::object();
  out["id"] = r.id;
  out["order_id"] = r.order_id;
  out["notional"] = to_json(r.notional);
  out["checks_passed"] = risk_check_names(r.checks_passed);
  out["created_at"] = to_json(r.created_at);
  out["expires_at"] = to_json(r.expires_at);
  out["status"] = to_string(r.status);
  out["decided_by"] = r.decided_by;
  out["decided_at"] = r.decided_at ? to_json(*r.decided_at) : nlohmann::json();
  out["reason"] = r.reason;
  return out;
}

Result<ApprovalRequest> approval_request_from_json(const nlohmann::json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  ApprovalRequest a;
  r.required_int("id", a.id);
  r.required_int("order_id", a.order_id);
  r.required_decimal("notional", a.notional);
  std::vector<std::string> checks;
  if (r.required_string_list("checks_passed", checks)) {
    for (const std::string& name : checks) {
      if (std::optional<std::size_t> i = risk_check_index(name)) {
        a.checks_passed.set(*i);
      } else {
        r.fail("checks_passed", "unknown check \"" + name.substr(0, 40) + "\"");
        break;
      }
    }
  }
  r.required_timestamp("created_at", a.created_at);
  r.required_timestamp("expires_at", a.expires_at);
  r.required_enum("status", a.status);
  r.required_string("decided_by", a.decided_by);
  r.optional_timestamp("decided_at", a.decided_at);
  r.required_string("reason", a.reason);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return a;
}

nlohmann::json to_json(const Lockout& l, Timestamp now) {
  nlohmann::json out = nlohmann::json::object();
  out["id"] = l.id;
  out["ticker"] = l.symbol.str();
  out["reason"] = l.reason;
  out["source"] = to_string(l.source);
  out["side"] = to_string(l.side);
  out["created_at"] = to_json(l.created_at);
  out["expires_at"] = to_json(l.expires_at);
  out["created_by"] = l.created_by;
  out["removed_at"] = l.removed_at ? to_json(*l.removed_at) : nlohmann::json();
  out["removed_by"] = l.removed_by;
  out["expired"] = l.expired;
  out["active"] = l.active_at(now);
  return out;
}

Result<Lockout> lockout_from_json(const nlohmann::json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  Lockout l;
  bool active_view = false;  // derived; accepted and ignored
  r.required_int("id", l.id);
  r.required_symbol("ticker", l.symbol);
  r.required_string("reason", l.reason);
  r.required_enum("source", l.source);
  r.required_enum("side", l.side);
  r.required_timestamp("created_at", l.created_at);
  r.required_timestamp("expires_at", l.expires_at);
  r.required_string("created_by", l.created_by);
  r.optional_timestamp("removed_at", l.removed_at);
  r.required_string("removed_by", l.removed_by);
  r.required_bool("expired", l.expired);
  r.optional_bool("active", active_view);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return l;
}

}  // namespace stonks
