#include <sys/resource.h>
#include <time.h>

#include "cpu_clock.h"

namespace stonks::bench {

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

KernelCounters kernel_counters() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return KernelCounters{static_cast<double>(u.ru_stime.tv_sec) + static_cast<double>(u.ru_stime.tv_usec) / 1e6,
                        static_cast<long long>(u.ru_minflt)};
}

}  // namespace stonks::bench
