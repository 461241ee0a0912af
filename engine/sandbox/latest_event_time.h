// The time of the newest thing the engine recorded: where a reopened
// sandbox's clock must be at least, so time never runs backwards.
#pragma once

#include "core/engine_state.h"
#include "core/event_log.h"
#include "model/time.h"

namespace stonks {

// The newest event time in `log` and the newest time stamped anywhere in
// `state` (quotes, orders, approvals, lockouts and their expiry, fills,
// news, config versions, the current day): a recovered snapshot's events are
// no longer in the log, so the state is searched too. EngineState keeps no
// "time of the last event"; the events that leave no time in it (deposits,
// mode and halt changes) come from API requests, after which the sandbox
// saves its clock. Timestamp{} (the epoch) for an empty engine.
Timestamp latest_event_time(const EngineState& state, const EventLog& log);

}  // namespace stonks
