// RiskContext: everything a pre-trade check may look at, read-only.
#pragma once

#include <optional>

#include "config/risk_config.h"
#include "market/market_state.h"
#include "model/fixed_point.h"
#include "model/time.h"
#include "portfolio/portfolio.h"
#include "portfolio/valuation.h"
#include "risk/lockout.h"

namespace stonks {

// Orders already waiting or working, not counting the one under check.
struct OpenOrderSummary {
  int count = 0;                    // pending approval, approved or working at the broker
  Money buy_notional;               // reserved against buying power
  Quantity sell_qty_in_symbol = 0;  // unfilled sells in the order's symbol
  Quantity buy_qty_in_symbol = 0;   // unfilled buys in the order's symbol
};

// The order's symbol as the checks read it: one lookup per map when the
// context is built, instead of one per check (a dozen per order).
struct SymbolFacts {
  const Quote* quote = nullptr;     // null: no quote seen
  std::optional<Price> last_price;  // the mark; none: no price seen
  Position position;                // flat when nothing is held
};

// Looks `s` up in the market and the portfolio. The quote pointer lives as
// long as `market` is not changed.
SymbolFacts symbol_facts(const Symbol& s, const MarketState& market, const Portfolio& portfolio);

struct RiskContext {
  const RiskConfig& config;
  TradingMode mode;
  bool halted;  // reduce-only: only exposure-reducing orders pass
  Timestamp now;
  const LockoutBook& lockouts;
  const MarketState& market;
  const Portfolio& portfolio;
  const Valuation& valuation;  // the portfolio at the market's marks
  OpenOrderSummary open;
  int orders_in_rate_window = 0;  // submissions inside the throttle window
  // True when the order is arriving; false for the re-check on approval,
  // where the intake throttle no longer applies.
  bool at_intake = true;
  // The broker simulates fills for paper mode (Broker::can_trade_paper).
  bool paper_fills = true;
  // The symbol of the order under check (symbol_facts of it): the checks
  // read the quote, mark and position from here, not from market/portfolio.
  SymbolFacts symbol;
};

}  // namespace stonks
