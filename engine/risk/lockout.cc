#include "risk/lockout.h"

#include <algorithm>

#include "model/text.h"

namespace stonks {

Status validate(const LockoutRequest& r) {
  if (r.symbol.empty()) return Status::invalid_argument("ticker is required", "ticker");
  if (r.reason.empty()) return Status::invalid_argument("reason is required", "reason");
  if (Status st = check_text(r.reason, Lockout::kMaxReasonLength, "reason"); !st.is_ok()) return st;
  if (r.duration_minutes <= 0) return Status::invalid_argument("duration must be positive", "duration_minutes");
  if (r.duration_minutes > Lockout::kMaxDurationMinutes)
    return Status::invalid_argument("duration longer than 7 days", "duration_minutes");
  if (r.created_by.empty()) return Status::invalid_argument("created_by is required", "created_by");
  return Status::ok();
}

void LockoutBook::add(const Lockout& l) {
  lockouts_[l.id] = l;
  if (!l.removed_at && !l.expired) live_.emplace(l.symbol, l.id);
}

void LockoutBook::unindex(const Lockout& l) {
  auto [first, last] = live_.equal_range(l.symbol);
  for (auto it = first; it != last; ++it) {
    if (it->second == l.id) {
      live_.erase(it);
      return;
    }
  }
}

void LockoutBook::mark_removed(LockoutId id, Timestamp at, const std::string& by) {
  auto it = lockouts_.find(id);
  if (it == lockouts_.end()) return;
  it->second.removed_at = at;
  it->second.removed_by = by;
  unindex(it->second);
}

void LockoutBook::mark_expired(LockoutId id) {
  auto it = lockouts_.find(id);
  if (it == lockouts_.end()) return;
  it->second.expired = true;
  unindex(it->second);
}

const Lockout* LockoutBook::find(LockoutId id) const {
  auto it = lockouts_.find(id);
  return it == lockouts_.end() ? nullptr : &it->second;
}

const Lockout* LockoutBook::blocking(const Symbol& s, Side side, Timestamp now) const {
  auto [first, last] = live_.equal_range(s);
  const Lockout* found = nullptr;
  for (auto it = first; it != last; ++it) {
    const Lockout& l = lockouts_.at(it->second);
    // Lowest id first, so the reason reported does not depend on index order.
    if (l.active_at(now) && l.applies_to(side) && (!found || l.id < found->id)) found = &l;
  }
  return found;
}

bool LockoutBook::has_active(const Symbol& s, LockoutSource source, Timestamp now) const {
  auto [first, last] = live_.equal_range(s);
  for (auto it = first; it != last; ++it) {
    const Lockout& l = lockouts_.at(it->second);
    if (l.source == source && l.active_at(now)) return true;
  }
  return false;
}

std::vector<const Lockout*> LockoutBook::active(Timestamp now) const {
  std::vector<const Lockout*> out;
  for (const auto& [symbol, id] : live_) {
    const Lockout& l = lockouts_.at(id);
    if (l.active_at(now)) out.push_back(&l);
  }
  std::sort(out.begin(), out.end(), [](const Lockout* a, const Lockout* b) { return a->id < b->id; });
  return out;
}

std::vector<LockoutId> LockoutBook::due_to_expire(Timestamp now) const {
  std::vector<LockoutId> out;
  for (const auto& [symbol, id] : live_)
    if (now >= lockouts_.at(id).expires_at) out.push_back(id);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace stonks
