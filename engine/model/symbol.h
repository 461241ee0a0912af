// Symbol: a validated ticker such as "AAPL" or "BRK.B".
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/status.h"

namespace stonks {

class Symbol {
 public:
  static constexpr std::size_t kMaxLength = 10;

  Symbol() = default;
  // Accepts 1-10 characters: an uppercase letter, then uppercase letters,
  // digits, and single '.' or '-' separators not at the end ("BRK.B", "RDS-A").
  static Result<Symbol> parse(std::string_view text);

  std::string str() const;
  bool empty() const { return hi_ == 0; }
  bool operator==(const Symbol&) const = default;
  // Ordered like the text: the characters are packed big-endian and padded
  // with zeros, so comparing the words compares the strings.
  std::strong_ordering operator<=>(const Symbol& o) const {
    if (hi_ != o.hi_) return hi_ <=> o.hi_;
    return lo_ <=> o.lo_;
  }
  // Well mixed in every bit (SymbolMap keeps a table indexed by its low bits;
  // the packed words themselves end in zero padding for short tickers).
  std::uint64_t hash() const {
    std::uint64_t z = hi_ ^ (lo_ >> 48);          // lo_ holds characters 8-9 in its top two bytes
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;  // splitmix64's finalizer
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  // Held inline rather than as a std::string: symbols key every per-symbol
  // map the engine looks up on each order, and two word compares beat a
  // string compare there.
  std::uint64_t hi_ = 0;  // characters 0-7
  std::uint64_t lo_ = 0;  // characters 8-9
};

}  // namespace stonks
