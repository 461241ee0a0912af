#include "sim/ticker_universe.h"

#include <array>

namespace stonks {

std::span<const TickerSpec> ticker_universe() {
  // Annual volatilities behind hourly_vol_bps: AAPL 25%, MSFT 22%, NVDA 50%,
  // TSLA 55%, KO 13% ... (divided by sqrt(1638) ~ 40.5).
  static constexpr std::array<TickerSpec, 20> kTickers = {{
      {"AAPL", "Apple", Sector::kTech, 19'000, 62},
      {"MSFT", "Microsoft", Sector::kTech, 42'000, 54},
      {"NVDA", "Nvidia", Sector::kTech, 12'500, 123},
      {"AMZN", "Amazon", Sector::kConsumer, 18'500, 74},
      {"GOOGL", "Alphabet", Sector::kTech, 17'000, 69},
      {"META", "Meta Platforms", Sector::kMedia, 52'000, 86},
      {"TSLA", "Tesla", Sector::kConsumer, 24'000, 136},
      {"JPM", "JPMorgan Chase", Sector::kFinance, 21'000, 49},
      {"V", "Visa", Sector::kFinance, 28'000, 44},
      {"XOM", "Exxon Mobil", Sector::kEnergy, 11'500, 54},
      {"JNJ", "Johnson & Johnson", Sector::kHealth, 15'500, 37},
      {"WMT", "Walmart", Sector::kConsumer, 8'000, 40},
      {"KO", "Coca-Cola", Sector::kConsumer, 6'200, 32},
      {"PEP", "PepsiCo", Sector::kConsumer, 16'500, 37},
      {"DIS", "Disney", Sector::kMedia, 9'500, 69},
      {"NFLX", "Netflix", Sector::kMedia, 68'000, 94},
      {"AMD", "AMD", Sector::kTech, 15'000, 118},
      {"INTC", "Intel", Sector::kTech, 2'200, 99},
      {"BA", "Boeing", Sector::kIndustrial, 16'000, 86},
      {"CAT", "Caterpillar", Sector::kIndustrial, 36'000, 67},
  }};
  return kTickers;
}

}  // namespace stonks
