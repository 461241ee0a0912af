// trades_from_fills: position-based round trips, worked out by hand.
#include "backtest/report/trades.h"

#include <gtest/gtest.h>

#include "scripted_strategy.h"

namespace stonks::testing {
namespace {

Fill fill(const std::string& ticker, Side side, Quantity qty, const std::string& price, const std::string& fee,
          int day) {
  Fill f;
  f.symbol = sym(ticker);
  f.side = side;
  f.qty = qty;
  f.price = px(price);
  f.fee = usd(fee);
  f.at = day_end(day);
  return f;
}

TEST(TradesTest, ALongRoundTripCountsBothFeesInItsPnl) {
  // Buy 10 at 101 (fee 1), sell 10 at 104 (fee 1): 1040 - 1010 - 2 = 28.
  TradeList t =
      trades_from_fills({fill("IBM", Side::kBuy, 10, "101", "1", 3), fill("IBM", Side::kSell, 10, "104", "1", 5)});
  ASSERT_EQ(t.closed.size(), 1u);
  EXPECT_TRUE(t.open_symbols.empty());
  const Trade& a = t.closed[0];
  EXPECT_EQ(a.symbol, sym("IBM"));
  EXPECT_EQ(a.side, Side::kBuy);
  EXPECT_EQ(a.qty, 10);
  EXPECT_EQ(a.entry_at, day_end(3));
  EXPECT_EQ(a.entry_price, px("101"));
  EXPECT_EQ(a.exit_at, day_end(5));
  EXPECT_EQ(a.exit_price, px("104"));
  EXPECT_EQ(a.fees, usd("2"));
  EXPECT_EQ(a.pnl, usd("28"));
}

TEST(TradesTest, AShortProfitsWhenItBuysBackLower) {
  // Sell 5 at 50, buy 5 back at 45, no fees: 250 - 225 = 25.
  TradeList t =
      trades_from_fills({fill("IBM", Side::kSell, 5, "50", "0", 1), fill("IBM", Side::kBuy, 5, "45", "0", 2)});
  ASSERT_EQ(t.closed.size(), 1u);
  EXPECT_EQ(t.closed[0].side, Side::kSell);
  EXPECT_EQ(t.closed[0].pnl, usd("25"));
}

TEST(TradesTest, ScalingInAndOutAveragesPricesAndClosesOnlyAtZero) {
  // Buy 10 at 100 and 30 at 104: entry 40 shares, 4120 / 40 = 103.
  // Sell 20 at 110 then 20 at 106: exit 4320 / 40 = 108. P&L 4320 - 4120 = 200.
  TradeList t =
      trades_from_fills({fill("IBM", Side::kBuy, 10, "100", "0", 1), fill("IBM", Side::kBuy, 30, "104", "0", 2),
                         fill("IBM", Side::kSell, 20, "110", "0", 3), fill("IBM", Side::kSell, 20, "106", "0", 4)});
  ASSERT_EQ(t.closed.size(), 1u);
  const Trade& a = t.closed[0];
  EXPECT_EQ(a.qty, 40);
  EXPECT_EQ(a.entry_at, day_end(1));
  EXPECT_EQ(a.exit_at, day_end(4));
  EXPECT_EQ(a.entry_price, px("103"));
  EXPECT_EQ(a.exit_price, px("108"));
  EXPECT_EQ(a.pnl, usd("200"));
}

TEST(TradesTest, AFlipClosesOneTradeAndOpensTheNextSplittingItsFee) {
  // Long 10 at 100 (fee 1). Sell 30 at 90 with a fee of 3: 10 close the
  // long (fee 1), 20 open a short (fee 2). Long: 900 - 1000 - 2 = -102.
  // Buy 20 at 80 (fee 1) closes the short: 1800 - 1600 - 3 = 197.
  TradeList t =
      trades_from_fills({fill("IBM", Side::kBuy, 10, "100", "1", 1), fill("IBM", Side::kSell, 30, "90", "3", 2),
                         fill("IBM", Side::kBuy, 20, "80", "1", 3)});
  ASSERT_EQ(t.closed.size(), 2u);
  EXPECT_EQ(t.closed[0].side, Side::kBuy);
  EXPECT_EQ(t.closed[0].qty, 10);
  EXPECT_EQ(t.closed[0].exit_at, day_end(2));
  EXPECT_EQ(t.closed[0].fees, usd("2"));
  EXPECT_EQ(t.closed[0].pnl, usd("-102"));
  EXPECT_EQ(t.closed[1].side, Side::kSell);
  EXPECT_EQ(t.closed[1].qty, 20);
  EXPECT_EQ(t.closed[1].entry_at, day_end(2));
  EXPECT_EQ(t.closed[1].entry_price, px("90"));
  EXPECT_EQ(t.closed[1].exit_price, px("80"));
  EXPECT_EQ(t.closed[1].fees, usd("3"));
  EXPECT_EQ(t.closed[1].pnl, usd("197"));
}

TEST(TradesTest, AFlipsOddFeeRoundsHalfAwayFromZeroOnTheClosingPart) {
  // 1 of 2 shares closes: half of 0.000001 is 0.0000005 -> 0.000001 on the
  // close, nothing left for the opening part.
  TradeList t =
      trades_from_fills({fill("IBM", Side::kBuy, 1, "10", "0", 1), fill("IBM", Side::kSell, 2, "10", "0.000001", 2),
                         fill("IBM", Side::kBuy, 1, "10", "0", 3)});
  ASSERT_EQ(t.closed.size(), 2u);
  EXPECT_EQ(t.closed[0].fees, usd("0.000001"));
  EXPECT_EQ(t.closed[1].fees, Money());
}

TEST(TradesTest, SymbolsTradeIndependentlyAndOpenOnesAreCountedApart) {
  TradeList t =
      trades_from_fills({fill("IBM", Side::kBuy, 10, "100", "0", 1), fill("AAPL", Side::kBuy, 5, "200", "0", 1),
                         fill("IBM", Side::kSell, 10, "101", "0", 2), fill("MSFT", Side::kSell, 1, "300", "0", 2)});
  ASSERT_EQ(t.closed.size(), 1u);
  EXPECT_EQ(t.closed[0].symbol, sym("IBM"));
  EXPECT_EQ(t.closed[0].pnl, usd("10"));
  EXPECT_EQ(t.open_symbols, (std::vector<Symbol>{sym("AAPL"), sym("MSFT")}))
      << "AAPL long and MSFT short are still open";
}

}  // namespace
}  // namespace stonks::testing
