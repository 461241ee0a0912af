#include "model/symbol.h"

namespace stonks {

Result<Symbol> Symbol::parse(std::string_view text) {
  auto bad = [&](const std::string& why) {
    return Status::invalid_argument("invalid ticker '" + std::string(text.substr(0, 20)) + "': " + why, "ticker");
  };
  if (text.empty()) return bad("empty");
  if (text.size() > kMaxLength) return bad("longer than 10 characters");
  if (text[0] < 'A' || text[0] > 'Z') return bad("must start with an uppercase letter");
  char prev = text[0];
  for (char c : text.substr(1)) {
    bool upper = c >= 'A' && c <= 'Z';
    bool digit = c >= '0' && c <= '9';
    bool sep = c == '.' || c == '-';
    if (!upper && !digit && !sep) return bad("only A-Z, 0-9, '.' and '-' allowed");
    if (sep && (prev == '.' || prev == '-')) return bad("separators must not repeat");
    prev = c;
  }
  if (prev == '.' || prev == '-') return bad("must not end with a separator");
  Symbol sym;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::uint64_t& word = i < 8 ? sym.hi_ : sym.lo_;
    word |= static_cast<std::uint64_t>(static_cast<unsigned char>(text[i])) << (8 * (7 - i % 8));
  }
  return sym;
}

std::string Symbol::str() const {
  std::string out;
  for (std::size_t i = 0; i < kMaxLength; ++i) {
    const std::uint64_t word = i < 8 ? hi_ : lo_;
    const char c = static_cast<char>((word >> (8 * (7 - i % 8))) & 0xff);
    if (c == '\0') break;
    out.push_back(c);
  }
  return out;
}

}  // namespace stonks
