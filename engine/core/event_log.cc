#include "core/event_log.h"

#include <algorithm>

namespace stonks {

Status EventLog::commit(const std::vector<EventRecord>& batch) {
  if (inner_) {
    if (Status st = inner_->commit(batch); !st.is_ok()) return st;
  }
  records_.insert(records_.end(), batch.begin(), batch.end());
  trim();
  return Status::ok();
}

void EventLog::trim() {
  if (window_ == 0 || records_.size() < 2 * window_) return;
  records_.erase(records_.begin(), records_.end() - static_cast<std::ptrdiff_t>(window_));
}

std::size_t EventLog::lower_bound_after(EventSeq after) const {
  auto it = std::upper_bound(records_.begin(), records_.end(), after,
                             [](EventSeq s, const EventRecord& r) { return s < r.seq; });
  return static_cast<std::size_t>(it - records_.begin());
}

}  // namespace stonks
