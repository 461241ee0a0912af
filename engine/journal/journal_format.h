// The journal's on-disk format: file names, record and snapshot encoding.
// docs/journal_format.md is the prose version; keep the two in step.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/status.h"

namespace stonks::journal_format {

// Record = header + payload. Header, little-endian:
//   [0, 4)   masked CRC-32C of bytes [4, 16 + length)
//   [4, 8)   payload length; the top bit set: the record's batch goes on
//   [8, 16)  sequence number
inline constexpr size_t kRecordHeaderBytes = 16;
inline constexpr size_t kMaxPayloadBytes = size_t{1} << 24;  // 16 MiB

// Every record of a commit batch but its last carries this bit in its length
// field, so recovery can tell a batch that was cut short (a command's events
// half written) and drop all of it. Records without it end their batch, which
// is how single-record batches (and journals from before the bit) read.
inline constexpr uint32_t kBatchContinuesBit = 0x80000000u;
inline uint32_t payload_length(uint32_t length_field) { return length_field & ~kBatchContinuesBit; }
inline bool batch_continues(uint32_t length_field) { return (length_field & kBatchContinuesBit) != 0; }

// Snapshot file = header + state. Header, little-endian:
//   [0, 8)   magic "STNKSNAP"
//   [8, 12)  format version (1)
//   [12, 16) masked CRC-32C of bytes [16, 32 + length)
//   [16, 24) last_seq: the last record the state includes
//   [24, 32) state length
inline constexpr size_t kSnapshotHeaderBytes = 32;
inline constexpr std::string_view kSnapshotMagic = "STNKSNAP";
inline constexpr uint32_t kSnapshotVersion = 1;

// "seg-00000000000000000042.log" for the segment whose first record is 42.
std::string segment_file_name(uint64_t first_seq);
// "snap-00000000000000000042.snap" for the snapshot taken after record 42.
std::string snapshot_file_name(uint64_t last_seq);

// Return true and set *seq when `name` is exactly a segment (snapshot) name
// as made above; false for anything else, *seq untouched.
bool parse_segment_file_name(std::string_view name, uint64_t* first_seq);
bool parse_snapshot_file_name(std::string_view name, uint64_t* last_seq);

inline void put_fixed32(char* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<char>((v >> (8 * i)) & 0xffu);
}
inline void put_fixed64(char* p, uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<char>((v >> (8 * i)) & 0xffu);
}
inline uint32_t get_fixed32(const char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}
inline uint64_t get_fixed64(const char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

// Appends the encoded record (header + payload) to *dst; `batch_continues`:
// more records of its batch follow. Requires payload.size() <= kMaxPayloadBytes.
void append_record(std::string* dst, uint64_t seq, std::string_view payload, bool batch_continues = false);

// True when the whole record at p (kRecordHeaderBytes + its length, all
// readable) carries a matching checksum.
bool record_checksum_ok(const char* p, uint32_t payload_length);

// Returns the snapshot file contents for `state` taken after record `last_seq`.
std::string encode_snapshot(uint64_t last_seq, std::string_view state);

struct SnapshotView {
  uint64_t last_seq = 0;
  std::string_view state;  // points into the decoded buffer
};

// Decodes and verifies snapshot file `data` (named `file_name`, whose name
// must carry the same last_seq). Returns Status::corruption naming the file
// when the magic, version, size, checksum or name check fails.
Result<SnapshotView> decode_snapshot(std::string_view data, std::string_view file_name);

}  // namespace stonks::journal_format
