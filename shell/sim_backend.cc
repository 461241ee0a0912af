#include "sim_backend.h"

namespace stonks::server {

Result<std::unique_ptr<SimBackend>> SimBackend::open(const std::string& journal_dir, const std::string& sim_dir,
                                                     Timestamp now) {
  std::unique_ptr<SimBackend> b(new SimBackend());
  Result<std::unique_ptr<FileStorage>> journal = FileStorage::open(journal_dir);
  if (!journal.is_ok()) return journal.status();
  Result<std::unique_ptr<FileStorage>> desk = FileStorage::open(sim_dir);
  if (!desk.is_ok()) return desk.status();
  b->journal_ = std::move(journal).value();
  b->desk_ = std::move(desk).value();
  SandboxOptions options;
  options.start_time = now;
  Result<std::unique_ptr<Sandbox>> sandbox = Sandbox::open(*b->journal_, *b->desk_, std::move(options));
  if (!sandbox.is_ok()) return sandbox.status();
  b->sandbox_ = std::move(sandbox).value();
  b->last_advance_ = now;
  return b;
}

ApiResponse SimBackend::handle(ApiRequest request, Timestamp) { return sandbox_->handle(std::move(request)); }

Status SimBackend::advance(Timestamp now) {
  const Duration elapsed = now - last_advance_;
  last_advance_ = now;
  return sandbox_->advance(elapsed);
}

std::string SimBackend::describe() const {
  const StoreRecovery& r = sandbox_->store().recovery();
  return std::string("paper desk with the market simulator (--sim), journal in ") + journal_->dir() +
         (r.fresh ? " (fresh)" : " recovered to seq " + std::to_string(r.last_seq));
}

}  // namespace stonks::server
