#include "risk/risk_checks.h"

#include <algorithm>
#include <cstdlib>

namespace stonks {
namespace {

Reason deny(ReasonCode r, std::string detail) { return Reason{r, std::move(detail)}; }

Money abs_money(Money m) { return m.micros() < 0 ? -m : m; }

Quantity signed_qty(const OrderIntent& o) { return side_sign(o.side) * o.qty; }

}  // namespace

SymbolFacts symbol_facts(const Symbol& s, const MarketState& market, const Portfolio& portfolio) {
  return SymbolFacts{market.quote(s), market.last_price(s), portfolio.position(s)};
}

std::optional<Price> reference_price(const RiskContext& ctx, const OrderIntent& o) {
  if (o.limit_price) return *o.limit_price;
  if (const Quote* q = ctx.symbol.quote) return o.side == Side::kBuy ? q->ask : q->bid;
  return ctx.symbol.last_price;
}

bool reduces_exposure(const RiskContext& ctx, const OrderIntent& o) {
  Quantity held = ctx.symbol.position.qty;
  if (held == 0) return false;
  bool opposite = (held > 0) != (o.side == Side::kBuy);
  // Orders already working on the same side close the position first.
  Quantity closing = o.side == Side::kBuy ? ctx.open.buy_qty_in_symbol : ctx.open.sell_qty_in_symbol;
  return opposite && o.qty + closing <= std::llabs(held);
}

Money buying_power(const RiskContext& ctx) {
  Money short_mv = ctx.valuation.short_market_value();
  return ctx.portfolio.cash() - short_mv - short_mv - ctx.open.buy_notional;
}

namespace checks {

CheckResult trading_enabled(const RiskContext& ctx, const OrderIntent&) {
  if (ctx.mode == TradingMode::kDisabled) return deny(ReasonCode::kTradingDisabled, "trading mode is disabled");
  return std::nullopt;
}

CheckResult paper_available(const RiskContext& ctx, const OrderIntent&) {
  if (ctx.mode == TradingMode::kPaper && !ctx.paper_fills)
    return deny(ReasonCode::kPaperTradingUnavailable,
                "this server trades through its broker: paper orders need a server without --broker, "
                "or the broker's paper account in live mode");
  return std::nullopt;
}

CheckResult not_halted(const RiskContext& ctx, const OrderIntent& o) {
  if (ctx.halted && !reduces_exposure(ctx, o))
    return deny(ReasonCode::kTradingHalted, "trading is halted: only exposure-reducing orders are accepted");
  return std::nullopt;
}

CheckResult not_locked_out(const RiskContext& ctx, const OrderIntent& o) {
  if (const Lockout* l = ctx.lockouts.blocking(o.symbol, o.side, ctx.now)) {
    return deny(ReasonCode::kLockedOut, o.symbol.str() + " locked out (" + to_string(l->source) + " lockout " +
                                            std::to_string(l->id) + " until " + format_iso8601(l->expires_at) +
                                            "): " + l->reason);
  }
  return std::nullopt;
}

CheckResult symbol_tradable(const RiskContext& ctx, const OrderIntent& o) {
  const auto& list = ctx.config.limits.tradable_symbols;
  if (!list.empty() && std::find(list.begin(), list.end(), o.symbol) == list.end())
    return deny(ReasonCode::kSymbolNotTradable, o.symbol.str() + " is not in the tradable list");
  return std::nullopt;
}

CheckResult has_market_data(const RiskContext& ctx, const OrderIntent& o) {
  if (!ctx.symbol.last_price) return deny(ReasonCode::kNoMarketData, "no price seen for " + o.symbol.str());
  return std::nullopt;
}

CheckResult limit_price_in_band(const RiskContext& ctx, const OrderIntent& o) {
  const std::optional<Price>& last = ctx.symbol.last_price;
  if (!o.limit_price || !last) return std::nullopt;
  const int band = ctx.config.limits.limit_price_band_bps;
  Price low = apply_bps(*last, -band);
  Price high = apply_bps(*last, band);
  if (*o.limit_price < low || *o.limit_price > high)
    return deny(ReasonCode::kLimitPriceOutOfBand,
                "limit=" + o.limit_price->to_string() + " band=[" + low.to_string() + ", " + high.to_string() + "]");
  return std::nullopt;
}

CheckResult order_notional(const RiskContext& ctx, const OrderIntent& o) {
  std::optional<Price> px = reference_price(ctx, o);
  if (!px) return std::nullopt;
  Money notional = saturating_notional(*px, o.qty);
  Money max = ctx.config.limits.max_order_notional;
  if (notional > max)
    return deny(ReasonCode::kMaxOrderNotionalExceeded, "max=" + max.to_string() + " notional=" + notional.to_string());
  return std::nullopt;
}

CheckResult position_notional(const RiskContext& ctx, const OrderIntent& o) {
  std::optional<Price> px = reference_price(ctx, o);
  if (!px || reduces_exposure(ctx, o)) return std::nullopt;
  // Where the position ends up if this and every working order on the same
  // side fill.
  const Quantity same_side_open = o.side == Side::kBuy ? ctx.open.buy_qty_in_symbol : -ctx.open.sell_qty_in_symbol;
  Quantity after = ctx.symbol.position.qty + same_side_open + signed_qty(o);
  Money value = abs_money(saturating_notional(*px, after));
  Money max = ctx.config.limits.max_position_notional;
  if (value > max)
    return deny(ReasonCode::kMaxPositionNotionalExceeded,
                "max=" + max.to_string() + " position_after=" + value.to_string());
  return std::nullopt;
}

CheckResult gross_exposure(const RiskContext& ctx, const OrderIntent& o) {
  std::optional<Price> px = reference_price(ctx, o);
  if (!px || reduces_exposure(ctx, o)) return std::nullopt;
  // Swap this symbol's current exposure for what it would be after the order
  // (an order that flips a position only adds the part beyond flat).
  const Quantity held = ctx.symbol.position.qty;
  Money after = ctx.valuation.gross_exposure() - abs_money(saturating_notional(*px, held)) +
                abs_money(saturating_notional(*px, held + signed_qty(o)));
  Money max = ctx.config.limits.max_gross_exposure;
  if (after > max)
    return deny(ReasonCode::kMaxGrossExposureExceeded,
                "max=" + max.to_string() + " exposure_after=" + after.to_string());
  return std::nullopt;
}

CheckResult buying_power(const RiskContext& ctx, const OrderIntent& o) {
  std::optional<Price> px = reference_price(ctx, o);
  if (!px || reduces_exposure(ctx, o)) return std::nullopt;
  // Only the part that opens or grows a position needs funding.
  Quantity held = ctx.symbol.position.qty;
  Quantity opening = o.qty;
  if (held != 0 && (held > 0) != (o.side == Side::kBuy)) opening = o.qty - std::llabs(held);
  Money needed = saturating_notional(*px, opening);
  Money available = stonks::buying_power(ctx);
  if (needed > available)
    return deny(ReasonCode::kInsufficientBuyingPower,
                "needed=" + needed.to_string() + " available=" + available.to_string());
  return std::nullopt;
}

CheckResult short_selling(const RiskContext& ctx, const OrderIntent& o) {
  if (o.side != Side::kSell || ctx.config.limits.allow_short) return std::nullopt;
  Quantity sellable = ctx.symbol.position.qty - ctx.open.sell_qty_in_symbol;
  if (o.qty > sellable)
    return deny(ReasonCode::kShortSellingNotAllowed,
                "sell=" + std::to_string(o.qty) + " sellable=" + std::to_string(std::max<Quantity>(sellable, 0)));
  return std::nullopt;
}

CheckResult open_orders(const RiskContext& ctx, const OrderIntent&) {
  int max = ctx.config.limits.max_open_orders;
  if (ctx.open.count >= max)
    return deny(ReasonCode::kMaxOpenOrdersExceeded,
                "max=" + std::to_string(max) + " open=" + std::to_string(ctx.open.count));
  return std::nullopt;
}

CheckResult order_rate(const RiskContext& ctx, const OrderIntent&) {
  int max = ctx.config.limits.max_orders_per_window;
  if (ctx.at_intake && ctx.orders_in_rate_window >= max)
    return deny(ReasonCode::kRateLimited,
                "max=" + std::to_string(max) + " per " + std::to_string(ctx.config.limits.rate_window_seconds) + "s");
  return std::nullopt;
}

CheckResult daily_loss(const RiskContext& ctx, const OrderIntent& o) {
  Money pnl = ctx.portfolio.day_pnl_at(ctx.valuation.market_value());
  Money max = ctx.config.limits.max_daily_loss;
  if (pnl <= -max && !reduces_exposure(ctx, o))
    return deny(ReasonCode::kDailyLossLimit, "day_pnl=" + pnl.to_string() + " limit=-" + max.to_string());
  return std::nullopt;
}

}  // namespace checks
}  // namespace stonks
