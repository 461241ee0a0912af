#include "sim/sim_random.h"

namespace stonks {
namespace {

// A 128-bit intermediate keeps the product exact; __extension__ because ISO
// C++ has no such type (g++ and clang both do).
__extension__ typedef unsigned __int128 UInt128;

constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

std::uint64_t splitmix64(std::uint64_t x) {
  std::uint64_t z = x + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

SimRandom::SimRandom(std::uint64_t seed) {
  // Consecutive splitmix64 outputs, as xoshiro's authors recommend; they are
  // never all zero.
  std::uint64_t x = seed;
  for (std::uint64_t& word : s_) {
    word = splitmix64(x);
    x += 0x9e3779b97f4a7c15ULL;
  }
}

std::optional<SimRandom> SimRandom::from_state(const State& state) {
  if (state == State{}) return std::nullopt;
  SimRandom r;
  r.s_ = state;
  return r;
}

std::uint64_t SimRandom::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

std::uint64_t SimRandom::below(std::uint64_t n) {
  UInt128 m = static_cast<UInt128>(next()) * n;
  std::uint64_t low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<UInt128>(next()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

std::int64_t SimRandom::between(std::int64_t lo, std::int64_t hi) {
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  if (span == UINT64_MAX) return static_cast<std::int64_t>(next());
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + below(span + 1));
}

std::int64_t SimRandom::gaussian_q16() {
  // Twelve uniforms of 16 bits, four from each of three draws. Their sum has
  // mean 12 * 32767.5 and variance 12 * (65536^2 - 1) / 12 ~ 65536^2.
  std::int64_t sum = 0;
  for (int i = 0; i < 3; ++i) {
    std::uint64_t bits = next();
    for (int j = 0; j < 4; ++j) {
      sum += static_cast<std::int64_t>(bits & 0xffff);
      bits >>= 16;
    }
  }
  return sum - 393'210;
}

std::uint64_t SimRandom::exponential_q32() {
  // von Neumann (1951), as in Knuth 3.4.1: draw u1 > u2 > ... > un <= u(n+1);
  // when the descending run n is odd, k + u1 is Exp(1); otherwise k += 1 and
  // try again. Uniforms are 32-bit fractions.
  std::uint64_t k = 0;
  while (true) {
    const std::uint64_t first = next() >> 32;
    std::uint64_t u = first;
    int run = 1;
    while (true) {
      const std::uint64_t v = next() >> 32;
      if (v >= u) break;
      u = v;
      ++run;
    }
    if (run % 2 == 1) return (k << 32) + first;
    ++k;
  }
}

}  // namespace stonks
