// StateReplica: a copy of a remote engine's state, as the panel reads it when
// the engine runs in stonks-server. Rebuilt from the body of GET
// /api/snapshot, then kept current by applying the pages of GET /api/events
// in order; the same fold (apply_event) as recovery, so the copy equals the
// server's state at the same seq. Pure: the host does the HTTP.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "core/engine_state.h"
#include "model/status.h"

namespace stonks {

// One page of GET /api/events, strictly read: the oldest seq the server
// still holds, the events (in seq order as sent), and whether another page
// waits.
struct EventsPage {
  EventSeq first_seq = 0;
  std::vector<EventRecord> events;
  bool has_more = false;
};
// kInvalidArgument naming the field ("events[3].type") for a malformed page.
Result<EventsPage> parse_events_page(std::string_view body);

class StateReplica {
 public:
  // What a page of events meant for the follower.
  enum class Follow {
    kCurrent,   // applied; nothing more is waiting (long-poll the next page)
    kMore,      // applied; the server already holds another page (ask at once)
    kSnapshot,  // the server no longer holds the events right after ours:
                // reload the snapshot (nothing was applied)
  };

  // Replaces the state with the snapshot's. A body that is not a snapshot
  // (malformed, a state its codec refuses, last_seq disagreeing with the
  // state's) is kInvalidArgument and leaves the replica as it was.
  Status load_snapshot(std::string_view body);

  // Applies one page of GET /api/events?after=<last_seq()>. Events at or
  // below last_seq() are skipped (a page answered twice after a retry). A
  // malformed page, an event out of order or one the fold refuses is an
  // error that may leave the state part way through the page: the follower
  // reloads the snapshot then. `applied`, when given, sees each event
  // applied, after the state took it (a panel's history follows them).
  Result<Follow> apply_events(std::string_view body, const std::function<void(const EventRecord&)>& applied = nullptr);

  bool loaded() const { return state_.has_value(); }
  // Only when loaded().
  const EngineState& state() const { return *state_; }
  EventSeq last_seq() const { return state_ ? state_->last_seq : 0; }

 private:
  std::optional<EngineState> state_;
};

}  // namespace stonks
