// Strict parsing of untrusted JSON text (API request bodies).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "model/status.h"

namespace stonks {

struct StrictJsonLimits {
  // Objects and arrays nested deeper than this are refused (the top level is 1).
  int max_depth = 32;
};

// Like parse_json (json/json_values.h): refuses malformed text, invalid UTF-8
// and numbers out of double range with kInvalidArgument "not valid JSON ...".
// In addition refuses an object that repeats a key (field() names the key's
// path, e.g. "qty") and nesting deeper than limits.max_depth, both of which
// parse_json would accept. Never throws; messages are valid UTF-8.
Result<nlohmann::json> parse_json_strict(std::string_view text, StrictJsonLimits limits = {});

}  // namespace stonks
