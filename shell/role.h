// An operator's role: what a token may do.
#pragma once

#include <optional>
#include <string_view>

namespace stonks::server {

// operator: every route; viewer: GET only (403 for anything else).
enum class Role { kOperator, kViewer };

inline std::string_view to_string(Role role) { return role == Role::kOperator ? "operator" : "viewer"; }

inline std::optional<Role> parse_role(std::string_view text) {
  if (text == "operator") return Role::kOperator;
  if (text == "viewer") return Role::kViewer;
  return std::nullopt;
}

}  // namespace stonks::server
