// The approval gate: when an order needs the operator, and the requests that
// hold such orders until someone decides or time runs out.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/risk_config.h"
#include "model/enum_names.h"
#include "model/fixed_point.h"
#include "model/id_map.h"
#include "model/ids.h"
#include "model/time.h"
#include "risk/risk_check_set.h"

namespace stonks {

// DESIGN.md's table: disabled -> false (risk rejects first); paper ->
// !auto_approve_paper; live -> require_approval_for_live.
bool requires_approval(TradingMode mode, const RiskConfig& config);

enum class ApprovalStatus { kPending, kApproved, kRejected, kExpired };
template <>
struct EnumNames<ApprovalStatus> {
  static constexpr EnumName<ApprovalStatus> table[] = {{ApprovalStatus::kPending, "pending"},
                                                       {ApprovalStatus::kApproved, "approved"},
                                                       {ApprovalStatus::kRejected, "rejected"},
                                                       {ApprovalStatus::kExpired, "expired"}};
};

struct ApprovalRequest {
  static constexpr std::size_t kMaxReasonLength = 500;

  ApprovalId id = 0;
  OrderId order_id = 0;
  // The risk result when the request was made: the order's estimated
  // notional and the checks it passed then (all of them, or it would not be here).
  Money notional;
  RiskCheckSet checks_passed;
  Timestamp created_at{};
  Timestamp expires_at{};
  ApprovalStatus status = ApprovalStatus::kPending;
  std::string decided_by;
  std::optional<Timestamp> decided_at;
  std::string reason;

  bool operator==(const ApprovalRequest&) const = default;
};

class ApprovalBook {
 public:
  void add(const ApprovalRequest& r);
  void decide(ApprovalId id, ApprovalStatus status, const std::string& by, Timestamp at, const std::string& reason);

  const ApprovalRequest* find(ApprovalId id) const;
  // Pending requests whose expires_at is at or before `now`, by id.
  std::vector<ApprovalId> stale(Timestamp now) const;
  const IdMap<ApprovalRequest>& all() const { return requests_; }
  std::size_t pending_count() const { return pending_.size(); }
  std::vector<ApprovalId> pending_ids() const;  // ascending

  bool operator==(const ApprovalBook&) const = default;

 private:
  IdMap<ApprovalRequest> requests_;
  std::map<ApprovalId, Timestamp> pending_;  // id -> expires_at, pending only
};

}  // namespace stonks
