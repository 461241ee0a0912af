#include "model/fixed_point.h"

#include <cstdlib>
#include <limits>

namespace stonks {
namespace fixed_point {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Result<std::int64_t> parse_micros(std::string_view text) {
  auto bad = [&](const char* why) {
    return Status::invalid_argument(std::string("not a decimal amount (") + why + "): '" +
                                    std::string(text.substr(0, 40)) + "'");
  };
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  // Collect the digits of the mantissa without the point; remember where it was.
  std::string digits;
  int frac_digits = 0;
  bool seen_point = false;
  std::size_t int_digits = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (is_digit(c)) {
      digits.push_back(c);
      if (seen_point)
        ++frac_digits;
      else
        ++int_digits;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (int_digits == 0) return bad("no digits before the point");
  if (seen_point && frac_digits == 0) return bad("no digits after the point");
  long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) exp_negative = text[i++] == '-';
    std::size_t start = i;
    for (; i < text.size() && is_digit(text[i]); ++i) {
      if (exponent > 1000) return bad("exponent out of range");
      exponent = exponent * 10 + (text[i] - '0');
    }
    if (i == start) return bad("empty exponent");
    if (exp_negative) exponent = -exponent;
  }
  if (i != text.size()) return bad("unexpected character");

  // value = digits * 10^(exponent - frac_digits); we need digits * 10^(shift) micros.
  long shift = exponent - frac_digits + kDecimals;
  // Drop trailing zeros that a negative shift would divide away.
  while (shift < 0 && !digits.empty() && digits.back() == '0') {
    digits.pop_back();
    ++shift;
  }
  if (shift < 0) return bad("more than 6 decimal places");
  // Strip leading zeros so the length test below is meaningful.
  std::size_t nz = digits.find_first_not_of('0');
  if (nz == std::string::npos) return std::int64_t{0};
  digits.erase(0, nz);
  if (static_cast<long>(digits.size()) + shift > 19) return bad("out of range");
  // Accumulate as a negative number so INT64_MIN is reachable.
  std::int64_t acc = 0;
  for (char c : digits) {
    if (__builtin_mul_overflow(acc, 10, &acc) || __builtin_sub_overflow(acc, c - '0', &acc)) return bad("out of range");
  }
  for (long s = 0; s < shift; ++s) {
    if (__builtin_mul_overflow(acc, 10, &acc)) return bad("out of range");
  }
  if (!negative) {
    if (acc == std::numeric_limits<std::int64_t>::min()) return bad("out of range");
    acc = -acc;
  }
  return acc;
}

std::string format_micros(std::int64_t micros) {
  // Work in unsigned so INT64_MIN prints correctly.
  bool negative = micros < 0;
  std::uint64_t mag = negative ? ~static_cast<std::uint64_t>(micros) + 1 : static_cast<std::uint64_t>(micros);
  std::uint64_t units = mag / kScale;
  std::uint64_t frac = mag % kScale;
  std::string frac_text = std::to_string(frac);
  frac_text.insert(0, kDecimals - frac_text.size(), '0');
  while (frac_text.size() > 2 && frac_text.back() == '0') frac_text.pop_back();
  std::string out = negative ? "-" : "";
  out += std::to_string(units);
  out += '.';
  out += frac_text;
  return out;
}

}  // namespace fixed_point

namespace {

constexpr std::int64_t kBpsScale = 10'000;

}  // namespace

std::int64_t mul_div_round(std::int64_t a, std::int64_t b, std::int64_t d) {
  __int128 p = static_cast<__int128>(a) * b;
  __int128 dd = d;
  if (dd < 0) p = -p, dd = -dd;
  __int128 q = p / dd;
  __int128 r = p % dd;
  if (2 * (r < 0 ? -r : r) >= dd) q += (p < 0) ? -1 : 1;
  if (q > std::numeric_limits<std::int64_t>::max()) return std::numeric_limits<std::int64_t>::max();
  if (q < std::numeric_limits<std::int64_t>::min()) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(q);
}

std::optional<Money> checked_notional(Price price, Quantity qty) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(price.micros(), qty, &out)) return std::nullopt;
  return Money::from_micros(out);
}

Money saturating_notional(Price price, Quantity qty) {
  std::optional<Money> n = checked_notional(price, qty);
  if (n) return *n;
  bool negative = (price.micros() < 0) != (qty < 0);
  return Money::from_micros(negative ? std::numeric_limits<std::int64_t>::min()
                                     : std::numeric_limits<std::int64_t>::max());
}

Price apply_bps(Price price, std::int64_t bps) {
  return Price::from_micros(mul_div_round(price.micros(), kBpsScale + bps, kBpsScale));
}

Money bps_of(Money value, std::int64_t bps) {
  return Money::from_micros(mul_div_round(value.micros(), bps, kBpsScale));
}

Price average_price(Money total, Quantity qty) { return Price::from_micros(mul_div_round(total.micros(), 1, qty)); }

}  // namespace stonks
