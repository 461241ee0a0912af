// OpenOrderBook: the orders still waiting or working (pending approval,
// approved, at the broker) with running totals per symbol. A risk check asks
// for the summary of everything open; with thousands of approvals pending,
// walking every open order (or every symbol) on every command made the
// approval path quadratic, so the totals move with each order, and market
// buys are repriced when their symbol's mark moves.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "market/market_state.h"
#include "model/order.h"
#include "model/symbol_map.h"
#include "risk/risk_context.h"

namespace stonks {

class OpenOrderBook {
 public:
  // Brings the book in line with `o` after any change to it: adds an order
  // that became open, updates one that filled in part, drops one that ended.
  // Market buys are valued at `market`'s mark of their symbol.
  void update(const Order& o, const MarketState& market);
  // Revalues the open market buys in `s` at its mark; call when it moved.
  void reprice(const Symbol& s, const MarketState& market);

  bool contains(OrderId id) const { return find(id) != nullptr; }
  bool empty() const { return open_ == 0; }
  std::size_t size() const { return open_; }
  std::vector<OrderId> ids() const;  // ascending

  // The open orders other than `self` (0: none excluded) as the risk checks
  // see them; market buys reserve at their symbol's mark (as of the last
  // update or reprice; `market` values `self`).
  OpenOrderSummary summary(const Symbol& symbol, OrderId self, const MarketState& market) const;

  // Symbols whose open orders all ended compare as absent (see by_symbol_).
  bool operator==(const OpenOrderBook& o) const;

 private:
  // What one open order adds to the totals.
  struct Entry {
    Symbol symbol;
    Side side = Side::kBuy;
    Quantity remaining = 0;
    std::optional<Price> limit;
    bool operator==(const Entry&) const = default;
  };
  struct SymbolTotals {
    Quantity buy_qty = 0;         // unfilled buys, market and limit
    Quantity sell_qty = 0;        // unfilled sells
    Quantity market_buy_qty = 0;  // unfilled market buys (valued at the mark)
    Money market_buy_notional;    // market_buy_qty at the mark; zero without one
    int count = 0;
    bool operator==(const SymbolTotals&) const = default;
  };
  // An order id and what it adds while open; none once it ended.
  using Slot = std::pair<OrderId, std::optional<Entry>>;
  static Money limit_notional(const Entry& e);
  void add(const Entry& e, int sign, const MarketState& market);
  void value_market_buys(const Symbol& s, SymbolTotals& t, const MarketState& market);
  const Entry* find(OrderId id) const;
  void close(std::vector<Slot>::iterator slot);

  // Ascending by id, in a flat array rather than a tree: an order that opens
  // has the highest id yet (it opens within the command that received it), so
  // it takes the back, and a paper market order that ends before the next
  // one opens leaves from the back. One that ends elsewhere leaves a hole,
  // swept out once holes outnumber the open orders.
  std::vector<Slot> entries_;
  std::size_t open_ = 0;  // slots holding an entry
  // Symbols that have had open orders. One whose orders all ended keeps its
  // (zero) totals: a paper market order is open for a few events, and
  // erasing and re-adding the symbol would reshuffle the map per order.
  SymbolMap<SymbolTotals> by_symbol_;
  Money limit_buy_notional_;   // sum over open limit buys of limit * remaining
  Money market_buy_notional_;  // sum over symbols of market_buy_notional
};

}  // namespace stonks
