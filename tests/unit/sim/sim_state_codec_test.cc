// Tests for the sim state codec: an exact round trip that resumes
// identically, and refusal of damaged input naming the field.
#include "sim/sim_state_codec.h"

#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/engine_harness.h"

namespace stonks {
namespace {

using std::chrono::seconds;
using testing::test_epoch;

SimState sample_state() {
  SimSettings settings;
  settings.seed = 77;
  settings.speed = 100;
  settings.news_per_hour = 120;
  Simulation sim(settings, test_epoch());
  for (int i = 0; i <= 2000; ++i) sim.step(test_epoch() + seconds(5) * i);
  return sim.state(test_epoch() + seconds(5) * 2000 + std::chrono::microseconds(3));
}

TEST(SimStateCodec, RoundTripsAStateExactly) {
  const SimState state = sample_state();
  Result<SimState> back = decode_sim_state(encode_sim_state(state));
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(*back, state);
  EXPECT_EQ(encode_sim_state(*back), encode_sim_state(state));
}

TEST(SimStateCodec, ADecodedStateResumesIdentically) {
  const SimState state = sample_state();
  Simulation a = Simulation::restore(state).value();
  Simulation b = Simulation::restore(decode_sim_state(encode_sim_state(state)).value()).value();
  for (int i = 1; i <= 500; ++i) {
    const Timestamp t = state.clock + seconds(3) * i;
    SimStep sa = a.step(t), sb = b.step(t);
    ASSERT_EQ(sa.quotes, sb.quotes);
    ASSERT_EQ(sa.news, sb.news);
  }
}

TEST(SimStateCodec, RefusesTextThatIsNotJsonOrCutShort) {
  const std::string text = encode_sim_state(sample_state());
  for (const std::string& bad : {std::string(), std::string("nope"), text.substr(0, text.size() / 2), text + "x"}) {
    Result<SimState> r = decode_sim_state(bad);
    EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
    EXPECT_NE(r.status().message().find("sim state"), std::string::npos) << r.status().message();
  }
}

TEST(SimStateCodec, RefusesDamagedFieldsNamingThem) {
  const nlohmann::json good = nlohmann::json::parse(encode_sim_state(sample_state()));
  struct Case {
    const char* field;  // expected in the message
    std::function<void(nlohmann::json&)> damage;
  };
  const std::vector<Case> cases = {
      {"version", [](nlohmann::json& j) { j["version"] = 2; }},
      {"version", [](nlohmann::json& j) { j.erase("version"); }},
      {"extra", [](nlohmann::json& j) { j["extra"] = 1; }},
      {"settings", [](nlohmann::json& j) { j.erase("settings"); }},
      {"settings.speed", [](nlohmann::json& j) { j["settings"]["speed"] = 7; }},
      {"settings.speed", [](nlohmann::json& j) { j["settings"]["speed"] = "fast"; }},
      {"settings.seed", [](nlohmann::json& j) { j["settings"]["seed"] = -1; }},
      {"settings.news_per_hour", [](nlohmann::json& j) { j["settings"]["news_per_hour"] = 100000; }},
      {"clock", [](nlohmann::json& j) { j["clock"] = "yesterday"; }},
      {"quotes", [](nlohmann::json& j) { j["quotes"] = 1.5; }},
      {"market.rng", [](nlohmann::json& j) { j["market"]["rng"] = "xyz"; }},
      {"market.rng", [](nlohmann::json& j) { j["market"]["rng"] = std::string(64, '0'); }},
      {"market.tickers", [](nlohmann::json& j) { j["market"]["tickers"] = nlohmann::json::object(); }},
      {"market.tickers", [](nlohmann::json& j) { j["market"]["tickers"].erase(0); }},
      {"market.tickers[0].ticker",
       [](nlohmann::json& j) { std::swap(j["market"]["tickers"][0], j["market"]["tickers"][1]); }},
      {"market.tickers[2].fair", [](nlohmann::json& j) { j["market"]["tickers"][2]["fair"] = "-3.00"; }},
      {"market.tickers[2].fair", [](nlohmann::json& j) { j["market"]["tickers"][2]["fair"] = "NaN"; }},
      {"market.tickers[5].regime", [](nlohmann::json& j) { j["market"]["tickers"][5]["regime"] = "wild"; }},
      {"market.tickers[5].next_quote", [](nlohmann::json& j) { j["market"]["tickers"][5].erase("next_quote"); }},
      {"market.tickers[6].surprise", [](nlohmann::json& j) { j["market"]["tickers"][6]["surprise"] = true; }},
      {"news_generator.next_at", [](nlohmann::json& j) { j["news_generator"]["next_at"] = nullptr; }},
      {"news_generator.next_at", [](nlohmann::json& j) { j["news_generator"].erase("next_at"); }},
      {"news_generator.rng", [](nlohmann::json& j) { j["news_generator"]["rng"] = 5; }},
  };
  for (const Case& c : cases) {
    nlohmann::json j = good;
    c.damage(j);
    Result<SimState> r = decode_sim_state(j.dump());
    ASSERT_EQ(r.status().code(), StatusCode::kCorruption) << c.field;
    EXPECT_NE(r.status().message().find(std::string("sim state: ") + c.field), std::string::npos)
        << c.field << ": " << r.status().message();
  }
}

TEST(Simulation, ANewSeedReseedsButPricesContinue) {
  Simulation a(SimSettings{}, test_epoch()), b(SimSettings{}, test_epoch());
  for (int i = 0; i <= 100; ++i) {
    a.step(test_epoch() + seconds(5) * i);
    b.step(test_epoch() + seconds(5) * i);
  }
  const Timestamp now = test_epoch() + seconds(500);
  SimSettings reseeded = b.settings();
  reseeded.seed = 99;
  b.apply(reseeded, now);
  EXPECT_EQ(b.settings().seed, 99u);
  for (std::size_t i = 0; i < 20; ++i)
    EXPECT_EQ(a.state(now).market.tickers[i].fair, b.state(now).market.tickers[i].fair);
  EXPECT_NE(a.state(now).market.rng, b.state(now).market.rng);
  EXPECT_NE(a.step(now + seconds(60)).quotes, b.step(now + seconds(60)).quotes);
}

TEST(Simulation, ASpeedChangeLeavesTheStreamsAlone) {
  Simulation a(SimSettings{}, test_epoch());
  const SimState before = a.state(test_epoch());
  SimSettings faster = a.settings();
  faster.speed = 1000;
  a.apply(faster, test_epoch());
  SimState after = a.state(test_epoch());
  EXPECT_EQ(after.settings.speed, 1000);
  after.settings = before.settings;
  EXPECT_EQ(after, before);
}

}  // namespace
}  // namespace stonks
