// The simulated market's tickers: names, sectors, first prices and
// volatilities, roughly as the real names traded in 2024.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace stonks {

enum class Sector { kTech, kFinance, kEnergy, kHealth, kConsumer, kIndustrial, kMedia };

struct TickerSpec {
  std::string_view symbol;   // "AAPL"
  std::string_view company;  // "Apple", for headlines
  Sector sector;
  std::int64_t first_cents;  // the first price, and the level prices revert to
  // Calm-regime volatility per square root of a simulated hour, in basis
  // points: the annual volatility / sqrt(252 days * 6.5 hours).
  int hourly_vol_bps;
};

// Twenty names, in a fixed order: the order quotes come in and the order the
// sim state stores them.
std::span<const TickerSpec> ticker_universe();

}  // namespace stonks
