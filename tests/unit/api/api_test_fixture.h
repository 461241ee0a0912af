// ApiFixture: an engine committing to an EventLog (over a sink that can be
// told to fail), a router over both, and short ways to call it. Starts in
// paper mode with 100000.00 deposited and quotes for AAPL and MSFT.
#pragma once

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "api/api_router.h"
#include "core/engine.h"
#include "core/event_log.h"
#include "json/json_values.h"
#include "support/engine_harness.h"
#include "support/recording_broker.h"
#include "support/recording_sink.h"

namespace stonks::testing {

class ApiFixture {
 public:
  ApiFixture() : log(&inner), engine(broker, &log), router(engine, log), now(test_epoch()) {
    EXPECT_TRUE(engine.deposit(usd("100000"), "setup", now).is_ok());
    feed_quote("AAPL", "99.90", "100.10");
    feed_quote("MSFT", "199.80", "200.20");
  }

  ApiResponse call(const std::string& method, const std::string& path, const std::string& body = "",
                   const std::string& query = "") {
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.query = query;
    request.body = body;
    request.actor = actor;
    request.now = now;
    return router.handle(request);
  }

  // The body of `r` parsed; fails the test when it is not JSON.
  static nlohmann::json body_of(const ApiResponse& r) {
    Result<nlohmann::json> j = parse_json(r.body);
    EXPECT_TRUE(j.is_ok()) << r.body;
    return j.is_ok() ? *j : nlohmann::json();
  }

  void feed_quote(const std::string& ticker, const std::string& bid, const std::string& ask) {
    Status st = engine.on_quote(quote(ticker, bid, ask), now);
    EXPECT_TRUE(st.is_ok()) << st.to_string();
  }

  // Paper mode with auto-approval off, then one AAPL buy of 10 held for
  // approval: order 1, approval 1 (when nothing was submitted before).
  void hold_one_order() {
    OperatorApprovalConfig section = engine.state().config.operator_approval;
    section.auto_approve_paper = false;
    EXPECT_TRUE(engine.update_approval_config(section, "setup", now).is_ok());
    Result<Order> o = engine.submit_order(market("AAPL", Side::kBuy, 10), now);
    ASSERT_TRUE(o.is_ok()) << o.status().to_string();
    EXPECT_EQ(o->status(), OrderStatus::kPendingApproval);
  }

  std::string actor = "alice";
  RecordingBroker broker;
  RecordingSink inner;
  EventLog log;
  Engine engine;
  ApiRouter router;
  Timestamp now;
};

}  // namespace stonks::testing
