// ApprovalsPanel: Pending Approvals, keyboard-first. One row per pending
// request (the order, its notional, the live bid/ask and how far the price
// moved since it was made, stale quotes flagged, where it came from, the
// rule that held it ("rule 2" or "default", the gate's reason as its
// tooltip), the checks it passed, its age and a countdown to expiry) with
// Approve and
// Reject. A cursor and a selection (keys, shift/ctrl-click, select all) let
// the operator decide many at once: bulk decisions ask first (count and
// total notional) and end in a per-order report. Reject asks for a reason
// (presets or free text). Rows are clipped, so a thousand pending requests
// cost what the visible ones cost.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "imgui_ui/desk_context.h"
#include "imgui_ui/model/queue_keys.h"
#include "imgui_ui/model/queue_selection.h"

namespace stonks::ui {

class ApprovalsPanel {
 public:
  void draw(DeskContext& ctx, float height);

 private:
  // Keeps pending_ in step with the state without walking every request
  // ever made on each frame.
  void refresh_index(const EngineState& state);
  void handle_keys(DeskContext& ctx);
  void act(DeskContext& ctx, QueueAction action);
  void draw_bulk_bar(DeskContext& ctx);
  void draw_report(DeskContext& ctx);
  void draw_table(DeskContext& ctx);
  void draw_row(DeskContext& ctx, const ApprovalRequest& request, const Order& order, bool at_cursor);
  // The targets still pending and open to a decision.
  std::vector<ApprovalId> decidable(const EngineState& state, const std::vector<ApprovalId>& ids) const;
  void ask_approve(DeskContext& ctx, std::vector<ApprovalId> targets);
  void ask_reject(DeskContext& ctx, std::vector<ApprovalId> targets);
  void decide(Requests& requests, Toasts& toasts, const std::vector<ApprovalId>& targets, bool approve,
              const std::string& reason);

  struct IndexKey {
    const EngineState* state = nullptr;
    std::size_t total = 0;
    std::size_t pending = 0;
    EventSeq seq = 0;
  };
  IndexKey key_;
  std::vector<ApprovalId> pending_;  // oldest first
  std::set<ApprovalId> deciding_;    // decisions sent and not answered yet
  // The gate's reason per pending request, made when its row is first drawn
  // (the config that decided never changes); pruned with the index.
  const std::string& gate_reason_of(const EngineState& state, const ApprovalRequest& request, const Order& order);
  std::map<ApprovalId, std::string> gate_reasons_;
  QueueSelection selection_;
  bool help_ = false;
  bool scroll_to_cursor_ = false;
  // The last bulk decision, one line per order as its answer came; shown
  // until dismissed.
  std::vector<std::pair<std::string, bool>> report_;  // text, refused
  std::size_t report_waiting_ = 0;
};

}  // namespace stonks::ui
