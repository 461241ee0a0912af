#include "sandbox/sweep_session.h"

#include <set>
#include <utility>

#include "api/api_response.h"
#include "backtest/bars/bar_source.h"
#include "backtest/report/report_format.h"
#include "backtest/sweep/sweep_run.h"
#include "json/json_object_reader.h"
#include "sandbox/backtest_input.h"
#include "strategy/strategy_spec_json.h"

namespace stonks {
namespace {

// Split fractions are neither prices nor money.
struct SplitTag {};

ApiResponse bad(const std::string& field, const std::string& message) {
  return error_response(Status::invalid_argument(message, field));
}

std::string axis_field(std::size_t i, const char* key) { return "sweep[" + std::to_string(i) + "]." + key; }

// The "sweep" list: [{"key","values"}], each values text as the CLI's --sweep takes it.
std::variant<std::vector<SweepAxis>, ApiResponse> read_axes(const nlohmann::json* list) {
  if (list == nullptr || !list->is_array() || list->empty())
    return bad("sweep", "must be a list of one or more {\"key\",\"values\"}");
  std::vector<SweepAxis> axes;
  std::set<std::string> keys;
  for (std::size_t i = 0; i < list->size(); ++i) {
    SweepAxis axis;
    std::string values;
    JsonObjectReader r((*list)[i], "sweep[" + std::to_string(i) + "]");
    r.required_string("key", axis.key);
    r.required_string("values", values);
    if (Status st = r.finish(); !st.is_ok()) return error_response(st);
    if (!keys.insert(axis.key).second) return bad(axis_field(i, "key"), axis.key + " is swept twice");
    Result<std::vector<std::string>> parsed = parse_sweep_values(values);
    if (!parsed.is_ok()) return bad(axis_field(i, "values"), parsed.status().message());
    axis.values = std::move(parsed).value();
    axes.push_back(std::move(axis));
  }
  return axes;
}

// The strategy takes each swept key.
std::optional<ApiResponse> check_keys(const std::vector<SweepAxis>& axes, const std::string& strategy) {
  const std::span<const ParamDef> defs = strategy_params(strategy);
  for (std::size_t i = 0; i < axes.size(); ++i) {
    if (find_param(defs, axes[i].key) != nullptr) continue;
    std::string takes;
    for (const ParamDef& d : defs) takes += (takes.empty() ? "" : ", ") + std::string(d.key);
    return bad(axis_field(i, "key"), strategy + " has no parameter '" + axes[i].key + "' (it takes " + takes + ")");
  }
  return std::nullopt;
}

nlohmann::json metrics_json(const SweepMetrics& m) {
  return {{"trades", m.trades},
          {"return_pct", hundredths_text(m.return_pct)},
          {"sharpe", hundredths_text(m.sharpe)},
          {"max_drawdown_pct", hundredths_text(m.drawdown_pct)},
          {"win_rate_pct", hundredths_text(m.win_rate_pct)},
          {"final_equity", report_money(m.final_equity)}};
}

}  // namespace

std::variant<std::unique_ptr<SweepSession>, ApiResponse> SweepSession::start(const nlohmann::json& body) {
  BacktestBody in;
  std::string rank = "sharpe";
  std::optional<Fixed<SplitTag>> split;
  JsonObjectReader r(body);
  read_backtest_body(r, in);
  const nlohmann::json* sweep = r.required_value("sweep");
  r.optional_string("rank", rank);
  r.optional_decimal("split", split);
  if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  std::variant<std::vector<SweepAxis>, ApiResponse> axes = read_axes(sweep);
  if (ApiResponse* error = std::get_if<ApiResponse>(&axes)) return *error;
  Result<SweepRank> ranked = parse_sweep_rank(rank);
  if (!ranked.is_ok()) return bad("rank", "expected sharpe, return or drawdown");
  if (split && (split->micros() <= 0 || split->micros() >= fixed_point::kScale))
    return bad("split", "must be above 0 and below 1 (0.7: the first 70% of the bars in-sample)");

  std::variant<CheckedCsv, ApiResponse> checked = check_csv(in, true);
  if (ApiResponse* error = std::get_if<ApiResponse>(&checked)) return *error;
  CheckedCsv& csv = std::get<CheckedCsv>(checked);
  Result<std::vector<StrategySpec>> specs = strategy_specs(*in.strategy, csv.symbols);
  if (!specs.is_ok()) return error_response(specs.status());
  if (auto error = check_keys(std::get<std::vector<SweepAxis>>(axes), specs->front().name)) return *error;
  std::size_t combinations = 1;
  for (const SweepAxis& a : std::get<std::vector<SweepAxis>>(axes)) {
    combinations *= a.values.size();
    if (combinations > kMaxCombinations)
      return bad("sweep", "more than " + std::to_string(kMaxCombinations) +
                              " combinations; stonks-backtest --sweep runs up to " +
                              std::to_string(kMaxSweepCombinations) + " on every core");
  }
  Result<SweepGrid> grid = SweepGrid::make(std::move(std::get<std::vector<SweepAxis>>(axes)));
  if (!grid.is_ok()) return bad("sweep", grid.status().message());

  std::unique_ptr<SweepSession> s(new SweepSession());
  s->bars_ = sorted_for_replay(std::move(*csv.held));
  s->split_at_ = split ? split_index(*s->bars_, split->micros()) : s->bars_->size();
  if (split && (s->split_at_ == 0 || s->split_at_ >= s->bars_->size()))
    return bad("split", "leaves one part without bars (" + std::to_string(s->bars_->size()) + " bars)");
  // The config checked once, as each run's runner would check it.
  if (Result<std::unique_ptr<BacktestRunner>> probe =
          BacktestRunner::open(nullptr, std::make_unique<VectorBarSource>(s->bars_, 0, 0), {}, in.config);
      !probe.is_ok())
    return runner_error(probe.status());
  s->grid_ = std::move(grid).value();
  s->specs_ = std::move(specs).value();
  s->config_ = std::move(in.config);
  s->rank_ = *ranked;
  s->given_ = {{"rank", rank}, {"strategy", *in.strategy}, {"symbols", nlohmann::json::array()}};
  if (split) s->given_["split"] = body.at("split");
  for (const Symbol& sym : csv.symbols) s->given_["symbols"].push_back(sym.str());
  return s;
}

void SweepSession::advance(Duration real) {
  if (!running() || real <= Duration::zero()) return;
  if (const std::size_t n = pacing_.advance(real); n > 0) step(n);
}

std::size_t SweepSession::step_chunk(std::size_t max_bars) {
  if (!running() || max_bars == 0) return 0;
  pacing_.chunk();
  return step(max_bars);
}

std::size_t SweepSession::step(std::size_t max_bars) {
  std::size_t used = 0;
  while (used < max_bars && running()) {
    if (!runner_) {
      used += kRunOpenBars;
      if (Status st = open_run(); !st.is_ok()) {
        refuse(st);
        continue;
      }
      if (used >= max_bars) break;
    }
    const std::size_t before = runner_->progress(0).bars_done;
    const Status st = runner_->step(max_bars - used);
    used += runner_->progress(0).bars_done - before;
    if (!st.is_ok())
      refuse(st);
    else if (runner_->done())
      run_done();
  }
  return used;
}

Status SweepSession::open_run() {
  const SweepValues values = grid_.combination(next_);
  std::vector<StrategySpec> specs = specs_;
  for (StrategySpec& spec : specs)
    spec.params = with_sweep_values(std::move(spec.params), strategy_params(spec.name), values);
  Result<std::vector<SymbolStrategy>> strategies = make_strategies(specs);
  if (!strategies.is_ok()) return strategies.status();
  const bool oos = in_sample_.has_value();
  Result<std::unique_ptr<BacktestRunner>> runner = BacktestRunner::open(
      nullptr, std::make_unique<VectorBarSource>(bars_, oos ? split_at_ : 0, oos ? bars_->size() : split_at_),
      std::move(strategies).value(), config_);
  if (!runner.is_ok()) return runner.status();
  runner_ = std::move(runner).value();
  return Status::ok();
}

void SweepSession::run_done() {
  const SweepMetrics m = sweep_metrics(runner_->report());
  runner_.reset();
  const bool split = split_at_ < bars_->size();
  if (split && !in_sample_) {
    in_sample_ = m;
    return;
  }
  SweepRow row;
  row.combination = next_;
  for (auto& [key, value] : grid_.combination(next_)) row.values.push_back(std::move(value));
  row.in_sample = split ? *in_sample_ : m;
  if (split) row.out_of_sample = m;
  rows_.push_back(std::move(row));
  next_combination();
}

void SweepSession::refuse(const Status& why) {
  if (refused_++ == 0) {
    std::string values;
    for (const auto& [key, value] : grid_.combination(next_))
      values += (values.empty() ? "" : ", ") + key + "=" + value;
    refusal_ = "#" + std::to_string(next_) + " (" + values + "): " + (why.field().empty() ? "" : why.field() + ": ") +
               why.message();
  }
  next_combination();
}

void SweepSession::next_combination() {
  runner_.reset();
  in_sample_.reset();
  if (++next_ == grid_.size()) rank_sweep(rows_, rank_);
}

nlohmann::json SweepSession::status() const {
  nlohmann::json j = given_;
  j["state"] = running() ? "running" : "done";
  j["done"] = next_;
  j["total"] = grid_.size();
  j["bars"] = bars_->size();
  j["keys"] = nlohmann::json::array();
  for (const SweepAxis& a : grid_.axes()) j["keys"].push_back(a.key);
  j["refused"] = refused_;
  if (refused_ > 0) j["refusal"] = refusal_;
  if (running()) return j;
  nlohmann::json rows = nlohmann::json::array();
  const std::string& name = specs_.front().name;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const SweepRow& row = rows_[i];
    StrategySpec swept{name, specs_.front().symbol, {}};
    for (std::size_t k = 0; k < row.values.size(); ++k) swept.params.emplace_back(grid_.axes()[k].key, row.values[k]);
    nlohmann::json out = {{"rank", i + 1},
                          {"combination", row.combination},
                          {"values", row.values},
                          {"params", to_json(swept)["params"]},
                          {"in_sample", metrics_json(row.in_sample)}};
    if (row.out_of_sample) out["out_of_sample"] = metrics_json(*row.out_of_sample);
    rows.push_back(std::move(out));
  }
  j["rows"] = std::move(rows);
  return j;
}

}  // namespace stonks
