#include "strategy/strategy_registry.h"

#include "strategy/mean_reversion.h"
#include "strategy/rsi_strategy.h"
#include "strategy/sma_crossover.h"

namespace stonks {
namespace {

// Builds strategy S from checked values, or the error of its own checks.
template <class S>
Result<std::unique_ptr<Strategy>> build_strategy(const Symbol& symbol, const ParamValues& values) {
  Result<typename S::Params> params = S::params_from(values);
  if (!params.is_ok()) return params.status();
  return std::unique_ptr<Strategy>(std::make_unique<S>(symbol, *params));
}

struct Entry {
  std::string_view name;
  std::span<const ParamDef> params;
  Result<std::unique_ptr<Strategy>> (*build)(const Symbol&, const ParamValues&);
};

constexpr Entry kStrategies[] = {
    {SmaCrossover::kName, SmaCrossover::kParams, build_strategy<SmaCrossover>},
    {MeanReversion::kName, MeanReversion::kParams, build_strategy<MeanReversion>},
    {RsiStrategy::kName, RsiStrategy::kParams, build_strategy<RsiStrategy>},
};

const Entry* find_entry(std::string_view name) {
  for (const Entry& e : kStrategies)
    if (e.name == name) return &e;
  return nullptr;
}

// The registered names as an error lists them: "sma", "mean_reversion" or "rsi".
std::string name_choices() {
  std::string out;
  const std::size_t n = std::size(kStrategies);
  for (std::size_t i = 0; i < n; ++i)
    out += std::string(i == 0 ? "" : i + 1 == n ? " or " : ", ") + "\"" + std::string(kStrategies[i].name) + "\"";
  return out;
}

}  // namespace

Status check_strategy_name(std::string_view name) {
  if (find_entry(name) != nullptr) return Status::ok();
  return Status::invalid_argument("expected " + name_choices() + ", got \"" + std::string(name.substr(0, 40)) + "\"",
                                  "name");
}

Result<std::unique_ptr<Strategy>> make_strategy(const StrategySpec& spec) {
  if (Status s = check_strategy_name(spec.name); !s.is_ok()) return s;
  const Entry* entry = find_entry(spec.name);
  if (spec.symbol.empty()) return Status::invalid_argument("is required", "symbol");
  Result<ParamValues> values = parse_params(entry->params, spec.params);
  if (!values.is_ok()) return values.status();
  return entry->build(spec.symbol, *values);
}

std::vector<std::string> strategy_names() {
  std::vector<std::string> out;
  for (const Entry& e : kStrategies) out.emplace_back(e.name);
  return out;
}

std::span<const ParamDef> strategy_params(std::string_view name) {
  const Entry* entry = find_entry(name);
  return entry != nullptr ? entry->params : std::span<const ParamDef>();
}

}  // namespace stonks
