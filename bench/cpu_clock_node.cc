#include <emscripten.h>

#include "cpu_clock.h"

namespace {

// Microseconds of user + system time of the node process.
EM_JS(double, node_cpu_micros, (), {
  const u = process.cpuUsage();
  return u.user + u.system;
});

}  // namespace

namespace stonks::bench {

double process_cpu_seconds() { return node_cpu_micros() / 1e6; }

}  // namespace stonks::bench
