// The journal of a sandbox left running stays bounded: a long session at
// 1000x over in-memory storage, measuring the journal directory as it goes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "sandbox_test_util.h"

namespace stonks {
namespace {

using sandbox_test::Desk;
using sandbox_test::set_sim;

std::uint64_t total_bytes(MemoryStorage& storage, std::size_t& files) {
  std::uint64_t total = 0;
  const std::vector<std::string> names = storage.list().value();
  files = names.size();
  for (const std::string& name : names) total += storage.file_size(name).value();
  return total;
}

// Half a real hour at 1000x (500 simulated hours: ~190,000 events) with a
// host calling advance() 20 times a second. What the journal directory may
// hold: the kept snapshots (2, each at most the largest seen, S), the
// segments since the older of them -- a snapshot is due after
// max(snapshot_every events, growth% of S bytes), so at most twice that --
// and one partly filled segment. Events are quotes (~55 bytes a record) with
// a few lockouts and headlines (~300): 128 bytes each is a safe ceiling.
// The snapshot itself grows with the state (the lockout history the guards
// write: every lockout ever is kept), which the printed numbers show. The
// in-memory event log stays within its window.
TEST(SandboxJournal, StaysBoundedOverALongSessionAt1000x) {
  Desk d;
  const SandboxOptions options = d.options();
  auto s = d.open(options);
  ASSERT_TRUE(set_sim(*s, R"({"speed":1000})").is_ok());  // the default 12 headlines per simulated hour
  const Duration frame = std::chrono::milliseconds(50);
  const int minutes = 30;
  const EngineStoreOptions& store = options.store;
  const std::uint64_t kEventBytes = 128;
  std::uint64_t max_bytes = 0;
  std::uint64_t max_snapshot = 0;
  for (int minute = 1; minute <= minutes; ++minute) {
    for (int i = 0; i < 60 * 20; ++i) ASSERT_TRUE(s->advance(frame).is_ok());
    std::size_t files = 0;
    const std::uint64_t bytes = total_bytes(d.journal, files);
    max_bytes = std::max(max_bytes, bytes);
    max_snapshot = std::max(max_snapshot, s->store().snapshots().last_bytes);
    const std::uint64_t between_snapshots =
        std::max(store.snapshot_every * kEventBytes, max_snapshot * store.snapshot_growth_percent / 100);
    const std::uint64_t bound =
        store.journal.snapshots_to_keep * max_snapshot + 2 * between_snapshots + store.journal.max_segment_bytes;
    ASSERT_LE(bytes, bound) << "minute " << minute;
    // Memory: the event log holds a window, not the session.
    ASSERT_LE(s->store().log().size(), 2 * store.event_log_window) << "minute " << minute;
    ASSERT_TRUE(s->store().snapshots().last_error.is_ok()) << s->store().snapshots().last_error.to_string();
    if (minute % 10 == 0)
      std::printf(
          "[ measure  ] minute %d: journal %llu bytes in %zu files (bound %llu), snapshot %llu bytes, "
          "%llu snapshots written, log %zu events, lockouts %zu\n",
          minute, static_cast<unsigned long long>(bytes), files, static_cast<unsigned long long>(bound),
          static_cast<unsigned long long>(s->store().snapshots().last_bytes),
          static_cast<unsigned long long>(s->store().snapshots().written), s->store().log().size(),
          s->state().lockouts.all().size());
  }
  // The journal is bounded by the state, not by the hours the market ran:
  // 190,000 events would be ~10 MB of records without snapshots.
  EXPECT_LT(max_bytes, 2'500'000u);
  // The desk directory holds one small file.
  EXPECT_LT(d.desk.file_size(Sandbox::kSimStateFile).value(), 10'000u);
}

}  // namespace
}  // namespace stonks
