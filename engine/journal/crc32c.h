// CRC-32C (Castagnoli), with LevelDB's masking for stored checksums.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace stonks::crc32c {

// Returns the CRC-32C of data[0, n) continuing a stream whose CRC so far is
// `crc`: extend(value(a), b) == value(a + b). extend(0, ...) starts a stream.
// Pure; safe from any thread.
uint32_t extend(uint32_t crc, const char* data, size_t n);

// Returns the CRC-32C of data[0, n).
inline uint32_t value(const char* data, size_t n) { return extend(0, data, n); }
inline uint32_t value(std::string_view data) { return extend(0, data.data(), data.size()); }

inline constexpr uint32_t kMaskDelta = 0xa282ead8u;

// Returns a masked form of `crc` for storing. The CRC of a string that embeds
// its own CRC (or other CRCs) is badly behaved; a rotated-and-offset value is
// not. unmask(mask(c)) == c.
inline constexpr uint32_t mask(uint32_t crc) { return ((crc >> 15) | (crc << 17)) + kMaskDelta; }

// Returns the CRC that `masked_crc` (a value from mask()) stands for.
inline constexpr uint32_t unmask(uint32_t masked_crc) {
  uint32_t rot = masked_crc - kMaskDelta;
  return (rot >> 17) | (rot << 15);
}

}  // namespace stonks::crc32c
