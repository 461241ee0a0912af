// Journal, writing side: append, group commit, snapshots, compaction; and
// reading committed records back. Recovery is in journal_recovery.cc.
#include "journal/journal.h"

#include <algorithm>
#include <utility>

#include "journal/journal_format.h"
#include "journal/segment_reader.h"

namespace stonks {

using journal_format::kMaxPayloadBytes;
using journal_format::kRecordHeaderBytes;
using journal_format::segment_file_name;
using journal_format::snapshot_file_name;

Result<std::unique_ptr<Journal>> Journal::open(Storage& storage, JournalOptions options) {
  if (options.max_segment_bytes < kRecordHeaderBytes) {
    return Status::invalid_argument("journal: max_segment_bytes must be at least 16", "max_segment_bytes");
  }
  if (options.snapshots_to_keep < 1) {
    return Status::invalid_argument("journal: snapshots_to_keep must be at least 1", "snapshots_to_keep");
  }
  return std::unique_ptr<Journal>(new Journal(storage, options));
}

Journal::Journal(Storage& storage, JournalOptions options) : storage_(storage), options_(options) {
  pending_.reserve(options_.write_buffer_bytes);
}

Status Journal::check_writable() const {
  if (!recovered_) return Status::conflict("journal: recover() must succeed before writing");
  return failure_;
}

Status Journal::stop(Status cause) {
  failure_ = Status::unavailable("journal: stopped after a storage failure: " + cause.message());
  pending_.clear();
  chunks_.clear();
  pending_records_ = 0;
  return cause;
}

Status Journal::append(uint64_t seq, std::string_view payload, bool batch_continues) {
  if (Status s = check_writable(); !s.is_ok()) return s;
  if (seq != next_seq_) {
    return Status::invalid_argument(
        "journal: append of seq " + std::to_string(seq) + ", expected " + std::to_string(next_seq_), "seq");
  }
  if (payload.size() > kMaxPayloadBytes) {
    return Status::invalid_argument(
        "journal: payload of " + std::to_string(payload.size()) + " bytes exceeds " + std::to_string(kMaxPayloadBytes),
        "payload");
  }
  const uint64_t record_bytes = kRecordHeaderBytes + payload.size();
  // A new segment only between batches: recovery drops a cut-short batch
  // from the newest segment, and it must all be there.
  const bool full = tail_bytes_ > 0 && tail_bytes_ + record_bytes > options_.max_segment_bytes;
  if (!have_tail_ || (full && !in_batch_)) {
    have_tail_ = true;
    tail_seq_ = seq;
    tail_bytes_ = 0;
    chunks_.push_back({seq, pending_.size()});
  } else if (chunks_.empty()) {
    chunks_.push_back({tail_seq_, pending_.size()});
  }
  journal_format::append_record(&pending_, seq, payload, batch_continues);
  in_batch_ = batch_continues;
  tail_bytes_ += record_bytes;
  ++next_seq_;
  ++pending_records_;
  return Status::ok();
}

Status Journal::commit() {
  if (Status s = check_writable(); !s.is_ok()) return s;
  if (pending_records_ == 0) return Status::ok();
  const std::string_view pending(pending_);
  // Segment by segment, each synced before the next is created: a crash can
  // then tear only the newest segment.
  for (size_t i = 0; i < chunks_.size(); ++i) {
    const size_t begin = chunks_[i].begin;
    const size_t end = i + 1 < chunks_.size() ? chunks_[i + 1].begin : pending.size();
    const std::string name = segment_file_name(chunks_[i].segment_seq);
    if (segments_.empty() || segments_.back() != chunks_[i].segment_seq) segments_.push_back(chunks_[i].segment_seq);
    Status s = storage_.append(name, pending.substr(begin, end - begin));
    if (s.is_ok()) s = storage_.sync(name);
    if (!s.is_ok()) return stop(std::move(s));
  }
  committed_seq_ = next_seq_ - 1;
  pending_.clear();
  chunks_.clear();
  pending_records_ = 0;
  return Status::ok();
}

Status Journal::write_snapshot(uint64_t last_seq, std::string_view state) {
  if (Status s = check_writable(); !s.is_ok()) return s;
  if (last_seq > committed_seq_) {
    return Status::invalid_argument("journal: snapshot at seq " + std::to_string(last_seq) +
                                        " is past the last committed seq " + std::to_string(committed_seq_),
                                    "last_seq");
  }
  const std::string name = snapshot_file_name(last_seq);
  if (Status s = storage_.write_file_atomic(name, journal_format::encode_snapshot(last_seq, state)); !s.is_ok()) {
    return s;
  }
  snapshots_[last_seq] = SnapshotState::kValid;
  std::vector<uint64_t> kept;
  return prune_snapshots(&kept);
}

Status Journal::prune_snapshots(std::vector<uint64_t>* kept) {
  kept->clear();
  std::vector<uint64_t> doomed;
  for (auto it = snapshots_.rbegin(); it != snapshots_.rend(); ++it) {
    if (kept->size() >= options_.snapshots_to_keep) {
      doomed.push_back(it->first);
      continue;
    }
    if (it->second == SnapshotState::kUnchecked) {
      const std::string name = snapshot_file_name(it->first);
      auto data = storage_.read_file(name);
      if (!data.is_ok()) return data.status();
      it->second =
          journal_format::decode_snapshot(*data, name).is_ok() ? SnapshotState::kValid : SnapshotState::kCorrupt;
    }
    if (it->second == SnapshotState::kValid) {
      kept->push_back(it->first);
    } else {
      doomed.push_back(it->first);
    }
  }
  for (uint64_t seq : doomed) {
    if (Status s = storage_.remove(snapshot_file_name(seq)); !s.is_ok()) return s;
    snapshots_.erase(seq);
  }
  return Status::ok();
}

Status Journal::compact() {
  if (Status s = check_writable(); !s.is_ok()) return s;
  std::vector<uint64_t> kept;
  if (Status s = prune_snapshots(&kept); !s.is_ok()) return s;
  if (kept.size() < options_.snapshots_to_keep) return Status::ok();
  const uint64_t covered = std::min(kept.back(), committed_seq_);
  // Segment i holds seqs [segments_[i], segments_[i + 1]); the last one is
  // open-ended and never removed.
  size_t removed = 0;
  Status status;
  while (removed + 1 < segments_.size() && segments_[removed + 1] <= covered + 1) {
    status = storage_.remove(segment_file_name(segments_[removed]));
    if (!status.is_ok()) break;
    ++removed;
  }
  segments_.erase(segments_.begin(), segments_.begin() + static_cast<std::ptrdiff_t>(removed));
  return status;
}

Status Journal::read_after(uint64_t after_seq, const ReadFn& fn) const {
  if (!recovered_) return Status::conflict("journal: recover() must succeed before reading");
  const uint64_t last = committed_seq_;
  if (after_seq >= last) return Status::ok();
  // Start in the newest segment whose first record is <= after_seq + 1
  // (the oldest one when even that is compacted away).
  auto it = std::upper_bound(segments_.begin(), segments_.end(), after_seq + 1);
  for (size_t i = it == segments_.begin() ? 0 : static_cast<size_t>(it - segments_.begin()) - 1;
       i < segments_.size() && segments_[i] <= last; ++i) {
    const std::string name = segment_file_name(segments_[i]);
    const bool is_last = i + 1 == segments_.size();
    auto data = storage_.read_file(name);
    if (!data.is_ok()) return data.status();
    // The newest segment may end in bytes of a commit that failed: a cut
    // record reads as a torn tail, whole ones lie past `last` and are skipped.
    auto scan = scan_segment(*data, name, segments_[i], is_last);
    if (!scan.is_ok()) return scan.status();
    // Every committed record must be there: the newest segment holds at
    // least up to `last`, any other one ends where the next one starts.
    const uint64_t must_end = is_last ? last : segments_[i + 1] - 1;
    if (is_last ? scan->last_seq < must_end : scan->last_seq != must_end) {
      return Status::corruption("journal: corrupt segment " + name + " at offset " + std::to_string(scan->valid_bytes) +
                                ": ends at seq " + std::to_string(scan->last_seq) + ", expected seq " +
                                std::to_string(must_end));
    }
    const bool went_on =
        visit_records(std::string_view(*data).substr(0, scan->valid_bytes), after_seq,
                      [&](uint64_t seq, std::string_view payload) { return seq <= last && fn(seq, payload); });
    if (!went_on) return Status::ok();
  }
  return Status::ok();
}

uint64_t Journal::first_seq() const {
  return !segments_.empty() && segments_.front() <= committed_seq_ ? segments_.front() : 0;
}

}  // namespace stonks
