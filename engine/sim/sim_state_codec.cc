#include "sim/sim_state_codec.h"

#include <nlohmann/json.hpp>

#include "json/json_object_reader.h"
#include "json/json_values.h"

namespace stonks {
namespace {

std::string rng_to_hex(const SimRandom::State& s) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::uint64_t word : s)
    for (int shift = 60; shift >= 0; shift -= 4) out += kDigits[(word >> shift) & 0xf];
  return out;
}

// Exactly 64 lowercase hex digits, as rng_to_hex writes them.
std::optional<SimRandom::State> rng_from_hex(const std::string& text) {
  if (text.size() != 64) return std::nullopt;
  SimRandom::State s{};
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    int digit = 0;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else {
      return std::nullopt;
    }
    s[i / 16] = (s[i / 16] << 4) | static_cast<std::uint64_t>(digit);
  }
  return s;
}

void read_rng(JsonObjectReader& r, SimRandom::State& out) {
  std::string text;
  if (!r.required_string("rng", text)) return;
  std::optional<SimRandom::State> s = rng_from_hex(text);
  if (!s) {
    r.fail("rng", "expected 64 lowercase hex digits");
    return;
  }
  out = *s;
}

// A nested object that must be present.
template <class ReadFn>
void required_object(JsonObjectReader& r, std::string_view key, ReadFn&& read) {
  if (!r.optional_object(key, read) && r.ok()) r.fail(key, "is required");
}

nlohmann::json ticker_to_json(const TickerState& t) {
  return {{"ticker", t.symbol.str()},
          {"fair", to_json(t.fair)},
          {"regime", to_string(t.regime)},
          {"updated", to_json(t.updated)},
          {"next_quote", to_json(t.next_quote)},
          {"next_jump", to_json(t.next_jump)},
          {"next_switch", to_json(t.next_switch)}};
}

void read_ticker(JsonObjectReader& r, TickerState& t) {
  r.required_symbol("ticker", t.symbol);
  r.required_decimal("fair", t.fair);
  r.required_enum("regime", t.regime);
  r.required_timestamp("updated", t.updated);
  r.required_timestamp("next_quote", t.next_quote);
  r.required_timestamp("next_jump", t.next_jump);
  r.required_timestamp("next_switch", t.next_switch);
}

void read_market(JsonObjectReader& r, MarketSimState& m) {
  read_rng(r, m.rng);
  const nlohmann::json* tickers = r.required_value("tickers");
  if (tickers == nullptr) return;
  if (!tickers->is_array()) {
    r.fail("tickers", "expected an array, got " + describe_json(*tickers));
    return;
  }
  for (std::size_t i = 0; i < tickers->size() && r.ok(); ++i) {
    JsonObjectReader item((*tickers)[i], "tickers[" + std::to_string(i) + "]");
    TickerState t;
    if (item.ok()) read_ticker(item, t);
    // The item's fields are relative to this reader, which adds its own path.
    if (Status st = item.finish(); !st.is_ok()) {
      r.adopt(st);
      return;
    }
    m.tickers.push_back(t);
  }
}

void read_news(JsonObjectReader& r, NewsGenState& n) {
  read_rng(r, n.rng);
  const nlohmann::json* next = r.required_value("next_at");
  if (next == nullptr || next->is_null()) return;
  Result<Timestamp> at = timestamp_from_json(*next);
  if (!at.is_ok()) {
    r.fail("next_at", at.status().message());
    return;
  }
  n.next_at = *at;
}

Status corrupt(const Status& st) {
  return Status::corruption("sim state: " + (st.field().empty() ? "" : st.field() + ": ") + st.message());
}

}  // namespace

std::string encode_sim_state(const SimState& s) {
  nlohmann::json tickers = nlohmann::json::array();
  for (const TickerState& t : s.market.tickers) tickers.push_back(ticker_to_json(t));
  nlohmann::json next_at = s.news_generator.next_at ? to_json(*s.news_generator.next_at) : nlohmann::json();
  const nlohmann::json j = {
      {"version", kSimStateVersion},
      {"settings",
       {{"seed", s.settings.seed}, {"speed", s.settings.speed}, {"news_per_hour", s.settings.news_per_hour}}},
      {"clock", to_json(s.clock)},
      {"wall", s.wall ? to_json(*s.wall) : nlohmann::json()},
      {"quotes", s.quotes},
      {"news", s.news},
      {"market", {{"rng", rng_to_hex(s.market.rng)}, {"tickers", std::move(tickers)}}},
      {"news_generator", {{"rng", rng_to_hex(s.news_generator.rng)}, {"next_at", std::move(next_at)}}},
  };
  return dump_json(j);
}

Result<SimState> decode_sim_state(std::string_view text) {
  Result<nlohmann::json> j = parse_json(text);
  if (!j.is_ok()) return corrupt(j.status());
  JsonObjectReader r(*j);
  int version = 0;
  if (r.required_int("version", version) && version != kSimStateVersion)
    r.fail("version",
           "this build reads version " + std::to_string(kSimStateVersion) + ", not " + std::to_string(version));
  SimState s;
  required_object(r, "settings", [&](JsonObjectReader& o) {
    o.required_int("seed", s.settings.seed);
    o.required_int("speed", s.settings.speed);
    o.required_int("news_per_hour", s.settings.news_per_hour);
  });
  r.required_timestamp("clock", s.clock);
  r.optional_timestamp("wall", s.wall);
  r.required_int("quotes", s.quotes);
  r.required_int("news", s.news);
  required_object(r, "market", [&](JsonObjectReader& o) { read_market(o, s.market); });
  required_object(r, "news_generator", [&](JsonObjectReader& o) { read_news(o, s.news_generator); });
  if (Status st = r.finish(); !st.is_ok()) return corrupt(st);
  if (Result<Simulation> sim = Simulation::restore(s); !sim.is_ok()) return corrupt(sim.status());
  return s;
}

}  // namespace stonks
