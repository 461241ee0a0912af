#include "api/broker_status.h"

#include "json/json_object_reader.h"
#include "json/json_values.h"

namespace stonks {
namespace {

nlohmann::json difference_json(const BrokerDifference& d) {
  nlohmann::json j = {{"kind", to_string(d.kind)}, {"message", d.describe()}};
  if (d.kind == BrokerDifference::Kind::kCash) {
    j["engine"] = to_json(d.engine_cash);
    j["broker"] = to_json(d.broker_cash);
  } else {
    j["ticker"] = d.symbol.str();
    j["engine"] = d.engine_qty;
    j["broker"] = d.broker_qty;
  }
  return j;
}

void read_position(JsonObjectReader& r, BrokerPosition& p) {
  r.required_symbol("ticker", p.symbol);
  r.required_int("qty", p.qty);
  r.required_decimal("avg_entry_price", p.avg_entry_price);
  r.required_decimal("market_value", p.market_value);
}

}  // namespace

nlohmann::json broker_status_json(std::string_view broker, const BrokerStatus& s,
                                  const std::vector<BrokerDifference>& differences) {
  nlohmann::json link = {{"state", to_string(s.link)}, {"last_error", s.last_error}};
  if (s.failing_since) link["failing_since"] = to_json(*s.failing_since);
  if (s.last_error_at) link["last_error_at"] = to_json(*s.last_error_at);
  if (s.latency_ms) link["latency_ms"] = *s.latency_ms;
  nlohmann::json j = {{"broker", broker}, {"link", std::move(link)}};
  if (s.rate)
    j["rate_limit"] = {{"limit", s.rate->limit}, {"remaining", s.rate->remaining}, {"reset", to_json(s.rate->reset)}};
  if (const auto& a = s.holdings.account)
    j["account"] = {
        {"cash", to_json(a->cash)}, {"buying_power", to_json(a->buying_power)}, {"equity", to_json(a->equity)}};
  if (const auto& positions = s.holdings.positions) {
    nlohmann::json rows = nlohmann::json::array();
    for (const BrokerPosition& p : *positions)
      rows.push_back({{"ticker", p.symbol.str()},
                      {"qty", p.qty},
                      {"avg_entry_price", to_json(p.avg_entry_price)},
                      {"market_value", to_json(p.market_value)}});
    j["positions"] = std::move(rows);
  }
  if (s.holdings_at) j["checked_at"] = to_json(*s.holdings_at);
  nlohmann::json diffs = nlohmann::json::array();
  for (const BrokerDifference& d : differences) diffs.push_back(difference_json(d));
  j["differences"] = std::move(diffs);
  return j;
}

Result<std::optional<BrokerStatus>> broker_status_from_json(const nlohmann::json& body) {
  JsonObjectReader r(body);
  std::string broker;
  r.required_string("broker", broker);
  if (r.ok() && broker == "paper") return std::optional<BrokerStatus>();
  BrokerStatus s;
  r.optional_object("link", [&](JsonObjectReader& l) {
    l.required_enum("state", s.link);
    l.optional_timestamp("failing_since", s.failing_since);
    l.optional_string("last_error", s.last_error);
    l.optional_timestamp("last_error_at", s.last_error_at);
    std::int64_t latency = 0;
    if (l.optional_int("latency_ms", latency)) s.latency_ms = latency;
  });
  r.optional_object("rate_limit", [&](JsonObjectReader& l) {
    BrokerStatus::RateBudget rate;
    l.required_int("limit", rate.limit);
    l.required_int("remaining", rate.remaining);
    l.required_timestamp("reset", rate.reset);
    s.rate = rate;
  });
  r.optional_object("account", [&](JsonObjectReader& a) {
    BrokerAccount account;
    a.required_decimal("cash", account.cash);
    a.required_decimal("buying_power", account.buying_power);
    a.required_decimal("equity", account.equity);
    s.holdings.account = account;
  });
  if (body.is_object() && body.contains("positions")) {
    const nlohmann::json* rows = r.required_value("positions");
    if (rows && !rows->is_array()) r.fail("positions", "expected an array of positions");
    if (rows && rows->is_array()) {
      s.holdings.positions.emplace();
      for (std::size_t i = 0; i < rows->size() && r.ok(); ++i) {
        JsonObjectReader p((*rows)[i], r.path_of("positions[" + std::to_string(i) + "]"));
        BrokerPosition position;
        if (p.ok()) read_position(p, position);
        r.adopt(p.finish());
        s.holdings.positions->push_back(position);
      }
    }
  }
  r.optional_timestamp("checked_at", s.holdings_at);
  r.required_value("differences");  // the reader recomputes them against its own state
  if (Status st = r.finish(); !st.is_ok()) return st;
  return std::optional<BrokerStatus>(std::move(s));
}

}  // namespace stonks
