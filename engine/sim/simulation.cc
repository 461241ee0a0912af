#include "sim/simulation.h"

namespace stonks {
namespace {

// `st` (kInvalidArgument) with its field under `prefix`.
Status under(const std::string& prefix, const Status& st) {
  return Status::invalid_argument(st.message(), st.field().empty() ? prefix : prefix + "." + st.field());
}

}  // namespace

Simulation::Simulation(const SimSettings& settings, Timestamp start)
    : settings_(settings), market_(settings.seed, start), news_(settings.seed, settings.news_per_hour, start) {}

Result<Simulation> Simulation::restore(const SimState& state) {
  if (Status st = validate(state.settings); !st.is_ok()) return under("settings", st);
  if (!in_iso8601_range(state.clock)) return Status::invalid_argument("time outside years 0000-9999", "clock");
  Result<MarketSimulator> market = MarketSimulator::restore(state.market);
  if (!market.is_ok()) return under("market", market.status());
  Result<NewsGenerator> news = NewsGenerator::restore(state.news_generator, state.settings.news_per_hour);
  if (!news.is_ok()) return under("news_generator", news.status());
  return Simulation(state.settings, std::move(market).value(), std::move(news).value(), state.quotes, state.news);
}

void Simulation::apply(const SimSettings& next, Timestamp now) {
  if (next.news_per_hour != settings_.news_per_hour) news_.set_rate(next.news_per_hour, now);
  // After the rate: a reseed redraws the next headline from the new stream.
  if (next.seed != settings_.seed) {
    market_.reseed(next.seed, now);
    news_.reseed(next.seed, now);
  }
  settings_ = next;
}

SimStep Simulation::step(Timestamp t) {
  SimStep s{market_.advance_to(t), news_.advance_to(t)};
  quotes_ += s.quotes.size();
  news_count_ += s.news.size();
  return s;
}

SimState Simulation::state(Timestamp clock) const {
  return SimState{settings_, clock, quotes_, news_count_, market_.state(), news_.state()};
}

}  // namespace stonks
