// POST /api/news and POST /api/quotes: market input fed by the host (a news
// feed natively, the simulator in the browser).
#include "api/routes.h"
#include "json/market_data_json.h"
#include "json/risk_json.h"

namespace stonks {
namespace {

// The lockouts a guard created while the last command ran (ids from `first_id`).
nlohmann::json lockouts_since(const EngineState& state, LockoutId first_id, Timestamp now) {
  nlohmann::json out = nlohmann::json::array();
  const auto& all = state.lockouts.all();
  for (auto it = all.lower_bound(first_id); it != all.end(); ++it) out.push_back(to_json(it->second, now));
  return out;
}

}  // namespace

ApiResponse post_news(RouteContext& ctx) {
  Result<NewsEvent> read = posted_news_from_json(ctx.body);
  if (!read.is_ok()) return error_response(read.status());
  NewsEvent news = *read;
  news.at = ctx.now();
  const LockoutId first = ctx.state().next_lockout_id;
  if (Status st = ctx.engine.on_news(news, ctx.now()); !st.is_ok()) return error_response(st);
  return json_response(201, {{"news", to_json(news)}, {"lockouts", lockouts_since(ctx.state(), first, ctx.now())}});
}

ApiResponse post_quote(RouteContext& ctx) {
  Result<Quote> read = posted_quote_from_json(ctx.body);
  if (!read.is_ok()) return error_response(read.status());
  Quote quote = *read;
  quote.at = ctx.now();
  const LockoutId first = ctx.state().next_lockout_id;
  if (Status st = ctx.engine.on_quote(quote, ctx.now()); !st.is_ok()) return error_response(st);
  return json_response(201, {{"quote", to_json(quote)}, {"lockouts", lockouts_since(ctx.state(), first, ctx.now())}});
}

}  // namespace stonks
