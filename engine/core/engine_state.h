// EngineState: everything the engine knows, built only by applying events.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/risk_config.h"
#include "core/chunked_vector.h"
#include "core/events.h"
#include "core/open_order_book.h"
#include "core/order_table.h"
#include "core/working_orders.h"
#include "market/market_state.h"
#include "model/fill.h"
#include "model/order.h"
#include "portfolio/portfolio.h"
#include "portfolio/valuation.h"
#include "risk/approval.h"
#include "risk/lockout.h"

namespace stonks {

struct ConfigVersion {
  RiskConfig config;
  std::string changed_by;
  Timestamp changed_at{};
  bool operator==(const ConfigVersion&) const = default;
};

// A cancel asked of a remote broker and not yet answered (CancelRequested).
struct CancelRequest {
  std::string by;
  std::string reason;
  Timestamp at{};
  bool operator==(const CancelRequest&) const = default;
};

struct EngineState {
  EventSeq last_seq = 0;
  OrderId next_order_id = 1;
  ApprovalId next_approval_id = 1;
  LockoutId next_lockout_id = 1;
  FillId next_fill_id = 1;

  TradingMode mode = TradingMode::kPaper;
  bool halted = false;
  HaltCause halt_cause = HaltCause::kOperator;  // meaningful while halted
  std::string halt_reason;
  std::optional<FlattenReport> last_flatten;  // the newest halt & flatten's report
  RiskConfig config;
  std::vector<ConfigVersion> config_history;  // every version after the defaults, oldest first

  OrderTable orders;
  // Client-chosen ids only: an assigned one ("so-<id>") names its order.
  std::unordered_map<std::string, OrderId> order_by_client_id;
  OpenOrderBook open_orders;                         // pending approval, approved or at the broker
  WorkingOrders working_orders;                      // at the broker, by symbol
  std::map<OrderId, CancelRequest> cancel_requests;  // working orders only: dropped when the order ends
  std::deque<Timestamp> recent_submissions;          // for the order-rate throttle
  ChunkedVector<Fill> fills;                         // a million fills are never copied to grow
  std::deque<NewsEvent> recent_news;                 // newest last, at most kMaxRecentNews
  static constexpr std::size_t kMaxRecentNews = 200;

  ApprovalBook approvals;
  LockoutBook lockouts;
  MarketState market;
  Portfolio portfolio;
  Valuation valuation;  // portfolio at market marks, kept with each quote, bar and fill

  const Order* order(OrderId id) const;
  const Order* order_by_client_order_id(std::string_view client_order_id) const;
  // Config version `version` (the built-in defaults are version 1 until a
  // change); nullptr for one this state never had.
  const RiskConfig* config_at_version(std::int64_t version) const;
  bool operator==(const EngineState&) const = default;
};

// Folds one event into the state. Events come from the engine (or a journal
// it wrote), so they are trusted to be legal in this state; seq must be
// last_seq + 1. A journal that breaks these rules (an order missing or a
// lifecycle move it forbids) gets kCorruption, with the state left as far as
// the event got.
Status apply_event(EngineState& state, const EventRecord& record);

// Recomputes order_by_client_id, open_orders and working_orders from
// `state.orders`, and the valuation from the portfolio and market, as
// apply_event maintains them (after a snapshot is read).
void rebuild_derived_state(EngineState& state);

}  // namespace stonks
