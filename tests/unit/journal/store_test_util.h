// Helpers for the engine store tests: comparing states field by field,
// cloning in-memory storage, replaying event prefixes.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/engine.h"
#include "execution/paper_broker.h"
#include "journal/engine_store.h"
#include "journal/memory_storage.h"
#include "journal/state_codec.h"

namespace stonks::journal_test {

// Equal by operator== and by serialized form; on failure names the first
// member that differs.
inline ::testing::AssertionResult same_state(const EngineState& a, const EngineState& b) {
  const std::string ta = encode_engine_state(a);
  const std::string tb = encode_engine_state(b);
  if (a == b && ta == tb) return ::testing::AssertionSuccess();
  auto fail = ::testing::AssertionFailure();
  fail << "states differ (operator== " << (a == b ? "equal" : "differs") << ", serialized "
       << (ta == tb ? "equal" : "differs") << ")";
#define STONKS_DIFF(member) \
  if (!(a.member == b.member)) fail << "; " #member " differs";
  STONKS_DIFF(last_seq)
  STONKS_DIFF(next_order_id)
  STONKS_DIFF(next_approval_id)
  STONKS_DIFF(next_lockout_id)
  STONKS_DIFF(next_fill_id)
  STONKS_DIFF(mode)
  STONKS_DIFF(halted)
  STONKS_DIFF(halt_reason)
  STONKS_DIFF(config)
  STONKS_DIFF(config_history)
  STONKS_DIFF(orders)
  STONKS_DIFF(order_by_client_id)
  STONKS_DIFF(open_orders)
  STONKS_DIFF(working_orders)
  STONKS_DIFF(cancel_requests)
  STONKS_DIFF(recent_submissions)
  STONKS_DIFF(fills)
  STONKS_DIFF(recent_news)
  STONKS_DIFF(approvals)
  STONKS_DIFF(lockouts)
  STONKS_DIFF(market)
  STONKS_DIFF(portfolio)
  STONKS_DIFF(valuation)
#undef STONKS_DIFF
  fail << " (last_seq " << a.last_seq << " vs " << b.last_seq << ")";
  return fail;
}

inline ::testing::AssertionResult ok(const Status& s) {
  if (s.is_ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << s.to_string();
}

// A new MemoryStorage holding the current contents of every file of `from`.
inline std::unique_ptr<MemoryStorage> clone(MemoryStorage& from) {
  auto to = std::make_unique<MemoryStorage>();
  const std::vector<std::string> names = from.list().value();
  for (const std::string& name : names) to->put_file(name, from.read_file(name).value());
  return to;
}

// The state after the first `n` of `events`, replayed into a fresh engine.
inline EngineState replay_prefix(const std::vector<EventRecord>& events, std::size_t n) {
  PaperBroker broker;
  Engine engine(broker, nullptr);
  for (std::size_t i = 0; i < n; ++i) {
    Status s = engine.replay(events[i]);
    EXPECT_TRUE(s.is_ok()) << s.to_string();
  }
  return engine.state();
}

// Opens a store, failing the test when it does not open.
inline std::unique_ptr<EngineStore> open_store(Storage& storage, Broker& broker, EngineStoreOptions options = {}) {
  auto store = EngineStore::open(storage, broker, options);
  EXPECT_TRUE(store.is_ok()) << store.status().to_string();
  return store.is_ok() ? std::move(store).value() : nullptr;
}

}  // namespace stonks::journal_test
