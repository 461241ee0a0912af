// The rules editor's form: text both ways, the body it sends, API fields.
#include "imgui_ui/model/rule_form.h"

#include <charconv>

#include "json/risk_config_json.h"

namespace stonks::ui {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string shown(std::string_view text) { return "\"" + std::string(text.substr(0, 40)) + "\""; }

std::optional<Money> read_money(std::string_view raw, const char* field, std::vector<RuleFieldError>& errors) {
  const std::string_view text = trim(raw);
  if (text.empty()) return std::nullopt;
  Result<Money> m = Money::parse(text);
  if (!m.is_ok()) {
    errors.push_back({field, "not an amount: " + shown(text)});
    return std::nullopt;
  }
  return *m;
}

}  // namespace

RuleForm rule_form(const ApprovalRule& rule) {
  RuleForm f;
  f.name = rule.name;
  f.source = rule.source.value_or("");
  for (const Symbol& s : rule.tickers) f.tickers += (f.tickers.empty() ? "" : " ") + s.str();
  f.side = rule.side;
  f.type = rule.type;
  if (rule.notional_min) f.notional_min = rule.notional_min->to_string();
  if (rule.notional_max) f.notional_max = rule.notional_max->to_string();
  f.exposure = rule.exposure;
  f.decision = rule.decision;
  return f;
}

ApprovalRule rule_from_form(const RuleForm& form, std::vector<RuleFieldError>& errors) {
  ApprovalRule r;
  r.name = std::string(trim(form.name));
  if (const std::string_view source = trim(form.source); !source.empty()) r.source = std::string(source);
  std::string_view rest = form.tickers;
  while (!rest.empty()) {
    const std::size_t cut = rest.find_first_of(", \t");
    std::string item(rest.substr(0, cut));
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
    if (item.empty()) continue;
    for (char& c : item)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    Result<Symbol> s = Symbol::parse(item);
    if (!s.is_ok()) {
      errors.push_back({"tickers", "not a ticker: " + shown(item)});
      r.tickers.clear();
      break;
    }
    r.tickers.push_back(*s);
  }
  r.side = form.side;
  r.type = form.type;
  r.notional_min = read_money(form.notional_min, "notional.min", errors);
  r.notional_max = read_money(form.notional_max, "notional.max", errors);
  r.exposure = form.exposure;
  r.decision = form.decision;
  return r;
}

nlohmann::json rules_json(const std::vector<ApprovalRule>& rules) {
  OperatorApprovalConfig section;
  section.rules = rules;
  return to_json(section)["rules"];
}

const char* decision_text(RuleDecision decision) {
  return decision == RuleDecision::kAutoApprove ? "auto-approve" : "hold";
}

std::string rule_summary(const ApprovalRule& rule) {
  const std::string matchers = describe_matchers(rule);
  return std::string(decision_text(rule.decision)) + ": " + (matchers.empty() ? "every order" : matchers);
}

std::optional<std::size_t> rule_index_of(std::string_view field) {
  constexpr std::string_view kPrefix = "rules[";
  if (!field.starts_with(kPrefix)) return std::nullopt;
  const char* begin = field.data() + kPrefix.size();
  const char* end = field.data() + field.size();
  std::size_t index = 0;
  const auto [after, ec] = std::from_chars(begin, end, index);
  if (ec != std::errc() || after == begin || after == end || *after != ']') return std::nullopt;
  return index;
}

std::string_view rule_subfield_of(std::string_view field) {
  if (!rule_index_of(field)) return {};
  const std::size_t close = field.find(']');
  std::string_view rest = field.substr(close + 1);
  if (!rest.empty() && rest.front() == '.') rest.remove_prefix(1);
  return rest;
}

}  // namespace stonks::ui
