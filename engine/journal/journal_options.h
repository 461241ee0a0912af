// JournalOptions: the journal's tuning knobs, with their defaults.
#pragma once

#include <cstddef>
#include <cstdint>

namespace stonks {

struct JournalOptions {
  // A new segment starts when the next record would take the current one past
  // this size; a record larger than this gets a segment of its own. Small
  // segments keep browser syncs cheap (IDBFS rewrites whole files).
  // Must be >= 16 (one record header).
  uint64_t max_segment_bytes = 256 * 1024;

  // How many valid snapshots to keep (>= 1). compact() removes only segments
  // covered by the oldest kept snapshot, so with 2 recovery can always fall
  // back past a damaged newest snapshot; with 1, segments go as soon as the
  // newest snapshot covers them.
  uint32_t snapshots_to_keep = 2;

  // Bytes reserved up front for appended, not yet committed records.
  size_t write_buffer_bytes = 64 * 1024;
};

}  // namespace stonks
