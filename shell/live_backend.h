// LiveBackend (--broker alpaca): an EngineStore over DATA_DIR/journal whose
// broker is the Alpaca adapter (shell/broker/), with the API router.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>

#include "alpaca_keys.h"
#include "alpaca_options.h"
#include "alpaca_worker.h"
#include "api/api_router.h"
#include "engine_backend.h"
#include "journal/engine_store.h"
#include "journal/file_storage.h"
#include "live_broker.h"

namespace stonks::server {

class LiveBackend final : public EngineBackend {
 public:
  // Recovers the journal in `journal_dir` (EngineStore::open's errors) and
  // reads or makes the data dir's broker instance id (`instance_file`).
  static Result<std::unique_ptr<LiveBackend>> open(const std::string& journal_dir, const std::string& instance_file,
                                                   ApiOptions api, alpaca::AlpacaOptions options,
                                                   alpaca::AlpacaKeys keys);
  ~LiveBackend() override;

  // The ApiRouter's routes, and GET /api/broker (the HTTP server sends it
  // here only on a live server): the worker's BrokerStatus with its
  // differences from this engine's state (api/broker_reconciliation.h).
  ApiResponse handle(ApiRequest request, Timestamp now) override;
  Status advance(Timestamp now) override;
  // The journal first; then the broker work of the flushed events goes out.
  Status flush() override;
  Status close() override;
  std::uint64_t last_seq() const override;
  std::string describe() const override;

  // Starts the network worker with the startup reconciliation: every order
  // submitted or partially filled in the journal.
  void start_background(std::function<void()> wake) override;
  // Turns the worker's updates into execution reports (order_reports.h) and
  // quotes (Engine::on_quote).
  void absorb(Timestamp now) override;
  void wait_until_ready(const std::function<bool()>& stop) override;

 private:
  LiveBackend() = default;
  void apply(const alpaca::BrokerUpdate& u, Timestamp now);
  // The desk's symbols (quoted or with orders at the broker) to the worker, when they changed.
  void update_watch();

  std::string instance_id_;
  std::size_t reconciling_ = 0;
  std::function<void()> wake_;
  std::unique_ptr<alpaca::AlpacaWorker> worker_;
  std::unique_ptr<alpaca::LiveBroker> broker_;  // before the store, which holds a reference to it
  std::unique_ptr<FileStorage> storage_;
  std::unique_ptr<EngineStore> store_;
  std::unique_ptr<ApiRouter> router_;

  std::vector<Symbol> watched_;   // engine thread: what the worker was last told to quote
  bool reconciled_seen_ = false;  // engine thread: the kReconciled update was absorbed, not yet flushed
  std::mutex ready_mu_;
  std::condition_variable ready_cv_;
  bool ready_ = false;
};

}  // namespace stonks::server
