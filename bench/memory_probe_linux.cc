#include <malloc.h>

#include <cstdio>
#include <cstring>

#include "memory_probe.h"

namespace stonks::bench {
namespace {

bool peak_resettable = true;

// A "VmRSS:   1234 kB" line of /proc/self/status, in bytes; 0 when absent.
std::uint64_t status_bytes(const char* status, const char* key) {
  const char* at = std::strstr(status, key);
  if (!at) return 0;
  unsigned long long kb = 0;
  if (std::sscanf(at + std::strlen(key), " %llu kB", &kb) != 1) return 0;
  return kb * 1024;
}

}  // namespace

MemorySample memory_sample() {
  char status[4096] = {};
  if (std::FILE* f = std::fopen("/proc/self/status", "r")) {
    const std::size_t n = std::fread(status, 1, sizeof status - 1, f);
    status[n] = '\0';
    std::fclose(f);
  }
  return MemorySample{status_bytes(status, "VmRSS:"), status_bytes(status, "VmHWM:")};
}

MemorySample begin_memory_section() {
  malloc_trim(0);
  // "5" resets VmHWM to the current VmRSS (Linux 4.0+). Where it is refused
  // the peak is the process's since it started, and memory_source() says so.
  bool reset = false;
  if (std::FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
    reset = std::fputs("5", f) >= 0;
    reset = std::fclose(f) == 0 && reset;  // the write happens at the close
  }
  if (!reset) peak_resettable = false;
  return memory_sample();
}

const char* memory_source() {
  return peak_resettable ? "resident: VmRSS; peak: VmHWM, reset at the section's start (/proc/self/clear_refs); "
                           "malloc_trim(0) before each section"
                         : "resident: VmRSS; peak: VmHWM since the process started (/proc/self/clear_refs refused); "
                           "malloc_trim(0) before each section";
}

}  // namespace stonks::bench
