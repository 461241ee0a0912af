// How one run of a sweep differs from a plain replay: the combination's
// values in place of the strategy's own parameters, and with a split, the
// bars cut in two at a bar time. stonks-backtest --sweep and the sandbox's
// /api/backtest/sweep both run combinations this way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "model/market_data.h"
#include "strategy/strategy_params.h"

namespace stonks {

using SweepValues = std::vector<std::pair<std::string, std::string>>;  // key=value, SweepGrid::combination

// `params` (key=value as typed) with each of `values` whose key `defs` has
// in place of (or beside) its own of the same key; keys `defs` lacks are
// left out, so one combination serves strategies that take different keys.
SweepValues with_sweep_values(SweepValues params, std::span<const ParamDef> defs, const SweepValues& values);

// Where the out-of-sample part of `bars` (sorted for replay) starts: `split`
// (0 < split < 1, in millionths: 0.7 is 700000) of the bars, moved on to the
// next bar time so that no time is cut in two. 0 or bars.size() when one
// part would be empty.
std::size_t split_index(const std::vector<Bar>& bars, std::int64_t split_micros);

}  // namespace stonks
