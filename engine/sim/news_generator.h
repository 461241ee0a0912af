// NewsGenerator: headlines with a severity for random tickers, arriving as a
// Poisson process at a rate per simulated hour. Seeded, time as a parameter,
// integer arithmetic only.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/market_data.h"
#include "model/status.h"
#include "model/time.h"
#include "sim/sim_random.h"

namespace stonks {

struct NewsGenState {
  SimRandom::State rng{};
  std::optional<Timestamp> next_at;  // the next arrival; none while the rate is 0
  bool operator==(const NewsGenState&) const = default;
};

class NewsGenerator {
 public:
  // Arrivals past this many in one advance_to call are dropped (a call after
  // a long gap at a high rate), so a call's work stays bounded.
  static constexpr std::size_t kMaxPerCall = 8;

  // `per_hour` in 0..SimSettings::kMaxNewsPerHour; 0 is off.
  NewsGenerator(std::uint64_t seed, int per_hour, Timestamp now);
  // Resumes from state() with the rate it had; kInvalidArgument (field
  // "rng" or "next_at") for an all-zero stream, an arrival while the rate is
  // 0 or none while it is not, or a time outside years 0000-9999.
  static Result<NewsGenerator> restore(const NewsGenState& state, int per_hour);

  // A new rate from `now` on (arrivals are memoryless, so redrawing the next
  // one is exact).
  void set_rate(int per_hour, Timestamp now);
  // A new random stream from `seed`; the next arrival is redrawn from `now`.
  void reseed(std::uint64_t seed, Timestamp now);

  // The headlines that arrive by `t`, oldest first, each at its arrival time;
  // at most kMaxPerCall. Each names a ticker of the universe, with a
  // severity within its template's range.
  std::vector<NewsEvent> advance_to(Timestamp t);

  NewsGenState state() const { return NewsGenState{rng_.state(), next_at_}; }

 private:
  NewsGenerator(SimRandom rng, int per_hour, std::optional<Timestamp> next_at)
      : rng_(rng), per_hour_(per_hour), next_at_(next_at) {}

  void schedule(Timestamp from);
  NewsEvent make_news(Timestamp at);

  SimRandom rng_;
  int per_hour_ = 0;
  std::optional<Timestamp> next_at_;
};

}  // namespace stonks
