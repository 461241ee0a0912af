#include "model/order_intent.h"

namespace stonks {
namespace {

constexpr std::string_view kAssignedPrefix = "so-";

bool is_token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == ':' || c == '-';
}

Status validate_token(const std::string& value, std::size_t max_len, bool allow_empty, const char* field) {
  if (value.empty() && !allow_empty) return Status::invalid_argument(std::string(field) + " must not be empty", field);
  if (value.size() > max_len)
    return Status::invalid_argument(std::string(field) + " longer than " + std::to_string(max_len) + " characters",
                                    field);
  for (char c : value)
    if (!is_token_char(c))
      return Status::invalid_argument(std::string(field) + " may hold only letters, digits and . _ : -", field);
  return Status::ok();
}

}  // namespace

Status validate(const OrderIntent& intent) {
  if (intent.symbol.empty()) return Status::invalid_argument("ticker is required", "ticker");
  if (intent.qty <= 0) return Status::invalid_argument("quantity must be positive", "qty");
  if (intent.qty > OrderIntent::kMaxQuantity)
    return Status::invalid_argument("quantity above " + std::to_string(OrderIntent::kMaxQuantity), "qty");
  if (intent.type == OrderType::kLimit) {
    if (!intent.limit_price) return Status::invalid_argument("limit orders need a limit price", "limit_price");
    if (intent.limit_price->micros() <= 0)
      return Status::invalid_argument("limit price must be positive", "limit_price");
  } else if (intent.limit_price) {
    return Status::invalid_argument("market orders take no limit price", "limit_price");
  }
  Status s = validate_token(intent.client_order_id, OrderIntent::kMaxClientOrderIdLength, true, "client_order_id");
  if (!s.is_ok()) return s;
  return validate_token(intent.source, OrderIntent::kMaxSourceLength, false, "source");
}

std::string assigned_client_order_id(OrderId id) { return std::string(kAssignedPrefix) + std::to_string(id); }

bool has_assigned_prefix(std::string_view client_order_id) {
  return client_order_id.substr(0, kAssignedPrefix.size()) == kAssignedPrefix;
}

std::optional<OrderId> order_id_of_assigned(std::string_view text) {
  if (!has_assigned_prefix(text)) return std::nullopt;
  const std::string_view digits = text.substr(kAssignedPrefix.size());
  // Exactly what assigned_client_order_id() prints: no sign, no leading zero.
  if (digits.empty() || digits.size() > 19 || digits[0] == '0') return std::nullopt;
  OrderId id = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + static_cast<OrderId>(c - '0');
  }
  return id;
}

}  // namespace stonks
