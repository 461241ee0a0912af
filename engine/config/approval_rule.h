// ApprovalRule: one line of the operator's approval policy ("hold every manual
// short", "let strategy:mean_reversion's orders under 5,000 through"). The
// operator_approval section holds an ordered list; the gate takes the first
// rule that matches (risk/approval_gate.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/enum_names.h"
#include "model/fixed_point.h"
#include "model/side.h"
#include "model/status.h"
#include "model/symbol.h"

namespace stonks {

enum class RuleDecision { kRequireApproval, kAutoApprove };
template <>
struct EnumNames<RuleDecision> {
  static constexpr EnumName<RuleDecision> table[] = {{RuleDecision::kRequireApproval, "require_approval"},
                                                     {RuleDecision::kAutoApprove, "auto_approve"}};
};

// Whether an order grows the position's size or only shrinks it toward flat
// (risk/risk_checks.h reduces_exposure: the opposite side, at most the size).
enum class ExposureEffect { kIncreases, kReduces };
template <>
struct EnumNames<ExposureEffect> {
  static constexpr EnumName<ExposureEffect> table[] = {{ExposureEffect::kIncreases, "increases"},
                                                       {ExposureEffect::kReduces, "reduces"}};
};

struct ApprovalRule {
  static constexpr std::size_t kMaxRules = 100;
  static constexpr std::size_t kMaxTickers = 1'000;
  static constexpr std::size_t kMaxNameLength = 80;

  std::string name;  // the operator's label, optional: "big manual shorts"
  // Every matcher present must match; a rule needs at least one.
  // An order source ("manual", "strategy:sma") or a family of them:
  // "strategy:*" any strategy, "signal:*" any outside signal.
  std::optional<std::string> source;
  std::vector<Symbol> tickers;  // empty: any ticker
  std::optional<Side> side;
  std::optional<OrderType> type;
  std::optional<Money> notional_min;  // the order's estimated notional at least this ...
  std::optional<Money> notional_max;  // ... and at most this
  std::optional<ExposureEffect> exposure;
  RuleDecision decision = RuleDecision::kRequireApproval;

  bool operator==(const ApprovalRule&) const = default;
};

// Whether `source` (an order's) is matched by the rule's `pattern`.
bool source_matches(std::string_view pattern, std::string_view source);

// The rule's matchers in words, for the panel and the preview:
// "source strategy:*, notional at least 10000.00, increases exposure".
std::string describe_matchers(const ApprovalRule& rule);

// Every problem of `rules`, each naming its field under `section`
// ("operator_approval.rules[2].notional.max"), in rule order, one per
// field: too many rules, a rule without matchers, a name too long or not
// printable, a source that is neither "manual", "strategy:<name>",
// "signal:<name>" nor one of the families above, an empty, duplicated or
// over-long ticker list, a negative or inverted notional range.
// `tradable` (limits.tradable_symbols): when not empty, every rule ticker
// must be in it.
void check_rules(const std::vector<ApprovalRule>& rules, const std::vector<Symbol>& tradable,
                 const std::string& section, std::vector<Status>& out);

}  // namespace stonks
