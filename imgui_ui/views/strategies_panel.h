// StrategiesPanel: the Strategies pane: the strategies switched on for the
// simulated desk, one row per symbol and strategy with its parameters and a
// Switch off button, and a form to switch one on. Acts through GET/PUT
// /api/strategies (the whole list each time); its strategies' orders then go
// through risk and Pending Approvals like the operator's.
//
// StrategyForm, the strategy choice and its parameters as typed, is shared
// with the Replay pane. Its fields come from the strategy's parameter table
// (strategy_params()), filled with their defaults, so a new parameter or
// strategy shows without panel changes.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "imgui_ui/desk_context.h"
#include "imgui_ui/widgets/field_errors.h"

namespace stonks::ui {

class StrategyForm {
 public:
  // `prefix` names the widgets ("strategies", "replay": widget_ids.h);
  // `field_prefix` is how the API names this form's fields ("strategy.",
  // "strategies.0.": the error names "<field_prefix>params.<key>").
  StrategyForm(const char* prefix, std::string field_prefix);

  // The choice buttons, then one field per parameter (flags as checkboxes),
  // each with the inline error `errors` holds for it. True when edited.
  bool draw(DeskContext& ctx, const FieldErrors& errors, float label_width);
  const std::string& name() const { return name_; }
  // {"name", "params"}: integers as JSON integers when they read as one
  // (else the text, so the API names the field), decimals as text, flags as
  // booleans; empty fields are left out (the strategy's default applies).
  nlohmann::json spec() const;
  // This form's fields and their widgets, for FieldErrors::set (valid while the form lives).
  std::span<const FieldWidget> fields() const { return fields_; }

 private:
  void choose(const std::string& name);

  const char* prefix_;
  std::string field_prefix_;
  std::string name_;
  std::vector<std::array<char, 32>> texts_;  // one per parameter in table order
  std::vector<bool> flags_;
  std::vector<std::string> field_names_, widget_ids_;
  std::vector<FieldWidget> fields_;
};

class StrategiesPanel {
 public:
  StrategiesPanel();

  void draw(DeskContext& ctx);

 private:
  void put(DeskContext& ctx, nlohmann::json list, std::string done, bool from_form);

  nlohmann::json list_ = nlohmann::json::array();  // as the API last answered
  bool asked_ = false;                             // the first GET went out
  std::array<char, 16> symbol_{};
  StrategyForm form_;
  FieldErrors errors_;
};

}  // namespace stonks::ui
