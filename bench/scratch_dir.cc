#include "scratch_dir.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace stonks::bench {

namespace fs = std::filesystem;

ScratchDir::ScratchDir(const std::string& root, const std::string& tag) {
  // The clock makes names unique across runs (a wasm getpid() is constant).
  const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
  path_ = root + "/stonks-bench-" + tag + "-" + std::to_string(ticks);
  std::error_code ec;
  fs::create_directories(path_, ec);
  if (ec) {
    std::fprintf(stderr, "stonks_bench: cannot create %s: %s\n", path_.c_str(), ec.message().c_str());
    std::exit(2);
  }
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
  if (ec) std::fprintf(stderr, "stonks_bench: warning: cannot remove %s: %s\n", path_.c_str(), ec.message().c_str());
}

unsigned long long ScratchDir::bytes() const {
  unsigned long long total = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path_, ec)) {
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  }
  return total;
}

}  // namespace stonks::bench
