// Tests for the desk's strategies (/api/strategies): specs checked naming
// the field, kept across a reload, and, fed 1-minute bars closed from the
// simulator's quotes, trading through the approval gate: with auto-approval
// off their orders wait for the operator, one at a time.
#include <gtest/gtest.h>

#include <string>

#include "sandbox/strategy_routes.h"
#include "sandbox_test_util.h"

namespace stonks {
namespace {

using sandbox_test::call;
using sandbox_test::Desk;
using sandbox_test::json_of;
using sandbox_test::run_for;

constexpr const char* kSmaOnMsft =
    R"({"strategies":[{"name":"sma","symbol":"MSFT","params":{"fast":1,"slow":2,"qty":3}}]})";

TEST(SandboxStrategyRoutes, NoneAreOnAtFirst) {
  Desk d;
  auto s = d.open();
  ApiResponse r = call(*s, "GET", "/api/strategies");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r)["strategies"], nlohmann::json::array());
  EXPECT_EQ(json_of(r)["names"], nlohmann::json({"sma", "mean_reversion", "rsi"}));
  EXPECT_EQ(json_of(r)["bar_seconds"], 60);
}

TEST(SandboxStrategyRoutes, BadSpecsAreRefusedNamingTheFieldAndChangeNothing) {
  Desk d;
  auto s = d.open();
  auto field_of = [&](const std::string& body) {
    ApiResponse r = call(*s, "PUT", "/api/strategies", body);
    EXPECT_EQ(r.status, 400) << r.body;
    return json_of(r)["error"]["field"].get<std::string>();
  };
  EXPECT_EQ(field_of(R"({"strategies":[{"name":"sma","symbol":"MSFT","params":{"fsat":1,"slow":2,"qty":3}}]})"),
            "strategies.0.params.fsat");
  EXPECT_EQ(field_of(R"({"strategies":[{"name":"sma","symbol":"MSFT","params":{"fast":3,"slow":2,"qty":3}}]})"),
            "strategies.0.params.slow");
  EXPECT_EQ(field_of(R"({"strategies":[{"name":"sma","symbol":"ZZZZ","params":{"fast":1,"slow":2,"qty":3}}]})"),
            "strategies.0.symbol");
  EXPECT_EQ(field_of(R"({"strategies":[{"name":"sma","symbol":"MSFT","params":{"fast":1,"slow":2,"qty":3}},)"
                     R"({"name":"sma","symbol":"MSFT","params":{"fast":2,"slow":5,"qty":3}}]})"),
            "strategies.1.symbol");
  EXPECT_EQ(field_of(R"({"strategies":[],"x":1})"), "x");
  EXPECT_EQ(json_of(call(*s, "GET", "/api/strategies"))["strategies"], nlohmann::json::array());
  EXPECT_EQ(call(*s, "DELETE", "/api/strategies").status, 405);
  EXPECT_EQ(call(*s, "GET", "/api/strategies/1").status, 404);
}

TEST(SandboxStrategyRoutes, TheSpecsSurviveAReload) {
  Desk d;
  {
    auto s = d.open();
    ApiResponse r = call(*s, "PUT", "/api/strategies", kSmaOnMsft);
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(json_of(r)["strategies"].size(), 1u);
  }
  auto s = d.open();
  const nlohmann::json list = json_of(call(*s, "GET", "/api/strategies"))["strategies"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["name"], "sma");
  EXPECT_EQ(list[0]["symbol"], "MSFT");
  EXPECT_EQ(list[0]["params"]["slow"], 2);
  // A reset switches them off.
  ASSERT_EQ(call(*s, "POST", "/api/sim/reset").status, 200);
  EXPECT_EQ(json_of(call(*s, "GET", "/api/strategies"))["strategies"], nlohmann::json::array());
}

TEST(SandboxStrategyRoutes, StrategyOrdersWaitForTheOperatorOneAtATime) {
  Desk d;
  auto s = d.open();
  // A day to decide: at 1000x a 30-minute approval would expire within 2 s.
  ASSERT_EQ(call(*s, "PUT", "/api/admin/trading/approval-config",
                 R"({"auto_approve_paper":false,"approval_timeout_minutes":1440})")
                .status,
            200);
  ASSERT_EQ(call(*s, "PUT", "/api/sim", R"({"speed":1000})").status, 200);
  ASSERT_EQ(call(*s, "PUT", "/api/strategies", kSmaOnMsft).status, 200);
  run_for(*s, std::chrono::seconds(40));  // ~11 simulated hours: hundreds of 1-minute bars
  const EngineState& st = s->state();
  EXPECT_EQ(st.approvals.all().size(), 1u) << "hundreds of bars, one request";
  ASSERT_EQ(st.approvals.pending_count(), 1u) << "one buy waits; the strategy does not repeat it";
  int open_strategy_orders = 0;
  for (OrderId id : st.open_orders.ids()) {
    const OrderIntent& in = st.orders.at(id).intent();
    EXPECT_EQ(in.source, "strategy:sma");
    EXPECT_EQ(in.symbol.str(), "MSFT");
    EXPECT_EQ(in.qty, 3);
    ++open_strategy_orders;
  }
  EXPECT_EQ(open_strategy_orders, 1);
  EXPECT_TRUE(st.fills.empty()) << "nothing fills before the operator approves";
}

TEST(SandboxStrategyRoutes, NothingTradesWithoutAStrategy) {
  Desk d;
  auto s = d.open();
  ASSERT_EQ(call(*s, "PUT", "/api/admin/trading/approval-config", R"({"auto_approve_paper":false})").status, 200);
  ASSERT_EQ(call(*s, "PUT", "/api/sim", R"({"speed":1000})").status, 200);
  run_for(*s, std::chrono::seconds(40));
  EXPECT_EQ(s->state().approvals.pending_count(), 0u);
}

}  // namespace
}  // namespace stonks
