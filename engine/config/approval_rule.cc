#include "config/approval_rule.h"

#include <set>

#include "model/source_name.h"

namespace stonks {
namespace {

constexpr std::string_view kManual = "manual";
constexpr std::string_view kFamilies[] = {"strategy:", "signal:"};

// "manual", "<family>*" or "<family><name>".
bool valid_source_pattern(std::string_view p) {
  if (p == kManual) return true;
  for (std::string_view family : kFamilies) {
    if (p.substr(0, family.size()) != family) continue;
    const std::string_view name = p.substr(family.size());
    return name == "*" || valid_source_name(name);
  }
  return false;
}

bool printable(std::string_view text) {
  for (unsigned char c : text)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

bool has_matcher(const ApprovalRule& r) {
  return r.source || !r.tickers.empty() || r.side || r.type || r.notional_min || r.notional_max || r.exposure;
}

}  // namespace

bool source_matches(std::string_view pattern, std::string_view source) {
  if (pattern.size() >= 2 && pattern.back() == '*')
    return source.substr(0, pattern.size() - 1) == pattern.substr(0, pattern.size() - 1) &&
           source.size() > pattern.size() - 1;
  return pattern == source;
}

std::string describe_matchers(const ApprovalRule& r) {
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (r.source) add("source " + *r.source);
  if (!r.tickers.empty()) {
    std::string list;
    for (const Symbol& s : r.tickers) list += (list.empty() ? "" : " ") + s.str();
    add((r.tickers.size() == 1 ? "ticker " : "tickers ") + list);
  }
  if (r.side) add(std::string("side ") + to_string(*r.side));
  if (r.type) add(std::string(to_string(*r.type)) + " orders");
  if (r.notional_min && r.notional_max) {
    add("notional " + r.notional_min->to_string() + " to " + r.notional_max->to_string());
  } else if (r.notional_min) {
    add("notional at least " + r.notional_min->to_string());
  } else if (r.notional_max) {
    add("notional at most " + r.notional_max->to_string());
  }
  if (r.exposure) add(std::string(to_string(*r.exposure)) + " exposure");
  return out;
}

void check_rules(const std::vector<ApprovalRule>& rules, const std::vector<Symbol>& tradable,
                 const std::string& section, std::vector<Status>& out) {
  const std::string prefix = section.empty() ? "rules" : section + ".rules";
  if (rules.size() > ApprovalRule::kMaxRules) {
    out.push_back(Status::invalid_argument(
        "must hold at most " + std::to_string(ApprovalRule::kMaxRules) + " rules, got " + std::to_string(rules.size()),
        prefix));
    return;
  }
  const std::set<Symbol> allowed(tradable.begin(), tradable.end());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const ApprovalRule& r = rules[i];
    const std::string at = prefix + "[" + std::to_string(i) + "]";
    auto fail = [&](const std::string& field, std::string message) {
      out.push_back(Status::invalid_argument(std::move(message), field.empty() ? at : at + "." + field));
    };
    if (!has_matcher(r))
      fail("", "matches every order: give it at least one of source, tickers, side, type, notional, exposure");
    if (r.name.size() > ApprovalRule::kMaxNameLength || !printable(r.name))
      fail("name", "must be at most " + std::to_string(ApprovalRule::kMaxNameLength) + " printable characters");
    if (r.source && !valid_source_pattern(*r.source))
      fail("source", "must be manual, strategy:<name>, signal:<name>, strategy:* or signal:*, got \"" +
                         r.source->substr(0, 80) + "\"");
    if (r.tickers.size() > ApprovalRule::kMaxTickers) {
      fail("tickers", "must hold at most " + std::to_string(ApprovalRule::kMaxTickers) + " tickers");
    } else {
      std::set<Symbol> seen;
      for (const Symbol& s : r.tickers) {
        if (s.empty()) {
          fail("tickers", "must not hold an empty ticker");
          break;
        }
        if (!seen.insert(s).second) {
          fail("tickers", "lists " + s.str() + " twice");
          break;
        }
        if (!allowed.empty() && !allowed.contains(s)) {
          fail("tickers", s.str() + " is not in limits.tradable_symbols");
          break;
        }
      }
    }
    if (r.notional_min && r.notional_min->micros() < 0) fail("notional.min", "must be at least 0");
    if (r.notional_max && r.notional_max->micros() < 0) {
      fail("notional.max", "must be at least 0");
    } else if (r.notional_min && r.notional_max && *r.notional_max < *r.notional_min) {
      fail("notional.max",
           "must be at least notional.min (" + r.notional_min->to_string() + "), got " + r.notional_max->to_string());
    }
  }
}

}  // namespace stonks
