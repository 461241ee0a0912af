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

EventSeq EventLog::first_seq() const {
  const EventSeq held = records_.empty() ? 0 : records_.front().seq;
  const EventSeq older = history_ ? history_->first_seq() : 0;
  if (older == 0) return held;
  return held == 0 ? older : std::min(held, older);
}

std::size_t EventLog::lower_bound_after(EventSeq after) const {
  auto it = std::upper_bound(records_.begin(), records_.end(), after,
                             [](EventSeq s, const EventRecord& r) { return s < r.seq; });
  return static_cast<std::size_t>(it - records_.begin());
}

Status EventLog::for_each_after(EventSeq after, const Visit& visit) const {
  EventSeq cursor = after;
  const EventSeq held = records_.empty() ? 0 : records_.front().seq;
  const EventSeq older = history_ ? history_->first_seq() : 0;
  // The history is read only for events it has and memory does not.
  if (older != 0 && (held == 0 || (cursor < held - 1 && older < held))) {
    bool stopped = false;
    Status read = history_->read_after(cursor, [&](const EventRecord& record) {
      if (held != 0 && record.seq >= held) return false;  // memory has it from here
      cursor = record.seq;
      stopped = !visit(record);
      return !stopped;
    });
    if (!read.is_ok() || stopped) return read;
    // Events between the history's newest and the oldest held are not
    // durable yet (group commit ahead of a small window): serve none past
    // them, or a reader's cursor would jump over them for good.
    if (held != 0 && cursor < held - 1 && history_->last_seq() < held - 1) return Status::ok();
  }
  for (std::size_t i = lower_bound_after(cursor); i < records_.size(); ++i) {
    if (!visit(records_[i])) break;
  }
  return Status::ok();
}

}  // namespace stonks
