#include "journal/engine_store.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "journal/binary_state_codec.h"
#include "journal/event_codec.h"
#include "journal/journal_format.h"

namespace stonks {

// The last link of the chain: forwards to the JournaledSink and, once a batch
// is durable, lets the store take a snapshot if one is due.
class EngineStore::CommitHook final : public EventSink {
 public:
  explicit CommitHook(EngineStore& store) : store_(store) {}

  Status commit(const std::vector<EventRecord>& batch) override {
    if (Status s = store_.sink_->commit(batch); !s.is_ok()) return s;
    if (store_.options_.sync_each_batch) store_.after_commit();
    return Status::ok();
  }

 private:
  EngineStore& store_;
};

// The log's older events: the journal's committed records, decoded.
class EngineStore::JournalHistory final : public EventHistory {
 public:
  explicit JournalHistory(const Journal& journal) : journal_(journal) {}

  EventSeq first_seq() const override { return journal_.first_seq(); }
  EventSeq last_seq() const override { return journal_.first_seq() == 0 ? 0 : journal_.committed_seq(); }

  Status read_after(EventSeq after, const Visit& visit) const override {
    Status decoded;
    Status read = journal_.read_after(after, [&](uint64_t seq, std::string_view payload) {
      Result<EventRecord> record = decode_event(payload);
      if (!record.is_ok()) {
        decoded = Status::corruption("journal record seq " + std::to_string(seq) +
                                     ": event does not decode: " + record.status().to_string());
        return false;
      }
      if (record->seq != seq) {
        decoded = Status::corruption("journal record seq " + std::to_string(seq) + ": holds event seq " +
                                     std::to_string(record->seq));
        return false;
      }
      return visit(*record);
    });
    return read.is_ok() ? decoded : read;
  }

 private:
  const Journal& journal_;
};

EngineStore::EngineStore(Broker& broker, EngineStoreOptions options, std::unique_ptr<Journal> journal)
    : options_(options), journal_(std::move(journal)) {
  sink_ = std::make_unique<JournaledSink>(*journal_, JournaledSink::Options{options_.sync_each_batch});
  hook_ = std::make_unique<CommitHook>(*this);
  history_ = std::make_unique<JournalHistory>(*journal_);
  log_ = std::make_unique<EventLog>(hook_.get(), options_.event_log_window, history_.get());
  engine_ = std::make_unique<Engine>(broker, log_.get());
}

EngineStore::~EngineStore() = default;

Result<std::unique_ptr<EngineStore>> EngineStore::open(Storage& storage, Broker& broker, EngineStoreOptions options) {
  Result<std::unique_ptr<Journal>> journal = Journal::open(storage, options.journal);
  if (!journal.is_ok()) return journal.status();
  std::unique_ptr<EngineStore> store(new EngineStore(broker, options, std::move(journal).value()));
  if (Status s = store->recover(); !s.is_ok()) return s;
  return store;
}

Status EngineStore::recover() {
  Engine& engine = *engine_;
  EventLog& log = *log_;
  StoreRecovery& rec = recovery_;
  auto on_snapshot = [&](uint64_t last_seq, std::string_view text) -> Status {
    const std::string where = "snapshot " + journal_format::snapshot_file_name(last_seq) + ": ";
    Result<EngineState> state = decode_snapshot_state(text);
    if (!state.is_ok()) return Status::corruption(where + "state does not decode: " + state.status().to_string());
    if (state->last_seq != last_seq)
      return Status::corruption(where + "state is at seq " + std::to_string(state->last_seq));
    engine.restore(std::move(state).value());
    rec.snapshot_seq = last_seq;
    rec.snapshot_bytes = text.size();
    return Status::ok();
  };
  uint64_t record_bytes = 0;
  auto on_record = [&](uint64_t seq, std::string_view payload) -> Status {
    // Built only on failure: this runs for every record of the journal.
    auto corrupt = [seq](const std::string& what) {
      return Status::corruption("journal record seq " + std::to_string(seq) + ": " + what);
    };
    Result<EventRecord> record = decode_event(payload);
    if (!record.is_ok()) return corrupt("event does not decode: " + record.status().to_string());
    if (record->seq != seq) return corrupt("holds event seq " + std::to_string(record->seq));
    if (Status s = engine.replay(*record); !s.is_ok()) return corrupt(s.message());
    log.adopt(std::move(record).value());
    ++rec.events_replayed;
    record_bytes += payload.size();
    return Status::ok();
  };
  Result<RecoveryStats> stats = journal_->recover(on_snapshot, on_record);
  if (!stats.is_ok()) return stats.status();
  rec.journal = *stats;
  rec.last_seq = engine.state().last_seq;
  rec.fresh = !stats->snapshot_used && stats->last_seq == 0;
  if (rec.last_seq != stats->last_seq)
    return Status::corruption("journal ends at seq " + std::to_string(stats->last_seq) + " but the state at seq " +
                              std::to_string(rec.last_seq));
  snapshot_stats_.last_seq = rec.snapshot_seq;
  snapshot_stats_.last_bytes = rec.snapshot_bytes;
  bytes_since_snapshot_ = record_bytes;
  return Status::ok();
}

void EngineStore::after_commit() {
  const uint64_t appended = sink_->bytes_appended();
  bytes_since_snapshot_ += appended - sink_bytes_seen_;
  sink_bytes_seen_ = appended;
  if (options_.snapshot_every == 0) return;
  const uint64_t committed = journal_->committed_seq();
  if (committed < next_attempt_seq_ || committed - snapshot_stats_.last_seq < options_.snapshot_every) return;
  uint64_t grown = 0;
  uint64_t needed = 0;
  if (__builtin_mul_overflow(bytes_since_snapshot_, uint64_t{100}, &grown)) grown = UINT64_MAX;
  if (__builtin_mul_overflow(snapshot_stats_.last_bytes, uint64_t{options_.snapshot_growth_percent}, &needed))
    needed = UINT64_MAX;
  if (grown < needed) return;
  // With group commit the engine may be ahead of the journal; the snapshot
  // must hold exactly the durable state.
  if (engine_->state().last_seq != committed) return;
  Status s = write_snapshot();
  snapshot_stats_.last_error = s;
  if (!s.is_ok()) next_attempt_seq_ = committed + options_.snapshot_every;  // do not retry on every command
}

Status EngineStore::write_snapshot() {
  const EngineState& state = engine_->state();
  if (state.last_seq != 0 && state.last_seq != snapshot_stats_.last_seq) {
    const std::string text = encode_snapshot_state(state);
    if (Status s = journal_->write_snapshot(state.last_seq, text); !s.is_ok()) return s;
    ++snapshot_stats_.written;
    snapshot_stats_.last_seq = state.last_seq;
    snapshot_stats_.last_bytes = text.size();
    bytes_since_snapshot_ = 0;
  }
  return journal_->compact();
}

Status EngineStore::flush() {
  if (Status s = sink_->flush(); !s.is_ok()) return s;
  after_commit();
  return Status::ok();
}

Status EngineStore::snapshot() {
  if (Status s = flush(); !s.is_ok()) return s;
  if (engine_->failed()) return Status::unavailable("the engine stopped after a storage failure");
  if (engine_->state().last_seq != journal_->committed_seq())
    return Status::unavailable("the engine is ahead of the journal");  // not reached: flush() committed all
  return write_snapshot();
}

}  // namespace stonks
