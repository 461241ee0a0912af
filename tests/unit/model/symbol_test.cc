// Tests for Symbol: which tickers parse and which are refused.
#include "model/symbol.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// Positions, quotes and lockouts are listed in symbol order: it must be the
// text's order for every length, prefixes and separators included.
TEST(SymbolTest, OrderAndTextMatchTheTickerAtEveryLength) {
  const std::vector<std::string> tickers = {"A",         "AA",         "AAPL",       "AB",        "B",
                                            "BRK-B",     "BRK.A",      "BRK.B",      "Z9",        "ABCDEFGH",
                                            "ABCDEFGHI", "ABCDEFGHIJ", "ABCDEFGHIZ", "ABCDEFGHZ", "ABCDEFGI"};
  std::vector<Symbol> symbols;
  for (const std::string& t : tickers) {
    symbols.push_back(Symbol::parse(t).value());
    EXPECT_EQ(symbols.back().str(), t);
  }
  for (std::size_t i = 0; i < tickers.size(); ++i) {
    for (std::size_t j = 0; j < tickers.size(); ++j) {
      EXPECT_EQ(symbols[i] < symbols[j], tickers[i] < tickers[j]) << tickers[i] << " vs " << tickers[j];
      EXPECT_EQ(symbols[i] == symbols[j], i == j) << tickers[i] << " vs " << tickers[j];
    }
  }
}

}  // namespace
}  // namespace stonks
