#include "imgui_ui/model/pending_quote.h"

namespace stonks::ui {

PendingQuote pending_quote(const ApprovalRequest& request, const Order& order, const MarketState& market, Timestamp now,
                           Duration stale_after) {
  PendingQuote q;
  const OrderIntent& in = order.intent();
  q.then = in.qty > 0 ? Price::from_micros(request.notional.micros() / in.qty) : Price();
  q.quote = market.quote(in.symbol);
  if (q.quote) {
    q.now = in.side == Side::kBuy ? q.quote->ask : q.quote->bid;
    q.stale = now - q.quote->at > stale_after;
  } else {
    q.now = market.last_price(in.symbol);
    q.stale = true;
  }
  if (q.now && q.then.micros() > 0) {
    q.move_bps = mul_div_round(q.now->micros() - q.then.micros(), 10'000, q.then.micros());
  }
  return q;
}

std::string bid_ask_text(const PendingQuote& q) {
  if (!q.quote) return "no quote";
  return q.quote->bid.to_string() + " / " + q.quote->ask.to_string();
}

std::string move_text(const PendingQuote& q) {
  if (!q.now) return "";
  const Price diff = Price::from_micros(q.now->micros() - q.then.micros());
  const std::string sign = diff.micros() > 0 ? "+" : "";
  return sign + diff.to_string() + " (" + sign + std::to_string(q.move_bps) + " bps)";
}

}  // namespace stonks::ui
