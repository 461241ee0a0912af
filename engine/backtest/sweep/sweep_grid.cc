#include "backtest/sweep/sweep_grid.h"

#include <algorithm>
#include <set>

#include "model/fixed_point.h"

namespace stonks {
namespace {

// Whole numbers print as such (an integer parameter takes "10", not "10.00").
std::string value_text(std::int64_t micros) {
  if (micros % fixed_point::kScale == 0) return std::to_string(micros / fixed_point::kScale);
  std::string t = fixed_point::format_micros(micros);
  while (t.back() == '0') t.pop_back();
  return t;
}

}  // namespace

Result<std::vector<std::string>> parse_sweep_values(std::string_view spec) {
  const auto bad = [](const std::string& why) { return Status::invalid_argument(why); };
  std::vector<std::string> values;
  if (spec.find(':') != std::string_view::npos) {
    std::vector<std::int64_t> parts;
    std::size_t at = 0;
    for (;;) {
      const std::size_t colon = spec.find(':', at);
      Result<std::int64_t> m = fixed_point::parse_micros(spec.substr(at, colon - at));
      if (!m.is_ok()) return bad("'" + std::string(spec.substr(at, colon - at)) + "' is not a number");
      parts.push_back(*m);
      if (colon == std::string_view::npos) break;
      at = colon + 1;
    }
    if (parts.size() != 3) return bad("a range is FROM:TO:STEP");
    const std::int64_t from = parts[0], to = parts[1], step = parts[2];
    if (step <= 0) return bad("the step must be above 0");
    if (to < from) return bad("the range ends before it starts");
    if ((to - from) / step >= static_cast<std::int64_t>(kMaxSweepValues))
      return bad("more than " + std::to_string(kMaxSweepValues) + " values");
    for (std::int64_t v = from; v <= to; v += step) values.push_back(value_text(v));
  } else {
    std::size_t at = 0;
    for (;;) {
      const std::size_t comma = spec.find(',', at);
      const std::string_view v = spec.substr(at, comma - at);
      if (v.empty()) return bad("an empty value");
      values.emplace_back(v);
      if (values.size() > kMaxSweepValues) return bad("more than " + std::to_string(kMaxSweepValues) + " values");
      if (comma == std::string_view::npos) break;
      at = comma + 1;
    }
  }
  if (std::set<std::string>(values.begin(), values.end()).size() != values.size())
    return bad("a value is listed twice");
  return values;
}

Result<SweepAxis> parse_sweep_axis(std::string_view text) {
  const auto bad = [text](const std::string& why) {
    return Status::invalid_argument("--sweep " + std::string(text.substr(0, 80)) + ": " + why, "--sweep");
  };
  const std::size_t eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) return bad("expected KEY=FROM:TO:STEP or KEY=A,B,C");
  Result<std::vector<std::string>> values = parse_sweep_values(text.substr(eq + 1));
  if (!values.is_ok()) return bad(values.status().message());
  return SweepAxis{std::string(text.substr(0, eq)), std::move(values).value()};
}

Result<SweepGrid> SweepGrid::make(std::vector<SweepAxis> axes) {
  SweepGrid g;
  std::set<std::string> keys;
  for (const SweepAxis& a : axes) {
    if (!keys.insert(a.key).second) return Status::invalid_argument("--sweep " + a.key + ": swept twice", "--sweep");
    if (a.values.empty() || g.size_ > kMaxSweepCombinations / a.values.size())
      return Status::invalid_argument("--sweep: more than " + std::to_string(kMaxSweepCombinations) + " combinations",
                                      "--sweep");
    g.size_ *= a.values.size();
  }
  g.axes_ = std::move(axes);
  return g;
}

std::vector<std::pair<std::string, std::string>> SweepGrid::combination(std::size_t i) const {
  std::vector<std::pair<std::string, std::string>> out(axes_.size());
  for (std::size_t a = axes_.size(); a-- > 0;) {
    const std::vector<std::string>& values = axes_[a].values;
    out[a] = {axes_[a].key, values[i % values.size()]};
    i /= values.size();
  }
  return out;
}

std::pair<std::size_t, std::size_t> shard_range(std::size_t size, int k, int n) {
  const auto at = [&](int j) { return size * static_cast<std::size_t>(j) / static_cast<std::size_t>(n); };
  return {at(k - 1), at(k)};
}

}  // namespace stonks
