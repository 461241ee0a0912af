// Symbol: a validated ticker such as "AAPL" or "BRK.B".
#pragma once

#include <compare>
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

  const std::string& str() const { return text_; }
  bool empty() const { return text_.empty(); }
  bool operator==(const Symbol&) const = default;
  // Spelled out: libc++ 14's std::string has no operator<=> to default to.
  std::strong_ordering operator<=>(const Symbol& o) const { return text_.compare(o.text_) <=> 0; }

 private:
  explicit Symbol(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

}  // namespace stonks
