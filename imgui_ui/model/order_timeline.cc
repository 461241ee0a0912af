// An order's timeline from its row, its approval request and its fills.
#include "imgui_ui/model/order_timeline.h"

#include <algorithm>

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/model/order_rows.h"
#include "risk/approval_gate.h"
#include "risk/risk_check_set.h"

namespace stonks::ui {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string intent_text(const OrderIntent& in) {
  std::string out =
      std::string(to_string(in.side)) + " " + std::to_string(in.qty) + " " + in.symbol.str() + " " + to_string(in.type);
  if (in.limit_price) out += " @ " + in.limit_price->to_string();
  return out + " from " + in.source + " (" + in.client_order_id + ")";
}

}  // namespace

std::vector<TimelineEntry> order_timeline(const EngineState& s, OrderId id) {
  using K = TimelineEntry::Kind;
  const Order* o = s.order(id);
  if (!o) return {};
  std::vector<TimelineEntry> out;
  std::string received = intent_text(o->intent());
  if (!o->submitted_by().empty()) received += ", submitted by " + o->submitted_by();
  out.push_back({o->created_at(), "Received", std::move(received), K::kInfo});

  const ApprovalRequest* approval = o->approval_id() ? s.approvals.find(o->approval_id()) : nullptr;
  if (o->status() == OrderStatus::kRiskRejected) {
    out.push_back({o->updated_at(), "Risk checks", "failed: " + reasons_text(*o), K::kBad});
  } else if (o->status() != OrderStatus::kReceived) {
    RiskCheckSet passed = approval ? approval->checks_passed : RiskCheckSet().set();
    out.push_back({o->created_at(), "Risk checks",
                   "passed " + std::to_string(passed.count()) + ": " + joined(risk_check_names(passed)), K::kGood});
  }

  // The gate's decision, by the rule (or default) of the config that made it.
  const GateDecision& gate = o->gate();
  if (gate.config_version != 0) {
    // A version this state does not hold (a replica that never saw it): the rule by number only.
    static const RiskConfig kUnknownConfig;
    const RiskConfig* config = s.config_at_version(gate.config_version);
    std::string detail = gate_reason(gate, config ? *config : kUnknownConfig, std::nullopt) + " (config version " +
                         std::to_string(gate.config_version) + ")";
    out.push_back({o->created_at(), "Approval gate", std::move(detail), gate.hold ? K::kWaiting : K::kInfo});
  }

  if (approval) {
    out.push_back({approval->created_at, "Held for approval",
                   "approval #" + std::to_string(approval->id) + ", notional " + approval->notional.to_string() +
                       ", expires " + format_clock(approval->expires_at),
                   K::kWaiting});
    if (approval->status != ApprovalStatus::kPending) {
      std::string detail = std::string(to_string(approval->status)) + " by " + approval->decided_by;
      if (!approval->reason.empty()) detail += ": " + approval->reason;
      out.push_back({approval->decided_at.value_or(o->updated_at()), "Approval", detail,
                     approval->status == ApprovalStatus::kApproved ? K::kGood : K::kBad});
    }
  } else if (gate.config_version == 0 && o->status() != OrderStatus::kRiskRejected &&
             o->status() != OrderStatus::kReceived) {
    out.push_back({o->created_at(), "Approval", "not held: the gate let it through (auto-approval)", K::kInfo});
  }

  // Fills are kept in time order and come after the order was made: walk
  // back from the newest until before it.
  std::vector<TimelineEntry> fills;
  for (std::size_t i = s.fills.size(); i-- > 0 && o->filled_qty() > 0;) {
    const Fill& f = s.fills[i];
    if (f.at < o->created_at()) break;
    if (f.order_id != id) continue;
    fills.push_back({f.at, "Fill",
                     std::to_string(f.qty) + " @ " + f.price.to_string() + ", fee " + f.fee.to_string() + " (fill #" +
                         std::to_string(f.id) + ")",
                     K::kGood});
  }
  out.insert(out.end(), fills.rbegin(), fills.rend());

  if (const auto c = s.cancel_requests.find(id); c != s.cancel_requests.end())
    out.push_back({c->second.at, "Cancel requested", "by " + c->second.by + ": " + c->second.reason, K::kWaiting});

  if (is_terminal(o->status()) && o->status() != OrderStatus::kRiskRejected) {
    std::string detail = to_string(o->status());
    if (const std::string r = reasons_text(*o); !r.empty()) detail += ": " + r;
    out.push_back({o->updated_at(), "Ended", detail, o->status() == OrderStatus::kFilled ? K::kGood : K::kBad});
  } else if (!is_terminal(o->status())) {
    out.push_back({o->updated_at(), "Now", to_string(o->status()), K::kWaiting});
  }
  std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) { return a.at < b.at; });
  return out;
}

}  // namespace stonks::ui
