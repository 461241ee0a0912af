// Events: the only way engine state changes. Each accepted command produces
// some; the state is their fold, the journal stores them, the audit log and
// the panel's stream read them.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "config/risk_config.h"
#include "model/fill.h"
#include "model/fixed_point.h"
#include "model/ids.h"
#include "model/market_data.h"
#include "model/order.h"
#include "model/time.h"
#include "risk/approval.h"
#include "risk/lockout.h"

namespace stonks {

struct CashDeposited {
  Money amount;
  std::string by;
  bool operator==(const CashDeposited&) const = default;
};
// A new order in status received, with its id and client_order_id assigned.
struct OrderReceived {
  Order order;
  bool operator==(const OrderReceived&) const = default;
};
struct OrderRiskRejected {
  OrderId order_id = 0;
  std::vector<std::string> reasons;
  bool operator==(const OrderRiskRejected&) const = default;
};
// The approval gate held the order; it moves to pending_approval.
struct ApprovalRequested {
  ApprovalRequest request;
  bool operator==(const ApprovalRequested&) const = default;
};
// Approved, rejected or expired; the order moves to approved, rejected or expired.
struct ApprovalDecided {
  ApprovalId approval_id = 0;
  ApprovalStatus status = ApprovalStatus::kPending;
  std::string decided_by;
  std::string reason;
  bool operator==(const ApprovalDecided&) const = default;
};
struct OrderSubmitted {
  OrderId order_id = 0;
  bool operator==(const OrderSubmitted&) const = default;
};
// Refused after intake: the re-check on approval, or the broker.
struct OrderRejected {
  OrderId order_id = 0;
  std::vector<std::string> reasons;
  bool operator==(const OrderRejected&) const = default;
};
struct OrderFilled {
  Fill fill;
  bool operator==(const OrderFilled&) const = default;
};
struct OrderCancelled {
  OrderId order_id = 0;
  std::string by;
  std::string reason;
  bool operator==(const OrderCancelled&) const = default;
};
struct LockoutCreated {
  Lockout lockout;
  bool operator==(const LockoutCreated&) const = default;
};
struct LockoutRemoved {
  LockoutId lockout_id = 0;
  std::string removed_by;
  bool operator==(const LockoutRemoved&) const = default;
};
struct LockoutExpired {
  LockoutId lockout_id = 0;
  bool operator==(const LockoutExpired&) const = default;
};
struct ModeChanged {
  TradingMode mode = TradingMode::kPaper;
  std::string by;
  bool operator==(const ModeChanged&) const = default;
};
// A new config version became active.
struct ConfigChanged {
  RiskConfig config;
  std::string by;
  bool operator==(const ConfigChanged&) const = default;
};
// Reduce-only on (halted) or off, by the operator or by the daily-loss limit.
struct HaltChanged {
  bool halted = false;
  std::string by;
  std::string reason;
  bool operator==(const HaltChanged&) const = default;
};
struct QuoteReceived {
  Quote quote;
  bool operator==(const QuoteReceived&) const = default;
};
struct BarReceived {
  Bar bar;
  bool operator==(const BarReceived&) const = default;
};
struct NewsReceived {
  NewsEvent news;
  bool operator==(const NewsReceived&) const = default;
};
// A new UTC trading day; day P&L counts from `start_equity`.
struct DayStarted {
  std::int64_t day = 0;
  Money start_equity;
  bool operator==(const DayStarted&) const = default;
};

using Event = std::variant<CashDeposited, OrderReceived, OrderRiskRejected, ApprovalRequested, ApprovalDecided,
                           OrderSubmitted, OrderRejected, OrderFilled, OrderCancelled, LockoutCreated, LockoutRemoved,
                           LockoutExpired, ModeChanged, ConfigChanged, HaltChanged, QuoteReceived, BarReceived,
                           NewsReceived, DayStarted>;

// "order_received", "approval_decided", ...: the event's name on the wire.
const char* event_name(const Event& e);

struct EventRecord {
  EventSeq seq = 0;
  Timestamp at{};
  Event event;
  bool operator==(const EventRecord&) const = default;
};

}  // namespace stonks
