// An order's timeline as the blotter shows it: received (and who submitted
// it), the risk checks and their results, the approval gate's decision and
// the rule that made it, the operator's decision with who and why, each
// fill, a cancel asked of the broker, and how it ended, each with its time.
// Read from the state alone, so the sandbox and a server's replica agree.
#pragma once

#include <string>
#include <vector>

#include "core/engine_state.h"

namespace stonks::ui {

struct TimelineEntry {
  enum class Kind { kInfo, kGood, kBad, kWaiting };
  Timestamp at{};
  // "Received", "Risk checks", "Approval gate", "Held for approval", "Approval", "Fill", "Cancel requested", "Ended"
  std::string what;
  std::string detail;  // "passed all 15: trading_mode, lockout, ...", "approved by alice", "10 @ 100.10, fee 1.00"
  Kind kind = Kind::kInfo;
};

// Empty when the order does not exist. Entries in time order (the end last).
std::vector<TimelineEntry> order_timeline(const EngineState& state, OrderId id);

}  // namespace stonks::ui
