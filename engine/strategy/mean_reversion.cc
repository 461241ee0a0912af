#include "strategy/mean_reversion.h"

#include "strategy/strategy_orders.h"

namespace stonks {

Result<MeanReversion::Params> MeanReversion::params_from(const ParamValues& values) {
  Result<PositionSizing> sizing = PositionSizing::from(values);
  if (!sizing.is_ok()) return sizing.status();
  Params p{static_cast<int>(values.at("window")), values.at("entry"), values.at("exit"), values.at("allow_short") != 0,
           *sizing};
  if (p.exit_micros >= p.entry_micros)
    return Status::invalid_argument("must be below entry (" + fixed_point::format_micros(p.entry_micros) + "), got " +
                                        fixed_point::format_micros(p.exit_micros),
                                    param_field("exit"));
  return p;
}

MeanReversion::MeanReversion(Symbol symbol, Params params)
    : source_(strategy_source(kName)),
      symbol_(symbol),
      params_(std::move(params)),
      z_(static_cast<std::size_t>(params_.window)) {}

std::vector<OrderIntent> MeanReversion::on_bar(const Bar& bar, const StrategyContext& ctx) {
  z_.push(bar.close.micros());
  const ZScore z = z_.value();
  if (z.v == 0) return {};

  const Quantity pos = ctx.state.portfolio.position(symbol_).qty;
  const Params& p = params_;
  if (pos > 0) {
    if (z.compare(-p.exit_micros) > 0) return order_unless_open(ctx, symbol_, Side::kSell, pos, source_);
  } else if (pos < 0) {
    if (p.allow_short && z.compare(p.exit_micros) < 0)
      return order_unless_open(ctx, symbol_, Side::kBuy, -pos, source_);
  } else if (z.compare(-p.entry_micros) < 0) {
    return order_unless_open(ctx, symbol_, Side::kBuy, p.sizing.shares(ctx.state, bar.close), source_);
  } else if (p.allow_short && z.compare(p.entry_micros) > 0) {
    return order_unless_open(ctx, symbol_, Side::kSell, p.sizing.shares(ctx.state, bar.close), source_);
  }
  return {};
}

}  // namespace stonks
