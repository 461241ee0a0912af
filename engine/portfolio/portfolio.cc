#include "portfolio/portfolio.h"

#include <cstdlib>
#include <utility>

#include "portfolio/valuation.h"

namespace stonks {
namespace {

// cost * part / whole rounded half away from zero; |part| <= |whole|, whole != 0.
Money prorate(Money cost, Quantity part, Quantity whole) {
  return Money::from_micros(mul_div_round(cost.micros(), part, whole));
}

}  // namespace

Portfolio Portfolio::restore(Fields f) {
  Portfolio p;
  p.cash_ = f.cash;
  p.deposits_ = f.deposits;
  p.realized_pnl_ = f.realized_pnl;
  p.fees_paid_ = f.fees_paid;
  p.positions_ = std::move(f.positions);
  p.day_ = f.day;
  p.day_start_equity_ = f.day_start_equity;
  p.day_deposits_ = f.day_deposits;
  return p;
}

Money Portfolio::apply_fill(const Fill& fill) {
  const Money notional = saturating_notional(fill.price, fill.qty);
  cash_ -= fill.side == Side::kBuy ? notional : -notional;
  cash_ -= fill.fee;
  fees_paid_ += fill.fee;
  Position& pos = positions_[fill.symbol];
  pos.symbol = fill.symbol;
  Money realized = book_fill(pos, fill);
  realized_pnl_ += realized;
  return realized;
}

Money Portfolio::realized_by(const Fill& fill) const {
  Position pos = position(fill.symbol);
  return book_fill(pos, fill);
}

Money Portfolio::book_fill(Position& pos, const Fill& fill) {
  Quantity delta = side_sign(fill.side) * fill.qty;
  Money realized;
  // Closing part: the fill moves the position toward zero.
  if (pos.qty != 0 && (pos.qty > 0) != (delta > 0)) {
    Quantity closing = std::min(std::llabs(pos.qty), std::llabs(delta));
    Quantity closing_signed = pos.qty > 0 ? closing : -closing;
    Money cost_closed = prorate(pos.cost_basis, closing_signed, pos.qty);
    Money proceeds = saturating_notional(fill.price, closing_signed);  // signed like the position
    realized = proceeds - cost_closed;
    pos.cost_basis -= cost_closed;
    pos.qty -= closing_signed;
    delta += closing_signed;
  }
  // Opening part: whatever is left adds to (or starts) the position.
  if (delta != 0) {
    pos.cost_basis += saturating_notional(fill.price, delta);
    pos.qty += delta;
  }
  pos.realized_pnl += realized;
  return realized;
}

Position Portfolio::position(const Symbol& s) const {
  auto it = positions_.find(s);
  if (it != positions_.end()) return it->second;
  Position flat;
  flat.symbol = s;
  return flat;
}

Money Portfolio::market_value(const MarketState& m) const { return Valuation::of(*this, m).market_value(); }
Money Portfolio::unrealized_pnl(const MarketState& m) const { return Valuation::of(*this, m).unrealized_pnl(); }
Money Portfolio::gross_exposure(const MarketState& m) const { return Valuation::of(*this, m).gross_exposure(); }
Money Portfolio::short_market_value(const MarketState& m) const { return Valuation::of(*this, m).short_market_value(); }

}  // namespace stonks
