// The Risk Config view: every RiskConfig field as a form (grouped as the
// config is, each with its unit and a line of help; errors inline at the
// field the API names, all at once), Save as a new version (asking first
// when a change lets more orders through, saying which), and the version
// history: who, when, what changed, and Load to bring any version back into
// the form.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "imgui_ui/desk_context.h"
#include "imgui_ui/widgets/field_errors.h"

namespace stonks::ui {

class RiskConfigView {
 public:
  void draw(DeskContext& ctx);

 private:
  // The form shows `config`; edits start over from the current version.
  void load(const RiskConfig& config, std::int64_t current_version);
  void draw_form(DeskContext& ctx);
  void draw_history(DeskContext& ctx);
  void save(DeskContext& ctx);
  void send(Requests& requests, Toasts& toasts, const RiskConfig& next);

  std::vector<std::vector<char>> texts_;  // per config_fields(), what the form holds
  std::int64_t base_version_ = 0;         // the current version when the form was loaded
  bool dirty_ = false;                    // edited since: the form no longer follows the state
  std::string note_;                      // "Version 3 loaded into the form"
  FieldErrors errors_;
  std::vector<std::string> history_;  // per config_history entry: its changes, one per line
};

}  // namespace stonks::ui
