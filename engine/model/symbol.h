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

 private:
  // Held inline rather than as a std::string: symbols key every per-symbol
  // map the engine looks up on each order, and two word compares beat a
  // string compare there.
  std::uint64_t hi_ = 0;  // characters 0-7
  std::uint64_t lo_ = 0;  // characters 8-9
};

}  // namespace stonks
