#include "execution/paper_broker.h"

#include <algorithm>

namespace stonks {
namespace {

// Slippage moves the price against the trader: up for buys, down for sells.
Price slipped(Price reference, bool buy, const PaperFillConfig& paper) {
  return apply_bps(reference, buy ? paper.slippage_bps : -paper.slippage_bps);
}

// A limit order never fills worse than its limit.
Price capped(Price price, const OrderIntent& in) {
  if (in.type != OrderType::kLimit) return price;
  return in.side == Side::kBuy ? std::min(price, *in.limit_price) : std::max(price, *in.limit_price);
}

ExecutionReport fill(const Order& order, Quantity qty, Price price, const PaperFillConfig& paper) {
  ExecutionReport r;
  r.kind = ExecutionReport::Kind::kFill;
  r.order_id = order.id();
  r.qty = qty;
  r.price = price;
  r.fee = bps_of(saturating_notional(price, qty), paper.fee_bps) + paper.fee_per_fill;
  return r;
}

}  // namespace

std::optional<ExecutionReport> PaperBroker::match(const Order& order, const BrokerView& view) {
  const Quote* q = view.quote;
  if (!q || order.remaining_qty() <= 0) return std::nullopt;
  const OrderIntent& in = order.intent();
  const bool buy = in.side == Side::kBuy;
  const Price touch = buy ? q->ask : q->bid;
  const Quantity size = buy ? q->ask_size : q->bid_size;
  if (in.type == OrderType::kLimit && (buy ? touch > *in.limit_price : touch < *in.limit_price))
    return std::nullopt;  // not crossed
  Quantity qty = order.remaining_qty();
  if (size > 0) qty = std::min(qty, size);
  return fill(order, qty, capped(slipped(touch, buy, view.paper), in), view.paper);
}

std::optional<ExecutionReport> PaperBroker::match(const Order& order, const Bar& bar, const PaperFillConfig& paper) {
  // No look-ahead: the bar an order was decided on (or any earlier one) has
  // already happened.
  if (order.remaining_qty() <= 0 || bar.at <= order.created_at()) return std::nullopt;
  const OrderIntent& in = order.intent();
  const bool buy = in.side == Side::kBuy;
  if (in.type == OrderType::kLimit && (buy ? bar.low > *in.limit_price : bar.high < *in.limit_price))
    return std::nullopt;  // the range never reached the limit
  return fill(order, order.remaining_qty(), capped(slipped(bar.open, buy, paper), in), paper);
}

std::vector<ExecutionReport> PaperBroker::submit(const Order& order, const BrokerView& view) {
  std::vector<ExecutionReport> out;
  if (auto f = match(order, view)) out.push_back(std::move(*f));
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
    if (auto f = match(*o, local)) {
      if (sized) size -= f->qty;
      out.push_back(std::move(*f));
    }
  }
  return out;
}

std::vector<ExecutionReport> PaperBroker::on_bar(const std::vector<const Order*>& working, const Bar& bar,
                                                 const BrokerView& view) {
  std::vector<ExecutionReport> out;
  // Where the desk quotes the symbol, the quotes fill its orders: a bar
  // closed from those quotes would fill them a second way.
  if (view.quote) return out;
  // The bar's volume is shared by buys and sells alike: earlier orders (by id) take it first.
  const bool sized = bar.volume > 0;
  Quantity left = bar.volume;
  for (const Order* o : working) {
    if (sized && left == 0) break;
    if (auto f = match(*o, bar, view.paper)) {
      if (sized && f->qty > left) *f = fill(*o, left, f->price, view.paper);
      if (sized) left -= f->qty;
      out.push_back(std::move(*f));
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
