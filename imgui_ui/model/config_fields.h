// The risk config as a form sees it: every RiskConfig field with the name the
// API gives it ("limits.max_order_notional"), its unit, a one-line help and
// which way a change lets more orders through; read and written as text; and
// the diff between two versions, each change marked when it loosens.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/risk_config.h"

namespace stonks::ui {

// Where a field lives in a config.
using ConfigSlot = std::variant<Money*, int*, bool*, std::vector<Symbol>*>;

// Which change lets more orders (or larger ones) through.
enum class Loosens {
  kNever,   // paper fills' costs: no limit
  kHigher,  // a larger limit
  kLower,   // a shorter cooldown, a lower threshold, 0 = off
  kOn,      // switching it on (auto-approval, shorting)
  kOff,     // switching it off (approval for live)
  kList,    // tradable_symbols: a symbol added, or the list emptied (any symbol)
};

struct ConfigField {
  const char* section;  // "limits": the group it shows in
  const char* path;     // "limits.max_order_notional": the API's field
  const char* label;
  const char* unit;  // "money", "orders", "seconds", "bps", ...
  const char* help;  // one line
  Loosens loosens;
  ConfigSlot (*at)(RiskConfig& config);
};

// Every field, grouped as the config is: operator_approval, limits, guards, paper.
std::span<const ConfigField> config_fields();
const ConfigField* find_config_field(std::string_view path);

// "100000.00", "600", "on", "AAPL, MSFT" (empty: any symbol).
std::string field_text(const RiskConfig& config, const ConfigField& field);
// Writes `text` (as field_text writes it) into `config`; the reason when it
// is not a value of the field's kind ("not an amount: 12x"). Ranges are the
// engine's to check.
std::optional<std::string> set_field_text(RiskConfig& config, const ConfigField& field, std::string_view text);

struct FieldChange {
  const ConfigField* field;
  std::string before, after;
  bool loosens = false;
};
// The fields that differ, in config_fields() order (versions aside), then
// the approval rules ("operator_approval.rules", not a field of the form:
// each side listed, loosening as model/rule_loosening.h says).
std::vector<FieldChange> config_diff(const RiskConfig& from, const RiskConfig& to);
// "limits.max_order_notional: 100000.00 -> 200000.00"
std::string describe(const FieldChange& change);

}  // namespace stonks::ui
