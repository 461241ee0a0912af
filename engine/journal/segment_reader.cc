// Segment validation: walk records, check each checksum and seq, classify a bad tail.
#include "journal/segment_reader.h"

#include <utility>

#include "journal/journal_format.h"

namespace stonks {
namespace {

using journal_format::batch_continues;
using journal_format::get_fixed32;
using journal_format::get_fixed64;
using journal_format::kRecordHeaderBytes;
using journal_format::payload_length;
using journal_format::record_checksum_ok;

constexpr size_t kNotFound = static_cast<size_t>(-1);

// Why the record at an offset is unreadable; nullptr when it is whole and
// checksums (then *length, *seq and *continues are set).
const char* check_record(std::string_view data, size_t off, uint32_t* length, uint64_t* seq, bool* continues) {
  size_t left = data.size() - off;
  if (left < kRecordHeaderBytes) return "truncated header";
  const char* p = data.data() + off;
  const uint32_t field = get_fixed32(p + 4);
  const uint32_t len = payload_length(field);
  if (len > left - kRecordHeaderBytes) return "truncated payload";
  if (!record_checksum_ok(p, len)) return "checksum mismatch";
  *length = len;
  *seq = get_fixed64(p + 8);
  *continues = batch_continues(field);
  return nullptr;
}

// Offset of the first whole, checksummed record starting after `bad_off`
// whose seq could follow `last_seq` there (each record takes at least a
// header's worth of bytes); kNotFound if none. Cheap on zeros and garbage:
// the seq test rejects almost every offset before any checksum is computed.
size_t find_valid_record_after(std::string_view data, size_t bad_off, uint64_t last_seq) {
  const uint64_t max_step = (data.size() - bad_off) / kRecordHeaderBytes + 1;
  for (size_t off = bad_off + 1; off + kRecordHeaderBytes <= data.size(); ++off) {
    const char* p = data.data() + off;
    uint64_t seq = get_fixed64(p + 8);
    if (seq <= last_seq || seq - last_seq > max_step) continue;
    uint32_t len = payload_length(get_fixed32(p + 4));
    if (len > data.size() - off - kRecordHeaderBytes) continue;
    if (record_checksum_ok(p, len)) return off;
  }
  return kNotFound;
}

Status corrupt(std::string_view file_name, size_t off, const std::string& what) {
  return Status::corruption("journal: corrupt segment " + std::string(file_name) + " at offset " + std::to_string(off) +
                            ": " + what);
}

// Calls fn(seq, payload) for each record with seq > after_seq until it
// returns false; a template so recovery's loop has no extra indirection.
template <class Fn>
bool walk_records(std::string_view records, uint64_t after_seq, Fn&& fn) {
  size_t off = 0;
  while (off + kRecordHeaderBytes <= records.size()) {
    const char* p = records.data() + off;
    uint32_t length = payload_length(get_fixed32(p + 4));
    uint64_t seq = get_fixed64(p + 8);
    if (seq > after_seq && !fn(seq, records.substr(off + kRecordHeaderBytes, length))) return false;
    off += kRecordHeaderBytes + length;
  }
  return true;
}

}  // namespace

Result<SegmentScan> scan_segment(std::string_view data, std::string_view file_name, uint64_t first_seq, bool is_last) {
  if (first_seq == 0) return corrupt(file_name, 0, "segment name carries seq 0 (seqs start at 1)");
  SegmentScan scan;
  scan.last_seq = first_seq - 1;
  size_t off = 0;
  SegmentScan batch_start = scan;  // the scan as it stood where the current batch began
  size_t batch_off = 0;
  bool in_batch = false;  // the last valid record said its batch goes on
  while (off < data.size()) {
    uint32_t length = 0;
    uint64_t seq = 0;
    bool continues = false;
    if (const char* why = check_record(data, off, &length, &seq, &continues)) {
      if (!is_last) return corrupt(file_name, off, std::string(why) + " in a segment that is not the last");
      size_t next = find_valid_record_after(data, off, scan.last_seq);
      if (next != kNotFound) {
        return corrupt(file_name, off,
                       std::string(why) + ", followed by a valid record at offset " + std::to_string(next));
      }
      scan.dropped_bytes = data.size() - off;
      scan.drop_reason = why;
      break;
    }
    if (seq != scan.last_seq + 1) {
      if (scan.record_count == 0) {
        return corrupt(
            file_name, off,
            "first record has seq " + std::to_string(seq) + ", the file name says " + std::to_string(first_seq));
      }
      return corrupt(file_name, off,
                     std::string(seq > scan.last_seq ? "sequence gap" : "sequence out of order") + ": seq " +
                         std::to_string(seq) + " follows seq " + std::to_string(scan.last_seq));
    }
    if (!in_batch) {
      batch_start = scan;
      batch_off = off;
    }
    off += kRecordHeaderBytes + length;
    scan.last_seq = seq;
    ++scan.record_count;
    in_batch = continues;
  }
  scan.valid_bytes = off;
  if (in_batch) {
    // The last batch was cut short: none of it counts. Batches never span
    // segments (the journal rotates between them), so only the last may.
    if (!is_last) return corrupt(file_name, batch_off, "a batch that does not end in a segment that is not the last");
    const uint64_t dropped = scan.dropped_bytes + (off - batch_off);
    std::string reason = scan.drop_reason.empty() ? "unfinished batch" : scan.drop_reason + " in an unfinished batch";
    scan = batch_start;
    scan.valid_bytes = batch_off;
    scan.dropped_bytes = dropped;
    scan.drop_reason = std::move(reason);
  }
  return scan;
}

Status for_each_record(std::string_view records, uint64_t after_seq,
                       const std::function<Status(uint64_t seq, std::string_view payload)>& fn, uint64_t* delivered) {
  *delivered = 0;
  Status status;
  walk_records(records, after_seq, [&](uint64_t seq, std::string_view payload) {
    status = fn(seq, payload);
    if (!status.is_ok()) return false;
    ++*delivered;
    return true;
  });
  return status;
}

bool visit_records(std::string_view records, uint64_t after_seq,
                   const std::function<bool(uint64_t seq, std::string_view payload)>& fn) {
  return walk_records(records, after_seq, fn);
}

}  // namespace stonks
