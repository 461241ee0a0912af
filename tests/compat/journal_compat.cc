// journal_compat: writes and reads an EngineStore journal in a real
// directory, printing the serialized state, so that the native and the wasm
// builds can each recover what the other wrote (tests/compat/CMakeLists.txt).
//
//   journal_compat write DIR SEED N   runs N seeded random commands into a
//                                     fresh journal in DIR (a snapshot half way)
//   journal_compat read DIR           recovers DIR
//
// Either prints encode_engine_state() of the engine afterwards on stdout.
// Exit status 0 on success, 1 with a message on stderr on any error, 2 for
// bad arguments.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "journal/engine_store.h"
#include "journal/file_storage.h"
#include "journal/state_codec.h"
#include "model/time.h"
#include "support/recording_broker.h"
#include "unit/journal/engine_workload.h"

namespace stonks {
namespace {

// Group commit, so both the buffered and the flushed path are written.
constexpr int kFlushEvery = 25;

int fail(const std::string& what, const Status& s) {
  std::cerr << "journal_compat: " << what << ": " << s.to_string() << "\n";
  return 1;
}

int print_state(const EngineStore& store) {
  std::cout << encode_engine_state(store.engine().state()) << "\n";
  std::cout.flush();
  return std::cout.good() ? 0 : fail("stdout", Status::io_error("write failed"));
}

int write(const std::string& dir, std::uint64_t seed, int commands) {
  Result<std::unique_ptr<FileStorage>> storage = FileStorage::open(dir);
  if (!storage.is_ok()) return fail("open " + dir, storage.status());
  Result<std::vector<std::string>> existing = (*storage)->list();
  if (!existing.is_ok()) return fail("list " + dir, existing.status());
  if (!existing->empty()) return fail("write", Status::invalid_argument(dir + " is not empty"));

  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  EngineStoreOptions options;
  options.sync_each_batch = false;
  options.snapshot_every = 0;  // one snapshot, at a known point: half way
  Result<std::unique_ptr<EngineStore>> store = EngineStore::open(**storage, broker, options);
  if (!store.is_ok()) return fail("open store", store.status());
  Engine& engine = (*store)->engine();

  journal_test::EngineWorkload workload(seed, *parse_iso8601("2026-11-24T14:30:00Z"));
  if (Status s = workload.setup(engine); !s.is_ok()) return fail("setup", s);
  for (int i = 1; i <= commands; ++i) {
    const Status s = workload.step(engine);  // refusals are part of the workload
    if (s.code() == StatusCode::kUnavailable || s.code() == StatusCode::kCorruption) return fail("step", s);
    if (i % kFlushEvery == 0)
      if (Status f = (*store)->flush(); !f.is_ok()) return fail("flush", f);
    if (i == commands / 2)
      if (Status f = (*store)->snapshot(); !f.is_ok()) return fail("snapshot", f);
  }
  if (Status f = (*store)->flush(); !f.is_ok()) return fail("flush", f);
  return print_state(**store);
}

int read(const std::string& dir) {
  Result<std::unique_ptr<FileStorage>> storage = FileStorage::open(dir);
  if (!storage.is_ok()) return fail("open " + dir, storage.status());
  testing::RecordingBroker broker;
  Result<std::unique_ptr<EngineStore>> store = EngineStore::open(**storage, broker);
  if (!store.is_ok()) return fail("recover " + dir, store.status());
  if ((*store)->recovery().fresh) return fail("read", Status::not_found("nothing stored in " + dir));
  return print_state(**store);
}

int usage() {
  std::cerr << "usage: journal_compat write DIR SEED N | journal_compat read DIR\n";
  return 2;
}

}  // namespace
}  // namespace stonks

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "write" && argc == 5) {
    char* end = nullptr;
    const unsigned long long seed = std::strtoull(argv[3], &end, 10);
    if (*end != '\0') return stonks::usage();
    const long commands = std::strtol(argv[4], &end, 10);
    if (*end != '\0' || commands <= 0) return stonks::usage();
    return stonks::write(argv[2], seed, static_cast<int>(commands));
  }
  if (mode == "read" && argc == 3) return stonks::read(argv[2]);
  return stonks::usage();
}
