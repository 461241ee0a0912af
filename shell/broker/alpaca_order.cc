#include "alpaca_order.h"

#include <cctype>

#include "json/json_values.h"
#include "model/side.h"

namespace stonks::alpaca {
namespace {

// A plain decimal ("101.1234565") as micro-units, rounded half up past six
// places; nullopt for anything else (signs other than a leading '-', exponents).
std::optional<std::int64_t> rounded_micros(const std::string& text) {
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  std::int64_t micros = 0, frac = 0;
  int places = 0;
  bool digits = false, round_up = false;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, digits = true)
    if (__builtin_mul_overflow(micros, 10, &micros) || __builtin_add_overflow(micros, text[i] - '0', &micros))
      return std::nullopt;
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, digits = true) {
      if (places < fixed_point::kDecimals) frac = frac * 10 + (text[i] - '0');
      if (places == fixed_point::kDecimals) round_up = text[i] >= '5';
      ++places;
    }
  }
  if (!digits || i != text.size()) return std::nullopt;
  for (int p = std::min(places, fixed_point::kDecimals); p < fixed_point::kDecimals; ++p) frac *= 10;
  if (__builtin_mul_overflow(micros, fixed_point::kScale, &micros) ||
      __builtin_add_overflow(micros, frac + (round_up ? 1 : 0), &micros))
    return std::nullopt;
  return negative ? -micros : micros;
}

Result<std::string> string_field(const nlohmann::json& json, const char* field) {
  auto it = json.find(field);
  if (it == json.end() || !it->is_string())
    return Status::invalid_argument(std::string("the broker's order has no ") + field, field);
  return it->get<std::string>();
}

}  // namespace

Result<std::int64_t> decimal_field(const nlohmann::json& json, const char* field) {
  auto it = json.find(field);
  if (it == json.end() || it->is_null()) return std::int64_t{0};
  if (it->is_string()) {
    if (std::optional<std::int64_t> m = rounded_micros(it->get<std::string>())) return *m;
  } else {
    Result<std::int64_t> m = micros_from_json(*it);
    if (m.is_ok()) return m;
  }
  return Status::invalid_argument(std::string("the broker's ") + field + " is not a decimal: " + describe_json(*it),
                                  field);
}

Result<BrokerOrder> parse_broker_order(const nlohmann::json& json) {
  if (!json.is_object()) return Status::invalid_argument("the broker's order is not a JSON object");
  BrokerOrder o;
  Result<std::string> id = string_field(json, "id");
  if (!id.is_ok()) return id.status();
  Result<std::string> cid = string_field(json, "client_order_id");
  if (!cid.is_ok()) return cid.status();
  Result<std::string> status = string_field(json, "status");
  if (!status.is_ok()) return status.status();
  Result<std::int64_t> qty = decimal_field(json, "filled_qty");
  if (!qty.is_ok()) return qty.status();
  Result<std::int64_t> avg = decimal_field(json, "filled_avg_price");
  if (!avg.is_ok()) return avg.status();
  if (*qty < 0 || *avg < 0) return Status::invalid_argument("the broker's fill figures are negative", "filled_qty");
  o.id = *id;
  o.client_order_id = *cid;
  o.status = *status;
  o.filled_qty = *qty / fixed_point::kScale;
  o.filled_avg_price = Price::from_micros(*avg);
  return o;
}

bool is_final_status(const std::string& s) {
  return s == "filled" || s == "canceled" || s == "expired" || s == "rejected" || s == "replaced";
}

std::string broker_client_order_id(const std::string& instance_id, OrderId id) {
  return "so-" + instance_id + "-" + std::to_string(id);
}

nlohmann::json order_request(const OrderIntent& intent, const std::string& client_order_id) {
  nlohmann::json body = {{"symbol", intent.symbol.str()},     {"qty", std::to_string(intent.qty)},
                         {"side", to_string(intent.side)},  // Alpaca's names are ours
                         {"type", to_string(intent.type)},    {"time_in_force", "day"},
                         {"client_order_id", client_order_id}};
  if (intent.type == OrderType::kLimit && intent.limit_price) body["limit_price"] = intent.limit_price->to_string();
  return body;
}

}  // namespace stonks::alpaca
