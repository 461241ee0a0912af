// JournaledSink: the EventSink that writes each event to the Journal.
#pragma once

#include <cstdint>
#include <vector>

#include "core/event_sink.h"
#include "journal/journal.h"

namespace stonks {

// Encodes each event (journal/event_codec.h) and appends it under its own seq
// (record seq == event seq), so the journal must continue where the engine's
// state ends: recover the engine from this journal first (EngineStore does).
//
// Commit modes (Options::sync_each_batch):
//  - true (default): commit() appends the batch and commits the journal
//    (write + fsync) before returning ok: a command's events are durable
//    before the engine reports it accepted.
//  - false (group commit): commit() only buffers the batch in the journal and
//    returns ok; the events become durable at the next flush(). The engine
//    then reports commands accepted before they are durable, so a host must
//    call flush() -- and see it succeed -- before it acknowledges any of
//    them to a client (e.g. once per batch of HTTP requests or per frame).
//    A crash before flush() keeps some prefix of the buffered commands,
//    possibly none.
// Each command's events are one journal batch (Journal::append), so a crash
// in either mode never leaves half a command: recovery drops a batch that
// was cut short.
//
// After any failure (append or commit) the sink stays failed: every
// later commit() and flush() returns the first error and writes nothing
// more, so a half-buffered batch is never committed later; the engine answers
// kUnavailable from then on, and a restart recovers the durable prefix.
// Not thread-safe; `journal` must outlive the sink.
class JournaledSink final : public EventSink {
 public:
  struct Options {
    bool sync_each_batch = true;
  };

  explicit JournaledSink(Journal& journal) : JournaledSink(journal, Options{}) {}
  JournaledSink(Journal& journal, Options options) : journal_(journal), options_(options) {}

  // Appends every record of `batch` (seq ascending, continuing the journal)
  // and, with sync_each_batch, commits. See the class comment for failures.
  Status commit(const std::vector<EventRecord>& batch) override;

  // Makes every buffered record durable (Journal::commit). Ok at once when
  // nothing is buffered.
  Status flush();

  const Options& options() const { return options_; }
  bool failed() const { return !failure_.is_ok(); }
  // Total payload bytes of the records appended so far (for snapshot policy).
  uint64_t bytes_appended() const { return bytes_appended_; }

 private:
  Status fail(Status cause);

  Journal& journal_;
  const Options options_;
  Status failure_;
  uint64_t bytes_appended_ = 0;
};

}  // namespace stonks
