#include "risk/approval.h"

namespace stonks {

bool requires_approval(TradingMode mode, const RiskConfig& config) {
  switch (mode) {
    case TradingMode::kDisabled:
      return false;
    case TradingMode::kPaper:
      return !config.operator_approval.auto_approve_paper;
    case TradingMode::kLive:
      return config.operator_approval.require_approval_for_live;
  }
  return true;  // an unknown mode errs on the side of the operator
}

void ApprovalBook::add(const ApprovalRequest& r) {
  requests_.insert_or_assign(r.id, r);
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

std::vector<ApprovalId> ApprovalBook::pending_ids() const {
  std::vector<ApprovalId> out;
  out.reserve(pending_.size());
  for (const auto& kv : pending_) out.push_back(kv.first);
  return out;
}

}  // namespace stonks
