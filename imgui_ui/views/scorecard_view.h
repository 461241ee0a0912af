// The Scorecard view: the operator's calls against the market
// (imgui_ui/model/scorecard.h): decision times, expiries, the approved
// orders' P&L and the rejected ones' counterfactual, overall, per source and
// per ticker. Remade at most once a second while the state moves (marks
// change with every quote).
#pragma once

#include "imgui_ui/desk_context.h"
#include "imgui_ui/model/scorecard.h"

namespace stonks::ui {

class ScorecardView {
 public:
  void draw(DeskContext& ctx);

 private:
  Scorecard card_;
  const EngineState* made_for_ = nullptr;
  EventSeq made_at_seq_ = 0;
  double made_at_time_ = -1;
};

}  // namespace stonks::ui
