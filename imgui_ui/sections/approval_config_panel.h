// ApprovalConfigPanel: the Paper Order Approval card. Shows whether paper
// orders are auto-approved; flipping the toggle asks first (saying what will
// change) and only Confirm sends it. The approval timeout and four eyes
// (approvals only by another operator than the submitter; switching it
// asks too) are set here, and the approval rules are edited under it.
#pragma once

#include "imgui_ui/desk_context.h"
#include "imgui_ui/sections/approval_rules_editor.h"
#include "imgui_ui/widgets/field_errors.h"

namespace stonks::ui {

struct ApprovalConfigPanel {
  int timeout_minutes = 0;
  bool editing_timeout = false;  // the operator typed: show their number, not the engine's
  FieldErrors errors;
  ApprovalRulesEditor rules;

  void draw(DeskContext& ctx);
};

}  // namespace stonks::ui
