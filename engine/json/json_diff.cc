#include "json/json_diff.h"

#include <algorithm>
#include <set>

namespace stonks {
namespace {

void diff(const nlohmann::json& a, const nlohmann::json& b, const std::string& path, nlohmann::json& out) {
  if (a == b) return;
  if (a.is_object() && b.is_object()) {
    std::set<std::string> keys;
    for (const auto& item : a.items()) keys.insert(item.key());
    for (const auto& item : b.items()) keys.insert(item.key());
    for (const std::string& k : keys) {
      if (path.empty() && k == "version") continue;
      const nlohmann::json none;
      auto ia = a.find(k);
      auto ib = b.find(k);
      diff(ia == a.end() ? none : *ia, ib == b.end() ? none : *ib, path.empty() ? k : path + "." + k, out);
    }
    return;
  }
  if (a.is_array() && b.is_array()) {
    const nlohmann::json none;
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i)
      diff(i < a.size() ? a[i] : none, i < b.size() ? b[i] : none, path + "[" + std::to_string(i) + "]", out);
    return;
  }
  out.push_back({{"field", path}, {"from", a}, {"to", b}});
}

}  // namespace

nlohmann::json json_changes(const nlohmann::json& before, const nlohmann::json& after) {
  nlohmann::json out = nlohmann::json::array();
  diff(before, after, "", out);
  return out;
}

}  // namespace stonks
