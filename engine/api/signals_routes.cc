// POST /api/signals/{name}: an alert from outside (a TradingView alert's
// webhook, a script) becomes an order from source "signal:<name>", checked by
// risk, the approval rules and the gate like any other.
//
// The body is the JSON a user writes into the alert's message, where
// placeholders expand to text: {"ticker": "{{ticker}}", "side":
// "{{strategy.order.action}}", "qty": "{{strategy.order.contracts}}"}. So
// qty and limit_price may come as strings, side in any case, and the ticker
// with its exchange ("NASDAQ:AAPL"). "token" carries the sender's token for
// senders that cannot set a header: the host authenticates with it; here it
// is accepted and never read, logged or answered back.
#include <cctype>

#include "api/routes.h"
#include "json/json_object_reader.h"
#include "json/json_values.h"

namespace stonks {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// A whole number of shares from a JSON integer, an integral float (10.0)
// or the text of one ("10").
bool read_qty(const nlohmann::json& v, Quantity& out) {
  if (v.is_number_integer()) {
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(OrderIntent::kMaxQuantity))
      return false;
    out = v.get<std::int64_t>();
    return true;
  }
  Result<std::int64_t> micros = micros_from_json(v);  // numbers and decimal text alike
  if (!micros.is_ok() || *micros % 1'000'000 != 0) return false;
  out = *micros / 1'000'000;
  return true;
}

Result<OrderIntent> signal_intent(const nlohmann::json& body, const std::string& source) {
  JsonObjectReader r(body);
  OrderIntent intent;
  intent.source = source;
  std::string ticker;
  if (r.required_string("ticker", ticker)) {
    // TradingView's {{exchange}}:{{ticker}}: the exchange goes.
    if (std::size_t colon = ticker.rfind(':'); colon != std::string::npos) ticker = ticker.substr(colon + 1);
    Result<Symbol> symbol = Symbol::parse(ticker);
    if (!symbol.is_ok()) {
      r.fail("ticker", symbol.status().message());
    } else {
      intent.symbol = *symbol;
    }
  }
  std::string side;
  if (r.required_string("side", side)) {
    const std::string s = lower(side);
    if (s == "buy") {
      intent.side = Side::kBuy;
    } else if (s == "sell") {
      intent.side = Side::kSell;
    } else {
      r.fail("side", "expected \"buy\" or \"sell\" (any case), got \"" + side.substr(0, 40) + "\"");
    }
  }
  if (const nlohmann::json* qty = r.required_value("qty"); qty && !read_qty(*qty, intent.qty))
    r.fail("qty", "expected a whole number of shares (10 or \"10\")");
  if (const nlohmann::json* price = r.optional_value("limit_price"); price && !price->is_null()) {
    Result<std::int64_t> micros = micros_from_json(*price);
    if (!micros.is_ok()) {
      r.fail("limit_price", micros.status().message());
    } else {
      intent.limit_price = Price::from_micros(*micros);
      intent.type = OrderType::kLimit;
    }
  }
  OrderType type = intent.type;
  if (r.optional_enum("type", type)) intent.type = type;
  r.optional_string("client_order_id", intent.client_order_id);
  std::string token;
  r.optional_string("token", token);  // the host's; only marked as known here
  if (Status st = r.finish(); !st.is_ok()) return st;
  if (Status st = validate(intent); !st.is_ok()) return st;
  return intent;
}

}  // namespace

ApiResponse post_signal(RouteContext& ctx) {
  const std::string source = "signal:" + std::string(ctx.name);
  if (!ctx.request.fixed_source.empty() && ctx.request.fixed_source != source)
    return error_response(Status::permission_denied(ctx.actor() + " sends signals as " + ctx.request.fixed_source +
                                                    " only, not " + source));
  Result<OrderIntent> intent = signal_intent(ctx.body, source);
  if (!intent.is_ok()) return error_response(intent.status());
  return submit_intent(ctx, *intent);
}

}  // namespace stonks
