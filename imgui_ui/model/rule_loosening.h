// Whether a new list of approval rules lets orders through the gate
// automatically that the old list held: what the rules editor asks about
// before saving, as the auto-approve switch does. Conservative: it may ask
// about a change that loosens nothing, never the other way round.
#pragma once

#include <string>
#include <vector>

#include "config/approval_rule.h"

namespace stonks::ui {

// Whether every order that `narrow` matches is matched by `wide` too
// (matcher by matcher: no source or a family covering the other's source,
// a ticker list holding the other's, a wider notional range, ...).
bool rule_covers(const ApprovalRule& wide, const ApprovalRule& narrow);

// The changes from `before` to `after` that may let an order through
// without approval that `before` held (the mode's default unchanged), one
// line each in the operator's words, rules numbered from 1 as the gate
// numbers them; empty when every order `before` held is still held:
//   - an auto_approve rule of `after` that `before` did not have (new, or
//     edited, or a hold rule turned into one);
//   - a require_approval rule of `before` that no require_approval rule of
//     `after` covers (removed, narrowed, or turned into auto_approve);
//   - one that is covered, but only by rules that now come after an
//     auto_approve rule that did not come before it (a rule moved up or
//     down past the other).
std::vector<std::string> rules_loosening(const std::vector<ApprovalRule>& before,
                                         const std::vector<ApprovalRule>& after);

}  // namespace stonks::ui
