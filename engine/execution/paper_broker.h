// PaperBroker: a simulated venue that fills against the current quote, or
// against bars where a symbol has no quote (a replayed market).
#pragma once

#include <optional>

#include "execution/broker.h"

namespace stonks {

// Fill rules against a quote: market orders take the ask (buys) or the bid
// (sells) moved by slippage against the trader; limit orders rest until the
// quote crosses the limit and then fill at the quote, never worse than the
// limit. A quote with a size caps the fill at that size (the rest keeps
// working); size 0 means the size is unknown and does not cap.
//
// Against bars (docs/backtest.md, "Fills from bars"), only for a symbol with
// no quote: an order fills on the first bar that ends after the order was
// created, never on the bar it was decided on. Market orders fill at the
// bar's open moved by slippage; limit orders when the bar's range reaches the
// limit (low <= limit for buys, high >= limit for sells), at the open moved
// by slippage but never worse than the limit (so a gap through the limit
// fills at the open). A bar's volume caps what all orders together fill on
// it, earlier orders first; volume 0 means unknown and does not cap.
//
// Fee = fee_bps of the notional + the flat fee per fill. Stateless: working
// orders live in the engine.
class PaperBroker final : public Broker {
 public:
  std::vector<ExecutionReport> submit(const Order& order, const BrokerView& view) override;
  std::vector<ExecutionReport> on_quote(const std::vector<const Order*>& working, const BrokerView& view) override;
  std::vector<ExecutionReport> on_bar(const std::vector<const Order*>& working, const Bar& bar,
                                      const BrokerView& view) override;
  std::vector<ExecutionReport> cancel(const Order& order, const BrokerView& view) override;
  // Paper money only: live mode needs a live broker (stonks-server's adapter).
  bool can_trade_live() const override { return false; }

  // The fill `order` would get against `view.quote` now, if any.
  static std::optional<ExecutionReport> match(const Order& order, const BrokerView& view);
  // The fill `order` would get from `bar` (ignoring its volume), if any.
  static std::optional<ExecutionReport> match(const Order& order, const Bar& bar, const PaperFillConfig& paper);
};

}  // namespace stonks
