// EngineHarness: an engine with a recording broker and sink, a manual clock
// and short ways to build intents and quotes. Starts funded, in paper mode,
// with a quote for AAPL and MSFT.
#pragma once

#include <string>

#include "core/engine.h"
#include "support/recording_broker.h"
#include "support/recording_sink.h"

namespace stonks::testing {

// 2026-11-24T14:30:00Z: a fixed, readable start for every test clock.
Timestamp test_epoch();

Symbol sym(const std::string& text);
Price px(const std::string& text);
Money usd(const std::string& text);

OrderIntent market(const std::string& ticker, Side side, Quantity qty, const std::string& client_id = "");
OrderIntent limit(const std::string& ticker, Side side, Quantity qty, const std::string& price,
                  const std::string& client_id = "");
Quote quote(const std::string& ticker, const std::string& bid, const std::string& ask, Quantity bid_size = 0,
            Quantity ask_size = 0);

struct EngineHarness {
  EngineHarness();

  void advance(Duration d) { now += d; }
  // Submits and expects the command itself to succeed.
  Order submit(const OrderIntent& intent);
  void set_quote(const std::string& ticker, const std::string& bid, const std::string& ask);
  // Paper mode with auto-approval off: every order waits for the operator.
  void require_paper_approval();
  LockoutRequest lockout_request(const std::string& ticker, int minutes = 30, const std::string& reason = "test");

  RecordingBroker broker;
  RecordingSink sink;
  Engine engine;
  Timestamp now;
};

}  // namespace stonks::testing
