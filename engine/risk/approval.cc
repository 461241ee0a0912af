#include "risk/approval.h"

namespace stonks {

bool requires_approval(TradingMode mode, const RiskConfig& config) {
  switch (mode) {
    case TradingMode::kDisabled: return false;
    case TradingMode::kPaper: return !config.operator_approval.auto_approve_paper;
    case TradingMode::kLive: return config.operator_approval.require_approval_for_live;
  }
  return true;  // an unknown mode errs on the side of the operator
}

const char* to_string(ApprovalStatus s) {
  switch (s) {
    case ApprovalStatus::kPending: return "pending";
    case ApprovalStatus::kApproved: return "approved";
    case ApprovalStatus::kRejected: return "rejected";
    case ApprovalStatus::kExpired: return "expired";
  }
  return "unknown";
}

std::optional<ApprovalStatus> parse_approval_status(std::string_view s) {
  for (auto v : {ApprovalStatus::kPending, ApprovalStatus::kApproved, ApprovalStatus::kRejected, ApprovalStatus::kExpired})
    if (s == to_string(v)) return v;
  return std::nullopt;
}

void ApprovalBook::add(const ApprovalRequest& r) {
  requests_[r.id] = r;
  if (r.status == ApprovalStatus::kPending) pending_[r.id] = r.expires_at;
}

void ApprovalBook::decide(ApprovalId id, ApprovalStatus status, const std::string& by, Timestamp at,
                          const std::string& reason) {
  auto it = requests_.find(id);
  if (it == requests_.end()) return;
  it->second.status = status;
  it->second.decided_by = by;
  it->second.decided_at = at;
  it->second.reason = reason;
  pending_.erase(id);
}

const ApprovalRequest* ApprovalBook::find(ApprovalId id) const {
  auto it = requests_.find(id);
  return it == requests_.end() ? nullptr : &it->second;
}

std::vector<ApprovalId> ApprovalBook::stale(Timestamp now) const {
  std::vector<ApprovalId> out;
  for (const auto& [id, expires_at] : pending_)
    if (expires_at <= now) out.push_back(id);
  return out;
}

}  // namespace stonks
