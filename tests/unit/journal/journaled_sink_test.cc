// Tests for JournaledSink: one record per event, durable per batch or at
// flush() with group commit, and failures that stick.
#include "journal/journaled_sink.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "core/event_log.h"
#include "execution/paper_broker.h"
#include "journal/event_codec.h"
#include "journal/memory_storage.h"
#include "journal_test_util.h"
#include "support/engine_harness.h"

namespace stonks {
namespace {

using journal_test::recover_all;
using journal_test::succeeded;
using testing::quote;
using testing::test_epoch;
using testing::usd;

std::unique_ptr<Journal> recovered_journal(Storage& storage) {
  auto journal = Journal::open(storage);
  EXPECT_TRUE(succeeded(journal));
  EXPECT_TRUE(succeeded((*journal)->recover([](uint64_t, std::string_view) { return Status::ok(); },
                                            [](uint64_t, std::string_view) { return Status::ok(); })));
  return std::move(journal).value();
}

// The events a fresh recovery of `storage` decodes, in order.
std::vector<EventRecord> journaled_events(MemoryStorage& storage) {
  std::vector<EventRecord> out;
  for (const auto& [seq, payload] : recover_all(storage).records) {
    Result<EventRecord> r = decode_event(payload);
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    if (r.is_ok()) out.push_back(*r);
  }
  return out;
}

// Three commands, three batches: deposit (with the day start), two quotes.
void run_commands(Engine& engine) {
  Timestamp now = test_epoch();
  ASSERT_TRUE(engine.deposit(usd("1000"), "treasury", now).is_ok());
  ASSERT_TRUE(engine.on_quote(quote("AAPL", "99.9", "100.1"), now).is_ok());
  ASSERT_TRUE(engine.on_quote(quote("MSFT", "199.9", "200.1"), now).is_ok());
}

TEST(JournaledSink, EachEventBecomesOneRecordUnderItsSeqDurableWhenTheCommandReturns) {
  MemoryStorage storage;
  auto journal = recovered_journal(storage);
  JournaledSink sink(*journal);
  EventLog log(&sink);
  PaperBroker broker;
  Engine engine(broker, &log);
  run_commands(engine);
  EXPECT_EQ(storage.sync_calls(), 3u);  // one per command
  EXPECT_EQ(journal->committed_seq(), engine.state().last_seq);
  storage.crash();
  EXPECT_EQ(journaled_events(storage), log.records());
  EXPECT_EQ(log.records().size(), 4u);
  EXPECT_GT(sink.bytes_appended(), 0u);
}

TEST(JournaledSink, GroupCommitMakesEventsDurableOnlyAtFlush) {
  MemoryStorage storage;
  auto journal = recovered_journal(storage);
  JournaledSink sink(*journal, JournaledSink::Options{false});
  EventLog log(&sink);
  PaperBroker broker;
  Engine engine(broker, &log);
  run_commands(engine);
  EXPECT_EQ(storage.sync_calls(), 0u);
  EXPECT_EQ(journal->committed_seq(), 0u);
  EXPECT_EQ(journal->pending_records(), 4u);
  ASSERT_TRUE(sink.flush().is_ok());
  EXPECT_EQ(storage.sync_calls(), 1u);  // one sync for the whole group
  EXPECT_EQ(journal->committed_seq(), 4u);
  ASSERT_TRUE(sink.flush().is_ok());  // nothing buffered: no write
  EXPECT_EQ(storage.sync_calls(), 1u);
  storage.crash();
  EXPECT_EQ(journaled_events(storage), log.records());
}

TEST(JournaledSink, GroupCommitLosesWhatWasNotFlushedInACrash) {
  MemoryStorage storage;
  auto journal = recovered_journal(storage);
  JournaledSink sink(*journal, JournaledSink::Options{false});
  PaperBroker broker;
  Engine engine(broker, &sink);
  run_commands(engine);
  journal.reset();  // the process dies before flush()
  storage.crash();
  EXPECT_TRUE(journaled_events(storage).empty());
}

TEST(JournaledSink, AFailedCommitStopsTheSinkAndTheEngine) {
  MemoryStorage storage;
  auto journal = recovered_journal(storage);
  JournaledSink sink(*journal);
  PaperBroker broker;
  Engine engine(broker, &sink);
  Timestamp now = test_epoch();
  ASSERT_TRUE(engine.deposit(usd("1000"), "treasury", now).is_ok());
  storage.fail_next_sync();
  Status failed = engine.on_quote(quote("AAPL", "99.9", "100.1"), now);
  EXPECT_EQ(failed.code(), StatusCode::kUnavailable) << failed.to_string();
  EXPECT_TRUE(sink.failed());
  const uint64_t appends = storage.append_calls();
  EXPECT_FALSE(sink.commit({EventRecord{journal->next_seq(), now, OrderSubmitted{1}}}).is_ok());
  EXPECT_FALSE(sink.flush().is_ok());
  EXPECT_EQ(storage.append_calls(), appends);  // nothing more written
  EXPECT_EQ(engine.deposit(usd("1"), "treasury", now).code(), StatusCode::kUnavailable);
}

TEST(JournaledSink, ARecordTheJournalRefusesFailsTheSinkWithoutCommittingThePrefix) {
  MemoryStorage storage;
  auto journal = recovered_journal(storage);
  JournaledSink sink(*journal, JournaledSink::Options{false});
  const Timestamp now = test_epoch();
  // Seq 1 is buffered, then seq 3 does not follow it.
  Status s = sink.commit({EventRecord{1, now, OrderSubmitted{1}}, EventRecord{3, now, OrderSubmitted{2}}});
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.to_string();
  EXPECT_FALSE(sink.flush().is_ok());  // the buffered seq 1 is never committed
  EXPECT_EQ(storage.sync_calls(), 0u);
}

}  // namespace
}  // namespace stonks
