// Process CPU time, one source file per platform (picked in CMakeLists.txt).
#pragma once

namespace stonks::bench {

// Seconds of CPU time this process has used (user + system), from an
// arbitrary origin. Natively clock_gettime(CLOCK_PROCESS_CPUTIME_ID); under
// node process.cpuUsage(), which also counts node's helper threads (GC and
// background compilation of the wasm module).
double process_cpu_seconds();

// The kernel's share of this process so far: system CPU seconds, and minor
// page faults (fresh memory, the cost that moves most between machines).
// Natively getrusage(RUSAGE_SELF); under node process.cpuUsage().system and
// no fault count (-1).
struct KernelCounters {
  double system_seconds = 0;
  long long minor_faults = -1;
};
KernelCounters kernel_counters();

}  // namespace stonks::bench
