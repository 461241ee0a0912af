// Broker: where approved orders go. The engine turns what a broker reports
// into events; a broker never changes engine state itself.
#pragma once

#include <string>
#include <vector>

#include "config/risk_config.h"
#include "model/fixed_point.h"
#include "model/ids.h"
#include "model/market_data.h"
#include "model/order.h"
#include "model/time.h"

namespace stonks {

struct ExecutionReport {
  enum class Kind {
    kFill,
    kRejected,
    kCancelled,
    kAccepted,  // a remote broker acknowledged a submitted order
    kExpired,   // the broker's time in force ran out
  };
  Kind kind = Kind::kFill;
  OrderId order_id = 0;
  Quantity qty = 0;    // fills
  Price price;         // fills
  Money fee;           // fills
  std::string reason;  // rejections, cancels and expiries
  bool operator==(const ExecutionReport&) const = default;
};

// What a broker may look at when it answers: the quote for the order's
// symbol (null when none), the paper fill settings and the time.
struct BrokerView {
  const Quote* quote;
  const PaperFillConfig& paper;
  Timestamp now;
};

class Broker {
 public:
  virtual ~Broker() = default;

  // An order approved for execution. A simulated venue answers at once with
  // fills; a remote one returns nothing and its reports arrive later through
  // Engine::report_execution.
  virtual std::vector<ExecutionReport> submit(const Order& order, const BrokerView& view) = 0;

  // A new quote for the symbol of `working` (orders open at this broker).
  // A simulated venue fills what the quote crosses; a remote one ignores it.
  virtual std::vector<ExecutionReport> on_quote(const std::vector<const Order*>& working, const BrokerView& view) = 0;

  // A new bar of the symbol of `working` (a replayed market has bars and no
  // quotes). A simulated venue fills from it what the bar's range crosses
  // (docs/backtest.md); a remote one ignores it, as this default does.
  virtual std::vector<ExecutionReport> on_bar(const std::vector<const Order*>& /*working*/, const Bar& /*bar*/,
                                              const BrokerView& /*view*/) {
    return {};
  }

  // Asks to cancel a working order: a cancel report now, or later.
  virtual std::vector<ExecutionReport> cancel(const Order& order, const BrokerView& view) = 0;
  // Whether orders sent here trade real money: only then may the engine
  // enter live mode. A simulated venue never can; a live adapter can when it
  // is configured and its account is usable.
  virtual bool can_trade_live() const = 0;
  // Whether it simulates fills for paper mode. A live adapter does not: its
  // fills are the broker account's, and simulated ones in the same portfolio
  // would show up as differences from that account.
  virtual bool can_trade_paper() const { return true; }
};

}  // namespace stonks
