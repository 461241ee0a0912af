#include "imgui_ui/model/scorecard.h"

#include <algorithm>
#include <vector>

namespace stonks::ui {
namespace {

// The current price of a symbol: the quote's mid, else the last price.
std::optional<Price> mark_of(const MarketState& market, const Symbol& s) {
  if (const Quote* q = market.quote(s)) return Price::from_micros((q->bid.micros() + q->ask.micros()) / 2);
  return market.last_price(s);
}

// What `qty` bought (or sold) at `at` is worth marked at `mark`.
Money pnl(Side side, Quantity qty, Price at, Price mark) {
  const Money value = saturating_notional(mark, qty) - saturating_notional(at, qty);
  return side == Side::kBuy ? value : -value;
}

// Nearest rank: the smallest wait with at least p% of them at or below it.
Duration percentile(const std::vector<Duration>& sorted, int p) {
  const std::size_t rank = (sorted.size() * static_cast<std::size_t>(p) + 99) / 100;
  return sorted[std::max<std::size_t>(rank, 1) - 1];
}

}  // namespace

Scorecard make_scorecard(const EngineState& s) {
  Scorecard card;
  std::vector<Duration> waits;
  for (const auto& [id, r] : s.approvals.all()) {
    const Order* o = s.order(r.order_id);
    if (!o || o->intent().source == "flatten" || r.status == ApprovalStatus::kPending) continue;
    const OrderIntent& in = o->intent();
    ScoreLine* lines[] = {&card.total, &card.by_source[in.source], &card.by_ticker[in.symbol.str()]};
    if (r.status == ApprovalStatus::kExpired) {
      for (ScoreLine* l : lines) ++l->expired;
      continue;
    }
    if (r.decided_at) waits.push_back(*r.decided_at - r.created_at);
    const std::optional<Price> mark = mark_of(s.market, in.symbol);
    if (r.status == ApprovalStatus::kApproved) {
      for (ScoreLine* l : lines) ++l->approved;
      if (o->filled_qty() == 0) continue;
      if (!mark) {
        for (ScoreLine* l : lines) ++l->unmarked;
        continue;
      }
      // The order's fills at their average price, marked now: the order
      // keeps their totals, so no fill is read.
      const Money now = saturating_notional(*mark, o->filled_qty());
      const Money value = (in.side == Side::kBuy ? now - o->filled_notional() : o->filled_notional() - now) - o->fees();
      for (ScoreLine* l : lines) {
        ++l->approved_filled;
        l->approved_pnl += value;
      }
    } else {  // rejected
      for (ScoreLine* l : lines) ++l->rejected;
      if (!mark || in.qty <= 0) {
        for (ScoreLine* l : lines) ++l->unmarked;
        continue;
      }
      // The price of that moment: what the risk checks priced it at.
      const Price then = Price::from_micros(r.notional.micros() / in.qty);
      const Money value = pnl(in.side, in.qty, then, *mark);
      for (ScoreLine* l : lines) l->rejected_pnl += value;
    }
  }
  card.decisions = waits.size();
  if (!waits.empty()) {
    std::sort(waits.begin(), waits.end());
    card.median_wait = percentile(waits, 50);
    card.p90_wait = percentile(waits, 90);
  }
  return card;
}

}  // namespace stonks::ui
