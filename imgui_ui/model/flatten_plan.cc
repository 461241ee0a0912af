#include "imgui_ui/model/flatten_plan.h"

#include <cstdlib>

#include "imgui_ui/model/display_format.h"

namespace stonks::ui {
namespace {

std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string closing_order(const Symbol& symbol, Quantity position) {
  return std::string(position > 0 ? "Sell " : "Buy ") + std::to_string(std::llabs(position)) + " " + symbol.str();
}

}  // namespace

FlattenPlan plan_flatten(const EngineState& state) {
  FlattenPlan plan;
  plan.already_halted = state.halted;
  plan.approvals = state.approvals.pending_count();
  plan.orders = state.open_orders.size() - plan.approvals;
  for (const auto& [symbol, p] : state.portfolio.positions())
    if (p.qty != 0) plan.closes.push_back(closing_order(symbol, p.qty));
  return plan;
}

std::string describe(const FlattenPlan& plan) {
  std::string out = plan.already_halted ? "Trading stays halted (reduce-only)\n" : "Halt trading (reduce-only)\n";
  out += "Reject " + count(plan.approvals, "pending approval", "pending approvals") + "\n";
  out += "Cancel " + count(plan.orders, "working order", "working orders") + "\n";
  out += "Close " + count(plan.closes.size(), "position", "positions") + " at market, without approval";
  for (const std::string& c : plan.closes) out += "\n  " + c;
  return out;
}

FlattenReportLines report_lines(const FlattenReport& r) {
  FlattenReportLines out;
  std::size_t closed = 0;
  for (const FlattenClose& c : r.closes) {
    const std::string order = closing_order(c.symbol, c.position) + " (order " + std::to_string(c.order_id) + ")";
    if (c.closed()) {
      ++closed;
      out.closed.push_back(order + ": " + to_string(c.status));
    } else {
      std::string why;
      for (const Reason& reason : c.reasons) why += (why.empty() ? "" : "; ") + reason.to_string();
      out.failed.push_back(order + ": NOT CLOSED, " + (why.empty() ? to_string(c.status) : why));
    }
  }
  out.summary = "Halt & flatten by " + r.by + " at " + format_clock(r.at) +
                (r.reason.empty() ? "" : " (" + r.reason + ")") + ": " +
                count(r.approvals_rejected.size(), "approval", "approvals") + " rejected, " +
                count(r.orders_cancelled.size(), "order", "orders") + " cancelled" +
                (r.cancels_requested.empty()
                     ? std::string()
                     : ", " + count(r.cancels_requested.size(), "cancel", "cancels") + " awaiting the broker") +
                ", " + std::to_string(closed) + " of " + count(r.closes.size(), "position", "positions") + " closed";
  return out;
}

}  // namespace stonks::ui
