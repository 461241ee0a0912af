// EventSink: where the engine hands each command's events to be made durable.
#pragma once

#include <vector>

#include "core/events.h"
#include "model/status.h"

namespace stonks {

class EventSink {
 public:
  virtual ~EventSink() = default;
  // Makes `batch` (one command's events, seq ascending) durable before
  // returning ok. A failure means none or only a prefix may be durable.
  virtual Status commit(const std::vector<EventRecord>& batch) = 0;
};

}  // namespace stonks
