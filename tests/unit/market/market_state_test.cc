// MarketState: latest quote, the mark (quote mid or bar close) and the short
// price history the price-shock guard reads.
#include "market/market_state.h"

#include <gtest/gtest.h>

#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

Quote quote_at(const std::string& ticker, const std::string& bid, const std::string& ask, Timestamp at) {
  Quote q = quote(ticker, bid, ask);
  q.at = at;
  return q;
}

Bar bar_at(const std::string& ticker, const std::string& close, Timestamp at) {
  Bar b;
  b.symbol = sym(ticker);
  b.open = b.high = b.low = b.close = px(close);
  b.at = at;
  return b;
}

TEST(MarketState, AnUnseenSymbolHasNoQuoteAndNoMark) {
  MarketState m;
  EXPECT_EQ(m.quote(sym("AAPL")), nullptr);
  EXPECT_EQ(m.last_price(sym("AAPL")), std::nullopt);
  EXPECT_TRUE(m.history_since(sym("AAPL"), test_epoch()).empty());
}

TEST(MarketState, TheMarkIsTheQuoteMid) {
  MarketState m;
  m.apply_quote(quote_at("AAPL", "99.90", "100.11", test_epoch()));
  ASSERT_NE(m.quote(sym("AAPL")), nullptr);
  EXPECT_EQ(m.quote(sym("AAPL"))->ask, px("100.11"));
  EXPECT_EQ(m.last_price(sym("AAPL")), px("100.005"));
}

TEST(MarketState, ABarCloseMovesTheMarkButLeavesTheQuote) {
  MarketState m;
  const Timestamp t0 = test_epoch();
  m.apply_quote(quote_at("AAPL", "99.90", "100.10", t0));
  m.apply_bar(bar_at("AAPL", "101.25", t0 + seconds(60)));
  EXPECT_EQ(m.last_price(sym("AAPL")), px("101.25"));
  EXPECT_EQ(m.quote(sym("AAPL"))->bid, px("99.90"));
}

TEST(MarketState, HistorySinceIncludesThePointAtTheCutoff) {
  MarketState m;
  const Timestamp t0 = test_epoch();
  m.apply_quote(quote_at("AAPL", "100", "100", t0));
  m.apply_quote(quote_at("AAPL", "101", "101", t0 + seconds(30)));
  m.apply_quote(quote_at("AAPL", "102", "102", t0 + seconds(60)));
  auto h = m.history_since(sym("AAPL"), t0 + seconds(30));
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0], std::make_pair(t0 + seconds(30), px("101")));
  EXPECT_EQ(h[1], std::make_pair(t0 + seconds(60), px("102")));
  EXPECT_TRUE(m.history_since(sym("MSFT"), t0).empty());
}

TEST(MarketState, HistoryKeepsOneHourAndDropsOlderPoints) {
  MarketState m;
  const Timestamp t0 = test_epoch();
  m.apply_quote(quote_at("AAPL", "100", "100", t0));
  m.apply_quote(quote_at("AAPL", "101", "101", t0 + minutes(60)));
  EXPECT_EQ(m.history_since(sym("AAPL"), t0 - minutes(1)).size(), 2u) << "exactly one hour old is kept";
  m.apply_quote(quote_at("AAPL", "102", "102", t0 + minutes(60) + seconds(1)));
  auto h = m.history_since(sym("AAPL"), t0 - minutes(1));
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].second, px("101"));
}

TEST(MarketState, SymbolsAreKeptApartAndListedInOrder) {
  MarketState m;
  m.apply_quote(quote_at("MSFT", "200", "200.20", test_epoch()));
  m.apply_quote(quote_at("AAPL", "100", "100.20", test_epoch()));
  ASSERT_EQ(m.quotes().size(), 2u);
  EXPECT_EQ(m.quotes().begin()->first, sym("AAPL"));
  EXPECT_EQ(m.last_price(sym("MSFT")), px("200.10"));
  EXPECT_EQ(m.last_price(sym("AAPL")), px("100.10"));
}

}  // namespace
}  // namespace stonks::testing
