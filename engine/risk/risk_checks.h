// The pre-trade checks, one small pure function each. A check returns a
// denial with its reason code and numbers, or nothing when the order passes.
#pragma once

#include <optional>

#include "model/order_intent.h"
#include "model/reason.h"
#include "risk/risk_context.h"

namespace stonks {

using CheckResult = std::optional<Reason>;

// The price the order is valued at: its limit price, else the side of the
// quote it would trade against, else the last price; nullopt with no data.
std::optional<Price> reference_price(const RiskContext& ctx, const OrderIntent& o);
// Whether the order only shrinks an existing position (never flips it).
bool reduces_exposure(const RiskContext& ctx, const OrderIntent& o);

namespace checks {
// Each check reads only the context and the order, and names one ReasonCode.
// The context's `symbol` holds the facts of the order's symbol.
// Without a reference price (no limit, no quote, no last price) the checks
// that value the order pass: has_market_data denies that order on its own,
// and one refusal with its true reason beats five with made-up numbers.

// TRADING_DISABLED when the mode is disabled.
CheckResult trading_enabled(const RiskContext& ctx, const OrderIntent& o);
// PAPER_TRADING_UNAVAILABLE in paper mode when the broker simulates no fills
// (a server trading through a live broker keeps one portfolio: the broker's).
CheckResult paper_available(const RiskContext& ctx, const OrderIntent& o);
// TRADING_HALTED while halted, unless the order only shrinks a position.
CheckResult not_halted(const RiskContext& ctx, const OrderIntent& o);
// LOCKED_OUT when an active lockout bars this symbol and side at ctx.now;
// the detail names the lockout, its source and expiry.
CheckResult not_locked_out(const RiskContext& ctx, const OrderIntent& o);
// SYMBOL_NOT_TRADABLE when a tradable list is configured without the symbol
// (an empty list allows every symbol).
CheckResult symbol_tradable(const RiskContext& ctx, const OrderIntent& o);
// NO_MARKET_DATA when no price was ever seen for the symbol (limit orders
// included: the band and the notional need a market to compare with).
CheckResult has_market_data(const RiskContext& ctx, const OrderIntent& o);
// LIMIT_PRICE_OUT_OF_BAND when a limit lies outside last price +- the band.
// Passes for market orders and when there is no last price.
CheckResult limit_price_in_band(const RiskContext& ctx, const OrderIntent& o);
// MAX_ORDER_NOTIONAL_EXCEEDED when qty x reference price is above the max.
// Passes without a reference price.
CheckResult order_notional(const RiskContext& ctx, const OrderIntent& o);
// MAX_POSITION_NOTIONAL_EXCEEDED when the position after this order and
// every working order on its side would be worth more than the max. Passes
// for exposure-reducing orders and without a reference price.
CheckResult position_notional(const RiskContext& ctx, const OrderIntent& o);
// MAX_GROSS_EXPOSURE_EXCEEDED when the book's gross exposure after the order
// would pass the max. Passes as position_notional does.
CheckResult gross_exposure(const RiskContext& ctx, const OrderIntent& o);
// INSUFFICIENT_BUYING_POWER when the part of the order that opens or grows a
// position costs more than buying_power(). Passes as position_notional does.
CheckResult buying_power(const RiskContext& ctx, const OrderIntent& o);
// SHORT_SELLING_NOT_ALLOWED when shorts are off and a sell exceeds what is
// held less what working sells already take. Needs no price.
CheckResult short_selling(const RiskContext& ctx, const OrderIntent& o);
// MAX_OPEN_ORDERS_EXCEEDED when the open-order count is at the max.
CheckResult open_orders(const RiskContext& ctx, const OrderIntent& o);
// RATE_LIMITED at intake when the window already holds the max orders; the
// re-check on approval passes (the order was counted when it arrived).
CheckResult order_rate(const RiskContext& ctx, const OrderIntent& o);
// DAILY_LOSS_LIMIT while the day's P&L is at or below -max, unless the order
// only shrinks a position.
CheckResult daily_loss(const RiskContext& ctx, const OrderIntent& o);
}  // namespace checks

// Cash available for new buys (and for the margin on new shorts): cash, less
// twice the short market value (short proceeds are not spendable and a 100%
// margin is held), less what open buy orders have reserved.
Money buying_power(const RiskContext& ctx);

}  // namespace stonks
