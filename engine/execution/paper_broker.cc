#include "execution/paper_broker.h"

#include <algorithm>

namespace stonks {

std::optional<ExecutionReport> PaperBroker::match(const Order& order, const BrokerView& view) {
  const Quote* q = view.quote;
  if (!q || order.remaining_qty() <= 0) return std::nullopt;
  const OrderIntent& in = order.intent();
  const bool buy = in.side == Side::kBuy;
  const Price touch = buy ? q->ask : q->bid;
  const Quantity size = buy ? q->ask_size : q->bid_size;
  // Slippage moves the price against the trader: up for buys, down for sells.
  Price price = apply_bps(touch, buy ? view.paper.slippage_bps : -view.paper.slippage_bps);
  if (in.type == OrderType::kLimit) {
    const Price limit = *in.limit_price;
    if (buy ? touch > limit : touch < limit) return std::nullopt;  // not crossed
    price = buy ? std::min(price, limit) : std::max(price, limit);
  }
  Quantity qty = order.remaining_qty();
  if (size > 0) qty = std::min(qty, size);
  ExecutionReport r;
  r.kind = ExecutionReport::Kind::kFill;
  r.order_id = order.id();
  r.qty = qty;
  r.price = price;
  r.fee = bps_of(saturating_notional(price, qty), view.paper.fee_bps) + view.paper.fee_per_fill;
  return r;
}

std::vector<ExecutionReport> PaperBroker::submit(const Order& order, const BrokerView& view) {
  std::vector<ExecutionReport> out;
  if (auto fill = match(order, view)) out.push_back(std::move(*fill));
  return out;
}

std::vector<ExecutionReport> PaperBroker::on_quote(const std::vector<const Order*>& working, const BrokerView& view) {
  std::vector<ExecutionReport> out;
  if (!view.quote) return out;
  // The quote's size is shared: earlier orders (by id) take it first.
  Quote left = *view.quote;
  BrokerView local{&left, view.paper, view.now};
  for (const Order* o : working) {
    const bool buy = o->intent().side == Side::kBuy;
    Quantity& size = buy ? left.ask_size : left.bid_size;
    const bool sized = (buy ? view.quote->ask_size : view.quote->bid_size) > 0;
    if (sized && size == 0) continue;  // this side is used up
    if (auto fill = match(*o, local)) {
      if (sized) size -= fill->qty;
      out.push_back(std::move(*fill));
    }
  }
  return out;
}

std::vector<ExecutionReport> PaperBroker::cancel(const Order& order, const BrokerView&) {
  ExecutionReport r;
  r.kind = ExecutionReport::Kind::kCancelled;
  r.order_id = order.id();
  r.reason = "cancelled";
  return {r};
}

}  // namespace stonks
