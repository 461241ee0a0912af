// The kill switch's words: what it will do, and what it did.
#include <gtest/gtest.h>

#include "imgui_ui/model/flatten_plan.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

TEST(FlattenPlan, ListsTheApprovalsOrdersAndPositionsItWillTouch) {
  EngineHarness h;
  RiskConfig c = h.engine.state().config;
  c.limits.allow_short = true;
  ASSERT_TRUE(h.engine.update_config(c, "test", h.now).is_ok());
  h.submit(market("AAPL", Side::kBuy, 10));
  h.submit(market("MSFT", Side::kSell, 5));
  h.submit(limit("AAPL", Side::kBuy, 1, "95"));
  h.require_paper_approval();
  h.submit(market("AAPL", Side::kBuy, 1));
  const ui::FlattenPlan plan = ui::plan_flatten(h.engine.state());
  EXPECT_EQ(plan.approvals, 1u);
  EXPECT_EQ(plan.orders, 1u);
  EXPECT_EQ(plan.closes, (std::vector<std::string>{"Sell 10 AAPL", "Buy 5 MSFT"}));
  EXPECT_EQ(ui::describe(plan),
            "Halt trading (reduce-only)\nReject 1 pending approval\nCancel 1 working order\n"
            "Close 2 positions at market, without approval\n  Sell 10 AAPL\n  Buy 5 MSFT");
}

TEST(FlattenPlan, TheReportPutsWhatCouldNotCloseFirst) {
  FlattenReport r;
  r.by = "alice";
  r.reason = "risk off";
  r.at = test_epoch();
  r.approvals_rejected = {1, 2};
  r.orders_cancelled = {3};
  r.cancels_requested = {4};
  r.closes = {FlattenClose{sym("AAPL"), 10, 7, OrderStatus::kFilled, {}},
              FlattenClose{sym("MSFT"),
                           -5,
                           8,
                           OrderStatus::kRiskRejected,
                           {Reason{ReasonCode::kSymbolNotTradable, "MSFT is not in the tradable list"}}}};
  const ui::FlattenReportLines lines = ui::report_lines(r);
  EXPECT_EQ(lines.summary,
            "Halt & flatten by alice at 2026-11-24 14:30:00 (risk off): 2 approvals rejected, 1 order cancelled, "
            "1 cancel awaiting the broker, 1 of 2 positions closed");
  EXPECT_EQ(lines.failed,
            std::vector<std::string>{
                "Buy 5 MSFT (order 8): NOT CLOSED, SYMBOL_NOT_TRADABLE: MSFT is not in the tradable list"});
  EXPECT_EQ(lines.closed, std::vector<std::string>{"Sell 10 AAPL (order 7): filled"});
}

}  // namespace
}  // namespace stonks::testing
