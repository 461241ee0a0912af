// SweepGrid: the parameter combinations of a sweep (`--sweep fast=5:30:5
// --sweep slow=20,50`), numbered so that any host, worker count or shard
// means the same combination by the same number.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/status.h"

namespace stonks {

// One swept parameter and its values as text, in the order they run.
struct SweepAxis {
  std::string key;
  std::vector<std::string> values;
  bool operator==(const SweepAxis&) const = default;
};

inline constexpr std::size_t kMaxSweepValues = 10'000;  // per axis
inline constexpr std::size_t kMaxSweepCombinations = 1'000'000;

// A values text: "FROM:TO:STEP" (inclusive, STEP > 0, decimals allowed:
// 1.5:3:0.5) or "A,B,C", in the order they run. kInvalidArgument without a
// field, the message saying what is wrong, for anything else, an empty
// value, a range of more than kMaxSweepValues values or a repeated value.
Result<std::vector<std::string>> parse_sweep_values(std::string_view spec);

// "key=FROM:TO:STEP" (inclusive, STEP > 0, decimals allowed: entry=1.5:3:0.5)
// or "key=A,B,C": the key and parse_sweep_values; kInvalidArgument naming
// "--sweep", the message "--sweep TEXT: why", for a text without "key=" or
// values parse_sweep_values refuses.
Result<SweepAxis> parse_sweep_axis(std::string_view text);

class SweepGrid {
 public:
  // kInvalidArgument ("--sweep") for a key swept twice or more than
  // kMaxSweepCombinations combinations.
  static Result<SweepGrid> make(std::vector<SweepAxis> axes);

  std::size_t size() const { return size_; }
  const std::vector<SweepAxis>& axes() const { return axes_; }
  // Combination `i` (0 <= i < size()): one key=value per axis in axis
  // order, the last axis changing fastest.
  std::vector<std::pair<std::string, std::string>> combination(std::size_t i) const;

 private:
  std::vector<SweepAxis> axes_;
  std::size_t size_ = 1;
};

// The combinations shard `k` of `n` (1 <= k <= n) runs: [first, last), the
// k-th of n slices as equal as whole numbers allow; together they cover
// [0, size) once.
std::pair<std::size_t, std::size_t> shard_range(std::size_t size, int k, int n);

}  // namespace stonks
