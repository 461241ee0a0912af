#include "shutdown_signals.h"

#include <pthread.h>
#include <unistd.h>
#include <cstdio>
#include <ctime>

namespace stonks::server {

ShutdownSignals::ShutdownSignals() {
  sigemptyset(&set_);
  sigaddset(&set_, SIGINT);
  sigaddset(&set_, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set_, nullptr);
}

ShutdownSignals::~ShutdownSignals() {
  done_ = true;
  if (thread_.joinable()) thread_.join();
}

void ShutdownSignals::watch(std::function<void(int)> on_signal) {
  thread_ = std::thread([this, on_signal = std::move(on_signal)] {
    bool seen = false;
    const timespec poll{0, 100'000'000};  // how soon the destructor's done_ is noticed
    while (!done_) {
      const int sig = sigtimedwait(&set_, nullptr, &poll);
      if (sig <= 0) continue;
      if (seen) {
        static constexpr char kMessage[] = "stonks-server: second signal: exiting now\n";
        (void)!::write(2, kMessage, sizeof kMessage - 1);
        ::_exit(1);
      }
      seen = true;
      on_signal(sig);
    }
  });
}

}  // namespace stonks::server
