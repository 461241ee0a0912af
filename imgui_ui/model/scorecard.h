// The operator's scorecard: whether their calls add value. From the approval
// requests, the orders, their fills and the market now:
//   - how long decisions took (median and p90, nearest rank) and how many
//     requests expired unanswered;
//   - the P&L of the orders they approved (each fill marked at the current
//     price, fees taken off), against what the orders they rejected would
//     have made had they filled at the price of that moment (the price the
//     risk checks priced them at) -- a counterfactual mark at the current
//     price, labelled as such;
// overall, per source and per ticker. Halt & flatten's closing orders are
// the operator's too, but not a call on a held order: left out.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/engine_state.h"

namespace stonks::ui {

struct ScoreLine {
  int approved = 0;         // approved by an operator (whatever the re-check then said)
  int approved_filled = 0;  // of those, orders with fills
  Money approved_pnl;       // their fills marked at the current price, less fees
  int rejected = 0;         // rejected by an operator
  Money rejected_pnl;       // counterfactual: filled at the price of that moment, marked now
  int expired = 0;          // no decision in time
  int unmarked = 0;         // orders with no current price to mark at (left out of the P&L)
  bool operator==(const ScoreLine&) const = default;
};

struct Scorecard {
  std::size_t decisions = 0;
  std::optional<Duration> median_wait, p90_wait;  // none before the first decision
  ScoreLine total;
  std::map<std::string, ScoreLine> by_source;
  std::map<std::string, ScoreLine> by_ticker;
};

Scorecard make_scorecard(const EngineState& state);

}  // namespace stonks::ui
