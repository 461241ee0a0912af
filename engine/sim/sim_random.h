// SimRandom: the simulator's own random numbers (xoshiro256**, seeded through
// splitmix64), with integer-only draws so native and wasm builds agree bit
// for bit.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

namespace stonks {

// Why not <random>: its distributions are implementation-defined (libstdc++
// and libc++ give different numbers for the same engine), and the usual
// float recipes (Box-Muller, -log(u)) need libm functions whose last bits
// differ between glibc and musl. Every draw here is integer arithmetic.
class SimRandom {
 public:
  using State = std::array<std::uint64_t, 4>;

  // The same seed always gives the same stream, on every build.
  explicit SimRandom(std::uint64_t seed);
  // A stream resumed from state(); nullopt for the all-zero state, which
  // xoshiro can never leave (and never reaches from a seed).
  static std::optional<SimRandom> from_state(const State& state);

  const State& state() const { return s_; }

  std::uint64_t next();
  // Uniform in [0, n); n must be > 0. Lemire's multiply with rejection: no bias.
  std::uint64_t below(std::uint64_t n);
  // Uniform in [lo, hi], lo <= hi.
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  // A standard normal scaled by 2^16 (Irwin-Hall: twelve 16-bit uniforms),
  // mean exactly 0, standard deviation 65536, within +-6 sd.
  std::int64_t gaussian_q16();
  // An Exp(1) variate scaled by 2^32, by von Neumann's comparison method
  // (uniforms and comparisons only, no logarithm). Mean 2^32.
  std::uint64_t exponential_q32();

 private:
  SimRandom() = default;
  State s_{};
};

// splitmix64's output for `x`: how seeds are expanded, and how independent
// streams are derived from one seed (seed ^ a per-stream constant).
std::uint64_t splitmix64(std::uint64_t x);

}  // namespace stonks
