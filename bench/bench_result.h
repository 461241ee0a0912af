// BenchResult: one measured workload, and a steady_clock stopwatch.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "cpu_clock.h"
#include "memory_probe.h"

namespace stonks::bench {

// Memory over a row's timed section (memory_probe.h: what "resident" and
// "peak" are on each platform).
struct MemoryUse {
  bool measured = false;
  std::uint64_t before_bytes = 0;  // resident when the section started
  std::uint64_t after_bytes = 0;   // resident when it ended, what it built still held
  std::uint64_t peak_bytes = 0;
  // Orders in the state the section built (0: the row does not build one,
  // and reports no per-order figure).
  std::uint64_t orders_held = 0;
  double growth_bytes() const { return static_cast<double>(after_bytes) - static_cast<double>(before_bytes); }
  double bytes_per_order() const { return orders_held ? growth_bytes() / static_cast<double>(orders_held) : 0; }
};

struct BenchResult {
  std::string name;  // stable key, e.g. "pipeline_journal_off"
  std::string unit;  // what rate counts, e.g. "orders/s"
  std::uint64_t items = 0;
  double seconds = 0;           // wall time of the timed section
  double cpu_seconds = 0;       // process CPU time over the same section
  double system_seconds = 0;    // the kernel's part of it
  long long minor_faults = -1;  // minor page faults over the section; -1: not known (wasm)
  double rate() const { return seconds > 0 ? static_cast<double>(items) / seconds : 0; }
  double cpu_rate() const { return cpu_seconds > 0 ? static_cast<double>(items) / cpu_seconds : 0; }
  // Facts that explain the number (events written, commits, bytes, ...).
  std::map<std::string, double> details;
  std::string note;  // free text, e.g. what a variant measures
  MemoryUse memory;
};

// Wall time (steady_clock: what the rates use) and process CPU time (shows
// how much a busy machine stretched the wall time).
class Stopwatch {
 public:
  Stopwatch()
      : start_(std::chrono::steady_clock::now()), cpu_start_(process_cpu_seconds()), kernel_start_(kernel_counters()) {}
  double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }
  double cpu_seconds() const { return process_cpu_seconds() - cpu_start_; }
  // The kernel's counters over the same time.
  KernelCounters kernel() const {
    const KernelCounters now = kernel_counters();
    return KernelCounters{now.system_seconds - kernel_start_.system_seconds,
                          now.minor_faults < 0 ? -1 : now.minor_faults - kernel_start_.minor_faults};
  }

 private:
  std::chrono::steady_clock::time_point start_;
  double cpu_start_;
  KernelCounters kernel_start_;
};

// Memory from construction (begin_memory_section(): start it before the
// Stopwatch, its work is not timed) to stop().
class MemoryWatch {
 public:
  MemoryWatch() : start_(begin_memory_section()) {}
  // The section's memory, with `orders_held` orders in the state it built.
  MemoryUse stop(std::uint64_t orders_held) const {
    const MemorySample end = memory_sample();
    return MemoryUse{true, start_.resident_bytes, end.resident_bytes, end.peak_bytes, orders_held};
  }

 private:
  MemorySample start_;
};

// A result named `name` for `items` counted in `unit`, timed by `sw` now.
inline BenchResult measured(std::string name, std::string unit, std::uint64_t items, const Stopwatch& sw) {
  BenchResult r;
  r.seconds = sw.seconds();
  r.cpu_seconds = sw.cpu_seconds();
  const KernelCounters k = sw.kernel();
  r.system_seconds = k.system_seconds;
  r.minor_faults = k.minor_faults;
  r.name = std::move(name);
  r.unit = std::move(unit);
  r.items = items;
  return r;
}

}  // namespace stonks::bench
