// Wire forms of scalar model values: decimals, timestamps, and JSON text itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/fixed_point.h"
#include "model/status.h"
#include "model/time.h"

namespace stonks {

// Parses JSON text without throwing. Returns kInvalidArgument ("not valid
// JSON") for malformed text, invalid UTF-8, or numbers out of double range.
Result<nlohmann::json> parse_json(std::string_view text);

// Serialises without throwing: strings that are not valid UTF-8 have the bad
// bytes replaced by U+FFFD instead of raising nlohmann's type_error.
std::string dump_json(const nlohmann::json& value);

// Prices and money go on the wire as exact decimal strings: "123.45".
template <class Tag>
nlohmann::json to_json(Fixed<Tag> value) {
  return value.to_string();
}

// Reads a decimal amount as micro-units from a decimal string ("12.34",
// "1e2"), a JSON integer (12), or a JSON float whose shortest round-trip text
// has at most six decimals (12.34 yes, 1.5e-7 no). Refuses everything else
// ("NaN", "Infinity", "1e400", booleans, null) with kInvalidArgument whose
// message says what was expected; the field is left empty for the caller.
Result<std::int64_t> micros_from_json(const nlohmann::json& value);

// The shortest "%.{p}g" text (p = 1..17) that reads back as exactly `value`;
// "nan"/"inf" style text for non-finite values.
std::string shortest_double_text(double value);

// Timestamps go on the wire as ISO-8601 UTC strings: "2026-11-24T09:30:00Z".
nlohmann::json to_json(Timestamp t);

// Reads an ISO-8601 UTC string (see parse_iso8601); kInvalidArgument otherwise.
Result<Timestamp> timestamp_from_json(const nlohmann::json& value);

// `text` with every byte sequence that is not valid UTF-8 replaced by U+FFFD.
// Error messages quote (truncated) input; this keeps them safe to serialise.
std::string valid_utf8(std::string text);

// A short rendering of a JSON value for error messages ("1.5", "\"abc\"",
// "an object"), never longer than about 40 characters.
std::string describe_json(const nlohmann::json& value);

}  // namespace stonks
