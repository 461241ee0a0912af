// Tests for IdMap: it behaves as a std::map<uint64_t, T> would (id order,
// lookups, paging), whether the ids arrive dense and in order, as the
// engine hands them out, or with gaps and out of order, as a restore or a
// test may add them.
#include "model/id_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace stonks {
namespace {

std::vector<std::uint64_t> ids(const IdMap<std::string>& m) {
  std::vector<std::uint64_t> out;
  for (const auto& [id, v] : m) out.push_back(id);
  return out;
}

TEST(IdMapTest, KeepsIdOrderWhateverTheInsertionOrder) {
  IdMap<std::string> m;
  for (std::uint64_t id : {3, 1, 7, 2}) m.insert_or_assign(id, "r" + std::to_string(id));
  EXPECT_EQ(ids(m), (std::vector<std::uint64_t>{1, 2, 3, 7}));
  ASSERT_NE(m.find(7), m.end());
  EXPECT_EQ(m.find(7)->second, "r7");
  EXPECT_EQ(m.find(4), m.end()) << "a gap";
  EXPECT_EQ(m.find(0), m.end());
  EXPECT_EQ(m.find(8), m.end());
}

TEST(IdMapTest, AssigningAnExistingIdReplacesItsRowOnly) {
  IdMap<std::string> m;
  m.insert_or_assign(1, "a");
  m.insert_or_assign(2, "b");
  m.insert_or_assign(1, "decided");
  EXPECT_EQ(m.size(), 2u);
  EXPECT_EQ(m.find(1)->second, "decided");
  EXPECT_EQ(m.find(2)->second, "b");
}

TEST(IdMapTest, UpperBoundPagesLikeAMap) {
  IdMap<std::string> m;
  for (std::uint64_t id : {2, 4, 6}) m.insert_or_assign(id, "");
  EXPECT_EQ(m.upper_bound(0)->first, 2u);
  EXPECT_EQ(m.upper_bound(2)->first, 4u);
  EXPECT_EQ(m.upper_bound(3)->first, 4u);
  EXPECT_EQ(m.upper_bound(6), m.end());
}

// Thousands of random insertions and updates, mostly the next id (as the
// engine adds), sometimes an old or a far one, checked against a std::map.
TEST(IdMapTest, AgreesWithAStdMapOverRandomInsertions) {
  std::mt19937_64 rng(20261203);
  IdMap<std::string> m;
  std::map<std::uint64_t, std::string> expected;
  std::uint64_t next = 1;
  for (int step = 0; step < 20000; ++step) {
    const std::uint64_t pick = rng() % 10;
    const std::uint64_t id = pick < 7 ? next++ : pick < 9 ? 1 + rng() % next : next + rng() % 50;
    const std::string value = std::to_string(step);
    m.insert_or_assign(id, value);
    expected.insert_or_assign(id, value);
    const std::uint64_t probe = rng() % (next + 60);
    auto got = m.find(probe);
    auto want = expected.find(probe);
    ASSERT_EQ(got == m.end(), want == expected.end()) << "id " << probe << " at step " << step;
    if (want != expected.end()) ASSERT_EQ(got->second, want->second);
  }
  ASSERT_EQ(m.size(), expected.size());
  auto want = expected.begin();
  for (const auto& [id, value] : m) {
    ASSERT_EQ(id, want->first);
    ASSERT_EQ(value, want->second);
    ++want;
  }
}

}  // namespace
}  // namespace stonks
