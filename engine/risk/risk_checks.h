// The pre-trade checks, one small pure function each. A check returns a
// denial with its reason code and numbers, or nothing when the order passes.
#pragma once

#include <optional>

#include "model/order_intent.h"
#include "risk/risk_context.h"
#include "model/reason.h"

namespace stonks {

using CheckResult = std::optional<Reason>;

// The price the order is valued at: its limit price, else the side of the
// quote it would trade against, else the last price; nullopt with no data.
std::optional<Price> reference_price(const RiskContext& ctx, const OrderIntent& o);
// Whether the order only shrinks an existing position (never flips it).
bool reduces_exposure(const RiskContext& ctx, const OrderIntent& o);

namespace checks {
CheckResult trading_enabled(const RiskContext& ctx, const OrderIntent& o);
CheckResult not_halted(const RiskContext& ctx, const OrderIntent& o);
CheckResult not_locked_out(const RiskContext& ctx, const OrderIntent& o);
CheckResult symbol_tradable(const RiskContext& ctx, const OrderIntent& o);
CheckResult has_market_data(const RiskContext& ctx, const OrderIntent& o);
CheckResult limit_price_in_band(const RiskContext& ctx, const OrderIntent& o);
CheckResult order_notional(const RiskContext& ctx, const OrderIntent& o);
CheckResult position_notional(const RiskContext& ctx, const OrderIntent& o);
CheckResult gross_exposure(const RiskContext& ctx, const OrderIntent& o);
CheckResult buying_power(const RiskContext& ctx, const OrderIntent& o);
CheckResult short_selling(const RiskContext& ctx, const OrderIntent& o);
CheckResult open_orders(const RiskContext& ctx, const OrderIntent& o);
CheckResult order_rate(const RiskContext& ctx, const OrderIntent& o);
CheckResult daily_loss(const RiskContext& ctx, const OrderIntent& o);
}  // namespace checks

// Cash available for new buys (and for the margin on new shorts): cash, less
// twice the short market value (short proceeds are not spendable and a 100%
// margin is held), less what open buy orders have reserved.
Money buying_power(const RiskContext& ctx);

}  // namespace stonks
