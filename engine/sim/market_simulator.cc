#include "sim/market_simulator.h"

#include <algorithm>

#include "sim/ticker_universe.h"

namespace stonks {
namespace {

// 128-bit intermediates keep products of prices, rates and times exact;
// __extension__ because ISO C++ has no such type (g++ and clang both do).
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// Keeps the market's stream apart from other streams drawn from the same seed.
constexpr std::uint64_t kMarketStream = 0x6d61726b65740001ULL;  // "market"
constexpr std::int64_t kPico = 1'000'000'000'000;               // returns are in units of 1e-12
constexpr std::int64_t kSpreadBps = 1;                          // calm spread, of the fair price
// A longer gap between two quotes of a ticker diffuses as this much.
constexpr Duration kMaxDiffusion = std::chrono::hours(24);

// floor(sqrt(n)), exactly, by Newton's method on integers.
std::uint64_t isqrt(std::uint64_t n) {
  if (n < 2) return n;
  std::uint64_t x = n;
  std::uint64_t y = (x + 1) / 2;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2;
  }
  return x;
}

std::int64_t micros(Duration d) { return d.count(); }

Price clamp_price(Int128 micros) {
  const Int128 lo = MarketSimulator::kMinPrice.micros();
  const Int128 hi = MarketSimulator::kMaxPrice.micros();
  return Price::from_micros(static_cast<std::int64_t>(std::clamp(micros, lo, hi)));
}

}  // namespace

Status validate(const MarketSimState& state) {
  if (state.rng == SimRandom::State{}) return Status::invalid_argument("random state is all zero", "rng");
  const auto universe = ticker_universe();
  if (state.tickers.size() != universe.size())
    return Status::invalid_argument(
        "expected " + std::to_string(universe.size()) + " tickers, got " + std::to_string(state.tickers.size()),
        "tickers");
  for (std::size_t i = 0; i < universe.size(); ++i) {
    const TickerState& t = state.tickers[i];
    const std::string at = "tickers[" + std::to_string(i) + "].";
    if (t.symbol.str() != universe[i].symbol)
      return Status::invalid_argument("expected " + std::string(universe[i].symbol) + ", got " + t.symbol.str(),
                                      at + "ticker");
    if (t.fair < MarketSimulator::kMinPrice || t.fair > MarketSimulator::kMaxPrice)
      return Status::invalid_argument("fair price " + t.fair.to_string() + " outside 1.00-1000000.00", at + "fair");
    if (!in_iso8601_range(t.updated)) return Status::invalid_argument("time outside years 0000-9999", at + "updated");
    const std::pair<const char*, Timestamp> schedule[] = {
        {"next_quote", t.next_quote}, {"next_jump", t.next_jump}, {"next_switch", t.next_switch}};
    for (const auto& [name, when] : schedule) {
      if (!in_iso8601_range(when)) return Status::invalid_argument("time outside years 0000-9999", at + name);
      if (when < t.updated) return Status::invalid_argument("before the update time", at + name);
    }
  }
  return Status::ok();
}

MarketSimulator::MarketSimulator(std::uint64_t seed, Timestamp start) : rng_(seed ^ kMarketStream) {
  for (const TickerSpec& spec : ticker_universe()) {
    TickerState s;
    s.symbol = Symbol::parse(spec.symbol).value();
    s.fair = Price::from_micros(spec.first_cents * 10'000);
    s.updated = start;
    s.next_quote = start;
    s.next_switch = start + draw_duration(kMeanCalm);
    schedule_jump(s, start);
    tickers_.push_back(s);
  }
}

Result<MarketSimulator> MarketSimulator::restore(const MarketSimState& state) {
  if (Status st = validate(state); !st.is_ok()) return st;
  return MarketSimulator(*SimRandom::from_state(state.rng), state.tickers);
}

MarketSimState MarketSimulator::state() const { return MarketSimState{rng_.state(), tickers_}; }

void MarketSimulator::reseed(std::uint64_t seed, Timestamp now) {
  rng_ = SimRandom(seed ^ kMarketStream);
  for (TickerState& s : tickers_) {
    const Timestamp from = std::max(now, s.updated);
    s.next_switch = from + draw_duration(s.regime == Regime::kCalm ? kMeanCalm : kMeanVolatile);
    schedule_jump(s, from);
  }
}

Duration MarketSimulator::draw_duration(Duration mean) {
  const UInt128 scaled = static_cast<UInt128>(rng_.exponential_q32()) * static_cast<std::uint64_t>(micros(mean));
  // At least 1 us, so a schedule always moves forward.
  return Duration(std::max<std::int64_t>(1, static_cast<std::int64_t>(scaled >> 32)));
}

void MarketSimulator::schedule_jump(TickerState& s, Timestamp from) {
  s.next_jump = from + draw_duration(s.regime == Regime::kCalm ? kMeanJumpCalm : kMeanJumpVolatile);
}

void MarketSimulator::diffuse(std::size_t i, Timestamp to) {
  TickerState& s = tickers_[i];
  if (to <= s.updated) return;
  const TickerSpec& spec = ticker_universe()[i];
  const std::int64_t dt = std::min(micros(to - s.updated), micros(kMaxDiffusion));
  // sqrt(dt in hours) * 1e6 = sqrt(dt_us * 1e12 / 3.6e9) = sqrt(dt_us * 2500 / 9).
  const std::int64_t root_ppm = static_cast<std::int64_t>(isqrt(static_cast<std::uint64_t>(dt) * 2500 / 9));
  const std::int64_t vol_bps = spec.hourly_vol_bps * (s.regime == Regime::kCalm ? 1 : kVolatileMultiplier);
  // vol_bps/1e4 * root_ppm/1e6 * z_q16/65536, in units of 1e-12.
  Int128 ret = static_cast<Int128>(vol_bps) * 100'000'000 * root_ppm * rng_.gaussian_q16() /
               (static_cast<Int128>(1'000'000) * 65'536);
  // Reversion: (first - fair) / fair * dt / tau.
  const std::int64_t first = spec.first_cents * 10'000;
  ret += static_cast<Int128>(first - s.fair.micros()) * kPico * dt /
         (static_cast<Int128>(s.fair.micros()) * micros(kReversionTime));
  s.fair = clamp_price(s.fair.micros() + static_cast<Int128>(s.fair.micros()) * ret / kPico);
  s.updated = to;
}

std::optional<Price> MarketSimulator::run_events(std::size_t i, Timestamp t) {
  TickerState& s = tickers_[i];
  std::optional<Price> before_jump;
  for (int n = 0; n < kMaxEventsPerCall; ++n) {
    const Timestamp next = std::min(s.next_switch, s.next_jump);
    if (next > t) return before_jump;
    diffuse(i, next);
    if (s.next_switch <= s.next_jump) {
      s.regime = s.regime == Regime::kCalm ? Regime::kVolatile : Regime::kCalm;
      s.next_switch = next + draw_duration(s.regime == Regime::kCalm ? kMeanCalm : kMeanVolatile);
      schedule_jump(s, next);  // the jump rate follows the regime (memoryless, so a redraw is exact)
      ++stats_.regime_switches;
    } else {
      before_jump = s.fair;
      const std::int64_t bps = rng_.between(kJumpMinBps, kJumpMaxBps) * (rng_.below(2) == 0 ? 1 : -1);
      s.fair = clamp_price(s.fair.micros() + static_cast<Int128>(s.fair.micros()) * bps / 10'000);
      schedule_jump(s, next);
      ++stats_.jumps;
    }
  }
  // A backlog past the bound: start the schedules afresh from t.
  if (s.next_switch <= t) s.next_switch = t + draw_duration(s.regime == Regime::kCalm ? kMeanCalm : kMeanVolatile);
  if (s.next_jump <= t) schedule_jump(s, t);
  return before_jump;
}

Quote MarketSimulator::make_quote(const TickerState& s, Price fair, Timestamp t) {
  const std::int64_t tick = kTick.micros();
  const std::int64_t bps = kSpreadBps * (s.regime == Regime::kCalm ? 1 : kVolatileMultiplier);
  const std::int64_t ticks = std::max<std::int64_t>(1, (fair.micros() * bps / 10'000 + tick / 2) / tick);
  // The bid rounded to the nearest tick, so the mid sits on the fair price
  // to within half a tick.
  std::int64_t bid = (fair.micros() - ticks * tick / 2 + tick / 2) / tick * tick;
  bid = std::max(bid, tick);
  Quote q;
  q.symbol = s.symbol;
  q.bid = Price::from_micros(bid);
  q.ask = Price::from_micros(bid + ticks * tick);
  q.bid_size = rng_.between(1, 20) * 100;
  q.ask_size = rng_.between(1, 20) * 100;
  q.at = t;
  return q;
}

std::vector<Quote> MarketSimulator::advance_to(Timestamp t) {
  std::vector<Quote> quotes;
  for (std::size_t i = 0; i < tickers_.size(); ++i) {
    if (tickers_[i].next_quote > t) continue;
    std::optional<Price> before_jump = run_events(i, t);
    diffuse(i, t);
    TickerState& s = tickers_[i];
    if (before_jump) quotes.push_back(make_quote(s, *before_jump, t));
    quotes.push_back(make_quote(s, s.fair, t));
    s.next_quote = t + Duration(rng_.between(micros(kQuoteGapMin), micros(kQuoteGapMax)));
  }
  return quotes;
}

}  // namespace stonks
