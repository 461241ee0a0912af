#include "sandbox/strategy_routes.h"

#include <algorithm>
#include <set>
#include <string>

#include "api/api_response.h"
#include "api/request_parsing.h"
#include "core/command_checks.h"
#include "json/json_values.h"
#include "json/strict_json.h"
#include "strategy/strategy_spec_json.h"

namespace stonks {
namespace {

constexpr std::string_view kPath = "/api/strategies";

// The start of the kBarLength slot holding `t`.
Timestamp slot_of(Timestamp t) {
  const std::int64_t len = DeskStrategies::kBarLength.count();
  std::int64_t us = t.time_since_epoch().count();
  us -= ((us % len) + len) % len;
  return timestamp_from_micros(us);
}

Result<std::vector<StrategySpec>> specs_from_json(const nlohmann::json& list, const std::string& path) {
  if (!list.is_array()) return Status::invalid_argument("must be a list of strategies", path);
  std::vector<StrategySpec> out;
  std::set<std::pair<std::string, Symbol>> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = path + "." + std::to_string(i);
    Result<StrategySpec> spec = strategy_spec_from_json(list[i]);
    if (!spec.is_ok()) return Status::invalid_argument(spec.status().message(), at + "." + spec.status().field());
    if (!seen.insert({spec->name, spec->symbol}).second)
      return Status::invalid_argument(spec->name + " is already on for " + spec->symbol.str(), at + ".symbol");
    out.push_back(std::move(spec).value());
  }
  return out;
}

}  // namespace

bool is_strategies_path(std::string_view path) {
  return path == kPath || (path.size() > kPath.size() && path.substr(0, kPath.size() + 1) == "/api/strategies/");
}

Result<DeskStrategies> DeskStrategies::load(Storage& desk) {
  DeskStrategies out;
  Result<std::string> text = desk.read_file(kFile);
  if (!text.is_ok()) {
    if (text.status().code() == StatusCode::kNotFound) return out;
    return text.status();
  }
  const std::string where = "desk file " + std::string(kFile) + ": ";
  Result<nlohmann::json> j = parse_json_strict(*text, StrictJsonLimits{});
  if (!j.is_ok()) return Status::corruption(where + j.status().message());
  if (!j->is_object() || !j->contains("strategies"))
    return Status::corruption(where + "not an object with \"strategies\"");
  Result<std::vector<StrategySpec>> specs = specs_from_json((*j)["strategies"], "strategies");
  if (!specs.is_ok()) return Status::corruption(where + specs.status().field() + ": " + specs.status().message());
  out.specs_ = std::move(specs).value();
  for (const StrategySpec& spec : out.specs_) out.running_.push_back(Running{spec, make_strategy(spec).value()});
  return out;
}

Status DeskStrategies::on_quote(const Quote& quote, Timestamp now, Engine& engine) {
  const Timestamp slot = slot_of(quote.at);
  const Price mid = quote.mid();
  auto [it, fresh] = bars_.try_emplace(quote.symbol);
  OpenBar& open = it->second;
  if (!fresh && slot == open.start) {
    Bar& b = open.bar;
    b.high = std::max(b.high, mid);
    b.low = std::min(b.low, mid);
    b.close = mid;
    return Status::ok();
  }
  const bool closes = !fresh && slot > open.start;
  const Bar closed = open.bar;
  if (fresh || closes) open = OpenBar{Bar{quote.symbol, mid, mid, mid, mid, 0, slot + kBarLength}, slot};
  if (!closes) return Status::ok();
  for (Running& r : running_) {
    if (r.spec.symbol != closed.symbol) continue;
    for (const OrderIntent& intent : r.strategy->on_bar(closed, StrategyContext{engine.state(), now})) {
      // Risk refusals are orders too (risk_rejected); only a failing engine is an error.
      if (Result<Order> order = engine.submit_order(intent, now); !order.is_ok()) return order.status();
    }
  }
  return Status::ok();
}

Status DeskStrategies::replace(std::vector<StrategySpec> specs, Storage& desk) {
  nlohmann::json list = nlohmann::json::array();
  for (const StrategySpec& s : specs) list.push_back(stonks::to_json(s));
  if (Status st = desk.write_file_atomic(kFile, dump_json({{"strategies", list}}) + "\n"); !st.is_ok()) return st;
  std::vector<Running> next;
  for (const StrategySpec& spec : specs) {
    auto kept = std::find_if(running_.begin(), running_.end(), [&](const Running& r) { return r.spec == spec; });
    if (kept != running_.end() && kept->strategy) {
      next.push_back(std::move(*kept));
    } else {
      next.push_back(Running{spec, make_strategy(spec).value()});  // parse_strategies_put checked it builds
    }
  }
  running_ = std::move(next);
  specs_ = std::move(specs);
  return Status::ok();
}

nlohmann::json DeskStrategies::to_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const StrategySpec& s : specs_) list.push_back(stonks::to_json(s));
  return {{"strategies", std::move(list)},
          {"names", strategy_names()},
          {"bar_seconds", std::chrono::duration_cast<std::chrono::seconds>(kBarLength).count()}};
}

Result<std::vector<StrategySpec>> parse_strategies_put(const nlohmann::json& body, const SymbolMap<Quote>& quoted) {
  for (const auto& [key, value] : body.items())
    if (key != "strategies") return Status::invalid_argument("unknown field", key);
  if (!body.contains("strategies")) return Status::invalid_argument("is required", "strategies");
  Result<std::vector<StrategySpec>> specs = specs_from_json(body["strategies"], "strategies");
  if (!specs.is_ok()) return specs;
  for (std::size_t i = 0; i < specs->size(); ++i)
    if (!quoted.contains((*specs)[i].symbol))
      return Status::invalid_argument("the simulated market does not quote " + (*specs)[i].symbol.str(),
                                      "strategies." + std::to_string(i) + ".symbol");
  return specs;
}

std::variant<std::pair<StrategiesRoute, nlohmann::json>, ApiResponse> parse_strategies_request(
    const ApiRequest& request, const ApiOptions& options) {
  if (request.body.size() > options.max_body_bytes)
    return error_response(413, "payload_too_large",
                          "request body of " + std::to_string(request.body.size()) + " bytes is over the limit of " +
                              std::to_string(options.max_body_bytes));
  if (request.path != kPath)
    return error_response(404, "not_found", "no route for " + valid_utf8(request.path.substr(0, 80)));
  StrategiesRoute route;
  if (request.method == "GET") {
    route = StrategiesRoute::kGet;
  } else if (request.method == "PUT") {
    route = StrategiesRoute::kPut;
  } else {
    return method_not_allowed(request.method, {"GET", "PUT"});
  }
  if (Result<QueryParams> q = QueryParams::parse(request.query, {}); !q.is_ok()) return error_response(q.status());
  const bool empty = request.body.find_first_not_of(" \t\r\n") == std::string::npos;
  if (route == StrategiesRoute::kGet) {
    if (!empty) return error_response(Status::invalid_argument("this route takes no request body"));
    return std::pair{route, nlohmann::json::object()};
  }
  if (Status st = validate_actor(request.actor); !st.is_ok() || valid_utf8(request.actor) != request.actor)
    return error_response(Status::invalid_argument(st.is_ok() ? "actor is not valid UTF-8" : st.message(), "actor"));
  if (empty) return error_response(Status::invalid_argument("a JSON object body is required"));
  Result<nlohmann::json> parsed = parse_object_body(request.body, options);
  if (!parsed.is_ok()) return error_response(parsed.status());
  return std::pair{route, std::move(parsed).value()};
}

}  // namespace stonks
