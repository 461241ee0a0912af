// Rule lists compared for loosening: new auto-approvals, uncovered holds,
// holds that an auto-approval now comes before.
#include "imgui_ui/model/rule_loosening.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace stonks::ui {
namespace {

// "strategy:*" covers "strategy:sma" and itself; any pattern covers itself.
bool source_covers(const std::string& wide, const std::string& narrow) {
  if (wide == narrow) return true;
  if (wide.size() < 2 || wide.back() != '*') return false;
  const std::string_view family(wide.data(), wide.size() - 1);
  return narrow.size() > family.size() && std::string_view(narrow).substr(0, family.size()) == family;
}

template <class T>
bool same_or_any(const std::optional<T>& wide, const std::optional<T>& narrow) {
  return !wide || wide == narrow;
}

std::string matchers_text(const ApprovalRule& r) {
  const std::string matchers = describe_matchers(r);
  return "(" + (matchers.empty() ? std::string("every order") : matchers) + ")";
}

// "rule 2 \"big orders\" (notional at least 10000.00)"
std::string numbered(std::size_t index, const ApprovalRule& r) {
  std::string out = "rule " + std::to_string(index + 1);
  if (!r.name.empty()) out += " \"" + r.name + "\"";
  return out + " " + matchers_text(r);
}

bool is_auto(const ApprovalRule& r) { return r.decision == RuleDecision::kAutoApprove; }

// The same matchers, whatever the decision and the name.
bool same_matchers(ApprovalRule a, const ApprovalRule& b) {
  a.decision = b.decision;
  a.name = b.name;
  return a == b;
}

// Whether rules[0, end) holds `rule`, its name aside (a rename changes nothing).
bool contains(const std::vector<ApprovalRule>& rules, std::size_t end, const ApprovalRule& rule) {
  for (std::size_t i = 0; i < end; ++i)
    if (rules[i].decision == rule.decision && same_matchers(rules[i], rule)) return true;
  return false;
}

}  // namespace

bool rule_covers(const ApprovalRule& wide, const ApprovalRule& narrow) {
  if (wide.source && !(narrow.source && source_covers(*wide.source, *narrow.source))) return false;
  if (!wide.tickers.empty()) {
    if (narrow.tickers.empty()) return false;
    for (const Symbol& s : narrow.tickers)
      if (std::find(wide.tickers.begin(), wide.tickers.end(), s) == wide.tickers.end()) return false;
  }
  if (!same_or_any(wide.side, narrow.side) || !same_or_any(wide.type, narrow.type) ||
      !same_or_any(wide.exposure, narrow.exposure))
    return false;
  if (wide.notional_min && !(narrow.notional_min && *narrow.notional_min >= *wide.notional_min)) return false;
  if (wide.notional_max && !(narrow.notional_max && *narrow.notional_max <= *wide.notional_max)) return false;
  return true;
}

std::vector<std::string> rules_loosening(const std::vector<ApprovalRule>& before,
                                         const std::vector<ApprovalRule>& after) {
  std::vector<std::string> out;
  // An auto-approval the old list did not have.
  for (std::size_t j = 0; j < after.size(); ++j) {
    const ApprovalRule& a = after[j];
    if (!is_auto(a) || contains(before, before.size(), a)) continue;
    if (j < before.size() && !is_auto(before[j]) && same_matchers(before[j], a))
      out.push_back("Rule " + std::to_string(j + 1) + " now auto-approves the orders it held " + matchers_text(a));
    else
      out.push_back("New or changed auto-approve " + numbered(j, a));
  }
  // Every old hold still covered by a hold that no old auto-approval now
  // precedes (new ones are named above).
  for (std::size_t p = 0; p < before.size(); ++p) {
    const ApprovalRule& held = before[p];
    if (is_auto(held)) continue;
    bool covered = false;
    std::optional<std::pair<std::size_t, std::size_t>> overtaken;  // (auto in after, hold in after)
    for (std::size_t q = 0; q < after.size() && !covered; ++q) {
      if (is_auto(after[q]) || !rule_covers(after[q], held)) continue;
      std::optional<std::size_t> ahead;
      for (std::size_t k = 0; k < q && !ahead; ++k) {
        const ApprovalRule& a = after[k];
        if (is_auto(a) && contains(before, before.size(), a) && !contains(before, p, a)) ahead = k;
      }
      if (!ahead)
        covered = true;
      else if (!overtaken)
        overtaken.emplace(*ahead, q);
    }
    if (covered) continue;
    if (overtaken) {
      const auto [k, q] = *overtaken;
      out.push_back("Auto-approve " + numbered(k, after[k]) + " now comes before hold " + numbered(q, after[q]));
    } else {
      out.push_back("Hold " + numbered(p, held) + " is removed, narrowed or no longer holds");
    }
  }
  return out;
}

}  // namespace stonks::ui
