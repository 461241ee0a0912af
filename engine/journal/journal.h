// Journal: the durable log of checksummed records in rotated segments, plus snapshots.
// The byte format is in docs/journal_format.md.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "journal/journal_options.h"
#include "journal/storage.h"
#include "model/status.h"

namespace stonks {

// What recover() found.
struct RecoveryStats {
  bool snapshot_used = false;
  uint64_t snapshot_seq = 0;                   // last_seq of the snapshot used
  std::vector<std::string> corrupt_snapshots;  // newer snapshot files skipped: failed their checks
  uint64_t segments_read = 0;
  uint64_t records_replayed = 0;  // calls of on_record
  uint64_t last_seq = 0;          // last seq recovered (snapshot or record), 0 if none
  std::string torn_file;          // segment whose torn tail was dropped; empty if none
  uint64_t torn_offset = 0;       // where in it the dropped bytes began
  uint64_t dropped_bytes = 0;     // how many bytes were dropped
  std::string torn_reason;        // e.g. "truncated payload", "unfinished batch"
};

// Appends opaque payloads under strictly consecutive sequence numbers and
// makes them durable in batches (group commit); recovers them after a crash.
//
// Life cycle: open() -> recover() once -> any number of append()... commit(),
// write_snapshot(), compact(). A storage failure during commit() stops the
// journal: every later write returns Status::unavailable; open a new Journal
// (whose recover() drops the torn bytes) to go on. Not thread-safe. The
// Storage must outlive the Journal, and only one Journal may use a Storage
// directory at a time.
class Journal {
 public:
  using SnapshotFn = std::function<Status(uint64_t last_seq, std::string_view state)>;
  using RecordFn = std::function<Status(uint64_t seq, std::string_view payload)>;
  // Returns false to stop reading.
  using ReadFn = std::function<bool(uint64_t seq, std::string_view payload)>;

  // Returns a journal over `storage`. Touches no file; recover() reads.
  // invalid_argument when `options` break their stated bounds.
  static Result<std::unique_ptr<Journal>> open(Storage& storage, JournalOptions options = {});

  // Uncommitted appends are discarded, as in a crash.
  ~Journal() = default;
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  // Rebuilds the state: calls on_snapshot once with the newest snapshot that
  // passes its checks (skipping damaged newer ones), if there is one, then
  // on_record for every later record in seq order. Either may be empty.
  //
  // A torn tail of the last segment (a crash mid-write: a partial record,
  // a bad checksum or garbage after the last good record, with no valid record
  // after it; and with it the start of a batch it cut short) is dropped,
  // never delivered, and cut off the file; the stats say how many bytes. Any other damage -- a bad record with valid
  // ones after it, or in an earlier segment, a seq gap or repeat inside or between segments, records missing between
  // the snapshot and the first segment, a damaged snapshot newer than everything recoverable -- returns
  // Status::corruption naming the file and byte offset, before any callback has run. Returns the first non-ok Status of
  // a callback as is (the journal then stays unrecovered; recover() may be called again). conflict if called after a
  // successful recover(). Afterwards next_seq() = stats.last_seq + 1.
  Result<RecoveryStats> recover(const SnapshotFn& on_snapshot, const RecordFn& on_record);

  // Buffers record `seq` (which must equal next_seq()) in memory; nothing is
  // durable before commit(). `batch_continues`: the next record belongs to
  // the same batch (one command's events). Recovery keeps a batch only whole:
  // one cut short by a crash is dropped with the torn tail. A batch stays in
  // one segment (it may push the segment past max_segment_bytes).
  // invalid_argument for a wrong seq or a payload over
  // journal_format::kMaxPayloadBytes; conflict before recover().
  Status append(uint64_t seq, std::string_view payload, bool batch_continues = false);

  // Writes every buffered record to its segment (rotating by
  // max_segment_bytes) and fsyncs: one write and one sync per segment
  // touched. On ok, committed_seq() == next_seq() - 1. On a storage error
  // returns it and stops the journal; recovery may later bring back a prefix
  // of the failed batch (possibly empty; whole records only, a cut record is
  // a torn tail). No-op when nothing is buffered.
  Status commit();

  // Atomically writes snapshot file snap-<last_seq>.snap holding `state`,
  // the engine's state after record `last_seq` (<= committed_seq()), then
  // deletes older or damaged snapshots beyond the newest
  // options.snapshots_to_keep valid ones. invalid_argument if last_seq is not
  // committed. A failed write leaves the previous snapshots untouched.
  Status write_snapshot(uint64_t last_seq, std::string_view state);

  // Deletes segments whose records are all covered by the oldest of the
  // newest options.snapshots_to_keep valid snapshots (nothing until that many
  // exist), oldest first, never the segment being appended to. Recovery
  // afterwards yields the same state.
  Status compact();

  // Reads committed records back from the segment files (for pages of the
  // event stream older than what a host holds in memory): calls fn for each
  // record with after_seq < seq <= committed_seq(), in seq order, until fn
  // returns false. Records compacted away are skipped: delivery starts at
  // first_seq() when after_seq is older. Appended but uncommitted records
  // are never delivered. Damage in a segment read (a bad record, a seq out
  // of order, a segment that does not end where the next one starts) is
  // Status::corruption naming the file and offset, after the records before
  // it were delivered; a storage error is returned as is. conflict before
  // recover(). Writes nothing; the payload views live only during the call.
  Status read_after(uint64_t after_seq, const ReadFn& fn) const;

  // The seq of the oldest committed record still in a segment file (it
  // moves up when compact() deletes segments), 0 when there is none.
  uint64_t first_seq() const;

  uint64_t next_seq() const { return next_seq_; }            // seq the next append() must carry
  uint64_t committed_seq() const { return committed_seq_; }  // last durable seq, 0 if none
  size_t pending_records() const { return pending_records_; }

 private:
  enum class SnapshotState { kUnchecked, kValid, kCorrupt };
  struct Chunk {
    uint64_t segment_seq;  // target segment (its first seq)
    size_t begin;          // offset in pending_
  };

  Journal(Storage& storage, JournalOptions options);

  Status check_writable() const;
  Status stop(Status cause);
  // Classifies snapshots, deletes those not kept; *kept gets the kept ones,
  // newest first.
  Status prune_snapshots(std::vector<uint64_t>* kept);

  Storage& storage_;
  const JournalOptions options_;
  bool recovered_ = false;
  Status failure_;  // non-ok once a commit failed: the journal is stopped

  uint64_t next_seq_ = 1;
  uint64_t committed_seq_ = 0;
  std::vector<uint64_t> segments_;               // first seqs of segment files, ascending
  std::map<uint64_t, SnapshotState> snapshots_;  // snapshot files by last_seq
  bool have_tail_ = false;                       // tail_seq_ names the segment appends go to
  uint64_t tail_seq_ = 0;
  uint64_t tail_bytes_ = 0;  // its size, buffered records included
  bool in_batch_ = false;    // the last record appended said its batch goes on

  std::string pending_;        // encoded records not yet committed
  std::vector<Chunk> chunks_;  // one per target segment, in order
  size_t pending_records_ = 0;
};

}  // namespace stonks
