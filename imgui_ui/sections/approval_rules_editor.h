// ApprovalRulesEditor: the operator's approval rules, under the Paper Order
// Approval card behind a header (closed, it costs one line). The rules in
// order, each with its decision and what it matches; Add, Edit (every
// matcher, the decision and a name), Up / Down, Delete change a draft that
// Save sends whole (PUT approval-config {"rules": [...]}), asking first when
// the change lets orders through automatically that the rules held
// (model/rule_loosening.h), saying which. Errors show at the rule and field
// the API names. An unedited draft follows the engine's rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "imgui_ui/desk_context.h"
#include "imgui_ui/model/rule_form.h"
#include "imgui_ui/widgets/field_errors.h"

namespace stonks::ui {

class ApprovalRulesEditor {
 public:
  void draw(DeskContext& ctx);

 private:
  void load(const std::vector<ApprovalRule>& rules);
  void touch(std::size_t i);  // draft_[i] changed: its line, dirty
  void draw_rule(DeskContext& ctx, std::size_t i);
  void draw_form(DeskContext& ctx, std::size_t i);
  // The errors of rule i's fields, below its line (its form is closed).
  void draw_rule_errors(DeskContext& ctx, std::size_t i);
  void open_form(std::optional<std::size_t> i);
  void open_first_error();
  void move(std::size_t from, std::size_t to);
  void remove(std::size_t i);
  void save(DeskContext& ctx);
  void send(Requests& requests, Toasts& toasts, const std::vector<ApprovalRule>& rules);

  bool shown_ = false;                // the header is open
  std::vector<RuleForm> draft_;       // what the list shows and Save sends
  std::vector<std::string> lines_;    // per draft rule: rule_summary, made on change
  std::vector<ApprovalRule> loaded_;  // the engine's rules the draft was loaded from
  std::int64_t loaded_version_ = -1;  // the config version looked at last
  bool dirty_ = false;                // edited since: the draft no longer follows the engine
  bool changed_elsewhere_ = false;    // ... and the engine's rules changed since it was loaded
  bool saving_ = false;
  std::optional<std::size_t> editing_;  // the rule whose form is open
  // The open form's text fields (ImGui edits char buffers in place).
  char name_[ApprovalRule::kMaxNameLength + 1] = {};
  char source_[72] = {};
  char tickers_[12 * 1024] = {};  // up to kMaxTickers tickers
  char notional_min_[32] = {};
  char notional_max_[32] = {};
  FieldErrors errors_;
  std::string note_;  // "Nothing to save: ..."
};

}  // namespace stonks::ui
