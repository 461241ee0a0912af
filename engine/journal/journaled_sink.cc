#include "journal/journaled_sink.h"

#include <string>

#include "journal/event_codec.h"

namespace stonks {

Status JournaledSink::fail(Status cause) {
  failure_ = std::move(cause);
  return failure_;
}

Status JournaledSink::commit(const std::vector<EventRecord>& batch) {
  if (failed()) return failure_;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const std::string payload = encode_event(batch[i]);
    // One command's events are one journal batch: recovered whole or not at all.
    const bool continues = i + 1 < batch.size();
    if (Status s = journal_.append(batch[i].seq, payload, continues); !s.is_ok()) return fail(s);
    bytes_appended_ += payload.size();
  }
  return options_.sync_each_batch ? flush() : Status::ok();
}

Status JournaledSink::flush() {
  if (failed()) return failure_;
  if (Status s = journal_.commit(); !s.is_ok()) return fail(s);
  return Status::ok();
}

}  // namespace stonks
