// GET /api/events and /api/audit over an EngineStore whose event log keeps a
// small window: pages that start before the window (read back from the
// journal), straddle it or lie inside it equal those of an unbounded log for
// the same commands -- also after restarts, on MemoryStorage and on files,
// and after snapshots and compaction, when first_seq moves up.
#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "api/api_router.h"
#include "journal/file_storage.h"
#include "journal/journal_format.h"
#include "journal/memory_storage.h"
#include "json/json_values.h"
#include "support/engine_harness.h"
#include "support/recording_broker.h"
#include "unit/journal/engine_workload.h"
#include "unit/journal/journal_test_util.h"
#include "unit/journal/store_test_util.h"

namespace stonks {
namespace {

using journal_test::EngineWorkload;
using journal_test::names_with_prefix;
using journal_test::ok;
using journal_test::open_store;
using testing::test_epoch;

constexpr std::size_t kWindow = 40;

EngineStoreOptions windowed(std::size_t window) {
  EngineStoreOptions o;
  o.snapshot_every = 0;
  o.event_log_window = window;
  o.journal.max_segment_bytes = 2048;  // many segments: pages cross files too
  return o;
}

// A store, the router over it and the workload driving it.
struct Desk {
  Desk(Storage& storage, EngineStoreOptions options, EngineWorkload& workload) : w(workload) {
    store = open_store(storage, broker, options);
    if (store) router = std::make_unique<ApiRouter>(store->engine(), store->log());
  }

  void run(int steps) {
    for (int i = 0; i < steps; ++i) {
      Status s = w.step(store->engine());
      ASSERT_NE(s.code(), StatusCode::kUnavailable) << s.to_string();
      ASSERT_NE(s.code(), StatusCode::kCorruption) << s.to_string();
    }
  }

  // The page answer of GET `path`?after=..&limit=.., parsed; fails the test
  // unless it is a 200.
  nlohmann::json page(const std::string& path, EventSeq after, std::size_t limit) const {
    ApiRequest request;
    request.method = "GET";
    request.path = path;
    request.query = "after=" + std::to_string(after) + "&limit=" + std::to_string(limit);
    request.actor = "alice";
    request.now = w.now();
    ApiResponse r = router->handle(request);
    EXPECT_EQ(r.status, 200) << path << "?" << request.query << ": " << r.body;
    Result<nlohmann::json> j = parse_json(r.body);
    EXPECT_TRUE(j.is_ok()) << r.body;
    return j.is_ok() ? *j : nlohmann::json();
  }

  EventSeq last_seq() const { return store->engine().state().last_seq; }
  EventSeq held_first() const { return store->log().records().front().seq; }

  EngineWorkload& w;
  testing::RecordingBroker broker;  // live-capable: the workload visits live mode
  std::unique_ptr<EngineStore> store;
  std::unique_ptr<ApiRouter> router;
};

void remove_tree(const std::string& path) {
  if (DIR* d = opendir(path.c_str())) {
    while (struct dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") remove_tree(path + "/" + name);
    }
    closedir(d);
    rmdir(path.c_str());
  } else {
    unlink(path.c_str());
  }
}

// Two desks fed the same commands: `bounded` keeps a small window over its
// journal (in memory, or in files under `dir` when it is not empty),
// `reference` keeps every event in memory and never restarts.
struct Pair {
  explicit Pair(EngineStoreOptions bounded_options, std::string files_dir = "")
      : bw(kSeed, test_epoch()),
        rw(kSeed, test_epoch()),
        dir(std::move(files_dir)),
        options(bounded_options),
        reference(reference_storage, windowed(0), rw) {
    open_storage();
    bounded = std::make_unique<Desk>(*storage, options, bw);
    EXPECT_TRUE(ok(bw.setup(bounded->store->engine())));
    EXPECT_TRUE(ok(rw.setup(reference.store->engine())));
  }

  void run(int steps) {
    ASSERT_NO_FATAL_FAILURE(bounded->run(steps));
    ASSERT_NO_FATAL_FAILURE(reference.run(steps));
    ASSERT_EQ(bounded->last_seq(), reference.last_seq());
  }

  // Drops the bounded desk and opens it again on its storage: a crash of
  // the MemoryStorage, a new FileStorage over the same directory.
  void restart() {
    bounded.reset();
    if (dir.empty()) {
      static_cast<MemoryStorage&>(*storage).crash();
    } else {
      open_storage();
    }
    bounded = std::make_unique<Desk>(*storage, options, bw);
    ASSERT_NE(bounded->store, nullptr);
    ASSERT_EQ(bounded->last_seq(), reference.last_seq());
  }

  // The first seq of the bounded journal's oldest segment file.
  uint64_t oldest_segment() {
    uint64_t seq = 0;
    const std::vector<std::string> segments = names_with_prefix(*storage, "seg-");
    EXPECT_FALSE(segments.empty());
    if (!segments.empty()) EXPECT_TRUE(journal_format::parse_segment_file_name(segments.front(), &seq));
    return seq;
  }

  static constexpr uint64_t kSeed = 11;
  EngineWorkload bw;
  EngineWorkload rw;
  std::string dir;
  EngineStoreOptions options;
  std::unique_ptr<Storage> storage;
  MemoryStorage reference_storage;
  std::unique_ptr<Desk> bounded;
  Desk reference;

 private:
  void open_storage() {
    if (dir.empty()) {
      storage = std::make_unique<MemoryStorage>();
      return;
    }
    storage.reset();
    auto files = FileStorage::open(dir);
    ASSERT_TRUE(files.is_ok()) << files.status().to_string();
    storage = std::move(files).value();
  }
};

// `page` without its first_seq, for comparing pages of desks whose journals
// were compacted differently.
nlohmann::json without_first_seq(nlohmann::json page) {
  page.erase("first_seq");
  return page;
}

// Pages of `path` from `after`, `limit` at a time, on both desks, until the
// last one: each pair equal (items, next_after, has_more and, unless told
// otherwise, first_seq), and has_more true exactly on the pages that are
// not the last. Returns how many items the walk saw.
std::size_t walk_equal(const Desk& bounded, const Desk& reference, const std::string& path, const char* key,
                       EventSeq after, std::size_t limit, bool same_first_seq = true) {
  std::size_t items = 0;
  for (int pages = 0; pages < 10'000; ++pages) {
    nlohmann::json b = bounded.page(path, after, limit);
    nlohmann::json r = reference.page(path, after, limit);
    if (!same_first_seq) {
      b = without_first_seq(std::move(b));
      r = without_first_seq(std::move(r));
    }
    EXPECT_EQ(b, r) << path << " after " << after;
    if (b != r) return items;
    items += b[key].size();
    if (!b["has_more"].get<bool>()) {
      EXPECT_LE(b[key].size(), limit);
      return items;
    }
    EXPECT_EQ(b[key].size(), limit) << "a page that says more follow is full";
    after = b["next_after"].get<EventSeq>();
  }
  ADD_FAILURE() << "the walk did not end";
  return items;
}

TEST(EventPagesReadBack, EventPagesBeforeAcrossAndInsideTheWindowEqualAnUnboundedLogs) {
  Pair p(windowed(kWindow));
  ASSERT_NO_FATAL_FAILURE(p.run(400));
  const Desk& b = *p.bounded;
  const EventSeq last = b.last_seq();
  const EventSeq held = b.held_first();
  ASSERT_GT(held, 3 * kWindow) << "the window must have dropped most events";
  EXPECT_EQ(b.page("/api/events", 0, 1)["first_seq"], 1u);  // nothing is lost: the journal has all

  // Entirely before the window, straddling it, starting at it, inside it.
  for (EventSeq after : {EventSeq{0}, EventSeq{17}, held - 30, held - 1, held + 3}) {
    for (std::size_t limit : {std::size_t{1}, std::size_t{25}, std::size_t{1000}}) {
      const nlohmann::json page = b.page("/api/events", after, limit);
      EXPECT_EQ(page, p.reference.page("/api/events", after, limit)) << "after " << after << " limit " << limit;
      // The events are the next ones in seq order.
      const nlohmann::json& events = page["events"];
      ASSERT_EQ(events.size(), std::min<std::size_t>(limit, last - after));
      for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i]["seq"], after + 1 + i);
      EXPECT_EQ(page["has_more"], after + limit < last);
      EXPECT_EQ(page["next_after"], after + events.size());
    }
  }
  // has_more exact at the end: exactly `limit` left, then one more than that.
  EXPECT_FALSE(b.page("/api/events", last - 10, 10)["has_more"]);
  EXPECT_TRUE(b.page("/api/events", last - 11, 10)["has_more"]);
  // The whole stream, page by page, as the unbounded log has it.
  EXPECT_EQ(walk_equal(b, p.reference, "/api/events", "events", 0, 37), last);
}

TEST(EventPagesReadBack, AuditPagesBeforeAcrossAndInsideTheWindowEqualAnUnboundedLogs) {
  Pair p(windowed(kWindow));
  ASSERT_NO_FATAL_FAILURE(p.run(400));
  const Desk& b = *p.bounded;
  const EventSeq held = b.held_first();
  const std::size_t entries = walk_equal(b, p.reference, "/api/audit", "entries", 0, 4);
  EXPECT_GT(entries, 20u);  // the workload decides, locks out, changes config...
  for (EventSeq after : {held - 60, held - 2, held + 5}) {
    for (std::size_t limit : {std::size_t{1}, std::size_t{3}, std::size_t{1000}}) {
      EXPECT_EQ(b.page("/api/audit", after, limit), p.reference.page("/api/audit", after, limit))
          << "after " << after << " limit " << limit;
    }
  }
}

// Restarts on `p`'s storage with pages compared before and after each.
void pages_survive_restarts(Pair& p) {
  ASSERT_NO_FATAL_FAILURE(p.run(250));
  const EventSeq before_restart = p.reference.last_seq();
  ASSERT_NO_FATAL_FAILURE(p.restart());
  EXPECT_EQ(p.bounded->page("/api/events", 0, 1)["first_seq"], 1u);
  walk_equal(*p.bounded, p.reference, "/api/events", "events", 0, 53);
  ASSERT_NO_FATAL_FAILURE(p.run(150));  // new events, held with the adopted ones
  ASSERT_NO_FATAL_FAILURE(p.restart());
  ASSERT_NO_FATAL_FAILURE(p.run(30));
  // A page across the first restart's seq, and everything from the start.
  walk_equal(*p.bounded, p.reference, "/api/events", "events", before_restart - 20, 40);
  EXPECT_EQ(walk_equal(*p.bounded, p.reference, "/api/events", "events", 0, 100), p.reference.last_seq());
  walk_equal(*p.bounded, p.reference, "/api/audit", "entries", 0, 3);
}

TEST(EventPagesReadBack, PagesStayTheSameAcrossRestarts) {
  Pair p(windowed(kWindow));
  pages_survive_restarts(p);
}

TEST(EventPagesReadBack, PagesStayTheSameAcrossRestartsOnFiles) {
  std::string dir = ::testing::TempDir();
  if (dir.empty() || dir.back() != '/') dir += '/';
  dir += "stonks_pages_XXXXXX";
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  {
    Pair p(windowed(kWindow), dir);
    pages_survive_restarts(p);
  }
  remove_tree(dir);
}

// The bounded desk's pages from 0 start at the oldest event compaction left,
// which first_seq names; from there on they are the unbounded log's.
void pages_start_at_the_oldest_event_left(Pair& p) {
  const Desk& b = *p.bounded;
  const EventSeq first = p.oldest_segment();
  ASSERT_GT(first, 1u) << "compaction removed the oldest segments";
  ASSERT_LT(first, b.held_first()) << "the journal still has events the window dropped";
  for (const char* path : {"/api/events", "/api/audit"}) {
    const nlohmann::json page = b.page(path, 0, 1000);
    EXPECT_EQ(page["first_seq"], first) << path;
    EXPECT_EQ(without_first_seq(page), without_first_seq(p.reference.page(path, first - 1, 1000))) << path;
  }
  EXPECT_EQ(walk_equal(b, p.reference, "/api/events", "events", first - 1, 29, false), b.last_seq() - first + 1);
  walk_equal(b, p.reference, "/api/audit", "entries", first - 1, 2, false);
}

TEST(EventPagesReadBack, AfterSnapshotsAndCompactionPagesStartAtTheOldestEventLeft) {
  EngineStoreOptions options = windowed(kWindow);
  options.snapshot_every = 60;
  options.snapshot_growth_percent = 0;
  Pair p(options);
  ASSERT_NO_FATAL_FAILURE(p.run(400));
  ASSERT_GE(p.bounded->store->snapshots().written, 3u);
  pages_start_at_the_oldest_event_left(p);
  ASSERT_NO_FATAL_FAILURE(p.restart());
  ASSERT_TRUE(p.bounded->store->recovery().journal.snapshot_used);
  pages_start_at_the_oldest_event_left(p);
  ASSERT_NO_FATAL_FAILURE(p.run(100));
  pages_start_at_the_oldest_event_left(p);
}

}  // namespace
}  // namespace stonks
