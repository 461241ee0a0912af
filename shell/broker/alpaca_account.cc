#include "alpaca_account.h"

#include "alpaca_order.h"

namespace stonks::alpaca {
namespace {

// A decimal the object must carry (decimal_field reads an absent one as zero).
Result<std::int64_t> required_decimal(const nlohmann::json& json, const char* field) {
  if (!json.contains(field)) return Status::invalid_argument(std::string("the broker sent no ") + field, field);
  return decimal_field(json, field);
}

}  // namespace

Result<BrokerAccount> parse_account(const nlohmann::json& json) {
  if (!json.is_object()) return Status::invalid_argument("the broker's account is not a JSON object");
  Result<std::int64_t> cash = required_decimal(json, "cash");
  if (!cash.is_ok()) return cash.status();
  Result<std::int64_t> buying_power = required_decimal(json, "buying_power");
  if (!buying_power.is_ok()) return buying_power.status();
  Result<std::int64_t> equity = required_decimal(json, "equity");
  if (!equity.is_ok()) return equity.status();
  return BrokerAccount{Money::from_micros(*cash), Money::from_micros(*buying_power), Money::from_micros(*equity)};
}

Result<std::vector<BrokerPosition>> parse_positions(const nlohmann::json& json) {
  if (!json.is_array()) return Status::invalid_argument("the broker's positions are not a JSON array");
  std::vector<BrokerPosition> out;
  for (const nlohmann::json& row : json) {
    if (!row.is_object() || !row.contains("symbol") || !row["symbol"].is_string())
      return Status::invalid_argument("a broker position has no symbol", "symbol");
    Result<Symbol> symbol = Symbol::parse(row["symbol"].get<std::string>());
    if (!symbol.is_ok()) return symbol.status();
    Result<std::int64_t> qty = required_decimal(row, "qty");
    if (!qty.is_ok()) return qty.status();
    if (*qty % fixed_point::kScale != 0)
      return Status::invalid_argument("the broker holds a fractional quantity of " + symbol->str(), "qty");
    Result<std::int64_t> avg = decimal_field(row, "avg_entry_price");
    if (!avg.is_ok()) return avg.status();
    Result<std::int64_t> value = decimal_field(row, "market_value");
    if (!value.is_ok()) return value.status();
    out.push_back(
        BrokerPosition{*symbol, *qty / fixed_point::kScale, Price::from_micros(*avg), Money::from_micros(*value)});
  }
  return out;
}

}  // namespace stonks::alpaca
