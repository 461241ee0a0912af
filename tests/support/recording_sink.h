// RecordingSink: an EventSink that keeps every committed event in memory and
// can be told to fail, for tests of commit semantics and replay.
#pragma once

#include <vector>

#include "core/event_sink.h"

namespace stonks::testing {

class RecordingSink final : public EventSink {
 public:
  Status commit(const std::vector<EventRecord>& batch) override {
    if (fail_next) return Status::io_error("injected storage failure");
    events.insert(events.end(), batch.begin(), batch.end());
    ++commits;
    return Status::ok();
  }

  std::vector<EventRecord> events;
  int commits = 0;
  bool fail_next = false;
};

}  // namespace stonks::testing
