// One approval rule as the rules editor holds it while the operator types:
// text for what is typed (name, source, tickers, the notional bounds),
// choices for the rest; read into an ApprovalRule (config/approval_rule.h)
// and written as the JSON body of PUT approval-config ({"rules": [...]}).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/approval_rule.h"

namespace stonks::ui {

struct RuleForm {
  std::string name;
  std::string source;   // empty: any source
  std::string tickers;  // separated by spaces and/or commas; empty: any ticker
  std::optional<Side> side;
  std::optional<OrderType> type;
  std::string notional_min;  // decimal text; empty: no bound
  std::string notional_max;
  std::optional<ExposureEffect> exposure;
  RuleDecision decision = RuleDecision::kRequireApproval;

  bool operator==(const RuleForm&) const = default;
};

// The form showing `rule`: rule_from_form(rule_form(r)) == r.
RuleForm rule_form(const ApprovalRule& rule);

// A problem the form can tell by itself, named as the API names the field
// under the rule ("tickers", "notional.min").
struct RuleFieldError {
  std::string field;
  std::string message;
};

// Reads `form` into a rule, surrounding blanks trimmed, tickers upper-cased.
// Text that is not a value of its kind ("not a ticker: 1X", "not an
// amount: 10k") is appended to `errors` and that matcher left out; ranges,
// empty rules and source patterns are the engine's to judge.
ApprovalRule rule_from_form(const RuleForm& form, std::vector<RuleFieldError>& errors);

// The JSON list of rules as PUT approval-config takes it (to_json of the
// section's "rules").
nlohmann::json rules_json(const std::vector<ApprovalRule>& rules);

// The list's line for a rule: "hold: ticker AAPL, side sell" or
// "auto-approve: source strategy:*" ("... every order" without matchers).
std::string rule_summary(const ApprovalRule& rule);
const char* decision_text(RuleDecision decision);  // "hold" / "auto-approve"

// Which rule an API error names: "rules[2].notional.max" -> 2 (0-based, as
// the body was sent); nullopt for a field outside the list.
std::optional<std::size_t> rule_index_of(std::string_view field);
// What follows the rule's index: "rules[2].notional.max" -> "notional.max",
// "rules[1]" -> "" (the rule as a whole).
std::string_view rule_subfield_of(std::string_view field);

}  // namespace stonks::ui
