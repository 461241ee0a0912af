// Order pipeline (journal off and on) and approval path workloads.
#include <functional>
#include <memory>

#include "bench_world.h"
#include "execution/paper_broker.h"
#include "journal/file_storage.h"
#include "journal/journaled_sink.h"
#include "scratch_dir.h"
#include "workloads.h"

namespace stonks::bench {
namespace {

// Submits orders [first, first + n) of the flow, one kCommandSpacing apart
// after `after`; every one must be accepted. With `flush`, calls it after
// every `flush_every` orders and at the end, as a group-committing host
// does before it acknowledges them. Returns the last command's time.
Timestamp submit_orders(Engine& engine, const OrderFlow& flow, std::uint64_t first, std::uint64_t n, Timestamp after,
                        const std::function<Status()>& flush = {}, std::uint64_t flush_every = 1) {
  Timestamp now = after;
  for (std::uint64_t i = first; i < first + n; ++i) {
    now += kCommandSpacing;
    Result<Order> r = engine.submit_order(flow.intent(i), now);
    if (!r.is_ok()) check(r.status(), "submit_order");
    if (flush && (i + 1 - first) % flush_every == 0) check(flush(), "journal flush");
  }
  if (flush) check(flush(), "journal flush");
  return now;
}

// Every order filled, nothing left open, every position within one order.
void check_all_filled(const EngineState& s, std::uint64_t orders) {
  if (s.fills.size() != orders) fail("not every order filled: the workload measured rejections");
  if (!s.open_orders.empty()) fail("orders left open");
  for (const auto& [symbol, p] : s.portfolio.positions()) {
    if (p.qty < 0 || p.qty > kOrderQty) fail("a position left its bounds");
  }
}

}  // namespace

BenchResult pipeline_journal_off(std::uint64_t orders) {
  PaperBroker broker;
  Engine engine(broker, nullptr);
  const OrderFlow flow;
  const Timestamp start = seed_engine(engine, /*auto_approve=*/true);
  const std::uint64_t seq_before = engine.state().last_seq;

  MemoryWatch mem;
  Stopwatch sw;
  submit_orders(engine, flow, 0, orders, start);
  BenchResult r = measured("pipeline_journal_off", "orders/s", orders, sw);
  r.memory = mem.stop(orders);

  check_all_filled(engine.state(), orders);
  r.details["events"] = static_cast<double>(engine.state().last_seq - seq_before);
  r.note = "market orders, 100 symbols, auto-approve, paper fills; no sink";
  return r;
}

BenchResult pipeline_journal_on(std::uint64_t orders, const std::string& tmp_root, std::uint64_t commit_every) {
  ScratchDir dir(tmp_root, "pipeline");
  Result<std::unique_ptr<FileStorage>> storage = FileStorage::open(dir.path());
  check(storage.status(), "FileStorage::open");
  Result<std::unique_ptr<Journal>> journal = Journal::open(**storage);
  check(journal.status(), "Journal::open");
  check((*journal)->recover({}, {}).status(), "Journal::recover");
  // Group commit: the sink only buffers; the host (this loop) flushes.
  JournaledSink sink(**journal, JournaledSink::Options{/*sync_each_batch=*/false});

  PaperBroker broker;
  Engine engine(broker, &sink);
  const OrderFlow flow;
  const Timestamp start = seed_engine(engine, /*auto_approve=*/true);
  check(sink.flush(), "journal flush");
  const std::uint64_t seq_before = engine.state().last_seq;
  const std::uint64_t bytes_before = sink.bytes_appended();

  MemoryWatch mem;
  Stopwatch sw;
  submit_orders(
      engine, flow, 0, orders, start, [&sink] { return sink.flush(); }, commit_every);
  BenchResult r = measured("pipeline_journal_on", "orders/s", orders, sw);
  r.memory = mem.stop(orders);

  check_all_filled(engine.state(), orders);
  if ((*journal)->committed_seq() != engine.state().last_seq) fail("journal behind the engine");
  r.details["events"] = static_cast<double>(engine.state().last_seq - seq_before);
  r.details["commits"] = static_cast<double>((orders + commit_every - 1) / commit_every);
  r.details["payload_mb"] = static_cast<double>(sink.bytes_appended() - bytes_before) / 1e6;
  r.details["journal_mb"] = static_cast<double>(dir.bytes()) / 1e6;
  r.details["orders_per_commit"] = static_cast<double>(commit_every);
  r.note = "as journal off, through JournaledSink (group commit) to FileStorage segments; write+fsync once per " +
           std::to_string(commit_every) + " orders";
  return r;
}

std::vector<BenchResult> approval_path(std::uint64_t intents) {
  PaperBroker broker;
  Engine engine(broker, nullptr);
  const OrderFlow flow;
  Timestamp now = seed_engine(engine, /*auto_approve=*/false);
  std::vector<ApprovalId> pending;
  pending.reserve(intents);

  MemoryWatch intake_mem;
  Stopwatch intake;
  for (std::uint64_t i = 0; i < intents; ++i) {
    now += kCommandSpacing;
    Result<Order> r = engine.submit_order(flow.intent(i), now);
    if (!r.is_ok()) check(r.status(), "submit_order");
    pending.push_back(r->approval_id());
  }
  BenchResult held = measured("approval_intents", "intents/s", intents, intake);
  held.memory = intake_mem.stop(intents);

  if (engine.state().approvals.pending_count() != intents) fail("not every intent was held for approval");
  if (!engine.state().fills.empty()) fail("an order filled without approval");

  const std::string by = "bench";
  const std::string reason = "approved by the benchmark";
  MemoryWatch decide_mem;
  Stopwatch decide;
  for (ApprovalId id : pending) {
    now += kCommandSpacing;
    Result<ApprovalOutcome> r = engine.decide_approval(id, /*approve=*/true, by, reason, now);
    if (!r.is_ok()) check(r.status(), "decide_approval");
  }
  BenchResult decided = measured("approval_decisions", "decisions/s", intents, decide);
  decided.memory = decide_mem.stop(0);  // the orders were already held

  check_all_filled(engine.state(), intents);
  held.note = "market orders held as pending approvals (auto_approve_paper=false); up to " + std::to_string(intents) +
              " open at once";
  decided.note = "each pending request approved: risk re-check, paper fill";
  return {held, decided};
}

}  // namespace stonks::bench
