#include "strategy/sma_crossover.h"

#include "strategy/strategy_orders.h"

namespace stonks {

Result<SmaCrossover::Params> SmaCrossover::params_from(const ParamValues& values) {
  Result<PositionSizing> sizing = PositionSizing::from(values);
  if (!sizing.is_ok()) return sizing.status();
  Params p{static_cast<int>(values.at("fast")), static_cast<int>(values.at("slow")), values.at("allow_short") != 0,
           *sizing};
  if (p.slow <= p.fast)
    return Status::invalid_argument(
        "must be greater than fast (" + std::to_string(p.fast) + "), got " + std::to_string(p.slow),
        param_field("slow"));
  return p;
}

SmaCrossover::SmaCrossover(Symbol symbol, Params params)
    : source_(strategy_source(kName)),
      symbol_(symbol),
      params_(std::move(params)),
      fast_(static_cast<std::size_t>(params_.fast)),
      slow_(static_cast<std::size_t>(params_.slow)) {}

std::vector<OrderIntent> SmaCrossover::on_bar(const Bar& bar, const StrategyContext& ctx) {
  fast_.push(bar.close.micros());
  slow_.push(bar.close.micros());
  if (!slow_.full()) return {};  // then fast, the shorter, is full too

  const int now = fast_.compare(slow_);
  if (now == 0 || now == side_) return {};
  const bool crossed = side_ != 0;
  side_ = now;
  if (!crossed) return {};

  const Quantity pos = ctx.state.portfolio.position(symbol_).qty;
  if (now > 0) {
    if (pos > 0) return {};
    return order_unless_open(ctx, symbol_, Side::kBuy, -pos + params_.sizing.shares(ctx.state, bar.close), source_);
  }
  if (pos < 0) return {};
  const Quantity short_qty = params_.allow_short ? params_.sizing.shares(ctx.state, bar.close) : 0;
  return order_unless_open(ctx, symbol_, Side::kSell, pos + short_qty, source_);
}

}  // namespace stonks
