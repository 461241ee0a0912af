#include "backtest/sweep/sweep_run.h"

#include <algorithm>

#include "model/fixed_point.h"

namespace stonks {

SweepValues with_sweep_values(SweepValues params, std::span<const ParamDef> defs, const SweepValues& values) {
  for (const auto& kv : values) {  // not a structured binding: clang 14 cannot capture one
    if (find_param(defs, kv.first) == nullptr) continue;
    std::erase_if(params, [&](const auto& p) { return p.first == kv.first; });
    params.push_back(kv);
  }
  return params;
}

std::size_t split_index(const std::vector<Bar>& bars, std::int64_t split_micros) {
  std::size_t k = static_cast<std::size_t>(
      mul_div_round(static_cast<std::int64_t>(bars.size()), split_micros, fixed_point::kScale));
  while (k > 0 && k < bars.size() && bars[k].at == bars[k - 1].at) ++k;
  return k;
}

}  // namespace stonks
