// Price and Money: exact decimal amounts held as int64 micro-units.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/status.h"

namespace stonks {

// Whole shares. Positive for orders; signed for positions (short < 0).
using Quantity = std::int64_t;

namespace fixed_point {
inline constexpr int kDecimals = 6;
inline constexpr std::int64_t kScale = 1'000'000;

// Parses a plain decimal ("12", "-0.25", "1.5e2") into micro-units. Refuses
// NaN/Infinity, empty input, stray characters, more than six decimals after
// the exponent is applied, and anything outside int64 micro-units.
Result<std::int64_t> parse_micros(std::string_view text);

// Exact decimal text, trailing zeros trimmed but at least two decimals:
// 1500000 -> "1.50", 1 -> "0.000001", -2000000 -> "-2.00".
std::string format_micros(std::int64_t micros);
}  // namespace fixed_point

// A fixed-point decimal; Tag keeps prices and money from mixing by accident.
template <class Tag>
class Fixed {
 public:
  constexpr Fixed() = default;
  static constexpr Fixed from_micros(std::int64_t micros) { return Fixed(micros); }
  static constexpr Fixed from_units(std::int64_t units) { return Fixed(units * fixed_point::kScale); }
  static Result<Fixed> parse(std::string_view text) {
    Result<std::int64_t> m = fixed_point::parse_micros(text);
    if (!m.is_ok()) return m.status();
    return Fixed(*m);
  }

  constexpr std::int64_t micros() const { return micros_; }
  std::string to_string() const { return fixed_point::format_micros(micros_); }

  constexpr auto operator<=>(const Fixed&) const = default;
  constexpr Fixed operator+(Fixed o) const { return Fixed(micros_ + o.micros_); }
  constexpr Fixed operator-(Fixed o) const { return Fixed(micros_ - o.micros_); }
  constexpr Fixed operator-() const { return Fixed(-micros_); }
  constexpr Fixed& operator+=(Fixed o) {
    micros_ += o.micros_;
    return *this;
  }
  constexpr Fixed& operator-=(Fixed o) {
    micros_ -= o.micros_;
    return *this;
  }

 private:
  constexpr explicit Fixed(std::int64_t micros) : micros_(micros) {}
  std::int64_t micros_ = 0;
};

struct PriceTag {};
struct MoneyTag {};
using Price = Fixed<PriceTag>;
using Money = Fixed<MoneyTag>;

// price * qty, or nullopt when the product leaves int64 micro-units.
std::optional<Money> checked_notional(Price price, Quantity qty);

// price * qty, saturating at the int64 limits; for risk comparisons where an
// overflowing notional must simply compare as "too big".
Money saturating_notional(Price price, Quantity qty);

// a * b / d rounded half away from zero, saturating at the int64 limits;
// d != 0 (either sign). The one rounding multiply-divide: every prorated or
// scaled amount goes through it.
std::int64_t mul_div_round(std::int64_t a, std::int64_t b, std::int64_t d);

// value * (10000 + bps) / 10000 rounded half away from zero (slippage).
Price apply_bps(Price price, std::int64_t bps);

// value * bps / 10000 rounded half away from zero (fees on a notional).
Money bps_of(Money value, std::int64_t bps);

// total / qty rounded half away from zero: an average price. qty must be > 0.
Price average_price(Money total, Quantity qty);

inline Money as_money(Price p) { return Money::from_micros(p.micros()); }
inline Price as_price(Money m) { return Price::from_micros(m.micros()); }

}  // namespace stonks
