#include <emscripten/heap.h>
#include <malloc.h>

#include "memory_probe.h"

namespace stonks::bench {

MemorySample memory_sample() {
  // uordblks is an int: read it as unsigned so 2..4 GB heaps stay positive.
  const auto in_use = static_cast<unsigned int>(mallinfo().uordblks);
  return MemorySample{in_use, emscripten_get_heap_size()};
}

// dlmalloc in a wasm memory that never shrinks: nothing to hand back, no
// peak to restart.
MemorySample begin_memory_section() { return memory_sample(); }

const char* memory_source() {
  return "resident: bytes malloc has in use (mallinfo().uordblks); peak: wasm linear memory size "
         "(emscripten_get_heap_size(), never shrinks: the run's high-water mark so far)";
}

}  // namespace stonks::bench
