#include "sim/news_generator.h"

#include <algorithm>

#include "sim/headline_templates.h"
#include "sim/ticker_universe.h"

namespace stonks {
namespace {

// A 128-bit intermediate keeps the product exact; __extension__ because ISO
// C++ has no such type (g++ and clang both do).
__extension__ typedef unsigned __int128 UInt128;

constexpr std::uint64_t kNewsStream = 0x6e65777300000002ULL;  // "news"
constexpr std::int64_t kMicrosPerHour = 3'600'000'000;

}  // namespace

NewsGenerator::NewsGenerator(std::uint64_t seed, int per_hour, Timestamp now)
    : rng_(seed ^ kNewsStream), per_hour_(per_hour) {
  schedule(now);
}

Result<NewsGenerator> NewsGenerator::restore(const NewsGenState& state, int per_hour) {
  std::optional<SimRandom> rng = SimRandom::from_state(state.rng);
  if (!rng) return Status::invalid_argument("random state is all zero", "rng");
  if (state.next_at.has_value() != (per_hour > 0))
    return Status::invalid_argument(per_hour > 0 ? "no next arrival while news is on" : "an arrival while news is off",
                                    "next_at");
  if (state.next_at && !in_iso8601_range(*state.next_at))
    return Status::invalid_argument("time outside years 0000-9999", "next_at");
  return NewsGenerator(*rng, per_hour, state.next_at);
}

void NewsGenerator::set_rate(int per_hour, Timestamp now) {
  per_hour_ = per_hour;
  schedule(now);
}

void NewsGenerator::reseed(std::uint64_t seed, Timestamp now) {
  rng_ = SimRandom(seed ^ kNewsStream);
  schedule(now);
}

void NewsGenerator::schedule(Timestamp from) {
  if (per_hour_ <= 0) {
    next_at_.reset();
    return;
  }
  // Exp(1) * mean gap, at least 1 us so arrivals always move forward.
  const UInt128 gap =
      static_cast<UInt128>(rng_.exponential_q32()) * static_cast<std::uint64_t>(kMicrosPerHour / per_hour_);
  next_at_ = from + Duration(std::max<std::int64_t>(1, static_cast<std::int64_t>(gap >> 32)));
}

NewsEvent NewsGenerator::make_news(Timestamp at) {
  const auto tickers = ticker_universe();
  const TickerSpec& ticker = tickers[rng_.below(tickers.size())];
  std::vector<const HeadlineTemplate*> fitting;
  for (const HeadlineTemplate& t : headline_templates())
    if (!t.sector || *t.sector == ticker.sector) fitting.push_back(&t);
  const HeadlineTemplate& t = *fitting[rng_.below(fitting.size())];
  NewsEvent n;
  n.symbol = Symbol::parse(ticker.symbol).value();
  n.headline = fill_headline(t, ticker, static_cast<int>(rng_.between(2, 30)));
  n.severity = static_cast<int>(rng_.between(t.min_severity, t.max_severity));
  n.at = at;
  return n;
}

std::vector<NewsEvent> NewsGenerator::advance_to(Timestamp t) {
  std::vector<NewsEvent> out;
  while (next_at_ && *next_at_ <= t) {
    if (out.size() == kMaxPerCall) {
      schedule(t);  // the rest of the backlog is dropped, in O(1)
      break;
    }
    const Timestamp at = *next_at_;
    out.push_back(make_news(at));
    schedule(at);
  }
  return out;
}

}  // namespace stonks
