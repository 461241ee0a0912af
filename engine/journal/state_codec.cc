#include "journal/state_codec.h"

#include <utility>

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

constexpr std::int64_t kFormat = 1;

// Where the orders and fills are: in the JSON (format 1) or in the binary
// records around it (format 2, journal/binary_state_codec.h).
enum class Bulk { kInJson, kElsewhere };

// ---- Writing -------------------------------------------------------------

template <class Range, class Fn>
json array_of(const Range& range, Fn fn) {
  json out = json::array();
  for (const auto& item : range) out.push_back(fn(item));
  return out;
}

json market_to_json(const MarketState& m) {
  return json{
      {"quotes", array_of(m.quotes(), [](const auto& kv) { return to_json(kv.second); })},
      {"last_prices", array_of(m.last_prices(),
                               [](const auto& kv) {
                                 return json{{"ticker", kv.first.str()}, {"price", to_json(kv.second)}};
                               })},
      {"history", array_of(m.histories(),
                           [](const auto& kv) {
                             json points = array_of(kv.second, [](const std::pair<Timestamp, Price>& p) {
                               return json::array({to_json(p.first), to_json(p.second)});
                             });
                             return json{{"ticker", kv.first.str()}, {"points", std::move(points)}};
                           })},
  };
}

json portfolio_to_json(const Portfolio& p) {
  return json{
      {"cash", to_json(p.cash())},
      {"deposits", to_json(p.deposits())},
      {"day_deposits", to_json(p.day_deposits())},
      {"realized_pnl", to_json(p.realized_pnl())},
      {"fees_paid", to_json(p.fees_paid())},
      {"day", p.day()},
      {"day_start_equity", to_json(p.day_start_equity())},
      {"positions", array_of(p.positions(),
                             [](const auto& kv) {
                               const Position& pos = kv.second;
                               return json{{"ticker", pos.symbol.str()},
                                           {"qty", pos.qty},
                                           {"cost_basis", to_json(pos.cost_basis)},
                                           {"realized_pnl", to_json(pos.realized_pnl)}};
                             })},
  };
}

json lockout_to_json(const Lockout& l) {
  json out = to_json(l, l.created_at);
  out.erase("active");  // derived from a time; not state
  return out;
}

// ---- Reading -------------------------------------------------------------

// Reads the array at `key`: item i goes through decode(item, "<key>[i]"),
// whose errors name fields under that path, then through take(value), which
// may refuse it with a Status whose field is relative to the item.
template <class Decode, class Take>
bool read_array(JsonObjectReader& r, std::string_view key, Decode decode, Take take) {
  const json* value = r.required_value(key);
  if (value == nullptr) return false;
  if (!value->is_array()) {
    r.fail(key, "expected an array, got " + describe_json(*value));
    return false;
  }
  for (std::size_t i = 0; i < value->size(); ++i) {
    const std::string item = std::string(key) + "[" + std::to_string(i) + "]";
    auto decoded = decode((*value)[i], std::string_view(item));
    if (!decoded.is_ok()) {
      r.adopt(decoded.status());
      return false;
    }
    if (Status s = take(std::move(decoded).value()); !s.is_ok()) {
      r.adopt(under_path(s, item));
      return false;
    }
  }
  return true;
}

// Reads the object at `key` with read(JsonObjectReader&), requiring it.
template <class ReadFn>
bool read_object(JsonObjectReader& r, std::string_view key, ReadFn read) {
  const json* value = r.required_value(key);
  if (value == nullptr) return false;
  JsonObjectReader nested(*value, std::string(key));
  if (nested.ok()) read(nested);
  if (Status s = nested.finish(); !s.is_ok()) {
    r.adopt(s);  // `r` is the top-level reader: the field keeps its full path
    return false;
  }
  return true;
}

Status duplicate(const std::string& what, const std::string& field) {
  return Status::invalid_argument("repeats " + what, field);
}

Result<RiskConfig> config_at(const json& value, std::string_view path) {
  Result<RiskConfig> config = risk_config_from_json(value);
  if (!config.is_ok()) return under_path(config.status(), path);
  return config;
}

Result<Timestamp> time_at(const json& value, std::string_view path) {
  Result<Timestamp> t = timestamp_from_json(value);
  if (!t.is_ok()) return under_path(t.status(), path);
  return t;
}

Result<std::pair<OrderId, CancelRequest>> cancel_request_at(const json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  std::pair<OrderId, CancelRequest> out;
  r.required_int("order_id", out.first);
  r.required_string("by", out.second.by);
  r.required_string("reason", out.second.reason);
  r.required_timestamp("at", out.second.at);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return out;
}

Result<ConfigVersion> config_version_at(const json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  ConfigVersion v;
  if (const json* config = r.required_value("config")) {
    Result<RiskConfig> c = config_at(*config, "config");
    if (c.is_ok())
      v.config = std::move(c).value();
    else
      r.adopt(c.status());
  }
  r.required_string("changed_by", v.changed_by);
  r.required_timestamp("changed_at", v.changed_at);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return v;
}

Result<std::pair<Symbol, Price>> last_price_at(const json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  std::pair<Symbol, Price> out;
  r.required_symbol("ticker", out.first);
  r.required_decimal("price", out.second);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return out;
}

Result<std::pair<Timestamp, Price>> point_at(const json& value, std::string_view path) {
  const std::string where(path);
  if (!value.is_array() || value.size() != 2)
    return Status::invalid_argument("expected [time, price], got " + describe_json(value), where);
  Result<Timestamp> t = time_at(value[0], where + "[0]");
  if (!t.is_ok()) return t.status();
  Result<std::int64_t> micros = micros_from_json(value[1]);
  if (!micros.is_ok()) return under_path(micros.status(), where + "[1]");
  return std::make_pair(*t, Price::from_micros(*micros));
}

Result<std::pair<Symbol, MarketState::History>> history_at(const json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  std::pair<Symbol, MarketState::History> out;
  r.required_symbol("ticker", out.first);
  read_array(r, "points", point_at, [&](std::pair<Timestamp, Price> p) {
    out.second.push_back(p);
    return Status::ok();
  });
  if (Status s = r.finish(); !s.is_ok()) return s;
  return out;
}

Result<Position> position_at(const json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  Position p;
  r.required_symbol("ticker", p.symbol);
  r.required_int("qty", p.qty);
  r.required_decimal("cost_basis", p.cost_basis);
  r.required_decimal("realized_pnl", p.realized_pnl);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return p;
}

void read_market(JsonObjectReader& r, MarketState& out) {
  SymbolMap<Quote> quotes;
  SymbolMap<Price> last_prices;
  SymbolMap<MarketState::History> histories;
  read_array(r, "quotes", quote_from_json, [&](Quote q) {
    const Symbol s = q.symbol;
    return quotes.emplace(s, std::move(q)).second ? Status::ok() : duplicate("ticker " + s.str(), "ticker");
  });
  read_array(r, "last_prices", last_price_at, [&](std::pair<Symbol, Price> p) {
    return last_prices.insert(p).second ? Status::ok() : duplicate("ticker " + p.first.str(), "ticker");
  });
  read_array(r, "history", history_at, [&](std::pair<Symbol, MarketState::History> h) {
    const Symbol s = h.first;
    return histories.insert(std::move(h)).second ? Status::ok() : duplicate("ticker " + s.str(), "ticker");
  });
  if (r.ok()) out = MarketState::restore(std::move(quotes), std::move(last_prices), std::move(histories));
}

void read_portfolio(JsonObjectReader& r, Portfolio& out) {
  Portfolio::Fields f;
  r.required_decimal("cash", f.cash);
  r.required_decimal("deposits", f.deposits);
  r.required_decimal("day_deposits", f.day_deposits);
  r.required_decimal("realized_pnl", f.realized_pnl);
  r.required_decimal("fees_paid", f.fees_paid);
  r.required_int("day", f.day);
  r.required_decimal("day_start_equity", f.day_start_equity);
  read_array(r, "positions", position_at, [&](Position p) {
    const Symbol s = p.symbol;
    return f.positions.emplace(s, std::move(p)).second ? Status::ok() : duplicate("ticker " + s.str(), "ticker");
  });
  if (r.ok()) out = Portfolio::restore(std::move(f));
}

// Format 1's object, or format 2's JSON part: everything but the format,
// the orders and the fills.
json state_json(const EngineState& s, Bulk bulk) {
  json out = json::object();
  if (bulk == Bulk::kInJson) out["format"] = kFormat;
  out["last_seq"] = s.last_seq;
  out["next_order_id"] = s.next_order_id;
  out["next_approval_id"] = s.next_approval_id;
  out["next_lockout_id"] = s.next_lockout_id;
  out["next_fill_id"] = s.next_fill_id;
  out["mode"] = to_string(s.mode);
  out["halted"] = s.halted;
  out["halt_cause"] = to_string(s.halt_cause);
  out["halt_reason"] = s.halt_reason;
  if (s.last_flatten) out["last_flatten"] = to_json(*s.last_flatten);
  out["config"] = to_json(s.config);
  out["config_history"] = array_of(s.config_history, [](const ConfigVersion& v) {
    return json{{"config", to_json(v.config)}, {"changed_by", v.changed_by}, {"changed_at", to_json(v.changed_at)}};
  });
  if (bulk == Bulk::kInJson) {
    out["orders"] = array_of(s.orders, [](const auto& kv) { return to_json(kv.second); });
    out["fills"] = array_of(s.fills, [](const Fill& f) { return to_json(f); });
  }
  out["cancel_requests"] = array_of(s.cancel_requests, [](const auto& kv) {
    return json{
        {"order_id", kv.first}, {"by", kv.second.by}, {"reason", kv.second.reason}, {"at", to_json(kv.second.at)}};
  });
  out["recent_submissions"] = array_of(s.recent_submissions, [](Timestamp t) { return to_json(t); });
  out["recent_news"] = array_of(s.recent_news, [](const NewsEvent& n) { return to_json(n); });
  out["approvals"] = array_of(s.approvals.all(), [](const auto& kv) { return to_json(kv.second); });
  out["lockouts"] = array_of(s.lockouts.all(), [](const auto& kv) { return lockout_to_json(kv.second); });
  out["market"] = market_to_json(s.market);
  out["portfolio"] = portfolio_to_json(s.portfolio);
  return out;
}

// Reads state_json(s, bulk) into `s`, without rebuilding the derived state.
Status read_state_json(const json& value, Bulk bulk, EngineState& s) {
  JsonObjectReader r(value);
  std::int64_t format = 0;
  if (bulk == Bulk::kInJson && r.required_int("format", format) && format != kFormat)
    r.fail("format", "unsupported snapshot format " + std::to_string(format) + " (this build reads 1)");
  r.required_int("last_seq", s.last_seq);
  r.required_int("next_order_id", s.next_order_id);
  r.required_int("next_approval_id", s.next_approval_id);
  r.required_int("next_lockout_id", s.next_lockout_id);
  r.required_int("next_fill_id", s.next_fill_id);
  r.required_enum("mode", s.mode);
  r.required_bool("halted", s.halted);
  r.required_string("halt_reason", s.halt_reason);
  // Snapshots from before halts had a cause: the rule they were written under.
  s.halt_cause =
      s.halted && s.halt_reason.rfind("DAILY_LOSS_LIMIT", 0) == 0 ? HaltCause::kDailyLoss : HaltCause::kOperator;
  r.optional_enum("halt_cause", s.halt_cause);
  if (value.is_object() && value.contains("last_flatten")) {
    Result<FlattenReport> report = flatten_report_from_json(value["last_flatten"], "last_flatten");
    (void)r.required_value("last_flatten");
    if (report.is_ok())
      s.last_flatten = std::move(report).value();
    else
      r.adopt(report.status());
  }
  if (const json* config = r.required_value("config")) {
    Result<RiskConfig> c = config_at(*config, "config");
    if (c.is_ok())
      s.config = std::move(c).value();
    else
      r.adopt(c.status());
  }
  read_array(r, "config_history", config_version_at, [&](ConfigVersion v) {
    s.config_history.push_back(std::move(v));
    return Status::ok();
  });
  if (bulk == Bulk::kInJson) {
    read_array(r, "orders", order_from_json, [&](Order o) {
      const OrderId id = o.id();
      if (s.orders.append(std::move(o))) return Status::ok();
      if (id >= 1 && id <= s.orders.size()) return duplicate("order id", "id");
      return Status::invalid_argument("order id " + std::to_string(id) + " out of sequence: ids run 1, 2, 3, ...",
                                      "id");
    });
    read_array(r, "fills", fill_from_json, [&](Fill f) {
      s.fills.push_back(std::move(f));
      return Status::ok();
    });
  }
  // Snapshots from before cancel requests were durable have none.
  if (value.is_object() && value.contains("cancel_requests"))
    read_array(r, "cancel_requests", cancel_request_at, [&](std::pair<OrderId, CancelRequest> c) {
      if (!s.cancel_requests.emplace(c.first, std::move(c.second)).second)
        return duplicate("cancel request", "order_id");
      return Status::ok();
    });
  read_array(r, "recent_submissions", time_at, [&](Timestamp t) {
    s.recent_submissions.push_back(t);
    return Status::ok();
  });
  read_array(r, "recent_news", news_event_from_json, [&](NewsEvent n) {
    s.recent_news.push_back(std::move(n));
    return Status::ok();
  });
  read_array(r, "approvals", approval_request_from_json, [&](ApprovalRequest a) {
    if (s.approvals.find(a.id)) return duplicate("approval id", "id");
    s.approvals.add(a);
    return Status::ok();
  });
  // Added in id order, as the engine created them: the book's per-symbol
  // index then lists them in the same order as the engine's.
  read_array(r, "lockouts", lockout_from_json, [&](Lockout l) {
    if (s.lockouts.find(l.id)) return duplicate("lockout id", "id");
    s.lockouts.add(l);
    return Status::ok();
  });
  read_object(r, "market", [&](JsonObjectReader& m) { read_market(m, s.market); });
  read_object(r, "portfolio", [&](JsonObjectReader& p) { read_portfolio(p, s.portfolio); });
  return r.finish();
}

}  // namespace

json to_json(const EngineState& state) { return state_json(state, Bulk::kInJson); }

Status check_cancel_requests(const EngineState& state) {
  for (const auto& [id, request] : state.cancel_requests) {
    const Order* o = state.order(id);
    if (!o || !is_open_at_broker(o->status()))
      return Status::invalid_argument(
          "cancel request for order " + std::to_string(id) + ", which is not working at the broker", "cancel_requests");
  }
  return Status::ok();
}

Result<EngineState> engine_state_from_json(const json& value) {
  EngineState s;
  if (Status st = read_state_json(value, Bulk::kInJson, s); !st.is_ok()) return st;
  if (Status st = check_cancel_requests(s); !st.is_ok()) return st;
  rebuild_derived_state(s);
  return s;
}

json to_json_without_orders_and_fills(const EngineState& state) { return state_json(state, Bulk::kElsewhere); }

Status read_json_without_orders_and_fills(const json& value, EngineState& state) {
  return read_state_json(value, Bulk::kElsewhere, state);
}

std::string encode_engine_state(const EngineState& state) { return dump_json(to_json(state)); }

Result<EngineState> decode_engine_state(std::string_view text) {
  Result<json> j = parse_json(text);
  if (!j.is_ok()) return j.status();
  return engine_state_from_json(*j);
}

}  // namespace stonks
