// The ticket's market line.
#include "imgui_ui/model/ticket_market.h"

#include "imgui_ui/model/order_rows.h"

namespace stonks::ui {

TicketMarket ticket_market(const EngineState& s, std::string_view ticker, Side side, Quantity qty,
                           std::optional<Price> limit) {
  TicketMarket out;
  if (ticker.empty()) return out;
  for (const auto& [symbol, mark] : s.market.last_prices()) {
    const std::string& name = symbol.str();
    if (equal_folded(name, ticker)) {
      out.known = true;
      out.last = mark;
      if (const Quote* q = s.market.quote(symbol)) {
        out.bid = q->bid;
        out.ask = q->ask;
      }
      out.position_before = s.portfolio.position(symbol).qty;
    } else if (name.size() > ticker.size() && equal_folded(std::string_view(name).substr(0, ticker.size()), ticker) &&
               out.completions.size() < TicketMarket::kMaxCompletions) {
      out.completions.push_back(name);
    }
  }
  if (out.known) out.completions.clear();
  if (!out.known) return out;
  qty = std::max<Quantity>(qty, 0);
  out.position_after = out.position_before + (side == Side::kBuy ? qty : -qty);
  const std::optional<Price> at = limit ? limit : (side == Side::kBuy ? out.ask : out.bid);
  if (const std::optional<Price> price = at ? at : out.last) out.notional = saturating_notional(*price, qty);
  return out;
}

}  // namespace stonks::ui
