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
  for (const EventRecord& record : batch) {
    const std::string payload = encode_event(record);
    if (Status s = journal_.append(record.seq, payload); !s.is_ok()) return fail(s);
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
