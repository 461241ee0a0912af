// The operator's scorecard on a session whose numbers are worked out by hand.
#include <gtest/gtest.h>

#include "imgui_ui/model/scorecard.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

OrderIntent from(OrderIntent in, const std::string& source) {
  in.source = source;
  return in;
}

// AAPL 99.90 / 100.10, MSFT 199.80 / 200.20, every order held:
//   #1 buy 10 AAPL manual          approved after 30 s: fills 10 at 100.10
//   #2 buy 5 MSFT strategy:sma     rejected after 90 s (priced at 200.20)
//   #3 buy 2 AAPL strategy:sma     approved after 150 s: fills 2 at 100.10
//   #4 buy 1 MSFT manual           expires unanswered (30 minutes)
// then AAPL 101.90 / 102.10 (mid 102.00) and MSFT 205.00 / 205.40 (mid 205.20).
struct Session {
  Session() {
    h.require_paper_approval();
    const Timestamp t0 = h.now;
    h.submit(market("AAPL", Side::kBuy, 10));
    h.submit(from(market("MSFT", Side::kBuy, 5), "strategy:sma"));
    h.submit(from(market("AAPL", Side::kBuy, 2), "strategy:sma"));
    h.submit(market("MSFT", Side::kBuy, 1));
    EXPECT_TRUE(h.engine.decide_approval(1, true, "alice", "", t0 + seconds(30)).is_ok());
    EXPECT_TRUE(h.engine.decide_approval(2, false, "alice", "too big", t0 + seconds(90)).is_ok());
    EXPECT_TRUE(h.engine.decide_approval(3, true, "alice", "", t0 + seconds(150)).is_ok());
    h.now = t0 + minutes(31);
    EXPECT_TRUE(h.engine.tick(h.now).is_ok());
    h.set_quote("AAPL", "101.90", "102.10");
    h.set_quote("MSFT", "205.00", "205.40");
  }
  EngineHarness h;
};

TEST(Scorecard, WaitsExpiriesAndTheCallsPnlAgainstTheRejectedCounterfactual) {
  Session s;
  const ui::Scorecard card = ui::make_scorecard(s.h.engine.state());
  EXPECT_EQ(card.decisions, 3u);
  EXPECT_EQ(card.median_wait, Duration(seconds(90)));  // waits 30, 90, 150: rank 2 of 3
  EXPECT_EQ(card.p90_wait, Duration(seconds(150)));    // rank ceil(2.7) = 3
  EXPECT_EQ(card.total.expired, 1);
  EXPECT_EQ(card.total.approved, 2);
  EXPECT_EQ(card.total.approved_filled, 2);
  // 10 x (102.00 - 100.10) + 2 x (102.00 - 100.10) = 19.00 + 3.80
  EXPECT_EQ(card.total.approved_pnl, usd("22.80"));
  EXPECT_EQ(card.total.rejected, 1);
  // 5 x (205.20 - 200.20): the rejection cost 25.00 (counterfactual)
  EXPECT_EQ(card.total.rejected_pnl, usd("25.00"));

  const ui::ScoreLine& manual = card.by_source.at("manual");
  EXPECT_EQ(manual.approved_pnl, usd("19.00"));
  EXPECT_EQ(manual.expired, 1);
  EXPECT_EQ(manual.rejected, 0);
  const ui::ScoreLine& sma = card.by_source.at("strategy:sma");
  EXPECT_EQ(sma.approved_pnl, usd("3.80"));
  EXPECT_EQ(sma.rejected_pnl, usd("25.00"));
  EXPECT_EQ(card.by_ticker.at("AAPL").approved, 2);
  EXPECT_EQ(card.by_ticker.at("AAPL").approved_pnl, usd("22.80"));
  EXPECT_EQ(card.by_ticker.at("MSFT").rejected_pnl, usd("25.00"));
  EXPECT_EQ(card.by_ticker.at("MSFT").expired, 1);
}

TEST(Scorecard, FeesComeOffAndASellMarksTheOtherWay) {
  EngineHarness h;
  RiskConfig c = h.engine.state().config;
  c.paper.fee_per_fill = usd("1.50");
  ASSERT_TRUE(h.engine.update_config(c, "test", h.now).is_ok());
  h.submit(market("AAPL", Side::kBuy, 10));  // auto-approved: not a call
  h.require_paper_approval();
  h.submit(market("AAPL", Side::kSell, 4));  // held, priced at the bid 99.90
  ASSERT_TRUE(h.engine.decide_approval(1, true, "alice", "", h.now).is_ok());
  h.set_quote("AAPL", "98.90", "99.10");  // mid 99.00
  const ui::Scorecard card = ui::make_scorecard(h.engine.state());
  // Sold 4 at 99.90, now 99.00: +3.60, less the 1.50 fee.
  EXPECT_EQ(card.total.approved_pnl, usd("2.10"));
  EXPECT_EQ(card.total.approved, 1);
}

TEST(Scorecard, NothingDecidedYet) {
  EngineHarness h;
  const ui::Scorecard card = ui::make_scorecard(h.engine.state());
  EXPECT_EQ(card.decisions, 0u);
  EXPECT_FALSE(card.median_wait);
  EXPECT_EQ(card.total, ui::ScoreLine{});
}

}  // namespace
}  // namespace stonks::testing
