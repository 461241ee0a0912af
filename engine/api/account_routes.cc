// GET /api/positions, GET /api/account and POST /api/account/deposits.
#include "api/routes.h"
#include "json/json_object_reader.h"
#include "json/json_values.h"

namespace stonks {
namespace {

nlohmann::json account_view(const Engine& engine, Timestamp now) {
  const EngineState& state = engine.state();
  const Portfolio& p = state.portfolio;
  const Valuation& v = state.valuation;
  return {
      {"cash", to_json(p.cash())},
      {"deposits", to_json(p.deposits())},
      {"equity", to_json(p.equity_at(v.market_value()))},
      {"market_value", to_json(v.market_value())},
      {"buying_power", to_json(engine.buying_power(now))},
      {"realized_pnl", to_json(p.realized_pnl())},
      {"unrealized_pnl", to_json(v.unrealized_pnl())},
      {"day_pnl", to_json(p.day_pnl_at(v.market_value()))},
      {"day_start_equity", to_json(p.day_start_equity())},
      {"fees_paid", to_json(p.fees_paid())},
      {"gross_exposure", to_json(v.gross_exposure())},
      {"mode", to_string(state.mode)},
      {"halted", state.halted},
      {"halt_reason", state.halt_reason},
      {"open_orders", state.open_orders.size()},
      {"pending_approvals", state.approvals.pending_count()},
      {"active_lockouts", state.lockouts.active(now).size()},
  };
}

nlohmann::json position_view(const Symbol& symbol, const Position& pos, const MarketState& market) {
  std::optional<Price> last = market.last_price(symbol);
  const Price mark = mark_price(symbol, pos, market);
  return {
      {"ticker", symbol.str()},
      {"qty", pos.qty},
      {"avg_cost", to_json(pos.avg_cost())},
      {"cost_basis", to_json(pos.cost_basis)},
      {"last_price", last ? to_json(*last) : nlohmann::json()},
      {"market_value", to_json(pos.market_value(mark))},
      {"unrealized_pnl", to_json(pos.qty == 0 ? Money() : pos.unrealized_pnl(mark))},
      {"realized_pnl", to_json(pos.realized_pnl)},
  };
}

}  // namespace

ApiResponse list_positions(RouteContext& ctx) {
  nlohmann::json positions = nlohmann::json::array();
  for (const auto& [symbol, pos] : ctx.state().portfolio.positions())
    positions.push_back(position_view(symbol, pos, ctx.state().market));
  return json_response(200, {{"positions", std::move(positions)}});
}

ApiResponse get_account(RouteContext& ctx) { return json_response(200, account_view(ctx.engine, ctx.now())); }

ApiResponse deposit(RouteContext& ctx) {
  JsonObjectReader r(ctx.body);
  Money amount;
  r.required_decimal("amount", amount);
  if (Status st = r.finish(); !st.is_ok()) return error_response(st);
  if (Status st = ctx.engine.deposit(amount, ctx.actor(), ctx.now()); !st.is_ok()) return error_response(st);
  return json_response(201, account_view(ctx.engine, ctx.now()));
}

}  // namespace stonks
