// EngineThread: the one thread that owns the engine. HTTP handler threads
// post requests to it and wait for the answers.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "engine_backend.h"
#include "read_cache.h"

namespace stonks::server {

// The engine thread takes every queued request at once (a batch), answers
// each in turn through the backend at the wall clock, flushes the journal
// once, and only then hands the answers back: nothing is acknowledged before
// it is durable (group commit). A failed flush turns the batch's successful
// commands into 503 unavailable. Between batches it advances time every
// kTickInterval (Engine::tick: approvals and lockouts expire on time).
// Work from outside HTTP (a live broker's reports: EngineBackend::absorb)
// runs in the same batches, before the requests, under the same flush.
// A read that depends on the state alone (ReadCache::cacheable) is answered
// on the caller's thread when it was answered before and no event has been
// published since; events are published before the batch's answers are
// handed back, so a client reads its own commands.
//
// Thread-safety: call(), wait_for_events_after(), wake_waiters(), wake() and
// healthy() from any thread; start() and stop() from one (main) thread.
class EngineThread {
 public:
  static constexpr std::chrono::milliseconds kTickInterval{200};

  struct Answer {
    ApiResponse response;
    std::uint64_t last_seq = 0;  // the engine's last event seq when the batch was answered
    std::uint64_t read_seq = 0;  // the last seq of the state this answer read (earlier in the batch)
  };

  // The clock is injectable for tests; the server passes the system clock.
  using Clock = std::function<Timestamp()>;
  EngineThread(std::unique_ptr<EngineBackend> backend, Clock clock);
  ~EngineThread();  // stop()s if running

  void start();

  // Answers `request` on the engine thread (request.now is set there) and
  // blocks until the answer is durable. After stop(): 503.
  Answer call(ApiRequest request);

  // Blocks until an event after `seq` is durable, `deadline` passes, or
  // wake_waiters() was called. Returns whether such an event exists.
  bool wait_for_events_after(std::uint64_t seq, std::chrono::steady_clock::time_point deadline);
  // Releases every waiter now and from then on (shutdown: long polls answer at once).
  void wake_waiters();

  // Answers what is queued, flushes, writes a snapshot (backend close) and
  // joins. Returns the first failure of the final flush or snapshot.
  Status stop();

  // false once a flush or tick failed: the engine stopped accepting commands.
  bool healthy() const { return healthy_.load(); }

  // Asks the engine thread to run EngineBackend::absorb soon. Any thread.
  void wake();

 private:
  struct Job {
    ApiRequest request;
    std::promise<Answer> promise;
  };

  void run();
  void answer_batch(std::deque<Job>& batch);
  void publish(std::uint64_t seq);
  std::uint64_t published_seq();
  Timestamp now();

  std::unique_ptr<EngineBackend> backend_;
  Clock clock_;
  Timestamp last_now_{};  // now() never goes back, even when the wall clock does

  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::deque<Job> queue_;
  bool background_ = false;  // wake() was called: absorb in the next batch
  bool stopping_ = false;
  Status final_status_;

  std::mutex seq_mu_;
  std::condition_variable seq_cv_;
  std::uint64_t published_seq_ = 0;
  bool waiters_released_ = false;

  ReadCache reads_;

  std::atomic<bool> healthy_{true};
  std::thread thread_;
};

}  // namespace stonks::server
