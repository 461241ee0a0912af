// The JSON form of EngineState: one object with every stored field (snapshot
// format 1, and the JSON part of format 2: journal/binary_state_codec.h),
// beside the event codec (journal/event_codec.h) it complements.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/engine_state.h"
#include "model/status.h"

namespace stonks {

// The shape (format 1), every key always written:
//
//   {"format":1, "last_seq", "next_order_id", "next_approval_id",
//    "next_lockout_id", "next_fill_id", "mode", "halted", "halt_cause", "halt_reason",
//    "last_flatten": <flatten report> (only after a halt & flatten),
//    "config": <risk config>, "config_history": [{"config","changed_by","changed_at"}],
//    "orders": [<order view>], "fills": [<fill>], "recent_submissions": [<time>],
//    "recent_news": [<news>], "approvals": [<approval request>],
//    "lockouts": [<lockout, without the derived "active">],
//    "market": {"quotes": [<quote>], "last_prices": [{"ticker","price"}],
//               "history": [{"ticker","points":[[<time>,<price>],...]}]},
//    "portfolio": {"cash","deposits","day_deposits","realized_pnl","fees_paid",
//                  "day","day_start_equity",
//                  "positions": [{"ticker","qty","cost_basis","realized_pnl"}]}}
//
// Nested values use their own codecs (json/order_json.h, risk_json.h,
// market_data_json.h, json/risk_config_json.h); money and prices are exact
// decimal strings, times ISO-8601 UTC. Maps become lists in key order (ids,
// tickers); fills, recent_* and config_history keep their stored order.
// The derived indexes (order_by_client_id, open_orders, working_orders,
// valuation, the approval and lockout books' indexes) are not stored.
nlohmann::json to_json(const EngineState& state);

// Reads the shape above strictly (unknown, missing or mistyped fields, a
// format other than 1, an order or config that its own codec refuses, a
// repeated id or ticker are kInvalidArgument naming the dotted path, e.g.
// "orders[3].filled_qty") and rebuilds the derived indexes, so that
// engine_state_from_json(to_json(s)) == s for every state the engine builds.
Result<EngineState> engine_state_from_json(const nlohmann::json& value);

// The binary snapshot's JSON part (journal/binary_state_codec.h): to_json()
// without "format", "orders" and "fills", which it carries as binary records.
// The reader fills `state` but for those (and the derived indexes).
nlohmann::json to_json_without_orders_and_fills(const EngineState& state);
Status read_json_without_orders_and_fills(const nlohmann::json& value, EngineState& state);
// Every cancel request names an order working at the broker (checked once the
// orders are read: format 2 reads them after the JSON part).
Status check_cancel_requests(const EngineState& state);

// The readable serialized form (the web build's state export, tests
// comparing states): compact JSON text of to_json(state), and back.
// Snapshots are written in the binary form (journal/binary_state_codec.h),
// which also reads this one.
// Exact under the same bounds as the event codec (journal/event_codec.h):
// strings valid UTF-8, times in years 0000-9999.
std::string encode_engine_state(const EngineState& state);
Result<EngineState> decode_engine_state(std::string_view text);

}  // namespace stonks
