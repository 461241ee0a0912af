// EquityPoint: the account's value after each distinct bar time of a replay.
#pragma once

#include <vector>

#include "model/fixed_point.h"
#include "model/time.h"

namespace stonks {

struct EquityPoint {
  Timestamp at{};        // the bars' end time
  Money equity;          // cash + positions at the bars' closes
  bool exposed = false;  // some position was not flat
  bool operator==(const EquityPoint&) const = default;
};

using EquityCurve = std::vector<EquityPoint>;

}  // namespace stonks
