// OrderTicketPanel: the order ticket. Ticker, side, qty, market/limit and
// limit price; while the operator edits, the risk preview (POST
// /api/orders/preview, the same body as the order) shows every check passing
// or failing and what the approval gate would do, by which rule; Send (POST /api/orders) shows what became of the
// order. Bad input shows at the field the API names.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "imgui_ui/desk_context.h"
#include "imgui_ui/sections/order_outcome.h"
#include "imgui_ui/widgets/field_errors.h"

namespace stonks::ui {

class OrderTicketPanel {
 public:
  // At most this many previews a second while the fields change...
  static constexpr double kPreviewInterval = 0.25;
  // ...and a refresh this often while only the market or the account moves.
  static constexpr double kPreviewRefresh = 1.0;

  void draw(DeskContext& ctx);

 private:
  // The body POST /api/orders and its preview get.
  nlohmann::json body() const;
  void draw_fields(DeskContext& ctx);
  // The ticker's prices, completions and the position before and after;
  // true when a completion was clicked (the ticker changed).
  bool draw_market_line(DeskContext& ctx, float label);
  // `text` is `body` serialised: what tells one ticket from another.
  void request_preview(DeskContext& ctx, const nlohmann::json& body, const std::string& text);
  void draw_preview(DeskContext& ctx, const std::string& text);
  void send(DeskContext& ctx, const nlohmann::json& body);

  char ticker_[16] = {};
  std::uint64_t ticker_changes_seen_ = 0;  // DeskNavigation::ticker_changes last taken
  Side side_ = Side::kBuy;
  int qty_ = 1;
  bool limit_ = false;
  char limit_price_[32] = {};
  FieldErrors errors_;  // from the last preview or send

  struct Preview {
    std::string body;  // the ticket it was made for
    bool ok = false;
    std::string notional;
    std::vector<std::string> passed;
    std::vector<std::pair<std::string, std::string>> denials;  // code, detail
    std::string unavailable;                                   // why there is no preview (the route failed)
    // What the approval gate would do ("held by rule 2 ...: ..."); empty
    // when risk refuses (the gate is never reached).
    std::string gate;
    bool gate_holds = false;
  };
  std::optional<Preview> preview_;
  std::string previewed_body_;  // the body of the last preview asked for
  double previewed_at_ = -1e9;  // ImGui time it was asked
  EventSeq previewed_seq_ = 0;  // the state it was asked against
  bool preview_in_flight_ = false;

  bool sending_ = false;
  std::optional<OrderOutcome> outcome_;  // of the last send
};

}  // namespace stonks::ui
