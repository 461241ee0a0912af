// Journal, reading side: recover() = newest good snapshot + replay of later records.
#include "journal/journal.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "journal/journal_format.h"
#include "journal/segment_reader.h"

namespace stonks {
namespace {

using journal_format::segment_file_name;
using journal_format::snapshot_file_name;

// Segment contents kept in memory between the checking pass and the replay
// pass; past this, segments are read twice instead. The last one is always kept.
constexpr size_t kRecoveryCacheBytes = 16 << 20;

struct PlannedSegment {
  uint64_t first_seq = 0;
  SegmentScan scan;
  std::string data;  // empty unless cached
  bool cached = false;
};

std::string seq_str(uint64_t seq) { return std::to_string(seq); }

}  // namespace

Result<RecoveryStats> Journal::recover(const SnapshotFn& on_snapshot, const RecordFn& on_record) {
  if (recovered_) return Status::conflict("journal: already recovered");
  auto names = storage_.list();
  if (!names.is_ok()) return names.status();

  std::vector<uint64_t> segments;
  std::map<uint64_t, SnapshotState> snapshots;
  for (const std::string& name : *names) {
    uint64_t seq = 0;
    if (journal_format::parse_segment_file_name(name, &seq)) {
      segments.push_back(seq);
    } else if (journal_format::parse_snapshot_file_name(name, &seq)) {
      snapshots[seq] = SnapshotState::kUnchecked;
    }
  }
  std::sort(segments.begin(), segments.end());

  RecoveryStats stats;

  // 1. The newest snapshot that passes its checks.
  std::string snapshot_data;
  std::optional<journal_format::SnapshotView> snapshot;
  uint64_t newest_corrupt_snapshot = 0;
  for (auto it = snapshots.rbegin(); it != snapshots.rend() && !snapshot; ++it) {
    const std::string name = snapshot_file_name(it->first);
    auto data = storage_.read_file(name);
    if (!data.is_ok()) return data.status();
    snapshot_data = std::move(data).value();
    auto view = journal_format::decode_snapshot(snapshot_data, name);
    if (view.is_ok()) {
      it->second = SnapshotState::kValid;
      snapshot = *view;
    } else {
      it->second = SnapshotState::kCorrupt;
      stats.corrupt_snapshots.push_back(name);
      newest_corrupt_snapshot = std::max(newest_corrupt_snapshot, it->first);
    }
  }
  const uint64_t base = snapshot ? snapshot->last_seq : 0;

  // 2. Check every segment that may hold a record after `base`, starting with
  // the newest one whose first seq is <= base + 1. Nothing is delivered yet.
  size_t start = 0;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (segments[i] <= base + 1) start = i;
  }
  if (!segments.empty() && segments[start] > base + 1) {
    return Status::corruption(
        "journal: records " + seq_str(base + 1) + ".." + seq_str(segments[start] - 1) +
        " are missing: the oldest segment " + segment_file_name(segments[start]) + " starts at seq " +
        seq_str(segments[start]) +
        (snapshot ? " and the snapshot ends at seq " + seq_str(base) : " and no snapshot is valid"));
  }
  std::vector<PlannedSegment> plan;
  size_t cached_bytes = 0;
  for (size_t i = start; i < segments.size(); ++i) {
    const std::string name = segment_file_name(segments[i]);
    const bool is_last = i + 1 == segments.size();
    if (!plan.empty() && segments[i] != plan.back().scan.last_seq + 1) {
      return Status::corruption("journal: corrupt segment " + name + " at offset 0: starts at seq " +
                                seq_str(segments[i]) + " but " + segment_file_name(plan.back().first_seq) +
                                " ends at seq " + seq_str(plan.back().scan.last_seq));
    }
    auto data = storage_.read_file(name);
    if (!data.is_ok()) return data.status();
    auto scan = scan_segment(*data, name, segments[i], is_last);
    if (!scan.is_ok()) return scan.status();
    if (!is_last && scan->record_count == 0) {
      return Status::corruption("journal: corrupt segment " + name + " at offset 0: empty, and not the last segment");
    }
    PlannedSegment planned;
    planned.first_seq = segments[i];
    planned.scan = std::move(scan).value();
    if (is_last || cached_bytes + data->size() <= kRecoveryCacheBytes) {
      cached_bytes += data->size();
      planned.data = std::move(data).value();
      planned.cached = true;
    }
    plan.push_back(std::move(planned));
    ++stats.segments_read;
  }
  const uint64_t last_seq = plan.empty() ? base : std::max(base, plan.back().scan.last_seq);
  if (newest_corrupt_snapshot > last_seq) {
    return Status::corruption("journal: snapshot " + snapshot_file_name(newest_corrupt_snapshot) +
                              " failed its checks and the journal only reaches seq " + seq_str(last_seq));
  }

  // 3. Cut a torn tail off the last segment (remove the segment if nothing
  // valid is left) so later appends follow a good record.
  if (!plan.empty()) {
    PlannedSegment& tail = plan.back();
    const std::string name = segment_file_name(tail.first_seq);
    if (tail.scan.dropped_bytes > 0) {
      stats.torn_file = name;
      stats.torn_offset = tail.scan.valid_bytes;
      stats.dropped_bytes = tail.scan.dropped_bytes;
      stats.torn_reason = tail.scan.drop_reason;
    }
    if (tail.scan.record_count == 0) {
      if (Status s = storage_.remove(name); !s.is_ok()) return s;
      segments.pop_back();
      plan.pop_back();
    } else if (tail.scan.dropped_bytes > 0) {
      tail.data.resize(tail.scan.valid_bytes);
      if (Status s = storage_.write_file_atomic(name, tail.data); !s.is_ok()) return s;
    }
  }

  // 4. Deliver: the snapshot, then every record after it.
  if (snapshot) {
    stats.snapshot_used = true;
    stats.snapshot_seq = base;
    if (on_snapshot) {
      if (Status s = on_snapshot(base, snapshot->state); !s.is_ok()) return s;
    }
  }
  const RecordFn ignore = [](uint64_t, std::string_view) { return Status::ok(); };
  const RecordFn& deliver = on_record ? on_record : ignore;
  for (PlannedSegment& planned : plan) {
    if (!planned.cached) {
      const std::string name = segment_file_name(planned.first_seq);
      auto data = storage_.read_file(name);
      if (!data.is_ok()) return data.status();
      auto again = scan_segment(*data, name, planned.first_seq, false);
      if (!again.is_ok() || again->valid_bytes != planned.scan.valid_bytes) {
        return Status::corruption("journal: segment " + name + " changed during recovery");
      }
      planned.data = std::move(data).value();
    }
    uint64_t delivered = 0;
    Status s =
        for_each_record(std::string_view(planned.data).substr(0, planned.scan.valid_bytes), base, deliver, &delivered);
    stats.records_replayed += delivered;
    if (!s.is_ok()) return s;
    planned.data = std::string();  // release as we go
  }

  // 5. Ready to append after `last_seq`: into the last segment if it ends
  // there, else into a new one.
  stats.last_seq = last_seq;
  next_seq_ = last_seq + 1;
  committed_seq_ = last_seq;
  have_tail_ = !plan.empty() && plan.back().first_seq == segments.back() && plan.back().scan.last_seq == last_seq;
  if (have_tail_) {
    tail_seq_ = plan.back().first_seq;
    tail_bytes_ = plan.back().scan.valid_bytes;
  }
  segments_ = std::move(segments);
  snapshots_ = std::move(snapshots);
  recovered_ = true;
  return stats;
}

}  // namespace stonks
