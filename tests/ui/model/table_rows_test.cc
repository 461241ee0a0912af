// The blotter's and the book's rows: filters, sort keys, CSV, positions'
// P&L, and the fills kept across frames (today's, each ticker's).
#include <gtest/gtest.h>

#include "imgui_ui/model/book_rows.h"
#include "imgui_ui/model/csv.h"
#include "imgui_ui/model/order_rows.h"
#include "imgui_ui/model/ticker_fills.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

using namespace ui;
using namespace std::chrono;

TEST(Csv, QuotesOnlyWhatNeedsItAndDoublesQuotes) {
  EXPECT_EQ(csv_field("100.10"), "100.10");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field(" padded"), "\" padded\"");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_row({"1", "x,y", ""}), "1,\"x,y\",\r\n");
  EXPECT_EQ(tsv_row({"a\tb", "c\nd"}), "a b\tc d\n");
}

struct Blotter : ::testing::Test {
  Blotter() {
    e.set_quote("AAPL", "99.90", "100.10");
    e.set_quote("MSFT", "199.90", "200.10");
    e.submit(market("AAPL", Side::kBuy, 10));          // 1 filled
    e.submit(market("MSFT", Side::kBuy, 1000000000));  // 2 risk-rejected
    OrderIntent s = market("MSFT", Side::kBuy, 3);
    s.source = "strategy:sma";
    e.submit(s);                                        // 3 filled
    e.submit(limit("AAPL", Side::kSell, 5, "101.25"));  // 4 resting
  }
  const OrderTable& orders() { return e.engine.state().orders; }
  EngineHarness e;
};

TEST_F(Blotter, FiltersByStatusSideTickerSourceAndText) {
  auto ids = [&](OrderFilter f) { return select_orders(orders(), f, OrderSort{OrderColumn::kId, true}); };
  EXPECT_EQ(ids({}), (std::vector<OrderId>{1, 2, 3, 4}));
  EXPECT_EQ(ids({.status = OrderFilter::Status::kOpen}), (std::vector<OrderId>{4}));
  EXPECT_EQ(ids({.status = OrderFilter::Status::kOne, .one = OrderStatus::kRiskRejected}), (std::vector<OrderId>{2}));
  EXPECT_EQ(ids({.side = Side::kSell}), (std::vector<OrderId>{4}));
  EXPECT_EQ(ids({.ticker = "aapl"}), (std::vector<OrderId>{1, 4}));
  EXPECT_EQ(ids({.ticker = "AAP"}), (std::vector<OrderId>{}));  // a ticker filter is exact
  EXPECT_EQ(ids({.source = "SMA"}), (std::vector<OrderId>{3}));
  EXPECT_EQ(ids({.text = "101.25"}), (std::vector<OrderId>{4}));
  EXPECT_EQ(ids({.text = "max_order_notional"}), (std::vector<OrderId>{2}));  // a reason code, any case
}

TEST_F(Blotter, SortsByAColumnWithTiesByIdAndNewestFirstByDefault) {
  EXPECT_EQ(select_orders(orders(), {}, OrderSort{}), (std::vector<OrderId>{4, 3, 2, 1}));
  EXPECT_EQ(select_orders(orders(), {}, OrderSort{OrderColumn::kQty, true}), (std::vector<OrderId>{3, 4, 1, 2}));
  EXPECT_EQ(select_orders(orders(), {}, OrderSort{OrderColumn::kTicker, true}), (std::vector<OrderId>{1, 4, 2, 3}));
  EXPECT_EQ(select_orders(orders(), {}, OrderSort{OrderColumn::kTicker, false}), (std::vector<OrderId>{3, 2, 4, 1}));
}

TEST_F(Blotter, CellsCarryExactDecimals) {
  const std::vector<std::string> c = order_cells(orders().at(4));
  ASSERT_EQ(c.size(), order_headers().size());
  EXPECT_EQ(c[0], "4");
  EXPECT_EQ(c[2], "AAPL");
  EXPECT_EQ(c[3], "sell");
  EXPECT_EQ(c[6], "101.25");
  EXPECT_EQ(c[7], "submitted");
  EXPECT_EQ(order_cells(orders().at(1))[9], "100.10");  // filled at the ask
}

TEST_F(Blotter, PositionsCarryAverageCostPnlAndTotals) {
  e.set_quote("AAPL", "101.00", "101.20");  // marks 101.10; the resting sell at 101.25 still rests
  const PositionTable t = position_table(e.engine.state(), nullptr, e.now);
  ASSERT_EQ(t.rows.size(), 2u);
  const PositionRow& aapl = t.rows[0];
  EXPECT_EQ(aapl.symbol, sym("AAPL"));
  EXPECT_EQ(aapl.qty, 10);
  EXPECT_EQ(aapl.avg_cost, px("100.10"));
  EXPECT_EQ(aapl.last, px("101.10"));
  EXPECT_EQ(aapl.market_value, usd("1011.00"));
  EXPECT_EQ(aapl.unrealized, usd("10.00"));
  // Opened today: the day's P&L is its value less what it cost, fees included.
  const Money fees = e.engine.state().fills[0].fee;
  EXPECT_EQ(aapl.day_pnl, usd("10.00") - fees);
  EXPECT_EQ(t.market_value, aapl.market_value + t.rows[1].market_value);
  EXPECT_EQ(t.unrealized, aapl.unrealized + t.rows[1].unrealized);
  ASSERT_TRUE(t.day_pnl.has_value());
}

TEST_F(Blotter, FillsFilterByTickerAndText) {
  const Fill& f = e.engine.state().fills[0];
  EXPECT_TRUE(matches(f, FillFilter{"aapl", ""}));
  EXPECT_FALSE(matches(f, FillFilter{"MSFT", ""}));
  EXPECT_TRUE(matches(f, FillFilter{"", "100.10"}));
  EXPECT_FALSE(matches(f, FillFilter{"", "999"}));
  EXPECT_EQ(fill_cells(f)[5], "100.10");
}

TEST_F(Blotter, TodaysFillsFollowNewFillsAndStartOverOnANewDay) {
  const EngineState& s = e.engine.state();
  DayFills today;
  today.update(s.fills, e.now);
  ASSERT_NE(today.find(sym("AAPL")), nullptr);
  EXPECT_EQ(today.find(sym("AAPL"))->qty, 10);
  EXPECT_EQ(today.find(sym("AAPL"))->cash, -usd("1001.00") - s.fills[0].fee);
  EXPECT_EQ(today.find(sym("MSFT"))->qty, 3);
  e.submit(market("AAPL", Side::kSell, 4));  // a fill since: counted on the next update
  today.update(s.fills, e.now);
  EXPECT_EQ(today.find(sym("AAPL"))->qty, 6);
  // The kept count gives the same table as one counted afresh.
  const PositionTable kept = position_table(s, nullptr, e.now, today);
  const PositionTable fresh = position_table(s, nullptr, e.now);
  ASSERT_EQ(kept.rows.size(), fresh.rows.size());
  for (std::size_t i = 0; i < kept.rows.size(); ++i) EXPECT_EQ(kept.rows[i].day_pnl, fresh.rows[i].day_pnl);
  EXPECT_EQ(kept.day_pnl, fresh.day_pnl);
  // The next day none of them is today's.
  today.update(s.fills, e.now + hours(24));
  EXPECT_EQ(today.find(sym("AAPL")), nullptr);
  EXPECT_EQ(today.find(sym("MSFT")), nullptr);
}

TEST_F(Blotter, TickerFillsFindATickersFillsInATimeRange) {
  const EngineState& s = e.engine.state();
  TickerFills fills;
  fills.update(s.fills);
  const Timestamp all_from = Timestamp::min(), all_to = Timestamp::max();
  EXPECT_EQ(fills.between(s.fills, sym("AAPL"), all_from, all_to), (std::vector<std::size_t>{0}));
  EXPECT_EQ(fills.between(s.fills, sym("MSFT"), all_from, all_to), (std::vector<std::size_t>{1}));
  EXPECT_TRUE(fills.between(s.fills, sym("TSLA"), all_from, all_to).empty());
  e.advance(minutes(5));
  e.submit(market("AAPL", Side::kSell, 4));
  fills.update(s.fills);
  EXPECT_EQ(fills.between(s.fills, sym("AAPL"), all_from, all_to), (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(fills.between(s.fills, sym("AAPL"), e.now, all_to), (std::vector<std::size_t>{2}));    // from: at or after
  EXPECT_EQ(fills.between(s.fills, sym("AAPL"), all_from, e.now), (std::vector<std::size_t>{0}));  // to: before
  // Another engine's fills, fewer than before: indexed afresh.
  EngineHarness other;
  other.set_quote("MSFT", "199.90", "200.10");
  other.submit(market("MSFT", Side::kBuy, 1));
  fills.update(other.engine.state().fills);
  EXPECT_TRUE(fills.between(other.engine.state().fills, sym("AAPL"), all_from, all_to).empty());
  EXPECT_EQ(fills.between(other.engine.state().fills, sym("MSFT"), all_from, all_to), (std::vector<std::size_t>{0}));
}

}  // namespace
}  // namespace stonks::testing
