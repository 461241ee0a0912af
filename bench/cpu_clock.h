// Process CPU time, one source file per platform (picked in CMakeLists.txt).
#pragma once

namespace stonks::bench {

// Seconds of CPU time this process has used (user + system), from an
// arbitrary origin. Natively clock_gettime(CLOCK_PROCESS_CPUTIME_ID); under
// node process.cpuUsage(), which also counts node's helper threads (GC and
// background compilation of the wasm module).
double process_cpu_seconds();

}  // namespace stonks::bench
