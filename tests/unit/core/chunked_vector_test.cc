#include "core/chunked_vector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace stonks {
namespace {

TEST(ChunkedVector, KeepsElementsInOrderAcrossChunks) {
  ChunkedVector<std::string> v;
  const std::size_t n = 3 * ChunkedVector<std::string>::kChunk + 5;
  for (std::size_t i = 0; i < n; ++i) v.push_back("s" + std::to_string(i));
  ASSERT_EQ(v.size(), n);
  for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(v[i], "s" + std::to_string(i));
  EXPECT_EQ(*v.begin(), "s0");
  EXPECT_EQ(v.back(), "s" + std::to_string(n - 1));
  EXPECT_EQ(static_cast<std::size_t>(std::distance(v.begin(), v.end())), n);
  EXPECT_EQ(*(v.begin() + static_cast<std::ptrdiff_t>(n - 1)), v.back());
  EXPECT_THROW(v.at(n), std::out_of_range);
}

TEST(ChunkedVector, ElementsNeverMoveWhenMoreAreAdded) {
  ChunkedVector<int> v;
  v.push_back(7);
  const int* first = &v[0];
  for (int i = 0; i < 5 * static_cast<int>(ChunkedVector<int>::kChunk); ++i) v.push_back(i);
  EXPECT_EQ(first, &v[0]);
  EXPECT_EQ(*first, 7);
}

TEST(ChunkedVector, CopiesCompareEqualAndAreIndependent) {
  ChunkedVector<std::string> a{"x", "y", "z"};
  ChunkedVector<std::string> b = a;
  EXPECT_EQ(a, b);
  b.push_back("w");
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 3u);
  ChunkedVector<std::string> c = std::move(b);
  EXPECT_EQ(c.size(), 4u);
  EXPECT_EQ(c.back(), "w");
  a = c;
  EXPECT_EQ(a, c);
}

TEST(ChunkedVector, DestroysEveryElement) {
  auto counter = std::make_shared<int>(0);
  {
    ChunkedVector<std::shared_ptr<int>> v;
    for (std::size_t i = 0; i < 2 * ChunkedVector<std::shared_ptr<int>>::kChunk + 1; ++i) v.push_back(counter);
    EXPECT_GT(counter.use_count(), 1);
  }
  EXPECT_EQ(counter.use_count(), 1);
}

TEST(ChunkedVector, WorksWithStandardAlgorithms) {
  ChunkedVector<int> v;
  for (int i = 0; i < 1000; ++i) v.push_back(i * 2);
  auto it = std::lower_bound(v.begin(), v.end(), 501);
  ASSERT_NE(it, v.end());
  EXPECT_EQ(*it, 502);
  EXPECT_EQ(it - v.begin(), 251);
}

}  // namespace
}  // namespace stonks
