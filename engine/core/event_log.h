// EventLog: an EventSink that keeps the committed events in memory (for the
// API's event stream and audit log) and forwards each batch to an optional
// inner sink (the journal) first. With a window it keeps only about the
// newest `window` events, so memory does not grow with the history; with an
// EventHistory behind it (EngineStore: the journal) older events are read
// back from there on demand, so a window loses nothing a reader can ask for.
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "core/event_sink.h"

namespace stonks {

// Where an EventLog reads back the committed events older than those it
// holds. The log and the API routes see only this interface; the I/O is the
// implementation's. Called on the engine's thread, like the log.
class EventHistory {
 public:
  using Visit = std::function<bool(const EventRecord& record)>;  // false: stop

  virtual ~EventHistory() = default;
  // The seq of the oldest event it can give back, 0 when none.
  virtual EventSeq first_seq() const = 0;
  // The seq of the newest event it can give back (the last durable one), 0
  // when none.
  virtual EventSeq last_seq() const = 0;
  // Calls visit for each event with seq > `after` (from first_seq() on when
  // `after` is older) through last_seq(), in seq order, until visit returns
  // false. A damaged or unreadable store ends the read with a non-ok Status
  // (kCorruption naming where, kIoError), after the events before the damage.
  virtual Status read_after(EventSeq after, const Visit& visit) const = 0;
};

class EventLog final : public EventSink {
 public:
  using Visit = EventHistory::Visit;

  // `inner` and `history` may be null; both must outlive the log. `window` 0
  // keeps every event; otherwise at least the newest `window` and at most
  // twice that. `history` must hold every event the log has been given
  // (adopted or committed) once it is durable.
  explicit EventLog(EventSink* inner = nullptr, std::size_t window = 0, const EventHistory* history = nullptr)
      : inner_(inner), window_(window), history_(history) {}

  // Forwards to the inner sink; keeps the batch only once that succeeded, so
  // the log never shows an event the inner sink refused.
  Status commit(const std::vector<EventRecord>& batch) override;

  // Adds already-durable events (journal recovery) without forwarding.
  void adopt(EventRecord record) {
    records_.push_back(std::move(record));
    trim();
  }

  // The events held in memory (the window), seq ascending.
  const std::vector<EventRecord>& records() const { return records_; }
  std::size_t size() const { return records_.size(); }
  // The seq of the oldest event a reader can still get, from the history or
  // from memory; 0 when there is none. A stream reader whose cursor is older
  // has missed events (compacted out of the journal, or trimmed from a log
  // without a history).
  EventSeq first_seq() const;
  // Index in records() of the first record with seq > `after`.
  std::size_t lower_bound_after(EventSeq after) const;

  // Calls visit for each event with seq > `after` (from first_seq() on when
  // `after` is older), in seq order, until visit returns false: those older
  // than the window read back from the history, then those held. Stops
  // short of events that are neither held nor yet in the history. Returns the
  // history's error, if reading it failed, after the events before it.
  Status for_each_after(EventSeq after, const Visit& visit) const;

 private:
  // Drops the oldest half once the log holds twice the window: amortized
  // constant work per event.
  void trim();

  EventSink* inner_;
  std::size_t window_;
  const EventHistory* history_;
  std::vector<EventRecord> records_;
};

}  // namespace stonks
