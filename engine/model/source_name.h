// The name in an order source of a family ("strategy:<name>",
// "signal:<name>"): what approval rules match, submitter tokens are fixed to
// and POST /api/signals/{name} names.
#pragma once

#include <cstddef>
#include <string_view>

namespace stonks {

inline constexpr std::size_t kMaxSourceNameLength = 48;

// 1 to kMaxSourceNameLength of [A-Za-z0-9._-].
inline bool valid_source_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxSourceNameLength) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
          c == '-'))
      return false;
  return true;
}

}  // namespace stonks
