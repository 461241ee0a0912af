// Wide integers for the strategies' exact arithmetic: 128-bit sums and
// products, and a 256-bit product for comparing squares that outgrow those.
// Integers only, so a native and a wasm build compute the same bits.
#pragma once

#include <compare>
#include <cstdint>

namespace stonks {

// __extension__ because ISO C++ has no such types (g++ and clang both do).
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// An unsigned 256-bit value as two halves; ordered like the number.
struct UInt256 {
  UInt128 hi = 0;
  UInt128 lo = 0;
  auto operator<=>(const UInt256&) const = default;
};

// a * b, exactly.
inline UInt256 wide_multiply(UInt128 a, UInt128 b) {
  constexpr UInt128 kLow64 = ~std::uint64_t{0};
  const UInt128 a0 = a & kLow64, a1 = a >> 64, b0 = b & kLow64, b1 = b >> 64;
  const UInt128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  // The middle column: three terms below 2^64 each, so no overflow.
  const UInt128 mid = (p00 >> 64) + (p01 & kLow64) + (p10 & kLow64);
  return UInt256{p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64), (mid << 64) | (p00 & kLow64)};
}

}  // namespace stonks
