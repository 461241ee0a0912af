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
      closes_(static_cast<std::size_t>(params_.window)) {}

void MeanReversion::add(std::int64_t close, int sign) {
  if (close > kMaxCloseMicros) {
    oversized_ += sign;
    return;
  }
  const UInt128 square = static_cast<UInt128>(close) * static_cast<UInt128>(close);
  if (sign > 0) {
    sum_ += close;
    sumsq_ += square;
  } else {
    sum_ -= close;
    sumsq_ -= square;
  }
}

ZScore MeanReversion::z_score() const {
  if (!closes_.full() || oversized_ > 0) return {};
  // With n <= 10^4 closes of at most 10^15 micro-units, n * sumsq and sum^2
  // stay below 10^38 < 2^128, and v >= 0 (Cauchy-Schwarz).
  const Int128 n = params_.window;
  const UInt128 sum = static_cast<UInt128>(sum_);
  return ZScore{n * closes_.back(0) - sum_, static_cast<UInt128>(n) * sumsq_ - sum * sum};
}

std::vector<OrderIntent> MeanReversion::on_bar(const Bar& bar, const StrategyContext& ctx) {
  if (std::optional<std::int64_t> left = closes_.push(bar.close.micros())) add(*left, -1);
  add(bar.close.micros(), +1);
  const ZScore z = z_score();
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
