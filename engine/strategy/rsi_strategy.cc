#include "strategy/rsi_strategy.h"

#include "strategy/strategy_orders.h"

namespace stonks {

Result<RsiStrategy::Params> RsiStrategy::params_from(const ParamValues& values) {
  Result<PositionSizing> sizing = PositionSizing::from(values);
  if (!sizing.is_ok()) return sizing.status();
  Params p{static_cast<int>(values.at("period")), values.at("oversold"), values.at("overbought"),
           values.at("allow_short") != 0, *sizing};
  if (p.overbought_micros <= p.oversold_micros)
    return Status::invalid_argument("must be above oversold (" + fixed_point::format_micros(p.oversold_micros) +
                                        "), got " + fixed_point::format_micros(p.overbought_micros),
                                    param_field("overbought"));
  return p;
}

RsiStrategy::RsiStrategy(Symbol symbol, Params params)
    : source_(strategy_source(kName)), symbol_(symbol), params_(std::move(params)), rsi_(params_.period) {}

std::vector<OrderIntent> RsiStrategy::on_bar(const Bar& bar, const StrategyContext& ctx) {
  rsi_.push(bar.close.micros());
  if (!rsi_.ready()) return {};

  const Quantity pos = ctx.state.portfolio.position(symbol_).qty;
  const Params& p = params_;
  const bool oversold = rsi_.compare(p.oversold_micros)<0, overbought = rsi_.compare(p.overbought_micros)> 0;
  if (pos > 0) {
    if (overbought) return order_unless_open(ctx, symbol_, Side::kSell, pos, source_);
  } else if (pos < 0) {
    if (p.allow_short && oversold) return order_unless_open(ctx, symbol_, Side::kBuy, -pos, source_);
  } else if (oversold) {
    return order_unless_open(ctx, symbol_, Side::kBuy, p.sizing.shares(ctx.state, bar.close), source_);
  } else if (p.allow_short && overbought) {
    return order_unless_open(ctx, symbol_, Side::kSell, p.sizing.shares(ctx.state, bar.close), source_);
  }
  return {};
}

}  // namespace stonks
