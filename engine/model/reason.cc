#include "model/reason.h"

namespace stonks {

std::string Reason::to_string() const {
  std::string out = stonks::to_string(code);
  if (!detail.empty()) out += ": " + detail;
  return out;
}

std::vector<std::string> reason_texts(const std::vector<Reason>& reasons) {
  std::vector<std::string> out;
  out.reserve(reasons.size());
  for (const Reason& r : reasons) out.push_back(r.to_string());
  return out;
}

std::optional<Reason> parse_reason(std::string_view text) {
  const std::size_t colon = text.find(": ");
  std::optional<ReasonCode> code = parse_enum<ReasonCode>(text.substr(0, colon));
  if (!code) return std::nullopt;
  return Reason{*code, colon == std::string_view::npos ? std::string() : std::string(text.substr(colon + 2))};
}

}  // namespace stonks
