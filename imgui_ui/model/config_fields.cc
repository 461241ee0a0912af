#include "imgui_ui/model/config_fields.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/overload.h"
#include "imgui_ui/model/rule_form.h"
#include "imgui_ui/model/rule_loosening.h"

namespace stonks::ui {
namespace {

constexpr ConfigField kFields[] = {
    {"operator_approval", "operator_approval.auto_approve_paper", "Auto-approve paper orders", "on/off",
     "Paper orders go to the broker without waiting for you", Loosens::kOn,
     [](RiskConfig& c) -> ConfigSlot { return &c.operator_approval.auto_approve_paper; }},
    {"operator_approval", "operator_approval.require_approval_for_live", "Approve every live order", "on/off",
     "Live orders wait for an operator (off: they go straight to the broker)", Loosens::kOff,
     [](RiskConfig& c) -> ConfigSlot { return &c.operator_approval.require_approval_for_live; }},
    {"operator_approval", "operator_approval.approval_timeout_minutes", "Approval timeout", "minutes",
     "A held order expires unanswered after this long (1-1440)", Loosens::kNever,
     [](RiskConfig& c) -> ConfigSlot { return &c.operator_approval.approval_timeout_minutes; }},

    {"operator_approval", "operator_approval.four_eyes", "Four eyes", "on/off",
     "An order is approved only by an operator other than its submitter", Loosens::kOff,
     [](RiskConfig& c) -> ConfigSlot { return &c.operator_approval.four_eyes; }},

    {"limits", "limits.max_order_notional", "Max order notional", "money",
     "No single order above this value (qty x price)", Loosens::kHigher,
     [](RiskConfig& c) -> ConfigSlot { return &c.limits.max_order_notional; }},
    {"limits", "limits.max_position_notional", "Max position notional", "money",
     "Per symbol, at the last price, after the order", Loosens::kHigher,
     [](RiskConfig& c) -> ConfigSlot { return &c.limits.max_position_notional; }},
    {"limits", "limits.max_gross_exposure", "Max gross exposure", "money",
     "Sum of |position| over all symbols at last prices", Loosens::kHigher,
     [](RiskConfig& c) -> ConfigSlot { return &c.limits.max_gross_exposure; }},
    {"limits", "limits.max_open_orders", "Max open orders", "orders",
     "Working at the broker or pending approval (1-100000)", Loosens::kHigher,
     [](RiskConfig& c) -> ConfigSlot { return &c.limits.max_open_orders; }},
    {"limits", "limits.max_orders_per_window", "Max orders per window", "orders",
     "The order-rate throttle: at most this many ...", Loosens::kHigher,
     [](RiskConfig& c) -> ConfigSlot { return &c.limits.max_orders_per_window; }},
    {"limits", "limits.rate_window_seconds", "Rate window", "seconds", "... within this sliding window (1-604800)",
     Loosens::kLower, [](RiskConfig& c) -> ConfigSlot { return &c.limits.rate_window_seconds; }},
    {"limits", "limits.max_daily_loss", "Max daily loss", "money",
     "Day P&L at or below minus this halts risk-increasing orders", Loosens::kHigher,
     [](RiskConfig& c) -> ConfigSlot { return &c.limits.max_daily_loss; }},
    {"limits", "limits.limit_price_band_bps", "Limit price band", "bps",
     "Limit prices within +- this of the last price (100 bps = 1%)", Loosens::kHigher,
     [](RiskConfig& c) -> ConfigSlot { return &c.limits.limit_price_band_bps; }},
    {"limits", "limits.allow_short", "Allow short selling", "on/off", "Sells beyond the long position", Loosens::kOn,
     [](RiskConfig& c) -> ConfigSlot { return &c.limits.allow_short; }},
    {"limits", "limits.tradable_symbols", "Tradable symbols", "tickers",
     "Comma-separated; empty: any symbol with a quote", Loosens::kList,
     [](RiskConfig& c) -> ConfigSlot { return &c.limits.tradable_symbols; }},

    {"guards", "guards.cooldown_after_fill_seconds", "Cooldown after a fill", "seconds",
     "Locks the symbol after every fill; 0: off", Loosens::kLower,
     [](RiskConfig& c) -> ConfigSlot { return &c.guards.cooldown_after_fill_seconds; }},
    {"guards", "guards.cooldown_after_loss_seconds", "Cooldown after a loss", "seconds",
     "Locks the symbol after a fill that realized a loss; 0: off", Loosens::kLower,
     [](RiskConfig& c) -> ConfigSlot { return &c.guards.cooldown_after_loss_seconds; }},
    {"guards", "guards.news_shock_severity", "News shock severity", "0-100",
     "News at or above this severity locks its symbol", Loosens::kHigher,
     [](RiskConfig& c) -> ConfigSlot { return &c.guards.news_shock_severity; }},
    {"guards", "guards.news_shock_lockout_minutes", "News shock lockout", "minutes",
     "How long a news shock locks the symbol", Loosens::kLower,
     [](RiskConfig& c) -> ConfigSlot { return &c.guards.news_shock_lockout_minutes; }},
    {"guards", "guards.price_shock_bps", "Price shock move", "bps", "A move beyond this ...; 0: off", Loosens::kLower,
     [](RiskConfig& c) -> ConfigSlot { return &c.guards.price_shock_bps; }},
    {"guards", "guards.price_shock_window_seconds", "Price shock window", "seconds", "... within this window ...",
     Loosens::kLower, [](RiskConfig& c) -> ConfigSlot { return &c.guards.price_shock_window_seconds; }},
    {"guards", "guards.price_shock_lockout_minutes", "Price shock lockout", "minutes",
     "... locks the symbol for this long", Loosens::kLower,
     [](RiskConfig& c) -> ConfigSlot { return &c.guards.price_shock_lockout_minutes; }},

    {"paper", "paper.slippage_bps", "Paper slippage", "bps", "Added to paper buys, taken from sells", Loosens::kNever,
     [](RiskConfig& c) -> ConfigSlot { return &c.paper.slippage_bps; }},
    {"paper", "paper.fee_bps", "Paper fee", "bps", "Of each paper fill's notional", Loosens::kNever,
     [](RiskConfig& c) -> ConfigSlot { return &c.paper.fee_bps; }},
    {"paper", "paper.fee_per_fill", "Paper fee per fill", "money", "Flat, per paper fill", Loosens::kNever,
     [](RiskConfig& c) -> ConfigSlot { return &c.paper.fee_per_fill; }},
};

// The rules are a list the Trading Controls editor owns: not a field of the
// form, but a line of the diff.
constexpr ConfigField kRulesField = {"operator_approval",
                                     "operator_approval.rules",
                                     "Approval rules",
                                     "rules",
                                     "Edited under Paper Order Approval in Trading Controls",
                                     Loosens::kNever,
                                     nullptr};

std::string rules_text(const std::vector<ApprovalRule>& rules) {
  if (rules.empty()) return "none";
  std::string out;
  for (std::size_t i = 0; i < rules.size(); ++i)
    out += (i ? "; " : "") + std::to_string(i + 1) + ". " + rule_summary(rules[i]);
  return out;
}

// Reads only: the slot functions take a mutable config so that one table
// serves reading and writing.
ConfigSlot read_slot(const RiskConfig& config, const ConfigField& field) {
  return field.at(const_cast<RiskConfig&>(config));
}

std::string symbols_text(const std::vector<Symbol>& symbols) {
  std::string out;
  for (const Symbol& s : symbols) out += (out.empty() ? "" : ", ") + s.str();
  return out;
}

// A number to compare two values of one field by (money in micros, bools as 0/1).
std::int64_t ordinal(const ConfigSlot& slot) {
  return std::visit(
      Overload{[](Money* m) { return m->micros(); }, [](int* i) { return std::int64_t{*i}; },
               [](bool* b) { return std::int64_t{*b ? 1 : 0}; }, [](std::vector<Symbol>*) { return std::int64_t{0}; }},
      slot);
}

bool loosens(const ConfigField& field, const RiskConfig& from, const RiskConfig& to) {
  const ConfigSlot a = read_slot(from, field), b = read_slot(to, field);
  switch (field.loosens) {
    case Loosens::kNever:
      return false;
    case Loosens::kHigher:
    case Loosens::kOn:
      return ordinal(b) > ordinal(a);
    case Loosens::kLower:
    case Loosens::kOff:
      return ordinal(b) < ordinal(a);
    case Loosens::kList: {
      const auto& before = *std::get<std::vector<Symbol>*>(a);
      const auto& after = *std::get<std::vector<Symbol>*>(b);
      if (after.empty()) return !before.empty();
      if (before.empty()) return false;  // from any symbol to a list: tighter
      const std::set<Symbol> old(before.begin(), before.end());
      return std::any_of(after.begin(), after.end(), [&](const Symbol& s) { return !old.contains(s); });
    }
  }
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::span<const ConfigField> config_fields() { return kFields; }

const ConfigField* find_config_field(std::string_view path) {
  for (const ConfigField& f : kFields)
    if (path == f.path) return &f;
  return nullptr;
}

std::string field_text(const RiskConfig& config, const ConfigField& field) {
  return std::visit(Overload{[](Money* m) { return m->to_string(); }, [](int* i) { return std::to_string(*i); },
                             [](bool* b) { return std::string(*b ? "on" : "off"); },
                             [](std::vector<Symbol>* s) { return symbols_text(*s); }},
                    read_slot(config, field));
}

std::optional<std::string> set_field_text(RiskConfig& config, const ConfigField& field, std::string_view raw) {
  const std::string_view text = trim(raw);
  return std::visit(Overload{
                        [&](Money* m) -> std::optional<std::string> {
                          Result<Money> v = Money::parse(text);
                          if (!v.is_ok()) return "not an amount: \"" + std::string(text.substr(0, 40)) + "\"";
                          *m = *v;
                          return std::nullopt;
                        },
                        [&](int* i) -> std::optional<std::string> {
                          int v = 0;
                          const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
                          if (text.empty() || ec != std::errc() || end != text.data() + text.size())
                            return "not a whole number: \"" + std::string(text.substr(0, 40)) + "\"";
                          *i = v;
                          return std::nullopt;
                        },
                        [&](bool* b) -> std::optional<std::string> {
                          if (text != "on" && text != "off") return "must be on or off";
                          *b = text == "on";
                          return std::nullopt;
                        },
                        [&](std::vector<Symbol>* list) -> std::optional<std::string> {
                          std::vector<Symbol> out;
                          std::string_view rest = text;
                          while (!rest.empty()) {
                            const std::size_t cut = rest.find_first_of(", ");
                            const std::string_view item = rest.substr(0, cut);
                            rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
                            if (item.empty()) continue;
                            Result<Symbol> s = Symbol::parse(item);
                            if (!s.is_ok()) return "not a ticker: \"" + std::string(item.substr(0, 20)) + "\"";
                            out.push_back(*s);
                          }
                          *list = std::move(out);
                          return std::nullopt;
                        },
                    },
                    field.at(config));
}

std::vector<FieldChange> config_diff(const RiskConfig& from, const RiskConfig& to) {
  std::vector<FieldChange> out;
  for (const ConfigField& f : kFields) {
    std::string before = field_text(from, f), after = field_text(to, f);
    if (before == after) continue;
    out.push_back(FieldChange{&f, std::move(before), std::move(after), loosens(f, from, to)});
  }
  const std::vector<ApprovalRule>& a = from.operator_approval.rules;
  const std::vector<ApprovalRule>& b = to.operator_approval.rules;
  if (a != b) out.push_back(FieldChange{&kRulesField, rules_text(a), rules_text(b), !rules_loosening(a, b).empty()});
  return out;
}

std::string describe(const FieldChange& c) {
  auto shown = [](const std::string& s) { return s.empty() ? std::string("(any)") : s; };
  return std::string(c.field->path) + ": " + shown(c.before) + " -> " + shown(c.after);
}

}  // namespace stonks::ui
