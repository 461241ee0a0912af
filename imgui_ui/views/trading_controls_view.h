// The Trading Controls view (the desk's first page): mode and halt, paper
// order approval and the ticket on the left; pending approvals, active
// lockouts and recent orders on the right.
#pragma once

#include "imgui_ui/desk_context.h"
#include "imgui_ui/sections/approval_config_panel.h"
#include "imgui_ui/sections/approvals_panel.h"
#include "imgui_ui/sections/lockouts_panel.h"
#include "imgui_ui/sections/mode_panel.h"
#include "imgui_ui/sections/order_ticket_panel.h"

namespace stonks::ui {

class TradingControlsView {
 public:
  void draw(DeskContext& ctx);

 private:
  ModePanel mode_;
  ApprovalConfigPanel approval_config_;
  OrderTicketPanel ticket_;
  ApprovalsPanel approvals_;
  LockoutsPanel lockouts_;
};

}  // namespace stonks::ui
