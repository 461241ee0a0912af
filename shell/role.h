// An operator's role: what a token may do.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace stonks::server {

// operator: every route; viewer: GET only (403 for anything else);
// submitter: an algorithm's or a signal sender's token, fixed to one source
// (Operator::source): it may submit, preview and cancel its own orders, post
// signals and read an order by id (403 for anything else; see HttpServer).
enum class Role { kOperator, kViewer, kSubmitter };

inline std::string_view to_string(Role role) {
  switch (role) {
    case Role::kOperator:
      return "operator";
    case Role::kViewer:
      return "viewer";
    case Role::kSubmitter:
      return "submitter";
  }
  return "operator";
}

inline std::optional<Role> parse_role(std::string_view text) {
  if (text == "operator") return Role::kOperator;
  if (text == "viewer") return Role::kViewer;
  if (text == "submitter") return Role::kSubmitter;
  return std::nullopt;
}

// The longest name after "strategy:" or "signal:" (POST /api/signals/{name}
// takes names of 1-48 characters).
inline constexpr std::size_t kMaxSubmitterSourceName = 48;

// Whether `source` fits a submitter: "strategy:<name>" or "signal:<name>",
// the name 1-48 of [A-Za-z0-9._-].
inline bool valid_submitter_source(std::string_view source) {
  for (std::string_view family : {std::string_view("strategy:"), std::string_view("signal:")}) {
    if (source.substr(0, family.size()) != family) continue;
    const std::string_view name = source.substr(family.size());
    if (name.empty() || name.size() > kMaxSubmitterSourceName) return false;
    for (char c : name) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '_' || c == '-';
      if (!ok) return false;
    }
    return true;
  }
  return false;
}

}  // namespace stonks::server
