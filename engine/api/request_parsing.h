// Strict parsing of the parts of a request: path ids, query parameters, page
// cursors, and a body that must be a JSON object.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_types.h"
#include "model/enum_names.h"
#include "model/status.h"

namespace stonks {

// A path id: the canonical decimal form of a number from 1 to UINT64_MAX
// ("12"; not "012", "+1", "0", "1e3" or " 1"). nullopt otherwise.
std::optional<std::uint64_t> parse_path_id(std::string_view segment);

// A non-empty body that must be one JSON object: strict JSON (json/strict_json.h)
// nested at most options.max_json_depth deep. kInvalidArgument otherwise,
// saying what the body was instead ("got an array").
Result<nlohmann::json> parse_object_body(std::string_view body, const ApiOptions& options);

// The query string, decoded: "a=1&b=x%20y" (percent escapes, '+' as a space).
class QueryParams {
 public:
  // Refuses with kInvalidArgument (field: the parameter): a key not in
  // `allowed`, a repeated key, an empty "&&" piece, a bad percent escape,
  // and a key or value that is not valid UTF-8 after decoding. A key without
  // '=' has the empty value.
  static Result<QueryParams> parse(std::string_view raw, const std::vector<std::string_view>& allowed);

  // The decoded value, or nullptr when the key is absent.
  const std::string* get(std::string_view key) const;

  // A decimal integer in [min, max] (canonical digits, as parse_path_id but 0
  // allowed), or `fallback` when absent. kInvalidArgument naming the key.
  Result<std::uint64_t> get_uint(std::string_view key, std::uint64_t fallback, std::uint64_t min,
                                 std::uint64_t max) const;
  // An enum by its wire name (?status=filled), nullopt when absent.
  // kInvalidArgument naming the key and listing the names otherwise.
  template <NamedEnum E>
  Result<std::optional<E>> get_enum(std::string_view key) const {
    const std::string* text = get(key);
    if (!text) return std::optional<E>();
    if (std::optional<E> value = parse_enum<E>(*text)) return value;
    return Status::invalid_argument("expected " + enum_choices<E>(), std::string(key));
  }

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// One page of a list: items after the cursor `after` (an id or a sequence
// number, exclusive; 0 = from the start), at most `limit` of them.
struct PageRequest {
  std::uint64_t after = 0;
  std::size_t limit = 0;
};

// Reads `cursor_key` (default 0) and "limit" (1..options.max_page_size,
// default options.default_page_size).
Result<PageRequest> page_from_query(const QueryParams& query, std::string_view cursor_key, const ApiOptions& options);

}  // namespace stonks
