#include "portfolio/valuation.h"

#include "model/equal_ignoring.h"
#include "portfolio/portfolio.h"

namespace stonks {

Price mark_price(const Symbol& s, const Position& p, const MarketState& m) {
  std::optional<Price> last = m.last_price(s);
  return last ? *last : p.avg_cost();
}

Valuation::Part Valuation::part_of(const Symbol& s, const Position& p, const MarketState& m) {
  const Money value = p.market_value(mark_price(s, p, m));
  Part part;
  part.market_value = value;
  part.unrealized_pnl = value - p.cost_basis;
  part.gross_exposure = value.micros() < 0 ? -value : value;
  part.short_market_value = p.qty < 0 ? -value : Money();
  return part;
}

void Valuation::add(const Part& part, int sign) {
  const auto apply = [sign](Money& total, Money m) { total += sign > 0 ? m : -m; };
  apply(total_.market_value, part.market_value);
  apply(total_.unrealized_pnl, part.unrealized_pnl);
  apply(total_.gross_exposure, part.gross_exposure);
  apply(total_.short_market_value, part.short_market_value);
}

Valuation Valuation::of(const Portfolio& p, const MarketState& m) {
  Valuation v;
  for (const auto& [s, pos] : p.positions()) {
    if (pos.qty == 0) continue;
    Part part = part_of(s, pos, m);
    v.add(part, +1);
    v.parts_.try_emplace(s, part);
  }
  return v;
}

void Valuation::refresh(const Symbol& s, const Portfolio& p, const MarketState& m) {
  auto pos = p.positions().find(s);
  const bool held = pos != p.positions().end() && pos->second.qty != 0;
  auto it = parts_.find(s);
  if (it == parts_.end()) {
    if (!held) return;
    it = parts_.try_emplace(s).first;
  }
  add(it->second, -1);
  it->second = held ? part_of(s, pos->second, m) : Part{};
  add(it->second, +1);
}

bool Valuation::operator==(const Valuation& o) const {
  return total_ == o.total_ && equal_ignoring(parts_, o.parts_, [](const Part& p) { return p == Part{}; });
}

}  // namespace stonks
