// Tests for SimRandom: a fixed stream per seed, and the shape of each draw.
#include "sim/sim_random.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace stonks {
namespace {

TEST(SimRandom, SameSeedGivesTheSameStream) {
  SimRandom a(7), b(7), c(8);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const std::uint64_t x = a.next();
    EXPECT_EQ(x, b.next());
    differs |= x != c.next();
  }
  EXPECT_TRUE(differs);
}

// The same numbers in the native and the wasm build: this test runs in both.
TEST(SimRandom, Seed42GivesTheGoldenStream) {
  SimRandom r(42);
  std::vector<std::uint64_t> got;
  for (int i = 0; i < 4; ++i) got.push_back(r.next());
  EXPECT_EQ(got, (std::vector<std::uint64_t>{0x15780b2e0c2ec716ULL, 0x6104d9866d113a7eULL, 0xae17533239e499a1ULL,
                                             0xecb8ad4703b360a1ULL}));
  EXPECT_EQ(r.below(1000), 991u);
  EXPECT_EQ(r.gaussian_q16(), -4100);
  EXPECT_EQ(r.exponential_q32(), 5543418776u);
}

TEST(SimRandom, ResumesFromItsState) {
  SimRandom a(3);
  for (int i = 0; i < 10; ++i) a.next();
  std::optional<SimRandom> b = SimRandom::from_state(a.state());
  ASSERT_TRUE(b.has_value());
  for (int i = 0; i < 10; ++i) EXPECT_EQ(a.next(), b->next());
}

TEST(SimRandom, RefusesTheAllZeroState) { EXPECT_FALSE(SimRandom::from_state(SimRandom::State{}).has_value()); }

TEST(SimRandom, BelowStaysInRangeAndCoversItEvenly) {
  SimRandom r(1);
  std::vector<int> counts(10, 0);
  for (int i = 0; i < 100'000; ++i) {
    const std::uint64_t x = r.below(10);
    ASSERT_LT(x, 10u);
    ++counts[x];
  }
  for (int c : counts) EXPECT_NEAR(c, 10'000, 500);
  for (int i = 0; i < 1000; ++i) {
    const std::int64_t x = r.between(-3, 3);
    ASSERT_GE(x, -3);
    ASSERT_LE(x, 3);
  }
}

TEST(SimRandom, GaussianHasMeanZeroAndUnitSpread) {
  SimRandom r(2);
  const int n = 200'000;
  double sum = 0, sum_sq = 0;
  int beyond_two_sd = 0;
  for (int i = 0; i < n; ++i) {
    const double z = static_cast<double>(r.gaussian_q16()) / 65536.0;
    sum += z;
    sum_sq += z * z;
    beyond_two_sd += z > 2 || z < -2;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.01);
  EXPECT_NEAR(sum_sq / n, 1.0, 0.02);
  EXPECT_NEAR(static_cast<double>(beyond_two_sd) / n, 0.0455, 0.004);  // a normal's two-sided 2-sd tail
}

TEST(SimRandom, ExponentialHasMeanOneAndTheRightTail) {
  SimRandom r(3);
  const int n = 200'000;
  double sum = 0;
  int above_one = 0;
  for (int i = 0; i < n; ++i) {
    const double e = static_cast<double>(r.exponential_q32()) / 4294967296.0;
    sum += e;
    above_one += e > 1.0;
  }
  EXPECT_NEAR(sum / n, 1.0, 0.01);
  EXPECT_NEAR(static_cast<double>(above_one) / n, 0.3679, 0.004);  // P(E > 1) = 1/e
}

}  // namespace
}  // namespace stonks
