// What halt & flatten would do now (the confirmation lists it) and what it
// did (the report that stays until dismissed), in the operator's words.
#pragma once

#include <string>
#include <vector>

#include "core/engine_state.h"

namespace stonks::ui {

struct FlattenPlan {
  std::size_t approvals = 0;        // pending: rejected
  std::size_t orders = 0;           // working at the broker: cancelled
  std::vector<std::string> closes;  // "Sell 10 AAPL", by ticker
  bool already_halted = false;
};

FlattenPlan plan_flatten(const EngineState& state);
// "Halt trading (reduce-only)\nReject 2 pending approvals\n..."; one line each.
std::string describe(const FlattenPlan& plan);

// The report's lines: a summary, then one line per close that failed first
// ("MSFT -5: not closed, SYMBOL_NOT_TRADABLE: ..."), then those sent.
struct FlattenReportLines {
  std::string summary;
  std::vector<std::string> failed;
  std::vector<std::string> closed;
};
FlattenReportLines report_lines(const FlattenReport& report);

}  // namespace stonks::ui
