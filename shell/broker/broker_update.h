// BrokerWork and BrokerUpdate: what the engine thread asks of the network
// worker, and what the worker learned for the engine thread.
#pragma once

#include <string>

#include "alpaca_order.h"
#include "model/ids.h"
#include "model/market_data.h"
#include "model/order_intent.h"

namespace stonks::alpaca {

struct BrokerWork {
  enum class Kind {
    kSubmit,     // a new order: POST it (the broker cannot have seen it)
    kReconcile,  // an order submitted before a restart: look it up first, POST only if the broker never saw it
    kCancel,     // DELETE it, then let the polls tell what really happened
  };
  Kind kind = Kind::kSubmit;
  OrderId order_id = 0;
  OrderIntent intent;  // kSubmit, kReconcile
};

struct BrokerUpdate {
  enum class Kind {
    kOrder,       // the broker's view of the order (order_reports.h turns it into reports)
    kRefused,     // the broker refused the POST (403, 422, ...): message says why
    kWithdrawn,   // cancelled before the broker ever saw it
    kReconciled,  // every order of the startup reconciliation is up to date (after their kOrder updates)
    kQuote,       // a new latest quote of a watched symbol (its `at` is the engine's to set)
  };
  Kind kind = Kind::kOrder;
  OrderId order_id = 0;
  BrokerOrder order;    // kOrder
  std::string message;  // kRefused
  Quote quote;          // kQuote
};

}  // namespace stonks::alpaca
