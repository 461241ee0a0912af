// Tests for the sandbox's /api/sim routes: the status they answer, partial
// updates, strict validation that changes nothing, and the router's
// conventions (404, 405, 413, query, actor).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sandbox_test_util.h"

namespace stonks {
namespace {

using sandbox_test::call;
using sandbox_test::Desk;
using sandbox_test::json_of;
using sandbox_test::run_for;
using testing::test_epoch;

TEST(SandboxSimRoutes, GetAnswersTheSettingsAndTheClock) {
  Desk d;
  auto s = d.open();
  run_for(*s, std::chrono::milliseconds(1500));
  ApiResponse r = call(*s, "GET", "/api/sim");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json j = json_of(r);
  EXPECT_EQ(j["speed"], 1);
  EXPECT_EQ(j["seed"], 1);
  EXPECT_EQ(j["news_per_hour"], 12);
  EXPECT_EQ(j["speeds"], nlohmann::json({0, 1, 10, 100, 1000}));
  EXPECT_EQ(j["max_news_per_hour"], 3600);
  EXPECT_EQ(j["clock"], format_iso8601(test_epoch() + std::chrono::milliseconds(1500)));
  EXPECT_EQ(j["quotes"], s->sim_status().quotes);
  EXPECT_EQ(j["news"], s->sim_status().news);
}

TEST(SandboxSimRoutes, PutChangesOnlyTheFieldsItNames) {
  Desk d;
  auto s = d.open();
  ApiResponse r = call(*s, "PUT", "/api/sim", R"({"speed":100})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r)["speed"], 100);
  EXPECT_EQ(s->sim_status().settings, (SimSettings{1, 100, 12}));
  ASSERT_EQ(call(*s, "PUT", "/api/sim", R"({"seed":18446744073709551615,"news_per_hour":0})").status, 200);
  EXPECT_EQ(s->sim_status().settings, (SimSettings{18446744073709551615u, 100, 0}));
  ASSERT_EQ(call(*s, "PUT", "/api/sim", "{}").status, 200);
  EXPECT_EQ(s->sim_status().settings, (SimSettings{18446744073709551615u, 100, 0}));
  // Saved at once: a reopened sandbox has them.
  s.reset();
  s = d.open();
  EXPECT_EQ(s->sim_status().settings, (SimSettings{18446744073709551615u, 100, 0}));
}

TEST(SandboxSimRoutes, ANewSeedKeepsPricesWhereTheyAre) {
  Desk d;
  auto s = d.open();
  run_for(*s, std::chrono::seconds(2));
  const auto quotes = s->state().market.quotes();
  ASSERT_EQ(call(*s, "PUT", "/api/sim", R"({"seed":777})").status, 200);
  run_for(*s, std::chrono::milliseconds(250));  // one market step, 0.25 simulated seconds
  for (const auto& [symbol, q] : s->state().market.quotes()) {
    const auto was = quotes.find(symbol);
    ASSERT_NE(was, quotes.end()) << symbol.str();
    const double before = static_cast<double>(was->second.mid().micros());
    EXPECT_NEAR(static_cast<double>(q.mid().micros()) / before, 1.0, 0.01) << symbol.str();
  }
}

TEST(SandboxSimRoutes, PutRefusesBadInputAndChangesNothing) {
  struct Case {
    std::string body;
    int status;
    std::string field;  // empty: no field in the error
  };
  const std::vector<Case> cases = {
      {R"({"speed":7})", 400, "speed"},
      {R"({"speed":-1})", 400, "speed"},
      {R"({"speed":"fast"})", 400, "speed"},
      {R"({"speed":1.5})", 400, "speed"},
      {R"({"speed":10.0})", 400, "speed"},
      {R"({"speed":null})", 400, "speed"},
      {R"({"speed":true})", 400, "speed"},
      {R"({"seed":-1})", 400, "seed"},
      {R"({"seed":"42"})", 400, "seed"},
      {R"({"seed":18446744073709551616})", 400, "seed"},
      {R"({"seed":1e3})", 400, "seed"},
      {R"({"news_per_hour":-1})", 400, "news_per_hour"},
      {R"({"news_per_hour":3601})", 400, "news_per_hour"},
      {R"({"news_per_hour":[12]})", 400, "news_per_hour"},
      {R"({"speed":10,"colour":"red"})", 400, "colour"},
      {R"({"speed":10,"speed":100})", 400, "speed"},
      {R"({"speed":10,"seed":5,"news_per_hour":99999})", 400, "news_per_hour"},
      {R"([])", 400, ""},
      {R"("speed")", 400, ""},
      {R"({"speed":)", 400, ""},
      {"", 400, ""},
  };
  Desk d;
  auto s = d.open();
  const SimStatus before = s->sim_status();
  const std::string stored = d.desk.read_file(Sandbox::kSimStateFile).value();
  for (const Case& c : cases) {
    ApiResponse r = call(*s, "PUT", "/api/sim", c.body);
    EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
    const nlohmann::json error = json_of(r)["error"];
    EXPECT_EQ(error["code"], "invalid_argument") << c.body;
    EXPECT_TRUE(error["message"].is_string()) << c.body;
    if (c.field.empty()) {
      EXPECT_FALSE(error.contains("field")) << c.body << " -> " << r.body;
    } else {
      EXPECT_EQ(error.value("field", ""), c.field) << c.body << " -> " << r.body;
    }
    EXPECT_EQ(s->sim_status(), before) << c.body;
    EXPECT_EQ(d.desk.read_file(Sandbox::kSimStateFile).value(), stored) << c.body;
  }
}

TEST(SandboxSimRoutes, FollowTheRoutersConventions) {
  Desk d;
  auto s = d.open();
  ApiResponse r = call(*s, "DELETE", "/api/sim");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(json_of(r)["error"]["allow"], nlohmann::json({"GET", "PUT"}));
  r = call(*s, "GET", "/api/sim/reset");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(json_of(r)["error"]["allow"], nlohmann::json({"POST"}));
  EXPECT_EQ(call(*s, "GET", "/api/sim/other").status, 404);
  EXPECT_EQ(call(*s, "GET", "/api/simulation").status, 404);  // the router's: no such route

  r = call(*s, "GET", "/api/sim", "", "verbose=1");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json_of(r)["error"]["field"], "verbose");
  EXPECT_EQ(call(*s, "GET", "/api/sim", R"({"speed":1})").status, 400);
  r = call(*s, "PUT", "/api/sim", std::string(70 * 1024, ' '));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(json_of(r)["error"]["code"], "payload_too_large");
  r = call(*s, "POST", "/api/sim/reset", R"({"now":true})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json_of(r)["error"]["field"], "now");

  ApiRequest bad_actor;
  bad_actor.method = "PUT";
  bad_actor.path = "/api/sim";
  bad_actor.body = R"({"speed":10})";
  bad_actor.actor = "";
  r = s->handle(bad_actor);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json_of(r)["error"]["field"], "actor");
  EXPECT_EQ(s->sim_status().settings.speed, 1);
}

TEST(SandboxSimRoutes, OtherRequestsRunAtTheSimClock) {
  Desk d;
  auto s = d.open();
  run_for(*s, std::chrono::seconds(2));
  ApiRequest r;
  r.method = "POST";
  r.path = "/api/admin/trading/lockouts";
  r.body = R"({"ticker":"TSLA","reason":"test","duration_minutes":5})";
  r.now = test_epoch() - std::chrono::hours(1000);  // ignored: the sandbox's clock wins
  ApiResponse answer = s->handle(r);
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(json_of(answer)["created_at"], format_iso8601(s->now()));
}

}  // namespace
}  // namespace stonks
