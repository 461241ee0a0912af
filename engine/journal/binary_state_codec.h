// The snapshot payload: a binary form of EngineState (formats 2 and 3) whose bulk,
// the orders and fills, are binary records like the journal's events, and
// whose small rest is the JSON of journal/state_codec.h. Restoring a state
// with a million orders from JSON parsed one very large document; this is
// what makes a snapshot faster to recover from than a replay. Layout:
// docs/journal_format.md, Snapshot payloads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/engine_state.h"
#include "model/status.h"

namespace stonks {

// The format written; decode_snapshot_state() reads this and every older one.
// Format 3 orders carry their submitter and gate decision; format 2 ones
// read without (binary::OrderLayout::kV1).
inline constexpr std::uint64_t kSnapshotStateFormat = 3;

// The binary snapshot payload of `state`. Exact under the bounds of the JSON
// codec (strings valid UTF-8, times in years 0000-9999).
std::string encode_snapshot_state(const EngineState& state);

// Reads a snapshot payload of any format: JSON text (format 1, as snapshots
// were written before) or binary (formats 2 and 3), telling them apart by the first
// byte, and rebuilds the derived indexes. kInvalidArgument naming the field
// for anything malformed, and for a format newer than this build reads ("is
// newer than this build", field "format"): such a snapshot is refused, never
// half read.
Result<EngineState> decode_snapshot_state(std::string_view payload);

}  // namespace stonks
