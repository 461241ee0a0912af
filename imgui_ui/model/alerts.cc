#include "imgui_ui/model/alerts.h"

#include "imgui_ui/model/display_format.h"

namespace stonks::ui {
namespace {

std::string order_words(const OrderIntent& in) {
  return std::string(to_string(in.side)) + " " + std::to_string(in.qty) + " " + in.symbol.str();
}

const char* plural(AlertKind kind) {
  switch (kind) {
    case AlertKind::kPendingApproval:
      return "new pending approvals";
    case AlertKind::kSystemLockout:
      return "system lockouts";
    case AlertKind::kFill:
      return "fills";
    case AlertKind::kRiskRejection:
      return "risk rejections";
    case AlertKind::kHalt:
      return "halts";
  }
  return "";
}

}  // namespace

std::vector<Alert> AlertWatch::look(const EngineState& s) {
  std::vector<Alert> out;
  const bool fresh = state_ != &s || s.last_seq < seq_;
  if (!fresh) {
    for (ApprovalId id = next_approval_; id < s.next_approval_id; ++id) {
      const ApprovalRequest* r = s.approvals.find(id);
      const Order* o = r ? s.order(r->order_id) : nullptr;
      if (o && r->status == ApprovalStatus::kPending)
        out.push_back({AlertKind::kPendingApproval,
                       "New pending approval #" + std::to_string(id) + ": " + order_words(o->intent()) + " from " +
                           o->intent().source,
                       1, false});
    }
    for (LockoutId id = next_lockout_; id < s.next_lockout_id; ++id) {
      const Lockout* l = s.lockouts.find(id);
      if (l && l->source != LockoutSource::kManual)
        out.push_back({AlertKind::kSystemLockout,
                       "System lockout: " + l->symbol.str() + " (" + lockout_source_label(l->source) + ") for " +
                           format_duration(l->expires_at - l->created_at) + ": " + l->reason,
                       1, true});
    }
    for (std::size_t i = fills_; i < s.fills.size(); ++i) {
      const Fill& f = s.fills[i];
      out.push_back({AlertKind::kFill,
                     "Fill: " + std::string(to_string(f.side)) + " " + std::to_string(f.qty) + " " + f.symbol.str() +
                         " at " + f.price.to_string(),
                     1, false});
    }
    // The ticket shows its own refusals; the rest (strategies, signals) alert.
    for (OrderId id = next_order_; id < s.next_order_id; ++id) {
      const Order* o = s.order(id);
      if (o && o->status() == OrderStatus::kRiskRejected && o->intent().source != "manual")
        out.push_back({AlertKind::kRiskRejection,
                       "Risk rejected: " + order_words(o->intent()) + " from " + o->intent().source +
                           (o->reasons().empty() ? "" : ": " + o->reasons()[0].to_string()),
                       1, true});
    }
    if (s.halted && !halted_)
      out.push_back({AlertKind::kHalt,
                     "Trading HALTED (" + std::string(to_string(s.halt_cause)) + ")" +
                         (s.halt_reason.empty() ? "" : ": " + s.halt_reason),
                     1, true});
  }
  state_ = &s;
  seq_ = s.last_seq;
  next_approval_ = s.next_approval_id;
  next_order_ = s.next_order_id;
  next_lockout_ = s.next_lockout_id;
  fills_ = s.fills.size();
  halted_ = s.halted;
  return out;
}

Alert AlertCollapser::collapse(const Alert& a, double now) {
  auto it = recent_.find(a.kind);
  if (it == recent_.end() || now - it->second.last >= kWindowSeconds) {
    recent_[a.kind] = Recent{a, now};
    return a;
  }
  Recent& r = it->second;
  r.shown.count += 1;
  r.shown.error = r.shown.error || a.error;
  r.shown.text = std::to_string(r.shown.count) + " " + plural(a.kind) + "; the latest: " + a.text;
  r.last = now;
  return r.shown;
}

}  // namespace stonks::ui
