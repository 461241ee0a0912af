// PaperBackend: an EngineStore over DATA_DIR/journal with the paper broker and the API router.
#pragma once

#include <memory>
#include <string>

#include "api/api_router.h"
#include "engine_backend.h"
#include "execution/paper_broker.h"
#include "journal/engine_store.h"
#include "journal/file_storage.h"

namespace stonks::server {

class PaperBackend final : public EngineBackend {
 public:
  // Recovers the journal in `journal_dir` (EngineStore::open's errors:
  // kCorruption naming file and offset must stop the start).
  static Result<std::unique_ptr<PaperBackend>> open(const std::string& journal_dir, ApiOptions api);

  ApiResponse handle(ApiRequest request, Timestamp now) override;
  Status advance(Timestamp now) override;
  Status flush() override;
  Status close() override;
  std::uint64_t last_seq() const override;
  std::string describe() const override;

 private:
  PaperBackend() = default;

  PaperBroker broker_;  // before the store, which holds a reference to it
  std::unique_ptr<FileStorage> storage_;
  std::unique_ptr<EngineStore> store_;
  std::unique_ptr<ApiRouter> router_;
};

// The journal settings of the server: group commit (the engine thread
// flushes once per batch of requests, before answering any of them) and an
// in-memory event window for the event and audit routes.
EngineStoreOptions server_store_options();

}  // namespace stonks::server
