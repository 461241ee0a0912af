// ApprovalRulesEditor: the draft, its form, and PUT approval-config {"rules"}.
#include "imgui_ui/sections/approval_rules_editor.h"

#include <cstdio>
#include <initializer_list>
#include <utility>

#include "imgui_ui/model/rule_loosening.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {
namespace {

// The fields of a rule an API error may name, in the form's order.
constexpr const char* kRuleFields[] = {"name",     "source",       "tickers",      "side",     "type",
                                       "notional", "notional.min", "notional.max", "exposure", "decision"};
// How they are called where a closed form's error shows under its rule.
constexpr const char* kRuleFieldLabels[] = {"Name",     "Source",       "Tickers",      "Side",     "Type",
                                            "Notional", "Notional min", "Notional max", "Exposure", "Decision"};

std::string rule_id(std::size_t index, std::string_view part) { return ids::approval_rule_id(index + 1, part); }

// A choice among "any" and an enum's values: buttons "<part>/any", "<part>/buy", ...
template <class E>
bool choices(FrameRecord& frame, std::size_t index, const char* part, std::optional<E>& value,
             std::initializer_list<std::pair<E, const char*>> options) {
  const std::string prefix = std::string(part) + "/";
  bool changed = false;
  if (choice_button(frame, rule_id(index, prefix + "any"), "Any", !value)) {
    changed = value.has_value();
    value.reset();
  }
  for (const auto& [option, label] : options) {
    ImGui::SameLine();
    if (choice_button(frame, rule_id(index, prefix + to_string(option)), label, value == option)) {
      changed = value != option;
      value = option;
    }
  }
  return changed;
}

std::string numbered_line(std::size_t index, const RuleForm& form) {
  std::vector<RuleFieldError> ignored;
  const ApprovalRule rule = rule_from_form(form, ignored);
  std::string line = std::to_string(index + 1) + ". ";
  if (!rule.name.empty()) line += rule.name + " - ";
  return line + rule_summary(rule);
}

std::string joined_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += "\n- " + l;
  return out;
}

}  // namespace

void ApprovalRulesEditor::load(const std::vector<ApprovalRule>& rules) {
  loaded_ = rules;
  draft_.clear();
  lines_.clear();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    draft_.push_back(rule_form(rules[i]));
    lines_.push_back(numbered_line(i, draft_.back()));
  }
  dirty_ = false;
  changed_elsewhere_ = false;
  editing_.reset();
}

void ApprovalRulesEditor::touch(std::size_t i) {
  lines_[i] = numbered_line(i, draft_[i]);
  dirty_ = true;
}

void ApprovalRulesEditor::open_form(std::optional<std::size_t> i) {
  editing_ = i;
  if (!i) return;
  const RuleForm& f = draft_[*i];
  std::snprintf(name_, sizeof name_, "%s", f.name.c_str());
  std::snprintf(source_, sizeof source_, "%s", f.source.c_str());
  std::snprintf(tickers_, sizeof tickers_, "%s", f.tickers.c_str());
  std::snprintf(notional_min_, sizeof notional_min_, "%s", f.notional_min.c_str());
  std::snprintf(notional_max_, sizeof notional_max_, "%s", f.notional_max.c_str());
}

void ApprovalRulesEditor::open_first_error() {
  for (std::size_t i = 0; i < draft_.size(); ++i)
    for (const char* field : kRuleFields)
      if (errors_.find(rule_id(i, field))) return open_form(i);
}

void ApprovalRulesEditor::move(std::size_t from, std::size_t to) {
  std::swap(draft_[from], draft_[to]);
  lines_[from] = numbered_line(from, draft_[from]);
  lines_[to] = numbered_line(to, draft_[to]);
  if (editing_ == from)
    editing_ = to;
  else if (editing_ == to)
    editing_ = from;
  errors_.clear();  // they name rules by their place
  dirty_ = true;
}

void ApprovalRulesEditor::remove(std::size_t i) {
  draft_.erase(draft_.begin() + static_cast<std::ptrdiff_t>(i));
  lines_.erase(lines_.begin() + static_cast<std::ptrdiff_t>(i));
  for (std::size_t k = i; k < draft_.size(); ++k) lines_[k] = numbered_line(k, draft_[k]);
  if (editing_ == i)
    editing_.reset();
  else if (editing_ && *editing_ > i)
    --*editing_;
  errors_.clear();
  dirty_ = true;
}

void ApprovalRulesEditor::draw(DeskContext& ctx) {
  const RiskConfig& config = ctx.state().config;
  const std::vector<ApprovalRule>& rules = config.operator_approval.rules;
  if (config.version != loaded_version_) {  // an unedited draft follows the engine
    loaded_version_ = config.version;
    if (!dirty_ && rules != loaded_) load(rules);
    changed_elsewhere_ = dirty_ && rules != loaded_;
  }
  char title[96];
  std::snprintf(title, sizeof title, "Approval rules: %zu%s###approval_rules", rules.size(),
                dirty_ ? " (unsaved changes)" : "");
  ImGui::SetNextItemOpen(shown_, ImGuiCond_Always);
  shown_ = ImGui::CollapsingHeader(title);
  ctx.frame.widget(ids::kRulesHeader);
  if (!shown_) return;

  ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
  ImGui::TextWrapped(
      "The first rule that matches an order decides: hold it for your approval or send it without. No rule "
      "matches: the switch above decides. Live orders that need approval are always held.");
  ImGui::PopStyleColor();
  if (draft_.empty()) ImGui::TextColored(kColorMuted, "No rules.");
  // A click acts after the list is drawn: the list must not change under it.
  enum class Act { kNone, kUp, kDown, kDelete };
  Act act = Act::kNone;
  std::size_t target = 0;
  for (std::size_t i = 0; i < draft_.size(); ++i) {
    const std::size_t n = draft_.size();
    if (recorded_button(ctx.frame, rule_id(i, "up"), "Up", i > 0)) act = Act::kUp, target = i;
    ImGui::SameLine();
    if (recorded_button(ctx.frame, rule_id(i, "down"), "Down", i + 1 < n)) act = Act::kDown, target = i;
    ImGui::SameLine();
    if (choice_button(ctx.frame, rule_id(i, "edit"), "Edit", editing_ == i)) open_form(i);
    ImGui::SameLine();
    if (recorded_button(ctx.frame, rule_id(i, "delete"), "Delete")) act = Act::kDelete, target = i;
    draw_rule(ctx, i);
  }
  switch (act) {
    case Act::kNone:
      break;
    case Act::kUp:
      move(target, target - 1);
      break;
    case Act::kDown:
      move(target, target + 1);
      break;
    case Act::kDelete:
      remove(target);
      break;
  }

  ImGui::Spacing();
  if (recorded_button(ctx.frame, ids::kRulesAdd, "Add rule", draft_.size() < ApprovalRule::kMaxRules)) {
    draft_.emplace_back();
    lines_.push_back(numbered_line(draft_.size() - 1, draft_.back()));
    dirty_ = true;
    errors_.clear();
    open_form(draft_.size() - 1);
  }
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::kRulesSave, "Save rules", dirty_ && !saving_)) save(ctx);
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::kRulesReset, "Reset", dirty_)) {
    load(rules);
    errors_.clear();
    note_.clear();
  }
  inline_error(ctx.frame, errors_, ids::kRulesSave, ErrorPlace::kBelow);
  if (dirty_ && changed_elsewhere_)
    inline_note(ctx.frame, ids::kRulesNote,
                "The rules were changed elsewhere since you started editing: Save replaces them, Reset loads them.",
                true);
  else if (!note_.empty())
    inline_note(ctx.frame, ids::kRulesNote, note_, false);
}

void ApprovalRulesEditor::draw_rule(DeskContext& ctx, std::size_t i) {
  const std::string row = rule_id(i, "row");
  const bool auto_approve = draft_[i].decision == RuleDecision::kAutoApprove;
  ImGui::PushStyleColor(ImGuiCol_Text, auto_approve ? kColorOk : kColorWarn);
  ImGui::TextWrapped("%s", lines_[i].c_str());
  ImGui::PopStyleColor();
  ctx.frame.message(row, lines_[i], false);
  if (!errors_.empty()) inline_error(ctx.frame, errors_, row.c_str(), ErrorPlace::kBelow, "This rule");
  if (editing_ == i)
    draw_form(ctx, i);
  else if (!errors_.empty())
    draw_rule_errors(ctx, i);
}

void ApprovalRulesEditor::draw_rule_errors(DeskContext& ctx, std::size_t i) {
  for (std::size_t f = 0; f < std::size(kRuleFields); ++f)
    inline_error(ctx.frame, errors_, rule_id(i, kRuleFields[f]).c_str(), ErrorPlace::kBelow, kRuleFieldLabels[f]);
}

void ApprovalRulesEditor::draw_form(DeskContext& ctx, std::size_t i) {
  FrameRecord& frame = ctx.frame;
  RuleForm& form = draft_[i];
  const float em = ImGui::GetFontSize();
  const float label = em * 6;
  const float field = em * 13;
  auto error = [&](const char* part) { inline_error(frame, errors_, rule_id(i, part).c_str()); };
  auto hint = [&](const char* text) {
    field_label("", label);
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
  };
  ImGui::Indent(em);
  field_label("Name", label);
  if (recorded_input_text(frame, rule_id(i, "name"), name_, field)) form.name = name_, touch(i);
  error("name");
  field_label("Source", label);
  if (recorded_input_text(frame, rule_id(i, "source"), source_, field)) form.source = source_, touch(i);
  error("source");
  hint("manual, strategy:<name>, strategy:*, signal:*; empty: any");
  field_label("Tickers", label);
  if (recorded_input_text(frame, rule_id(i, "tickers"), tickers_, field, ImGuiInputTextFlags_CharsUppercase))
    form.tickers = tickers_, touch(i);
  error("tickers");
  hint("AAPL MSFT or AAPL, MSFT; empty: any");
  field_label("Side", label);
  if (choices(frame, i, "side", form.side, {{Side::kBuy, "Buy"}, {Side::kSell, "Sell"}})) touch(i);
  error("side");
  field_label("Type", label);
  if (choices(frame, i, "type", form.type, {{OrderType::kMarket, "Market"}, {OrderType::kLimit, "Limit"}})) touch(i);
  error("type");
  field_label("Notional", label);
  if (recorded_input_text(frame, rule_id(i, "notional.min"), notional_min_, em * 6, ImGuiInputTextFlags_CharsDecimal))
    form.notional_min = notional_min_, touch(i);
  ImGui::SameLine();
  ImGui::TextUnformatted("to");
  ImGui::SameLine();
  if (recorded_input_text(frame, rule_id(i, "notional.max"), notional_max_, em * 6, ImGuiInputTextFlags_CharsDecimal))
    form.notional_max = notional_max_, touch(i);
  for (const char* part : {"notional", "notional.min", "notional.max"})
    inline_error(frame, errors_, rule_id(i, part).c_str(), ErrorPlace::kBelow,
                 part == std::string_view("notional.min")   ? "Min"
                 : part == std::string_view("notional.max") ? "Max"
                                                            : "");
  hint("at least / at most, either may stay empty");
  field_label("Exposure", label);
  if (choices(frame, i, "exposure", form.exposure,
              {{ExposureEffect::kIncreases, "Increases"}, {ExposureEffect::kReduces, "Reduces"}}))
    touch(i);
  error("exposure");
  field_label("Decision", label);
  if (choice_button(frame, rule_id(i, "decision/require_approval"), "Hold for approval",
                    form.decision == RuleDecision::kRequireApproval) &&
      form.decision != RuleDecision::kRequireApproval)
    form.decision = RuleDecision::kRequireApproval, touch(i);
  ImGui::SameLine();
  if (choice_button(frame, rule_id(i, "decision/auto_approve"), "Auto-approve",
                    form.decision == RuleDecision::kAutoApprove) &&
      form.decision != RuleDecision::kAutoApprove)
    form.decision = RuleDecision::kAutoApprove, touch(i);
  error("decision");
  if (recorded_button(frame, rule_id(i, "done"), "Done")) editing_.reset();
  ImGui::Unindent(em);
  ImGui::Spacing();
}

void ApprovalRulesEditor::save(DeskContext& ctx) {
  errors_.clear();
  note_.clear();
  std::vector<ApprovalRule> next;
  next.reserve(draft_.size());
  for (std::size_t i = 0; i < draft_.size(); ++i) {
    std::vector<RuleFieldError> bad;
    next.push_back(rule_from_form(draft_[i], bad));
    for (const RuleFieldError& e : bad) errors_.add(rule_id(i, e.field), e.message);
  }
  if (!errors_.empty()) return open_first_error();  // what the form itself can tell, at once
  const std::vector<ApprovalRule>& current = ctx.state().config.operator_approval.rules;
  if (next == current) {
    note_ = "Nothing to save: the rules are as the engine has them";
    load(current);
    return;
  }
  const std::vector<std::string> looser = rules_loosening(current, next);
  if (looser.empty()) return send(ctx.requests, ctx.toasts, next);
  ModalSpec spec;
  spec.title = "Let more orders through without approval?";
  spec.body = "These changes let orders go straight to the broker that the rules held for you:" + joined_lines(looser) +
              "\n\nSave the " + std::to_string(next.size()) + (next.size() == 1 ? " rule?" : " rules?") +
              " They apply from the next order on.";
  spec.ok_label = "Save rules";
  spec.on_ok = [this, requests = &ctx.requests, toasts = &ctx.toasts, next](const std::string&) {
    send(*requests, *toasts, next);
  };
  ctx.modal.open(std::move(spec));
}

void ApprovalRulesEditor::send(Requests& requests, Toasts& toasts_ref, const std::vector<ApprovalRule>& rules) {
  saving_ = true;
  const std::size_t n = rules.size();
  requests.send("PUT", "/api/admin/trading/approval-config", {{"rules", rules_json(rules)}},
                [this, toasts = &toasts_ref, n](const ApiReply& r) {
                  saving_ = false;
                  if (!r.ok()) {
                    // Every field of every rule sent, by the API's name for it.
                    std::vector<std::string> fields, widgets;
                    for (std::size_t i = 0; i < n; ++i) {
                      const std::string at = "rules[" + std::to_string(i) + "]";
                      fields.push_back(at);
                      widgets.push_back(rule_id(i, "row"));
                      for (const char* f : kRuleFields) {
                        fields.push_back(at + "." + f);
                        widgets.push_back(rule_id(i, f));
                      }
                    }
                    std::vector<FieldWidget> map;
                    for (std::size_t k = 0; k < fields.size(); ++k)
                      map.push_back({fields[k].c_str(), widgets[k].c_str()});
                    errors_.set(r, map, ids::kRulesSave);
                    return open_first_error();
                  }
                  // The next frame loads what the engine now holds, whenever its state arrives.
                  dirty_ = false;
                  editing_.reset();
                  loaded_version_ = -1;
                  toasts->info("Approval rules saved: " + std::to_string(n) + (n == 1 ? " rule" : " rules") +
                               ", from the next order on");
                });
}

}  // namespace stonks::ui
