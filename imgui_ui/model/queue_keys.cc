#include "imgui_ui/model/queue_keys.h"

namespace stonks::ui {
namespace {

constexpr KeyHelp kHelp[] = {
    {"Up / Down (or K / J)", "move the cursor"},
    {"Shift + Up / Down", "select while moving"},
    {"Space or X", "select or unselect the row"},
    {"Ctrl + A", "select all"},
    {"A", "approve the selection (or the row)"},
    {"R", "reject the selection (or the row): asks for a reason"},
    {"Ctrl + Enter", "in a dialog: answer OK (Escape: cancel)"},
    {"Escape", "clear the selection; closes a dialog"},
    {"Enter", "nothing: decisions need A or R"},
    {"?", "this help"},
};

}  // namespace

QueueAction queue_action(const KeyPress& p) {
  // Moving may repeat; anything that changes the selection or decides may not.
  switch (p.key) {
    case QueueKey::kUp:
    case QueueKey::kK:
      return p.shift ? QueueAction::kExtendUp : QueueAction::kUp;
    case QueueKey::kDown:
    case QueueKey::kJ:
      return p.shift ? QueueAction::kExtendDown : QueueAction::kDown;
    default:
      break;
  }
  if (p.repeat) return QueueAction::kNone;
  switch (p.key) {
    case QueueKey::kA:
      return p.ctrl ? QueueAction::kSelectAll : (p.shift ? QueueAction::kNone : QueueAction::kApprove);
    case QueueKey::kR:
      return p.ctrl || p.shift ? QueueAction::kNone : QueueAction::kReject;
    case QueueKey::kX:
    case QueueKey::kSpace:
      return QueueAction::kToggle;
    case QueueKey::kEscape:
      return QueueAction::kClear;
    case QueueKey::kSlash:
      return p.shift ? QueueAction::kHelp : QueueAction::kNone;
    default:
      return QueueAction::kNone;  // Enter among them
  }
}

std::span<const KeyHelp> queue_key_help() { return kHelp; }

}  // namespace stonks::ui
