// Portfolio: cash, average cost, realized/unrealized and day P&L per fill.
#include "portfolio/portfolio.h"

#include <gtest/gtest.h>

#include "portfolio/valuation.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

class PortfolioTest : public ::testing::Test {
 protected:
  PortfolioTest() { p.deposit(usd("100000")); }

  Money fill(const std::string& ticker, Side side, Quantity qty, const std::string& price,
             const std::string& fee = "0") {
    Fill f;
    f.id = ++fills;
    f.symbol = sym(ticker);
    f.side = side;
    f.qty = qty;
    f.price = px(price);
    f.fee = usd(fee);
    return p.apply_fill(f);
  }

  void mark(const std::string& ticker, const std::string& price) {
    Quote q = quote(ticker, price, price);
    q.at = test_epoch();
    m.apply_quote(q);
  }

  // cash + sum(cost basis) - realized + fees: must always equal deposits.
  Money conserved() const {
    Money total = p.cash();
    for (const auto& [s, pos] : p.positions()) total += pos.cost_basis;
    return total - p.realized_pnl() + p.fees_paid();
  }

  Portfolio p;
  MarketState m;
  FillId fills = 0;
};

TEST_F(PortfolioTest, BuyMovesCashIntoAPositionAtCost) {
  EXPECT_EQ(fill("AAPL", Side::kBuy, 10, "100"), Money());
  Position pos = p.position(sym("AAPL"));
  EXPECT_EQ(pos.qty, 10);
  EXPECT_EQ(pos.cost_basis, usd("1000"));
  EXPECT_EQ(pos.avg_cost(), px("100"));
  EXPECT_EQ(p.cash(), usd("99000"));
  EXPECT_EQ(p.deposits(), usd("100000"));
}

TEST_F(PortfolioTest, SecondBuyAveragesTheCost) {
  fill("AAPL", Side::kBuy, 10, "100");
  fill("AAPL", Side::kBuy, 30, "104");
  Position pos = p.position(sym("AAPL"));
  EXPECT_EQ(pos.qty, 40);
  EXPECT_EQ(pos.cost_basis, usd("4120"));
  EXPECT_EQ(pos.avg_cost(), px("103"));
}

TEST_F(PortfolioTest, AverageCostRoundsButCostBasisStaysExact) {
  fill("AAPL", Side::kBuy, 1, "100");
  fill("AAPL", Side::kBuy, 2, "100.01");
  Position pos = p.position(sym("AAPL"));
  EXPECT_EQ(pos.cost_basis, usd("300.02"));
  EXPECT_EQ(pos.avg_cost(), px("100.006667"));  // 300.02 / 3 = 100.0066666...
}

TEST_F(PortfolioTest, PartialSellRealizesAgainstAverageCost) {
  fill("AAPL", Side::kBuy, 10, "100");
  fill("AAPL", Side::kBuy, 10, "110");                        // avg 105
  EXPECT_EQ(fill("AAPL", Side::kSell, 5, "120"), usd("75"));  // 5 x (120 - 105)
  Position pos = p.position(sym("AAPL"));
  EXPECT_EQ(pos.qty, 15);
  EXPECT_EQ(pos.cost_basis, usd("1575"));
  EXPECT_EQ(pos.avg_cost(), px("105"));
  EXPECT_EQ(pos.realized_pnl, usd("75"));
  EXPECT_EQ(p.realized_pnl(), usd("75"));
  EXPECT_EQ(p.cash(), usd("98500"));  // 100000 - 2100 + 600
}

TEST_F(PortfolioTest, FullCloseRealizesEverythingAndLeavesNoCost) {
  fill("AAPL", Side::kBuy, 10, "100");
  EXPECT_EQ(fill("AAPL", Side::kSell, 10, "95.5"), usd("-45"));
  Position pos = p.position(sym("AAPL"));
  EXPECT_EQ(pos.qty, 0);
  EXPECT_EQ(pos.cost_basis, Money());
  EXPECT_EQ(pos.avg_cost(), Price());
  EXPECT_EQ(p.realized_pnl(), usd("-45"));
  EXPECT_EQ(p.cash(), usd("99955"));
}

TEST_F(PortfolioTest, RealizedByPreviewsWithoutBooking) {
  fill("AAPL", Side::kBuy, 10, "100");
  Fill f;
  f.symbol = sym("AAPL");
  f.side = Side::kSell;
  f.qty = 4;
  f.price = px("90");
  const Portfolio before = p;
  EXPECT_EQ(p.realized_by(f), usd("-40"));
  EXPECT_EQ(p, before);
}

TEST_F(PortfolioTest, OneFillFlipsLongToShortClosingFirst) {
  fill("AAPL", Side::kBuy, 10, "100");
  EXPECT_EQ(fill("AAPL", Side::kSell, 25, "110"), usd("100"));  // closes 10 at +10
  Position pos = p.position(sym("AAPL"));
  EXPECT_EQ(pos.qty, -15);
  EXPECT_EQ(pos.cost_basis, usd("-1650"));  // the new short opened at 110
  EXPECT_EQ(p.cash(), usd("101750"));       // 100000 - 1000 + 2750
}

TEST_F(PortfolioTest, ShortThenCoverRealizesTheDrop) {
  fill("MSFT", Side::kSell, 20, "200");
  Position pos = p.position(sym("MSFT"));
  EXPECT_EQ(pos.qty, -20);
  EXPECT_EQ(pos.cost_basis, usd("-4000"));
  EXPECT_EQ(p.cash(), usd("104000"));
  EXPECT_EQ(fill("MSFT", Side::kBuy, 5, "190"), usd("50"));     // 5 x (200 - 190)
  EXPECT_EQ(fill("MSFT", Side::kBuy, 15, "210"), usd("-150"));  // 15 x (200 - 210)
  pos = p.position(sym("MSFT"));
  EXPECT_EQ(pos.qty, 0);
  EXPECT_EQ(pos.cost_basis, Money());
  EXPECT_EQ(pos.realized_pnl, usd("-100"));
  EXPECT_EQ(p.cash(), usd("99900"));
}

TEST_F(PortfolioTest, ShortAverageCostIsItsEntryPrice) {
  fill("AAPL", Side::kSell, 15, "110");
  fill("MSFT", Side::kSell, 3, "333.333333");
  fill("TSLA", Side::kSell, 3, "100");
  EXPECT_EQ(p.position(sym("AAPL")).avg_cost(), px("110"));
  EXPECT_EQ(p.position(sym("MSFT")).avg_cost(), px("333.333333"));
  EXPECT_EQ(p.position(sym("TSLA")).avg_cost(), px("100"));
  EXPECT_EQ(p.unrealized_pnl(m), Money()) << "unmarked shorts count at cost";
}

TEST_F(PortfolioTest, OneFillFlipsShortToLong) {
  fill("MSFT", Side::kSell, 10, "200");
  EXPECT_EQ(fill("MSFT", Side::kBuy, 30, "190"), usd("100"));
  Position pos = p.position(sym("MSFT"));
  EXPECT_EQ(pos.qty, 20);
  EXPECT_EQ(pos.cost_basis, usd("3800"));
}

TEST_F(PortfolioTest, FeesReduceCashAndAreTrackedButNotInRealizedPnl) {
  fill("AAPL", Side::kBuy, 10, "100", "1.25");
  EXPECT_EQ(p.cash(), usd("98998.75"));
  EXPECT_EQ(fill("AAPL", Side::kSell, 10, "101", "1.30"), usd("10"));
  EXPECT_EQ(p.cash(), usd("100007.45"));
  EXPECT_EQ(p.fees_paid(), usd("2.55"));
  EXPECT_EQ(p.realized_pnl(), usd("10"));
}

TEST_F(PortfolioTest, UnrealizedPnlUsesTheMarks) {
  fill("AAPL", Side::kBuy, 10, "100");
  fill("MSFT", Side::kSell, 5, "200");
  mark("AAPL", "103.5");
  mark("MSFT", "210");
  EXPECT_EQ(p.unrealized_pnl(m), usd("-15"));  // +35 long, -50 short
  EXPECT_EQ(p.market_value(m), usd("-15"));    // 1035 - 1050
  EXPECT_EQ(p.position(sym("AAPL")).unrealized_pnl(px("103.5")), usd("35"));
}

TEST_F(PortfolioTest, ASymbolWithoutAMarkCountsAtCost) {
  fill("TSLA", Side::kBuy, 4, "250");
  EXPECT_EQ(p.unrealized_pnl(m), Money());
  EXPECT_EQ(p.market_value(m), usd("1000"));
  EXPECT_EQ(p.equity(m), usd("100000"));
}

TEST_F(PortfolioTest, EquityIsCashPlusMarketValue) {
  fill("AAPL", Side::kBuy, 10, "100", "1");
  fill("MSFT", Side::kSell, 5, "200", "1");
  mark("AAPL", "110");
  mark("MSFT", "190");
  // cash 100000 - 1000 - 1 + 1000 - 1 = 99998; value 1100 - 950 = 150
  EXPECT_EQ(p.equity(m), usd("100148"));
}

TEST_F(PortfolioTest, GrossExposureAndShortValueAreMagnitudes) {
  fill("AAPL", Side::kBuy, 10, "100");
  fill("MSFT", Side::kSell, 5, "200");
  fill("TSLA", Side::kBuy, 2, "250");
  fill("TSLA", Side::kSell, 2, "260");  // flat again
  mark("AAPL", "110");
  mark("MSFT", "190");
  mark("TSLA", "300");
  EXPECT_EQ(p.gross_exposure(m), usd("2050"));  // 1100 + 950
  EXPECT_EQ(p.short_market_value(m), usd("950"));
}

TEST_F(PortfolioTest, DayPnlCountsFromTheStartOfTheDay) {
  fill("AAPL", Side::kBuy, 10, "100");
  mark("AAPL", "100");
  p.start_day(20'000, p.equity(m));
  EXPECT_EQ(p.day(), 20'000);
  EXPECT_EQ(p.day_start_equity(), usd("100000"));
  EXPECT_EQ(p.day_pnl(m), Money());
  mark("AAPL", "97");
  EXPECT_EQ(p.day_pnl(m), usd("-30"));
  fill("AAPL", Side::kSell, 10, "97", "2");
  EXPECT_EQ(p.day_pnl(m), usd("-32"));
  p.start_day(20'001, p.equity(m));
  EXPECT_EQ(p.day_pnl(m), Money());
}

TEST_F(PortfolioTest, DepositDuringTheDayIsNotDayProfit) {
  mark("AAPL", "100");
  p.start_day(20'000, p.equity(m));
  p.deposit(usd("5000"));
  EXPECT_EQ(p.day_pnl(m), Money());
}

TEST_F(PortfolioTest, ConservationHoldsAfterAMixOfFills) {
  fill("AAPL", Side::kBuy, 10, "100", "1");
  fill("AAPL", Side::kBuy, 7, "101.37", "0.35");
  fill("AAPL", Side::kSell, 3, "99.99", "0.5");
  fill("MSFT", Side::kSell, 11, "201.01", "1.11");
  fill("AAPL", Side::kSell, 20, "102.03", "0.77");  // flips to short 6
  fill("MSFT", Side::kBuy, 4, "198.333333", "0.01");
  fill("MSFT", Side::kBuy, 13, "197.5", "0");  // flips to long 6
  fill("AAPL", Side::kBuy, 6, "100.000001", "0.07");
  EXPECT_EQ(p.position(sym("AAPL")).qty, 0);
  EXPECT_EQ(p.position(sym("MSFT")).qty, 6);
  EXPECT_EQ(p.fees_paid(), usd("3.81"));
  EXPECT_EQ(conserved(), p.deposits());
  EXPECT_EQ(conserved(), usd("100000"));
}

TEST_F(PortfolioTest, ConservationHoldsWithProratedCostsThatRound) {
  fill("AAPL", Side::kBuy, 1, "100");
  fill("AAPL", Side::kBuy, 2, "100.01");  // cost 300.02 over 3 shares: 100.00666...
  for (int i = 0; i < 3; ++i) {
    fill("AAPL", Side::kSell, 1, "100.02", "0.01");
    EXPECT_EQ(conserved(), usd("100000")) << "after sell " << i + 1;
  }
  EXPECT_EQ(p.position(sym("AAPL")).cost_basis, Money()) << "the rounding remainder is realized on the last share";
  EXPECT_EQ(p.realized_pnl(), usd("0.04"));
}

TEST_F(PortfolioTest, AnUnheldSymbolIsAFlatPosition) {
  Position pos = p.position(sym("NVDA"));
  EXPECT_EQ(pos.symbol, sym("NVDA"));
  EXPECT_EQ(pos.qty, 0);
  EXPECT_EQ(pos.cost_basis, Money());
  EXPECT_TRUE(p.positions().empty());
}

// The engine refreshes its valuation per fill; a restart values the
// portfolio from scratch. A position closed and reopened must leave the two
// equal, totals and all.
TEST_F(PortfolioTest, ValuationKeptPerFillEqualsOneValuedFromScratch) {
  mark("AAPL", "100");
  mark("MSFT", "50");
  Valuation v = Valuation::of(p, m);
  auto trade = [&](const std::string& ticker, Side side, Quantity qty, const std::string& price) {
    fill(ticker, side, qty, price);
    v.refresh(sym(ticker), p, m);
  };
  trade("AAPL", Side::kBuy, 10, "100");
  trade("MSFT", Side::kSell, 4, "50");
  EXPECT_EQ(v.gross_exposure(), usd("1200"));
  EXPECT_EQ(v.short_market_value(), usd("200"));
  trade("AAPL", Side::kSell, 10, "101");  // flat
  EXPECT_EQ(v, Valuation::of(p, m));
  EXPECT_EQ(v.gross_exposure(), usd("200"));
  trade("AAPL", Side::kBuy, 3, "100");  // reopened
  mark("AAPL", "110");
  v.refresh(sym("AAPL"), p, m);
  EXPECT_EQ(v, Valuation::of(p, m));
  EXPECT_EQ(v.market_value(), usd("130"));  // 330 long, 200 short
  EXPECT_EQ(v.unrealized_pnl(), usd("30"));
  trade("MSFT", Side::kBuy, 4, "50");  // flat
  EXPECT_EQ(v, Valuation::of(p, m));
  EXPECT_NE(v, Valuation());
}

}  // namespace
}  // namespace stonks::testing
