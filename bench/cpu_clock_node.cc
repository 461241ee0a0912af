#include <emscripten.h>

#include "cpu_clock.h"

namespace {

// Microseconds of user + system time of the node process.
EM_JS(double, node_cpu_micros, (), {
  const u = process.cpuUsage();
  return u.user + u.system;
});

EM_JS(double, node_system_micros, (), { return process.cpuUsage().system; });

}  // namespace

namespace stonks::bench {

double process_cpu_seconds() { return node_cpu_micros() / 1e6; }

KernelCounters kernel_counters() { return KernelCounters{node_system_micros() / 1e6, -1}; }

}  // namespace stonks::bench
