// SimBackend (--sim): the Sandbox -- paper desk, market simulator and news
// generator -- over DATA_DIR/journal and DATA_DIR/sim.
#pragma once

#include <memory>
#include <string>

#include "engine_backend.h"
#include "journal/file_storage.h"
#include "sandbox/sandbox.h"

namespace stonks::server {

class SimBackend final : public EngineBackend {
 public:
  // Sandbox::open's errors (kCorruption naming the file must stop the start).
  // `now` is the wall clock: a fresh desk's clock starts there.
  static Result<std::unique_ptr<SimBackend>> open(const std::string& journal_dir, const std::string& sim_dir,
                                                  Timestamp now);

  // The sandbox answers at its simulation clock and flushes itself (its
  // contract: every answer is given after its events are durable).
  ApiResponse handle(ApiRequest request, Timestamp now) override;
  Status advance(Timestamp now) override;
  Status flush() override { return Status::ok(); }
  Status close() override { return sandbox_->snapshot(); }
  std::uint64_t last_seq() const override { return sandbox_->state().last_seq; }
  std::string describe() const override;

 private:
  SimBackend() = default;

  std::unique_ptr<FileStorage> journal_;
  std::unique_ptr<FileStorage> desk_;
  std::unique_ptr<Sandbox> sandbox_;
  Timestamp last_advance_{};
};

}  // namespace stonks::server
