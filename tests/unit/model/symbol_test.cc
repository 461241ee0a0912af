// Tests for Symbol: which tickers parse and which are refused.
#include "model/symbol.h"

#include <gtest/gtest.h>

namespace stonks {
namespace {

TEST(SymbolTest, AcceptsOrdinaryTickers) {
  for (const char* text : {"AAPL", "BRK.B", "RDS-A", "X", "A1", "ABCDEFGHIJ"}) {
    Result<Symbol> s = Symbol::parse(text);
    ASSERT_TRUE(s.is_ok()) << text << ": " << s.status().to_string();
    EXPECT_EQ(s->str(), text);
  }
}

TEST(SymbolTest, RefusesMalformedTickersNamingTheTickerField) {
  for (const char* text : {"", "aapl", "Aapl", "TOOLONGSYMBOL1", "ABCDEFGHIJK", "A..B", "A.-B", "A.", "A-", ".A",
                           "1ABC", "AA PL", "AAPL ", "A$"}) {
    Result<Symbol> s = Symbol::parse(text);
    EXPECT_FALSE(s.is_ok()) << "'" << text << "' was accepted";
    if (!s.is_ok()) {
      EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
      EXPECT_EQ(s.status().field(), "ticker");
    }
  }
}

TEST(SymbolTest, DefaultSymbolIsEmptyAndSymbolsOrderByText) {
  EXPECT_TRUE(Symbol().empty());
  EXPECT_LT(Symbol::parse("AAPL").value(), Symbol::parse("MSFT").value());
  EXPECT_EQ(Symbol::parse("AAPL").value(), Symbol::parse("AAPL").value());
}

}  // namespace
}  // namespace stonks
