#include "api/request_parsing.h"

#include <algorithm>
#include <limits>

#include "json/json_values.h"
#include "json/strict_json.h"

namespace stonks {
namespace {

// Canonical decimal digits ("0" or no leading zero), no overflow.
std::optional<std::uint64_t> parse_canonical_uint(std::string_view text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  if (text.size() > 1 && text[0] == '0') return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      if (text.size() - i < 3) return std::nullopt;  // '%' needs two hex digits after it
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

bool is_valid_utf8(const std::string& s) { return valid_utf8(s) == s; }

// For messages: at most 40 bytes of `s`, made valid UTF-8.
std::string quote_short(const std::string& s) { return "\"" + valid_utf8(s.substr(0, 40)) + "\""; }

}  // namespace

std::optional<std::uint64_t> parse_path_id(std::string_view segment) {
  std::optional<std::uint64_t> id = parse_canonical_uint(segment);
  if (!id || *id == 0) return std::nullopt;
  return id;
}

Result<QueryParams> QueryParams::parse(std::string_view raw, const std::vector<std::string_view>& allowed) {
  QueryParams out;
  if (raw.empty()) return out;
  std::size_t start = 0;
  while (start <= raw.size()) {
    std::size_t end = raw.find('&', start);
    if (end == std::string_view::npos) end = raw.size();
    const std::string_view piece = raw.substr(start, end - start);
    if (piece.empty()) return Status::invalid_argument("malformed query string: empty parameter");
    const std::size_t eq = piece.find('=');
    std::optional<std::string> key = percent_decode(piece.substr(0, eq));
    std::optional<std::string> value =
        eq == std::string_view::npos ? std::string() : percent_decode(piece.substr(eq + 1));
    if (!key || !value) return Status::invalid_argument("malformed query string: bad percent escape");
    if (!is_valid_utf8(*key) || !is_valid_utf8(*value))
      return Status::invalid_argument("query parameter is not valid UTF-8", valid_utf8(key->substr(0, 40)));
    if (std::find(allowed.begin(), allowed.end(), std::string_view(*key)) == allowed.end()) {
      std::string expected;
      for (std::string_view a : allowed) expected += (expected.empty() ? "" : ", ") + std::string(a);
      return Status::invalid_argument("unknown query parameter " + quote_short(*key) +
                                          (allowed.empty() ? "; this route takes none" : "; expected " + expected),
                                      valid_utf8(key->substr(0, 40)));
    }
    if (!out.values_.emplace(*key, std::move(*value)).second)
      return Status::invalid_argument("query parameter " + quote_short(*key) + " given twice", *key);
    start = end + 1;
  }
  return out;
}

const std::string* QueryParams::get(std::string_view key) const {
  auto it = values_.find(key);
  return it == values_.end() ? nullptr : &it->second;
}

Result<std::uint64_t> QueryParams::get_uint(std::string_view key, std::uint64_t fallback, std::uint64_t min,
                                            std::uint64_t max) const {
  const std::string* text = get(key);
  if (text == nullptr) return fallback;
  std::optional<std::uint64_t> value = parse_canonical_uint(*text);
  if (!value || *value < min || *value > max)
    return Status::invalid_argument("expected an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                                        ", got " + quote_short(*text),
                                    std::string(key));
  return *value;
}

Result<PageRequest> page_from_query(const QueryParams& query, std::string_view cursor_key, const ApiOptions& options) {
  PageRequest page;
  Result<std::uint64_t> after = query.get_uint(cursor_key, 0, 0, std::numeric_limits<std::uint64_t>::max());
  if (!after.is_ok()) return after.status();
  const std::uint64_t max_limit = std::max<std::uint64_t>(options.max_page_size, 1);
  const std::uint64_t fallback = std::clamp<std::uint64_t>(options.default_page_size, 1, max_limit);
  Result<std::uint64_t> limit = query.get_uint("limit", fallback, 1, max_limit);
  if (!limit.is_ok()) return limit.status();
  page.after = *after;
  page.limit = static_cast<std::size_t>(*limit);
  return page;
}

Result<nlohmann::json> parse_object_body(std::string_view body, const ApiOptions& options) {
  Result<nlohmann::json> parsed = parse_json_strict(body, StrictJsonLimits{options.max_json_depth});
  if (!parsed.is_ok()) return parsed.status();
  if (!parsed->is_object())
    return Status::invalid_argument("the body must be a JSON object, got " + describe_json(*parsed));
  return parsed;
}

}  // namespace stonks
