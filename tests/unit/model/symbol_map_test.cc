// Tests for SymbolMap: it behaves as a std::map<Symbol, T> would (ticker
// order, lookups, insertions that keep what is there), whatever order the
// symbols arrive and leave in.
#include "model/symbol_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace stonks {
namespace {

Symbol sym(const std::string& text) { return Symbol::parse(text).value(); }

std::vector<std::string> tickers(const SymbolMap<int>& m) {
  std::vector<std::string> out;
  for (const auto& [s, v] : m) out.push_back(s.str());
  return out;
}

// A ticker per number: "A", "B", ..., "AA", ... and longer ones that differ
// only past their eighth character, where Symbol keeps its second word.
Symbol nth(int n) {
  std::string text;
  for (int k = n; text.empty() || k > 0; k /= 26) text.insert(text.begin(), static_cast<char>('A' + k % 26));
  if (n % 3 == 0) text = "LONGNAME" + std::to_string(n % 100);
  return sym(text);
}

TEST(SymbolMapTest, IteratesInTickerOrderWhateverTheInsertionOrder) {
  SymbolMap<int> m;
  for (const char* t : {"MSFT", "AAPL", "BRK.B", "ZZ", "A", "BRK.A"}) m[sym(t)] = 1;
  EXPECT_EQ(tickers(m), (std::vector<std::string>{"A", "AAPL", "BRK.A", "BRK.B", "MSFT", "ZZ"}));
}

TEST(SymbolMapTest, FindsWhatIsThereAndNothingElse) {
  SymbolMap<int> m;
  EXPECT_EQ(m.find(sym("AAPL")), m.end());
  EXPECT_FALSE(m.contains(sym("AAPL")));
  m[sym("AAPL")] = 7;
  m[sym("MSFT")] = 9;
  ASSERT_NE(m.find(sym("AAPL")), m.end());
  EXPECT_EQ(m.find(sym("AAPL"))->second, 7);
  EXPECT_EQ(m.find(sym("MSFT"))->second, 9);
  EXPECT_FALSE(m.contains(sym("AAP")));
  EXPECT_FALSE(m.contains(sym("AAPLX")));
  EXPECT_EQ(m.size(), 2u);
}

TEST(SymbolMapTest, EmplaceKeepsAnEntryThatIsThere) {
  SymbolMap<int> m;
  EXPECT_TRUE(m.emplace(sym("AAPL"), 1).second);
  auto [it, added] = m.emplace(sym("AAPL"), 2);
  EXPECT_FALSE(added);
  EXPECT_EQ(it->second, 1);
  EXPECT_FALSE(m.try_emplace(sym("AAPL"), 3).second);
  EXPECT_EQ(m[sym("AAPL")], 1);
}

TEST(SymbolMapTest, ClearingLeavesNothingToFind) {
  SymbolMap<int> m;
  for (const char* t : {"A", "B", "C", "D"}) m[sym(t)] = t[0];
  m.clear();
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(m.find(sym("A")), m.end());
  m[sym("B")] = 2;
  EXPECT_EQ(m.find(sym("B"))->second, 2);
  EXPECT_FALSE(m.contains(sym("A")));
}

TEST(SymbolMapTest, EqualMapsCompareEqualWhateverTheyHeldBefore) {
  SymbolMap<int> grown;
  for (int i = 0; i < 200; ++i) grown[nth(i)] = i;
  grown.clear();  // then the same two as `fresh`, added in the other order
  grown[nth(7)] = 7;
  grown[nth(3)] = 3;
  SymbolMap<int> fresh;
  fresh[nth(3)] = 3;
  fresh[nth(7)] = 7;
  EXPECT_EQ(grown, fresh);
  fresh.begin()->second += 1;
  EXPECT_NE(grown, fresh);
}

// Thousands of random insertions and updates, and now and then a clear,
// checked against a std::map: the same entries, in the same order, and
// every lookup (present or not) answered alike.
TEST(SymbolMapTest, MatchesAStdMapThroughRandomChurn) {
  std::mt19937 rng(20261203);
  std::uniform_int_distribution<int> pick(0, 2999);
  SymbolMap<int> m;
  std::map<Symbol, int> ref;
  for (int step = 0; step < 20000; ++step) {
    const Symbol s = nth(pick(rng));
    switch (rng() % 3) {
      case 0:
        m[s] = step;
        ref[s] = step;
        break;
      case 1:
        EXPECT_EQ(m.emplace(s, step).second, ref.emplace(s, step).second);
        break;
      case 2:
        if (rng() % 500 == 0) {
          m.clear();
          ref.clear();
        } else {
          EXPECT_EQ(m.try_emplace(s, step).second, ref.try_emplace(s, step).second);
        }
        break;
    }
    if (step % 1000 == 999) {
      ASSERT_EQ(m.size(), ref.size());
      auto it = m.begin();
      for (const auto& [key, value] : ref) {
        ASSERT_EQ(it->first, key);
        ASSERT_EQ(it->second, value);
        ++it;
      }
      for (int n = 0; n < 3000; ++n) {
        const Symbol probe = nth(n);
        auto found = m.find(probe);
        ASSERT_EQ(found != m.end(), ref.count(probe) == 1) << probe.str();
        if (found != m.end()) ASSERT_EQ(found->second, ref.at(probe)) << probe.str();
      }
    }
  }
}

}  // namespace
}  // namespace stonks
