// A pending order's market now: the live bid and ask, how far the price it
// would trade at moved since the order was made (from the notional the
// risk checks priced it at), and whether the quote is stale.
#pragma once

#include <optional>
#include <string>

#include "market/market_state.h"
#include "model/order.h"
#include "risk/approval.h"

namespace stonks::ui {

struct PendingQuote {
  const Quote* quote = nullptr;  // null: none seen
  Price then;                    // the reference price at intake: notional / qty
  std::optional<Price> now;      // the side it trades on: ask for a buy, bid for a sell
  std::int64_t move_bps = 0;     // (now - then) / then, against the order when positive for a buy
  bool stale = false;            // the quote is older than the desk's threshold
};

PendingQuote pending_quote(const ApprovalRequest& request, const Order& order, const MarketState& market, Timestamp now,
                           Duration stale_after);

// "99.90 / 100.10"; "no quote".
std::string bid_ask_text(const PendingQuote& q);
// "+0.25 (+25 bps)", "-1.10 (-110 bps)", "0.00 (0 bps)"; "" without a price now.
std::string move_text(const PendingQuote& q);

}  // namespace stonks::ui
