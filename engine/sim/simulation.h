// Simulation: the simulated market as one value -- settings, the market
// simulator, the news generator and their counters -- stepped by the sandbox
// and stored as a SimState.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/market_data.h"
#include "model/status.h"
#include "model/time.h"
#include "sim/market_simulator.h"
#include "sim/news_generator.h"
#include "sim/sim_settings.h"

namespace stonks {

// Everything needed to resume a simulation; sim_state_codec.h stores it.
struct SimState {
  SimSettings settings;
  Timestamp clock{};  // the simulation clock when stored (it runs between steps)
  std::uint64_t quotes = 0;
  std::uint64_t news = 0;
  MarketSimState market;
  NewsGenState news_generator;
  // The host's wall clock when stored, if the host keeps one (the sandbox):
  // how long the desk was closed when it opens again.
  std::optional<Timestamp> wall;
  bool operator==(const SimState&) const = default;
};

// What one step produced, in the order the engine should see it.
struct SimStep {
  std::vector<Quote> quotes;
  std::vector<NewsEvent> news;
};

class Simulation {
 public:
  // A fresh market at `start`. `settings` must pass validate().
  Simulation(const SimSettings& settings, Timestamp start);
  // Resumes `state` (its clock is the caller's); kInvalidArgument naming the
  // field ("settings.speed", "market.tickers[2].fair", "news_generator.rng",
  // "clock") when it is not a state a simulation can be in.
  static Result<Simulation> restore(const SimState& state);

  const SimSettings& settings() const { return settings_; }
  // Takes `next` (which must pass validate()) from `now` on: a new seed
  // reseeds the market and the news (prices continue from where they are), a
  // new rate redraws the next headline. Speed is the caller's business.
  void apply(const SimSettings& next, Timestamp now);

  // Quotes and headlines due by `t` (see MarketSimulator::advance_to and
  // NewsGenerator::advance_to for the bounds), counted.
  SimStep step(Timestamp t);

  SimState state(Timestamp clock) const;
  std::uint64_t quotes() const { return quotes_; }
  std::uint64_t news() const { return news_count_; }
  const MarketStats& market_stats() const { return market_.stats(); }

 private:
  Simulation(const SimSettings& settings, MarketSimulator market, NewsGenerator news, std::uint64_t quotes,
             std::uint64_t news_count)
      : settings_(settings),
        market_(std::move(market)),
        news_(std::move(news)),
        quotes_(quotes),
        news_count_(news_count) {}

  SimSettings settings_;
  MarketSimulator market_;
  NewsGenerator news_;
  std::uint64_t quotes_ = 0;
  std::uint64_t news_count_ = 0;
};

}  // namespace stonks
