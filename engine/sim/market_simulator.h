// MarketSimulator: seeded random walks for the ticker universe, with calm and
// volatile regimes and occasional jumps, quoted with a spread on the 0.01
// tick. Time is a parameter; integer arithmetic only, so a seed gives the
// same quotes on every build.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/enum_names.h"
#include "model/fixed_point.h"
#include "model/market_data.h"
#include "model/status.h"
#include "model/symbol.h"
#include "model/time.h"
#include "sim/sim_random.h"

namespace stonks {

enum class Regime { kCalm, kVolatile };
template <>
struct EnumNames<Regime> {
  static constexpr EnumName<Regime> table[] = {{Regime::kCalm, "calm"}, {Regime::kVolatile, "volatile"}};
};

// One ticker's place in the walk. Its fair price moves only when it is
// quoted; jumps and regime changes due before then are applied at their own
// times first.
struct TickerState {
  Symbol symbol;
  Price fair;  // the fair mid at `updated`, micro-units, not on the tick
  Regime regime = Regime::kCalm;
  Timestamp updated{};
  Timestamp next_quote{};  // quoted by the first advance_to at or after this
  Timestamp next_jump{};
  Timestamp next_switch{};  // the next change of regime
  bool operator==(const TickerState&) const = default;
};

// Everything the simulator needs to resume: the random stream and the tickers.
struct MarketSimState {
  SimRandom::State rng{};
  std::vector<TickerState> tickers;  // ticker_universe() order
  bool operator==(const MarketSimState&) const = default;
};

// A stored state the simulator can resume from: a non-zero rng, the
// universe's tickers in its order, fair prices within [kMinPrice, kMaxPrice],
// times in years 0000-9999, and schedules not before the update time.
// kInvalidArgument naming the field ("tickers[3].fair") otherwise.
Status validate(const MarketSimState& state);

// Counted since construction or restore (not stored): for tests and the panel.
struct MarketStats {
  std::uint64_t jumps = 0;
  std::uint64_t regime_switches = 0;
};

class MarketSimulator {
 public:
  static constexpr Price kTick = Price::from_micros(10'000);
  static constexpr Price kMinPrice = Price::from_units(1);
  static constexpr Price kMaxPrice = Price::from_units(1'000'000);
  // A volatile regime multiplies volatility and spread by this.
  static constexpr int kVolatileMultiplier = 3;
  static constexpr Duration kMeanCalm = std::chrono::hours(3);
  static constexpr Duration kMeanVolatile = std::chrono::minutes(30);
  // Mean time between jumps of one ticker, by regime: with 20 tickers about
  // 1.4 jumps per simulated hour in all.
  static constexpr Duration kMeanJumpCalm = std::chrono::hours(24);
  static constexpr Duration kMeanJumpVolatile = std::chrono::hours(4);
  // Jump sizes, uniform in magnitude, either sign. The price-shock guard's
  // default is 500 bps within 60 s, so a little over half the jumps trip it.
  static constexpr int kJumpMinBps = 200;
  static constexpr int kJumpMaxBps = 900;
  // Prices drift back toward their first level with this time constant, so
  // a sandbox left running for simulated months keeps realistic levels.
  static constexpr Duration kReversionTime = std::chrono::hours(5 * 24);
  // Each ticker is quoted again 0.5-3.5 simulated seconds after its last quote.
  static constexpr Duration kQuoteGapMin = std::chrono::milliseconds(500);
  static constexpr Duration kQuoteGapMax = std::chrono::milliseconds(3500);
  // At most this many regime changes and jumps per ticker per call; a longer
  // backlog (a call after a long gap) is dropped and rescheduled from `t`.
  static constexpr int kMaxEventsPerCall = 16;

  // A fresh market at `start`: every ticker at its first price, calm, and
  // due for a quote at `start`.
  MarketSimulator(std::uint64_t seed, Timestamp start);
  // Resumes from state(); validate()'s error otherwise.
  static Result<MarketSimulator> restore(const MarketSimState& state);

  // A new random stream from `seed`; prices and regimes stay where they are,
  // jumps and regime changes are redrawn from `now`.
  void reseed(std::uint64_t seed, Timestamp now);

  // Moves the market to `t` and returns the quotes due by then, in universe
  // order, all at `t`: at most one per ticker, plus one more for a ticker
  // that jumped (the price just before the jump, then after it, so the
  // price-shock guard sees the move however coarse the calls are). A `t`
  // before a ticker's schedule leaves it alone. Bid < ask, both on the tick
  // and >= kTick; sizes are round lots of 100 to 2,000.
  std::vector<Quote> advance_to(Timestamp t);

  MarketSimState state() const;
  const MarketStats& stats() const { return stats_; }

 private:
  MarketSimulator(SimRandom rng, std::vector<TickerState> tickers) : rng_(rng), tickers_(std::move(tickers)) {}

  // Random walk of ticker `i` from its update time to `to`.
  void diffuse(std::size_t i, Timestamp to);
  // Applies the regime changes and jumps of ticker `i` due by `t`; the fair
  // price just before the last jump, if one happened.
  std::optional<Price> run_events(std::size_t i, Timestamp t);
  Duration draw_duration(Duration mean);
  void schedule_jump(TickerState& s, Timestamp from);
  Quote make_quote(const TickerState& s, Price fair, Timestamp t);

  SimRandom rng_;
  std::vector<TickerState> tickers_;
  MarketStats stats_;
};

}  // namespace stonks
