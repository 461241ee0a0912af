// EventLog: an EventSink that keeps every committed event in memory (for the
// API's event stream and audit log) and forwards each batch to an optional
// inner sink (the journal) first.
#pragma once

#include <utility>
#include <vector>

#include "core/event_sink.h"

namespace stonks {

class EventLog final : public EventSink {
 public:
  // `inner` may be null; it must outlive the log.
  explicit EventLog(EventSink* inner = nullptr) : inner_(inner) {}

  // Forwards to the inner sink; keeps the batch only once that succeeded, so
  // the log never shows an event that is not durable.
  Status commit(const std::vector<EventRecord>& batch) override;

  // Adds already-durable events (journal recovery) without forwarding.
  void adopt(EventRecord record) { records_.push_back(std::move(record)); }

  const std::vector<EventRecord>& records() const { return records_; }
  std::size_t size() const { return records_.size(); }
  // Index of the first record with seq > `after` (records are seq-ascending).
  std::size_t lower_bound_after(EventSeq after) const;

 private:
  EventSink* inner_;
  std::vector<EventRecord> records_;
};

}  // namespace stonks
