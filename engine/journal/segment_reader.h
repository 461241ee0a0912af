// Reading one journal segment: validation, torn-tail detection, record iteration.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "model/status.h"

namespace stonks {

// What scan_segment found in one segment.
struct SegmentScan {
  uint64_t valid_bytes = 0;    // length of the prefix made of whole, valid records
  uint64_t record_count = 0;   // records in that prefix
  uint64_t last_seq = 0;       // seq of the last of them; first_seq - 1 when none
  uint64_t dropped_bytes = 0;  // torn tail after valid_bytes (only ever in the last segment)
  std::string drop_reason;     // why the tail is torn, e.g. "truncated payload"; empty if none
};

// Checks `data`, the contents of segment `file_name`, whose first record must
// carry `first_seq` (>= 1) and every next one the previous seq + 1.
//
// A bad record is a short header, a length running past the end of the data,
// or a checksum mismatch. When `is_last` and no plausible valid record follows
// the first bad one, everything from it on is a torn tail: reported in
// dropped_bytes, not an error. So are the records of a batch the segment
// ends inside (the last valid record carries the batch-continues bit), from
// the batch's first record on; in a segment that is not the last that is
// corruption. Otherwise -- a bad record in a segment that is
// not the last, a bad record followed by a valid one, or a valid record whose
// seq breaks the order -- returns Status::corruption whose message names the
// file and byte offset. Pure; reads nothing but `data`.
Result<SegmentScan> scan_segment(std::string_view data, std::string_view file_name, uint64_t first_seq, bool is_last);

// Calls fn(seq, payload) in order for each record in `records` with seq >
// `after_seq`, stopping at and returning the first non-ok Status. Requires
// `records` to be data[0, valid_bytes) of a successful scan_segment. Sets
// *delivered to the number of calls that returned ok.
Status for_each_record(std::string_view records, uint64_t after_seq,
                       const std::function<Status(uint64_t seq, std::string_view payload)>& fn, uint64_t* delivered);

// Calls fn(seq, payload) in order for each record in `records` with seq >
// `after_seq` until fn returns false. Returns false when fn stopped it, true
// when it ran to the end. Requires `records` as for for_each_record.
bool visit_records(std::string_view records, uint64_t after_seq,
                   const std::function<bool(uint64_t seq, std::string_view payload)>& fn);

}  // namespace stonks
