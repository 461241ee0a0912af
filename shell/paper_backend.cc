#include "paper_backend.h"

namespace stonks::server {

EngineStoreOptions server_store_options() {
  EngineStoreOptions o;
  o.sync_each_batch = false;
  // 100,000 recent events (tens of MB at most) served from memory for
  // /api/events and /api/audit; older pages are read back from the journal,
  // and a replica behind what compaction kept rebuilds from /api/snapshot.
  o.event_log_window = 100'000;
  return o;
}

Result<std::unique_ptr<PaperBackend>> PaperBackend::open(const std::string& journal_dir, ApiOptions api) {
  std::unique_ptr<PaperBackend> b(new PaperBackend());
  Result<std::unique_ptr<FileStorage>> storage = FileStorage::open(journal_dir);
  if (!storage.is_ok()) return storage.status();
  b->storage_ = std::move(storage).value();
  Result<std::unique_ptr<EngineStore>> store = EngineStore::open(*b->storage_, b->broker_, server_store_options());
  if (!store.is_ok()) return store.status();
  b->store_ = std::move(store).value();
  b->router_ = std::make_unique<ApiRouter>(b->store_->engine(), b->store_->log(), api);
  return b;
}

ApiResponse PaperBackend::handle(ApiRequest request, Timestamp now) {
  request.now = now;
  return router_->handle(request);
}

Status PaperBackend::advance(Timestamp now) { return store_->engine().tick(now); }

Status PaperBackend::flush() { return store_->flush(); }

Status PaperBackend::close() { return store_->snapshot(); }

std::uint64_t PaperBackend::last_seq() const { return store_->engine().state().last_seq; }

std::string PaperBackend::describe() const {
  const StoreRecovery& r = store_->recovery();
  if (r.fresh) return "paper engine, fresh journal in " + storage_->dir();
  return "paper engine, journal in " + storage_->dir() + " recovered to seq " + std::to_string(r.last_seq) +
         " (snapshot at " + std::to_string(r.snapshot_seq) + ", " + std::to_string(r.events_replayed) +
         " events replayed)";
}

}  // namespace stonks::server
