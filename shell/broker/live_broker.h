// LiveBroker: the engine's Broker for an Alpaca-shaped REST broker. It never
// talks to the network: it stages work for the AlpacaWorker, which is handed
// over only once the engine's events for it are durable.
#pragma once

#include <functional>
#include <vector>

#include "alpaca_worker.h"
#include "broker_update.h"
#include "config/risk_config.h"
#include "execution/broker.h"

namespace stonks::alpaca {

// Engine thread only, but can_trade_live() (which reads an atomic).
class LiveBroker final : public Broker {
 public:
  // `mode` reads the engine's trading mode (set once the engine exists).
  explicit LiveBroker(AlpacaWorker& worker) : worker_(worker) {}
  void set_mode_source(std::function<TradingMode()> mode) { mode_ = std::move(mode); }

  // Outside live mode an order is refused at once (the risk checks refuse
  // paper orders before; this guards the network): the orders this broker
  // holds must all be real ones, or a restart could not tell which to
  // reconcile. In live mode: staged; nothing is reported now.
  std::vector<ExecutionReport> submit(const Order& order, const BrokerView& view) override;
  std::vector<ExecutionReport> on_quote(const std::vector<const Order*>&, const BrokerView&) override { return {}; }
  // Staged; the cancel (or the fill that beat it) is reported later.
  std::vector<ExecutionReport> cancel(const Order& order, const BrokerView& view) override;
  bool can_trade_live() const override { return worker_.account_usable(); }
  // Paper orders are refused at intake (PAPER_TRADING_UNAVAILABLE): this
  // engine's portfolio is the broker account's.
  bool can_trade_paper() const override { return false; }

  // After a successful flush: the staged work goes to the network.
  void release();
  // After a failed flush: the staged orders are not durable, so they must
  // never reach the broker (the engine refuses commands from now on).
  void discard() { staged_.clear(); }

 private:
  AlpacaWorker& worker_;
  std::function<TradingMode()> mode_;
  std::vector<BrokerWork> staged_;
};

}  // namespace stonks::alpaca
