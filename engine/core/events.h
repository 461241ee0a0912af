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
#include "model/flatten_report.h"
#include "model/ids.h"
#include "model/market_data.h"
#include "model/order.h"
#include "model/time.h"
#include "risk/approval.h"
#include "risk/lockout.h"

namespace stonks {

struct CashDeposited {
  static constexpr const char* kName = "cash_deposited";
  Money amount;
  std::string by;
  bool operator==(const CashDeposited&) const = default;
};
// A new order in status received, with its id and client_order_id assigned.
struct OrderReceived {
  static constexpr const char* kName = "order_received";
  Order order;
  bool operator==(const OrderReceived&) const = default;
};
struct OrderRiskRejected {
  static constexpr const char* kName = "order_risk_rejected";
  OrderId order_id = 0;
  std::vector<Reason> reasons;  // every failed check, in check order
  bool operator==(const OrderRiskRejected&) const = default;
};
// The approval gate held the order; it moves to pending_approval.
struct ApprovalRequested {
  static constexpr const char* kName = "approval_requested";
  ApprovalRequest request;
  bool operator==(const ApprovalRequested&) const = default;
};
// Approved, rejected or expired; the order moves to approved, rejected or expired.
struct ApprovalDecided {
  static constexpr const char* kName = "approval_decided";
  ApprovalId approval_id = 0;
  ApprovalStatus status = ApprovalStatus::kPending;
  std::string decided_by;
  std::string reason;
  bool operator==(const ApprovalDecided&) const = default;
};
struct OrderSubmitted {
  static constexpr const char* kName = "order_submitted";
  OrderId order_id = 0;
  bool operator==(const OrderSubmitted&) const = default;
};
// A remote broker acknowledged a submitted order: it is working there.
struct OrderAccepted {
  static constexpr const char* kName = "order_accepted";
  OrderId order_id = 0;
  bool operator==(const OrderAccepted&) const = default;
};
// The broker ended a working order by its time in force; fills before it stay.
struct OrderExpired {
  static constexpr const char* kName = "order_expired";
  OrderId order_id = 0;
  std::string reason;  // the broker's words
  bool operator==(const OrderExpired&) const = default;
};
// Someone asked a remote broker to cancel a working order. Durable, so that a
// restart asks again; the broker's answer (the cancel, or a fill that won the
// race) comes later, and a cancel then carries this request's by and reason.
struct CancelRequested {
  static constexpr const char* kName = "cancel_requested";
  OrderId order_id = 0;
  std::string by;
  std::string reason;
  bool operator==(const CancelRequested&) const = default;
};
// Refused after intake: the re-check on approval, or the broker.
struct OrderRejected {
  static constexpr const char* kName = "order_rejected";
  OrderId order_id = 0;
  std::vector<Reason> reasons;
  bool operator==(const OrderRejected&) const = default;
};
struct OrderFilled {
  static constexpr const char* kName = "order_filled";
  Fill fill;
  bool operator==(const OrderFilled&) const = default;
};
struct OrderCancelled {
  static constexpr const char* kName = "order_cancelled";
  OrderId order_id = 0;
  std::string by;
  std::string reason;
  bool operator==(const OrderCancelled&) const = default;
};
struct LockoutCreated {
  static constexpr const char* kName = "lockout_created";
  Lockout lockout;
  bool operator==(const LockoutCreated&) const = default;
};
struct LockoutRemoved {
  static constexpr const char* kName = "lockout_removed";
  LockoutId lockout_id = 0;
  std::string removed_by;
  bool operator==(const LockoutRemoved&) const = default;
};
struct LockoutExpired {
  static constexpr const char* kName = "lockout_expired";
  LockoutId lockout_id = 0;
  bool operator==(const LockoutExpired&) const = default;
};
struct ModeChanged {
  static constexpr const char* kName = "mode_changed";
  TradingMode mode = TradingMode::kPaper;
  std::string by;
  bool operator==(const ModeChanged&) const = default;
};
// A new config version became active.
struct ConfigChanged {
  static constexpr const char* kName = "config_changed";
  RiskConfig config;
  std::string by;
  bool operator==(const ConfigChanged&) const = default;
};
// Who or what halted trading: it decides what may lift the halt (a new day
// lifts only a daily-loss halt).
enum class HaltCause { kOperator, kDailyLoss };
template <>
struct EnumNames<HaltCause> {
  static constexpr EnumName<HaltCause> table[] = {{HaltCause::kOperator, "operator"},
                                                  {HaltCause::kDailyLoss, "daily_loss"}};
};

// Reduce-only on (halted) or off, by the operator or by the daily-loss limit.
struct HaltChanged {
  static constexpr const char* kName = "halt_changed";
  bool halted = false;
  HaltCause cause = HaltCause::kOperator;  // of the halt turned on, or of the one lifted
  std::string by;
  std::string reason;
  bool operator==(const HaltChanged&) const = default;
};
struct QuoteReceived {
  static constexpr const char* kName = "quote_received";
  Quote quote;
  bool operator==(const QuoteReceived&) const = default;
};
struct BarReceived {
  static constexpr const char* kName = "bar_received";
  Bar bar;
  bool operator==(const BarReceived&) const = default;
};
struct NewsReceived {
  static constexpr const char* kName = "news_received";
  NewsEvent news;
  bool operator==(const NewsReceived&) const = default;
};
// The last event of a halt & flatten: what its other events (the halt, the
// approvals rejected, the cancels, the closing orders) came to.
struct Flattened {
  static constexpr const char* kName = "flattened";
  FlattenReport report;
  bool operator==(const Flattened&) const = default;
};
// A new UTC trading day; day P&L counts from `start_equity`.
struct DayStarted {
  static constexpr const char* kName = "day_started";
  std::int64_t day = 0;
  Money start_equity;
  bool operator==(const DayStarted&) const = default;
};

using Event = std::variant<CashDeposited, OrderReceived, OrderRiskRejected, ApprovalRequested, ApprovalDecided,
                           OrderSubmitted, OrderRejected, OrderFilled, OrderCancelled, LockoutCreated, LockoutRemoved,
                           LockoutExpired, ModeChanged, ConfigChanged, HaltChanged, QuoteReceived, BarReceived,
                           NewsReceived, DayStarted, OrderAccepted, OrderExpired, CancelRequested, Flattened>;

// Each event type names itself (kName: "order_received", ...), its name on
// the wire and in the journal; the codecs (journal/event_codec.*) give each
// type its writer and reader, so a new event without them does not compile.
const char* event_name(const Event& e);

struct EventRecord {
  EventSeq seq = 0;
  Timestamp at{};
  Event event;
  bool operator==(const EventRecord&) const = default;
};

}  // namespace stonks
