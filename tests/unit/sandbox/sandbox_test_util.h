// Helpers for the sandbox tests: a sandbox over two in-memory directories,
// requests in one line, JSON answers parsed.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "journal/memory_storage.h"
#include "sandbox/sandbox.h"
#include "support/engine_harness.h"

namespace stonks::sandbox_test {

// The journal and desk directories, which outlive the sandboxes opened over them.
struct Desk {
  MemoryStorage journal;
  MemoryStorage desk;

  SandboxOptions options(Timestamp start = testing::test_epoch()) const {
    SandboxOptions o;
    o.start_time = start;
    return o;
  }
  std::unique_ptr<Sandbox> open(const SandboxOptions& o) {
    Result<std::unique_ptr<Sandbox>> s = Sandbox::open(journal, desk, o);
    EXPECT_TRUE(s.is_ok()) << s.status().to_string();
    return s.is_ok() ? std::move(s).value() : nullptr;
  }
  std::unique_ptr<Sandbox> open() { return open(options()); }
};

inline ApiResponse call(Sandbox& s, const std::string& method, const std::string& path, const std::string& body = {},
                        const std::string& query = {}) {
  ApiRequest r;
  r.method = method;
  r.path = path;
  r.body = body;
  r.query = query;
  return s.handle(r);
}

inline nlohmann::json json_of(const ApiResponse& r) { return nlohmann::json::parse(r.body); }

// Real time passed in steps of `step`, like a host's animation frames.
inline void run_for(Sandbox& s, Duration total, Duration step = std::chrono::milliseconds(50)) {
  for (Duration t{0}; t < total; t += step) {
    Status st = s.advance(step);
    ASSERT_TRUE(st.is_ok()) << st.to_string();
  }
}

inline Status set_sim(Sandbox& s, const std::string& body) {
  ApiResponse r = call(s, "PUT", "/api/sim", body);
  return r.status == 200 ? Status::ok() : Status::invalid_argument(r.body);
}

}  // namespace stonks::sandbox_test
