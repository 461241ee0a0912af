#include "json/json_values.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace stonks {
namespace {

constexpr const char* kExpectedDecimal = "expected a decimal amount such as \"12.34\" (at most 6 decimals)";

Status invalid(std::string message) { return Status::invalid_argument(valid_utf8(std::move(message))); }

}  // namespace

Result<nlohmann::json> parse_json(std::string_view text) {
  try {
    nlohmann::json value = nlohmann::json::parse(text.data(), text.data() + text.size(), nullptr, false);
    if (value.is_discarded()) return Status::invalid_argument("not valid JSON");
    return value;
  } catch (...) {  // parse() with allow_exceptions=false should not throw; stay safe anyway
    return Status::invalid_argument("not valid JSON");
  }
}

std::string dump_json(const nlohmann::json& value) {
  try {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (...) {
    return "null";
  }
}

std::string shortest_double_text(double value) {
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  return buf;
}

Result<std::int64_t> micros_from_json(const nlohmann::json& value) {
  if (value.is_string()) {
    Result<std::int64_t> micros = fixed_point::parse_micros(value.get_ref<const std::string&>());
    if (!micros.is_ok()) return invalid(std::string(kExpectedDecimal) + "; " + micros.status().message());
    return micros;
  }
  if (value.is_number_unsigned() || value.is_number_integer()) {
    std::int64_t units = 0;
    if (value.is_number_unsigned()) {
      std::uint64_t u = value.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return invalid(std::string(kExpectedDecimal) + "; " + describe_json(value) + " is out of range");
      units = static_cast<std::int64_t>(u);
    } else {
      units = value.get<std::int64_t>();
    }
    std::int64_t micros = 0;
    if (__builtin_mul_overflow(units, fixed_point::kScale, &micros))
      return invalid(std::string(kExpectedDecimal) + "; " + describe_json(value) + " is out of range");
    return micros;
  }
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (!std::isfinite(d)) return invalid(std::string(kExpectedDecimal) + "; got a non-finite number");
    Result<std::int64_t> micros = fixed_point::parse_micros(shortest_double_text(d));
    if (!micros.is_ok()) return invalid(std::string(kExpectedDecimal) + "; " + micros.status().message());
    return micros;
  }
  return invalid(std::string(kExpectedDecimal) + ", got " + describe_json(value));
}

nlohmann::json to_json(Timestamp t) { return format_iso8601(t); }

Result<Timestamp> timestamp_from_json(const nlohmann::json& value) {
  if (!value.is_string())
    return invalid("expected an ISO-8601 UTC time string such as \"2026-11-24T09:30:00Z\", got " +
                   describe_json(value));
  Result<Timestamp> t = parse_iso8601(value.get_ref<const std::string&>());
  if (!t.is_ok()) return invalid("expected an ISO-8601 UTC time; " + t.status().message());
  return t;
}

std::string valid_utf8(std::string text) {
  // nlohmann's serialiser knows exactly which bytes are bad; let it replace them.
  nlohmann::json round = nlohmann::json::parse(dump_json(nlohmann::json(std::move(text))), nullptr, false);
  return round.is_string() ? round.get<std::string>() : std::string();
}

std::string describe_json(const nlohmann::json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  if (value.is_number_float()) {
    double d = value.get<double>();
    return std::isfinite(d) ? shortest_double_text(d) : "a non-finite number";
  }
  std::string text = dump_json(value);
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

}  // namespace stonks
