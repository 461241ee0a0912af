// Encoding and decoding of journal file names, records and snapshots.
#include "journal/journal_format.h"

#include <cassert>

#include "journal/crc32c.h"

namespace stonks::journal_format {
namespace {

constexpr int kSeqDigits = 20;  // enough for UINT64_MAX, so lexical order = numeric order

std::string padded_name(std::string_view prefix, uint64_t seq, std::string_view suffix) {
  std::string name;
  name.reserve(prefix.size() + kSeqDigits + suffix.size());
  name.append(prefix);
  name.append(kSeqDigits, '0');
  for (size_t i = name.size(); seq != 0; seq /= 10) name[--i] = static_cast<char>('0' + seq % 10);
  name.append(suffix);
  return name;
}

bool parse_padded_name(std::string_view name, std::string_view prefix, std::string_view suffix, uint64_t* seq) {
  if (name.size() != prefix.size() + kSeqDigits + suffix.size()) return false;
  if (name.substr(0, prefix.size()) != prefix || name.substr(name.size() - suffix.size()) != suffix) return false;
  uint64_t v = 0;
  for (char c : name.substr(prefix.size(), kSeqDigits)) {
    if (c < '0' || c > '9') return false;
    uint64_t digit = static_cast<uint64_t>(c - '0');
    if (v > (UINT64_MAX - digit) / 10) return false;  // more than UINT64_MAX
    v = v * 10 + digit;
  }
  *seq = v;
  return true;
}

}  // namespace

std::string segment_file_name(uint64_t first_seq) { return padded_name("seg-", first_seq, ".log"); }
std::string snapshot_file_name(uint64_t last_seq) { return padded_name("snap-", last_seq, ".snap"); }

bool parse_segment_file_name(std::string_view name, uint64_t* first_seq) {
  return parse_padded_name(name, "seg-", ".log", first_seq);
}
bool parse_snapshot_file_name(std::string_view name, uint64_t* last_seq) {
  return parse_padded_name(name, "snap-", ".snap", last_seq);
}

void append_record(std::string* dst, uint64_t seq, std::string_view payload, bool batch_continues) {
  assert(payload.size() <= kMaxPayloadBytes);
  size_t start = dst->size();
  dst->resize(start + kRecordHeaderBytes);
  char* h = dst->data() + start;
  put_fixed32(h + 4, static_cast<uint32_t>(payload.size()) | (batch_continues ? kBatchContinuesBit : 0));
  put_fixed64(h + 8, seq);
  uint32_t crc = crc32c::extend(crc32c::value(h + 4, kRecordHeaderBytes - 4), payload.data(), payload.size());
  put_fixed32(h, crc32c::mask(crc));
  dst->append(payload.data(), payload.size());
}

bool record_checksum_ok(const char* p, uint32_t payload_length) {
  uint32_t expected = crc32c::unmask(get_fixed32(p));
  return crc32c::value(p + 4, kRecordHeaderBytes - 4 + size_t{payload_length}) == expected;
}

std::string encode_snapshot(uint64_t last_seq, std::string_view state) {
  std::string out(kSnapshotHeaderBytes, '\0');
  out.append(state.data(), state.size());
  char* h = out.data();
  kSnapshotMagic.copy(h, kSnapshotMagic.size());
  put_fixed32(h + 8, kSnapshotVersion);
  put_fixed64(h + 16, last_seq);
  put_fixed64(h + 24, state.size());
  put_fixed32(h + 12, crc32c::mask(crc32c::value(h + 16, out.size() - 16)));
  return out;
}

Result<SnapshotView> decode_snapshot(std::string_view data, std::string_view file_name) {
  auto bad = [&](const std::string& why) {
    return Status::corruption("journal: snapshot " + std::string(file_name) + ": " + why);
  };
  if (data.size() < kSnapshotHeaderBytes) return bad("shorter than its header");
  if (data.substr(0, kSnapshotMagic.size()) != kSnapshotMagic) return bad("bad magic");
  const char* h = data.data();
  uint32_t version = get_fixed32(h + 8);
  if (version != kSnapshotVersion) return bad("unknown version " + std::to_string(version));
  uint64_t length = get_fixed64(h + 24);
  if (length != data.size() - kSnapshotHeaderBytes) {
    return bad("length field says " + std::to_string(length) + " bytes, file holds " +
               std::to_string(data.size() - kSnapshotHeaderBytes));
  }
  if (crc32c::unmask(get_fixed32(h + 12)) != crc32c::value(h + 16, data.size() - 16)) return bad("checksum mismatch");
  SnapshotView view;
  view.last_seq = get_fixed64(h + 16);
  uint64_t named_seq = 0;
  if (!parse_snapshot_file_name(file_name, &named_seq) || named_seq != view.last_seq) {
    return bad("holds last_seq " + std::to_string(view.last_seq) + ", which its name does not match");
  }
  view.state = data.substr(kSnapshotHeaderBytes);
  return view;
}

}  // namespace stonks::journal_format
