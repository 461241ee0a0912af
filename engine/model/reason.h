// Reason codes: why an order was refused or ended, as data. The code is what
// callers and the panel branch on; the detail carries the numbers behind it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/enum_names.h"

namespace stonks {

enum class ReasonCode {
  // Pre-trade risk checks (risk/risk_checks.h), in check order.
  kTradingDisabled,
  kPaperTradingUnavailable,
  kTradingHalted,
  kLockedOut,
  kSymbolNotTradable,
  kNoMarketData,
  kLimitPriceOutOfBand,
  kMaxOrderNotionalExceeded,
  kMaxPositionNotionalExceeded,
  kMaxGrossExposureExceeded,
  kInsufficientBuyingPower,
  kShortSellingNotAllowed,
  kMaxOpenOrdersExceeded,
  kRateLimited,
  kDailyLossLimit,
  // How an order that passed them ended without filling.
  kRejectedByOperator,
  kApprovalExpired,
  kCancelled,
  kBrokerRejected,
  kExpiredAtBroker,
};

template <>
struct EnumNames<ReasonCode> {
  static constexpr EnumName<ReasonCode> table[] = {
      {ReasonCode::kTradingDisabled, "TRADING_DISABLED"},
      {ReasonCode::kPaperTradingUnavailable, "PAPER_TRADING_UNAVAILABLE"},
      {ReasonCode::kTradingHalted, "TRADING_HALTED"},
      {ReasonCode::kLockedOut, "LOCKED_OUT"},
      {ReasonCode::kSymbolNotTradable, "SYMBOL_NOT_TRADABLE"},
      {ReasonCode::kNoMarketData, "NO_MARKET_DATA"},
      {ReasonCode::kLimitPriceOutOfBand, "LIMIT_PRICE_OUT_OF_BAND"},
      {ReasonCode::kMaxOrderNotionalExceeded, "MAX_ORDER_NOTIONAL_EXCEEDED"},
      {ReasonCode::kMaxPositionNotionalExceeded, "MAX_POSITION_NOTIONAL_EXCEEDED"},
      {ReasonCode::kMaxGrossExposureExceeded, "MAX_GROSS_EXPOSURE_EXCEEDED"},
      {ReasonCode::kInsufficientBuyingPower, "INSUFFICIENT_BUYING_POWER"},
      {ReasonCode::kShortSellingNotAllowed, "SHORT_SELLING_NOT_ALLOWED"},
      {ReasonCode::kMaxOpenOrdersExceeded, "MAX_OPEN_ORDERS_EXCEEDED"},
      {ReasonCode::kRateLimited, "RATE_LIMITED"},
      {ReasonCode::kDailyLossLimit, "DAILY_LOSS_LIMIT"},
      {ReasonCode::kRejectedByOperator, "REJECTED_BY_OPERATOR"},
      {ReasonCode::kApprovalExpired, "APPROVAL_EXPIRED"},
      {ReasonCode::kCancelled, "CANCELLED"},
      {ReasonCode::kBrokerRejected, "BROKER_REJECTED"},
      {ReasonCode::kExpiredAtBroker, "EXPIRED_AT_BROKER"},
  };
};

// One reason: the code and what lies behind it ("max=100000.00
// notional=150000.00"; who rejected and why; the broker's message).
struct Reason {
  ReasonCode code;
  std::string detail;
  // "MAX_ORDER_NOTIONAL_EXCEEDED: max=100000.00 notional=150000.00", or the
  // bare code when there is no detail: the text the API answers.
  std::string to_string() const;
  bool operator==(const Reason&) const = default;
};

// to_string() of each, in order: the "reasons" the API answers.
std::vector<std::string> reason_texts(const std::vector<Reason>& reasons);

// Reads the form to_string() writes back (journals and snapshots keep reasons
// in that form); nullopt unless it starts with a known code followed by
// ": " or nothing.
std::optional<Reason> parse_reason(std::string_view text);

}  // namespace stonks
