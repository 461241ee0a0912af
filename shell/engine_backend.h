// EngineBackend: what the engine thread drives -- a paper engine over the
// journal, the sandbox (paper desk + market simulator) with --sim, or an
// engine trading at a live broker with --broker alpaca.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "api/api_types.h"
#include "model/status.h"
#include "model/time.h"

namespace stonks::server {

// Single-threaded like the engine it holds: only the engine thread calls it.
class EngineBackend {
 public:
  virtual ~EngineBackend() = default;

  // Answers one API request at wall-clock time `now` (the sandbox answers at
  // its own simulation clock). Events it causes may not be durable until
  // flush(). Never throws.
  virtual ApiResponse handle(ApiRequest request, Timestamp now) = 0;
  // Time passed: expires approvals and lockouts (and moves the market, --sim).
  virtual Status advance(Timestamp now) = 0;
  // Makes every event so far durable; a failure means nothing since the last
  // good flush may be acknowledged (the engine refuses further commands).
  virtual Status flush() = 0;
  // At shutdown: flush and write a snapshot.
  virtual Status close() = 0;
  // The seq of the newest event (durable once flush() succeeded).
  virtual std::uint64_t last_seq() const = 0;
  // One line for the log: what recovery found.
  virtual std::string describe() const = 0;

  // Work that comes from outside HTTP (a live broker's reports). The engine
  // thread calls start_background once, before its loop; `wake` (any thread,
  // never blocks) asks it to call absorb() soon. absorb() applies what came
  // in; the engine thread flushes after it as after a batch of requests.
  virtual void start_background(std::function<void()> wake) { (void)wake; }
  virtual void absorb(Timestamp now) { (void)now; }
  // Blocks until new orders may be accepted (a live broker: the startup
  // reconciliation is done and durable) or `stop` says to give up. Any thread.
  virtual void wait_until_ready(const std::function<bool()>& stop) { (void)stop; }
};

}  // namespace stonks::server
