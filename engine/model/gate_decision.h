// GateDecision: what the approval gate did with an order and which rule of
// which config version decided it, kept on the order for its timeline and the
// API ("held by rule 2 of config v7").
#pragma once

#include <cstdint>

namespace stonks {

struct GateDecision {
  bool hold = false;  // the order waits for the operator
  // 1-based number of the operator_approval rule that decided; 0: no rule
  // matched and the mode's default decided (requires_approval).
  std::uint32_t rule = 0;
  std::int64_t config_version = 0;  // the config whose rules (or default) decided; 0: not gated
  bool operator==(const GateDecision&) const = default;
};

}  // namespace stonks
