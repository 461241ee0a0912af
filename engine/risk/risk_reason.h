// Stable reason codes for risk denials: what callers and the UI branch on.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace stonks {

enum class RiskReason {
  kTradingDisabled,
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
};

// "LOCKED_OUT", "MAX_ORDER_NOTIONAL_EXCEEDED", ...
const char* to_string(RiskReason r);
std::optional<RiskReason> parse_risk_reason(std::string_view s);

// One failed check: the code and the numbers behind it
// ("max=100000.00 notional=150000.00").
struct RiskDenial {
  RiskReason reason;
  std::string detail;
  // "MAX_ORDER_NOTIONAL_EXCEEDED: max=100000.00 notional=150000.00"
  std::string to_string() const;
  bool operator==(const RiskDenial&) const = default;
};

}  // namespace stonks
