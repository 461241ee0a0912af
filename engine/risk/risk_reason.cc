#include "risk/risk_reason.h"

namespace stonks {
namespace {

struct ReasonName {
  RiskReason reason;
  const char* name;
};
constexpr ReasonName kReasonNames[] = {
    {RiskReason::kTradingDisabled, "TRADING_DISABLED"},
    {RiskReason::kTradingHalted, "TRADING_HALTED"},
    {RiskReason::kLockedOut, "LOCKED_OUT"},
    {RiskReason::kSymbolNotTradable, "SYMBOL_NOT_TRADABLE"},
    {RiskReason::kNoMarketData, "NO_MARKET_DATA"},
    {RiskReason::kLimitPriceOutOfBand, "LIMIT_PRICE_OUT_OF_BAND"},
    {RiskReason::kMaxOrderNotionalExceeded, "MAX_ORDER_NOTIONAL_EXCEEDED"},
    {RiskReason::kMaxPositionNotionalExceeded, "MAX_POSITION_NOTIONAL_EXCEEDED"},
    {RiskReason::kMaxGrossExposureExceeded, "MAX_GROSS_EXPOSURE_EXCEEDED"},
    {RiskReason::kInsufficientBuyingPower, "INSUFFICIENT_BUYING_POWER"},
    {RiskReason::kShortSellingNotAllowed, "SHORT_SELLING_NOT_ALLOWED"},
    {RiskReason::kMaxOpenOrdersExceeded, "MAX_OPEN_ORDERS_EXCEEDED"},
    {RiskReason::kRateLimited, "RATE_LIMITED"},
    {RiskReason::kDailyLossLimit, "DAILY_LOSS_LIMIT"},
};

}  // namespace

const char* to_string(RiskReason r) {
  for (const auto& n : kReasonNames)
    if (n.reason == r) return n.name;
  return "UNKNOWN";
}

std::optional<RiskReason> parse_risk_reason(std::string_view s) {
  for (const auto& n : kReasonNames)
    if (s == n.name) return n.reason;
  return std::nullopt;
}

std::string RiskDenial::to_string() const {
  std::string out = stonks::to_string(reason);
  if (!detail.empty()) out += ": " + detail;
  return out;
}

}  // namespace stonks
