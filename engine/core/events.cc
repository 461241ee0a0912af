#include "core/events.h"

#include "core/overload.h"

namespace stonks {

const char* event_name(const Event& e) {
  return std::visit(Overload{
                        [](const CashDeposited&) { return "cash_deposited"; },
                        [](const OrderReceived&) { return "order_received"; },
                        [](const OrderRiskRejected&) { return "order_risk_rejected"; },
                        [](const ApprovalRequested&) { return "approval_requested"; },
                        [](const ApprovalDecided&) { return "approval_decided"; },
                        [](const OrderSubmitted&) { return "order_submitted"; },
                        [](const OrderRejected&) { return "order_rejected"; },
                        [](const OrderFilled&) { return "order_filled"; },
                        [](const OrderCancelled&) { return "order_cancelled"; },
                        [](const LockoutCreated&) { return "lockout_created"; },
                        [](const LockoutRemoved&) { return "lockout_removed"; },
                        [](const LockoutExpired&) { return "lockout_expired"; },
                        [](const ModeChanged&) { return "mode_changed"; },
                        [](const ConfigChanged&) { return "config_changed"; },
                        [](const HaltChanged&) { return "halt_changed"; },
                        [](const QuoteReceived&) { return "quote_received"; },
                        [](const BarReceived&) { return "bar_received"; },
                        [](const NewsReceived&) { return "news_received"; },
                        [](const DayStarted&) { return "day_started"; },
                    },
                    e);
}

}  // namespace stonks
