// FlattenReport: what one halt & flatten did (Engine::halt_and_flatten), as
// the operator reads it afterwards and the audit log keeps it.
#pragma once

#include <string>
#include <vector>

#include "model/fixed_point.h"
#include "model/ids.h"
#include "model/order.h"
#include "model/reason.h"
#include "model/symbol.h"
#include "model/time.h"

namespace stonks {

// One open position and the closing order sent for it.
struct FlattenClose {
  Symbol symbol;
  Quantity position = 0;                        // signed, before the close: +long, -short
  OrderId order_id = 0;                         // the closing order (always made: a refusal is recorded on it)
  OrderStatus status = OrderStatus::kReceived;  // the closing order's, when the command ended
  std::vector<Reason> reasons;                  // why it could not close: risk or the broker
  // Sent (filled, or working at a broker that answers later), not refused.
  bool closed() const { return status != OrderStatus::kRiskRejected && status != OrderStatus::kRejected; }
  bool operator==(const FlattenClose&) const = default;
};

struct FlattenReport {
  std::string by;
  std::string reason;
  Timestamp at{};
  std::vector<ApprovalId> approvals_rejected;
  std::vector<OrderId> orders_cancelled;   // cancelled at once
  std::vector<OrderId> cancels_requested;  // asked of a remote broker, which answers later
  std::vector<FlattenClose> closes;        // by symbol
  bool operator==(const FlattenReport&) const = default;
};

}  // namespace stonks
