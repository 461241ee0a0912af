// Mode, halt (and halt & flatten), approval-config and risk-config (with its version history).
#include "api/routes.h"
#include "json/flatten_json.h"
#include "json/json_object_reader.h"
#include "json/json_values.h"
#include "json/risk_config_json.h"

namespace stonks {
namespace {

nlohmann::json halt_view(const EngineState& state) {
  nlohmann::json out = {{"halted", state.halted},
                        {"cause", state.halted ? nlohmann::json(to_string(state.halt_cause)) : nlohmann::json()},
                        {"reason", state.halt_reason},
                        {"last_flatten", nullptr}};
  if (state.last_flatten) out["last_flatten"] = to_json(*state.last_flatten);
  return out;
}

// PUT risk-config replaces the whole config, so every field GET returns
// (except "version") must be given: a forgotten field must not quietly fall
// back to its default. `shape` is the JSON of a config, `body` the request.
Status require_every_field(const nlohmann::json& shape, const nlohmann::json& body, const std::string& path) {
  for (const auto& item : shape.items()) {
    if (path.empty() && item.key() == "version") continue;
    const std::string field = path.empty() ? item.key() : path + "." + item.key();
    auto it = body.find(item.key());
    if (it == body.end()) return Status::invalid_argument("is required (PUT takes the whole config)", field);
    if (item.value().is_object() && it->is_object()) {
      if (Status st = require_every_field(item.value(), *it, field); !st.is_ok()) return st;
    }
  }
  return Status::ok();
}

// Every problem at once, so that a form can mark them all: the first is the
// error, all of them its "errors".
ApiResponse invalid_fields(const std::vector<Status>& problems) {
  nlohmann::json error =
      error_object(error_code(StatusCode::kInvalidArgument), problems.front().message(), problems.front().field());
  error["errors"] = nlohmann::json::array();
  for (const Status& p : problems) error["errors"].push_back({{"field", p.field()}, {"message", p.message()}});
  return json_response(400, {{"error", std::move(error)}});
}

nlohmann::json version_view(const ConfigVersion& v) {
  return {{"version", v.config.version},
          {"changed_by", v.changed_by},
          {"changed_at", to_json(v.changed_at)},
          {"config", to_json(v.config)}};
}

}  // namespace

ApiResponse get_mode(RouteContext& ctx) { return json_response(200, {{"mode", to_string(ctx.state().mode)}}); }

ApiResponse put_mode(RouteContext& ctx) {
  JsonObjectReader r(ctx.body);
  TradingMode mode = TradingMode::kPaper;
  r.required_enum("mode", mode);
  if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  if (Status st = ctx.engine.set_mode(mode, ctx.actor(), ctx.now()); !st.is_ok()) return error_response(st);
  return get_mode(ctx);
}

ApiResponse get_halt(RouteContext& ctx) { return json_response(200, halt_view(ctx.state())); }

ApiResponse put_halt(RouteContext& ctx) {
  JsonObjectReader r(ctx.body);
  bool halted = false;
  std::string reason;
  r.required_bool("halted", halted);
  r.optional_string("reason", reason);
  if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  if (Status st = ctx.engine.set_halted(halted, ctx.actor(), reason, ctx.now()); !st.is_ok()) return error_response(st);
  return get_halt(ctx);
}

ApiResponse flatten(RouteContext& ctx) {
  JsonObjectReader r(ctx.body);
  std::string reason;
  r.optional_string("reason", reason);
  if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  Result<FlattenReport> report = ctx.engine.halt_and_flatten(ctx.actor(), reason, ctx.now());
  if (!report.is_ok()) return error_response(report.status());
  return json_response(200, to_json(*report));
}

ApiResponse get_approval_config(RouteContext& ctx) {
  return json_response(200, to_json(ctx.state().config.operator_approval));
}

ApiResponse put_approval_config(RouteContext& ctx) {
  const RiskConfig& current = ctx.state().config;
  Result<OperatorApprovalConfig> next = approval_patch_fields(current.operator_approval, ctx.body);
  if (!next.is_ok()) return error_response(next.status());
  if (std::vector<Status> problems = approval_problems(*next, current.limits.tradable_symbols); !problems.empty())
    return invalid_fields(problems);
  Result<RiskConfig> config = ctx.engine.update_approval_config(*next, ctx.actor(), ctx.now());
  if (!config.is_ok()) {
    // The engine names fields from the config's top; this route's body is the section.
    Status st = config.status();
    constexpr std::string_view kSection = "operator_approval.";
    if (st.field().starts_with(kSection))
      st = Status::invalid_argument(st.message(), st.field().substr(kSection.size()));
    return error_response(st);
  }
  return json_response(200, to_json(config->operator_approval));
}

ApiResponse get_risk_config(RouteContext& ctx) { return json_response(200, to_json(ctx.state().config)); }

ApiResponse put_risk_config(RouteContext& ctx) {
  Result<RiskConfig> parsed = risk_config_fields_from_json(ctx.body);
  if (!parsed.is_ok()) return error_response(parsed.status());
  if (std::vector<Status> problems = config_problems(*parsed); !problems.empty()) return invalid_fields(problems);
  const RiskConfig& current = ctx.state().config;
  if (Status st = require_every_field(to_json(current), ctx.body, ""); !st.is_ok()) return error_response(st);
  // Optimistic concurrency: a client that read version N may only replace N.
  if (ctx.body.contains("version") && parsed->version != current.version)
    return error_response(409, "conflict",
                          "config version " + std::to_string(parsed->version) + " is not the current version " +
                              std::to_string(current.version) + "; reload and retry",
                          "version");
  Result<RiskConfig> config = ctx.engine.update_config(*parsed, ctx.actor(), ctx.now());
  if (!config.is_ok()) return error_response(config.status());
  return json_response(200, to_json(*config));
}

ApiResponse risk_config_history(RouteContext& ctx) {
  Result<PageRequest> page = page_from_query(ctx.query, "after_version", ctx.options);
  if (!page.is_ok()) return error_response(page.status());
  const std::vector<ConfigVersion>& history = ctx.state().config_history;
  nlohmann::json versions = nlohmann::json::array();
  nlohmann::json next;
  for (const ConfigVersion& v : history) {
    if (static_cast<std::uint64_t>(v.config.version) <= page->after) continue;
    if (versions.size() == page->limit) {
      next = versions.back()["version"];
      break;
    }
    versions.push_back(version_view(v));
  }
  return json_response(200, {{"versions", std::move(versions)}, {"next_after_version", std::move(next)}});
}

}  // namespace stonks
