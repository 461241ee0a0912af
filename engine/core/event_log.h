// EventLog: an EventSink that keeps the committed events in memory (for the
// API's event stream and audit log) and forwards each batch to an optional
// inner sink (the journal) first. With a window it keeps only about the
// newest `window` events, so a desk left running does not grow with its
// history; older ones are in the journal (until compaction) and gone from here.
#pragma once

#include <utility>
#include <vector>

#include "core/event_sink.h"

namespace stonks {

class EventLog final : public EventSink {
 public:
  // `inner` may be null; it must outlive the log. `window` 0 keeps every
  // event; otherwise at least the newest `window` and at most twice that.
  explicit EventLog(EventSink* inner = nullptr, std::size_t window = 0) : inner_(inner), window_(window) {}

  // Forwards to the inner sink; keeps the batch only once that succeeded, so
  // the log never shows an event that is not durable.
  Status commit(const std::vector<EventRecord>& batch) override;

  // Adds already-durable events (journal recovery) without forwarding.
  void adopt(EventRecord record) {
    records_.push_back(std::move(record));
    trim();
  }

  const std::vector<EventRecord>& records() const { return records_; }
  std::size_t size() const { return records_.size(); }
  // The seq of the oldest event held, 0 when empty: a stream reader that
  // asks for events before it has missed some (they were trimmed).
  EventSeq first_seq() const { return records_.empty() ? 0 : records_.front().seq; }
  // Index of the first record with seq > `after` (records are seq-ascending).
  std::size_t lower_bound_after(EventSeq after) const;

 private:
  // Drops the oldest half once the log holds twice the window: amortized
  // constant work per event.
  void trim();

  EventSink* inner_;
  std::size_t window_;
  std::vector<EventRecord> records_;
};

}  // namespace stonks
