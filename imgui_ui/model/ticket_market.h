// What the ticket shows about the order being typed, before Send: the
// ticker's bid, ask and last, the tickers it may be completing, the
// position before and after the order and its estimated notional -- or
// that the engine quotes no such ticker.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine_state.h"

namespace stonks::ui {

struct TicketMarket {
  bool known = false;  // the engine has a price for the ticker
  std::optional<Price> bid, ask, last;
  Quantity position_before = 0, position_after = 0;
  // qty at the limit price, else at the side's quote (ask for a buy, bid
  // for a sell), else at the last price; nullopt without a price.
  std::optional<Money> notional;
  // Quoted tickers starting with the text (any case), at most kMaxCompletions,
  // when the text is not one already.
  static constexpr std::size_t kMaxCompletions = 8;
  std::vector<std::string> completions;
};

TicketMarket ticket_market(const EngineState& state, std::string_view ticker, Side side, Quantity qty,
                           std::optional<Price> limit);

}  // namespace stonks::ui
