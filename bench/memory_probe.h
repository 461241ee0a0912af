// Memory of this process for the benchmark's rows, one source file per
// platform (picked in CMakeLists.txt).
#pragma once

#include <cstdint>

namespace stonks::bench {

struct MemorySample {
  // Natively the resident set (VmRSS); in wasm the bytes malloc has handed
  // out and not had back (mallinfo().uordblks, chunk headers included).
  std::uint64_t resident_bytes = 0;
  // Natively the resident high-water mark (VmHWM) since the last
  // begin_memory_section(); in wasm the size of the linear memory, which
  // never shrinks, so it is the peak of the whole run so far.
  std::uint64_t peak_bytes = 0;
};

// Starts a measured section: hands freed memory back to the system where the
// allocator can (so an earlier workload's leftovers neither inflate the
// baseline nor get reused for free), restarts the peak from the current
// resident size, and returns the sample it starts from.
MemorySample begin_memory_section();

// The memory now.
MemorySample memory_sample();

// One sentence on what the two numbers are on this platform, for the JSON.
const char* memory_source();

}  // namespace stonks::bench
