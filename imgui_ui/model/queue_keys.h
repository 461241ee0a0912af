// The approval queue's keys: what each press does. A decision takes a fresh
// press: a key held down (auto-repeat) moves the cursor again but never
// decides twice, and Enter decides nothing.
#pragma once

#include <span>

namespace stonks::ui {

enum class QueueAction {
  kNone,
  kUp,
  kDown,
  kExtendUp,  // shift: the selection grows with the cursor
  kExtendDown,
  kToggle,  // the cursor's row in or out of the selection
  kSelectAll,
  kApprove,  // the selection, or the cursor's row
  kReject,   // asks for a reason first
  kClear,    // Escape: the selection is emptied
  kHelp,
};

// The keys the queue reads ('?' is shift + slash).
enum class QueueKey { kUp, kDown, kJ, kK, kA, kR, kX, kSpace, kEscape, kEnter, kSlash };
inline constexpr QueueKey kQueueKeys[] = {QueueKey::kUp,     QueueKey::kDown,  QueueKey::kJ,    QueueKey::kK,
                                          QueueKey::kA,      QueueKey::kR,     QueueKey::kX,    QueueKey::kSpace,
                                          QueueKey::kEscape, QueueKey::kEnter, QueueKey::kSlash};

struct KeyPress {
  QueueKey key = QueueKey::kEnter;
  bool repeat = false;  // an auto-repeat of a key held down
  bool shift = false;
  bool ctrl = false;
};

QueueAction queue_action(const KeyPress& press);

struct KeyHelp {
  const char* keys;
  const char* what;
};
// What `?` shows.
std::span<const KeyHelp> queue_key_help();

}  // namespace stonks::ui
