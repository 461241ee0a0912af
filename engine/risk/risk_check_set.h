// RiskCheckSet: which pre-trade checks an order passed, one bit per check in
// the order evaluate_risk runs them (the list is in risk/risk_engine.cc).
// Bits rather than names: every held order's approval request carries one,
// and a list of names was a dozen allocations per request, copied into the
// event and the approval book: intake took 1.6 times as long and a held
// request twice the memory. The JSON forms still list names.
#pragma once

#include <bitset>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stonks {

// How many checks evaluate_risk runs.
inline constexpr std::size_t kRiskCheckCount = 15;

using RiskCheckSet = std::bitset<kRiskCheckCount>;

// The index of the check called `name` as the API shows it (e.g.
// "buying_power"), if one is.
std::optional<std::size_t> risk_check_index(std::string_view name);

// The names of the checks in `checks`, in check order.
std::vector<std::string> risk_check_names(const RiskCheckSet& checks);

}  // namespace stonks
