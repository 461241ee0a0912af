// The adapter's view of Alpaca's GET /v2/account and GET /v2/positions: the
// figures reconciliation compares with the engine's (api/broker_reconciliation.h).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "api/broker_reconciliation.h"
#include "model/status.h"

namespace stonks::alpaca {

// cash, buying_power, equity (decimal strings, as alpaca_order.h reads them).
// kInvalidArgument naming the field when one is missing or malformed.
Result<BrokerAccount> parse_account(const nlohmann::json& json);

// The array of position objects: symbol, qty (whole shares, negative when
// short), avg_entry_price, market_value. A fractional qty is refused: the
// engine holds whole shares only, and rounding would hide a difference.
Result<std::vector<BrokerPosition>> parse_positions(const nlohmann::json& json);

}  // namespace stonks::alpaca
