// Alerts: what the operator should hear about without looking, found by
// comparing the state with the last look (so a local engine and a server's
// replica alert alike): a new pending approval, a system lockout, a fill, a
// risk rejection of an order the desk did not send itself, a halt. Repeats
// of one kind within a few seconds collapse into one alert with a count.
#pragma once

#include <array>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "core/engine_state.h"
#include "model/enum_names.h"

namespace stonks::ui {

enum class AlertKind { kPendingApproval, kSystemLockout, kFill, kRiskRejection, kHalt };
inline constexpr std::size_t kAlertKinds = 5;

struct Alert {
  AlertKind kind = AlertKind::kFill;
  std::string text;
  int count = 1;
  bool error = false;  // shown as an error toast (a halt, a rejection, a lockout)
};

// Per kind: a toast, a tone; and system notifications while the tab is hidden.
struct AlertSettings {
  std::array<bool, kAlertKinds> toast{true, true, true, true, true};
  std::array<bool, kAlertKinds> sound{true, true, false, true, true};  // fills come often: silent by default
  bool notify = false;                                                 // asks the browser's permission when turned on
  bool operator==(const AlertSettings&) const = default;
};

class AlertWatch {
 public:
  // What happened since the last look. Nothing on the first look at a state
  // (or after its seq went back: a reset): what was there before is not news.
  std::vector<Alert> look(const EngineState& state);

 private:
  const EngineState* state_ = nullptr;
  EventSeq seq_ = 0;
  ApprovalId next_approval_ = 0;
  OrderId next_order_ = 0;
  LockoutId next_lockout_ = 0;
  std::size_t fills_ = 0;
  bool halted_ = false;
};

class AlertCollapser {
 public:
  static constexpr double kWindowSeconds = 4;
  // The alert to show for `a` at `now` (seconds): `a` itself, or the one of
  // its kind shown less than kWindowSeconds ago with its count up.
  Alert collapse(const Alert& a, double now);

 private:
  struct Recent {
    Alert shown;
    double last = 0;
  };
  std::map<AlertKind, Recent> recent_;
};

}  // namespace stonks::ui

namespace stonks {
template <>
struct EnumNames<ui::AlertKind> {
  using K = ui::AlertKind;
  static constexpr EnumName<K> table[] = {{K::kPendingApproval, "pending_approval"},
                                          {K::kSystemLockout, "system_lockout"},
                                          {K::kFill, "fill"},
                                          {K::kRiskRejection, "risk_rejection"},
                                          {K::kHalt, "halt"}};
};
static_assert(std::size(EnumNames<ui::AlertKind>::table) == ui::kAlertKinds, "a kind each, in AlertSettings' arrays");
}  // namespace stonks
