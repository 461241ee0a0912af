// What the broker's view of an order means for the engine's copy of it.
#pragma once

#include <vector>

#include "alpaca_order.h"
#include "execution/broker.h"
#include "model/order.h"

namespace stonks::alpaca {

// The execution reports that bring `engine` (an order working at the broker)
// up to `broker`; none when nothing changed, so the same view twice reports
// nothing twice. What was already reported is the engine's own state
// (filled_qty, filled_notional: durable in the journal), never a memory of
// the adapter's.
//
// First, a submitted order the broker knows (any status but rejected) is
// accepted. Fills: the cumulative filled_qty beyond the engine's becomes one
// fill, at the price that makes the engine's notional equal filled_qty x
// filled_avg_price (rounded to a micro-unit per share), fee 0 (Alpaca charges
// no commission). Then the final states: canceled -> cancelled "cancelled at
// the broker" (or with the operator's words when a cancel was requested);
// expired -> expired, fills before it kept; rejected -> rejected "rejected by
// the broker", or cancelled when part was filled (a partial fill cannot be
// rejected); replaced -> cancelled (the adapter never replaces, so it does
// not follow).
std::vector<ExecutionReport> reports_for(const Order& engine, const BrokerOrder& broker);

}  // namespace stonks::alpaca
