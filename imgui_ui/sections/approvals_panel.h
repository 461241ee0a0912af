// ApprovalsPanel: Pending Approvals. One row per pending request (what the
// order is, its notional, where it came from, the checks it passed, its age
// and a live countdown to expiry) with Approve and Reject; Reject asks for a
// reason. Each decision's result shows as a toast. Rows are clipped, so a
// thousand pending requests cost what the visible ones cost.
#pragma once

#include <cstddef>
#include <set>
#include <vector>

#include "imgui_ui/desk_context.h"

namespace stonks::ui {

class ApprovalsPanel {
 public:
  void draw(DeskContext& ctx, float height);

 private:
  // Keeps pending_ in step with the state without walking every request
  // ever made on each frame.
  void refresh_index(const EngineState& state);
  void draw_table(DeskContext& ctx);
  void draw_row(DeskContext& ctx, const ApprovalRequest& request, const Order& order);
  void approve(DeskContext& ctx, ApprovalId id);
  void ask_reject(DeskContext& ctx, const ApprovalRequest& request, const Order& order);

  struct IndexKey {
    const EngineState* state = nullptr;
    std::size_t total = 0;
    std::size_t pending = 0;
    EventSeq seq = 0;
  };
  IndexKey key_;
  std::vector<ApprovalId> pending_;  // oldest first
  std::set<ApprovalId> deciding_;    // decisions sent and not answered yet
};

}  // namespace stonks::ui
