// PaperBroker: a simulated venue that fills against the current quote.
#pragma once

#include <optional>

#include "execution/broker.h"

namespace stonks {

// Fill rules: market orders take the ask (buys) or the bid (sells) moved by
// slippage against the trader; limit orders rest until the quote crosses the
// limit and then fill at the quote, never worse than the limit. A quote with a
// size caps the fill at that size (the rest keeps working); size 0 means the
// size is unknown and does not cap. Fee = fee_bps of the notional + the flat
// fee per fill. Stateless: working orders live in the engine.
class PaperBroker final : public Broker {
 public:
  std::vector<ExecutionReport> submit(const Order& order, const BrokerView& view) override;
  std::vector<ExecutionReport> on_quote(const std::vector<const Order*>& working, const BrokerView& view) override;
  std::vector<ExecutionReport> cancel(const Order& order, const BrokerView& view) override;
  // Paper money only: live mode needs a live broker (stonks-server's adapter).
  bool can_trade_live() const override { return false; }

  // The fill `order` would get against `view.quote` now, if any.
  static std::optional<ExecutionReport> match(const Order& order, const BrokerView& view);
};

}  // namespace stonks
