// ShutdownSignals: SIGINT/SIGTERM handled by one thread with sigwait, never
// in a signal handler (stopping cpp-httplib there is not async-signal-safe).
#pragma once

#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

namespace stonks::server {

class ShutdownSignals {
 public:
  // Blocks SIGINT and SIGTERM in the calling thread and so in every thread
  // started after it: construct before any other thread exists.
  ShutdownSignals();
  // Stops watching (joins).
  ~ShutdownSignals();

  // Starts the watcher: the first signal calls `on_signal(signo)` on the
  // watcher thread; a second one exits the process at once with status 1.
  void watch(std::function<void(int)> on_signal);

 private:
  sigset_t set_{};
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace stonks::server
