// The Strategies pane: the list as GET /api/strategies answers it, Switch on
// sends the whole list with the new spec, Switch off the list without that
// row, and a refused spec shows its error beside the field named. The
// routes' checks are the sandbox's (parse_strategies_put).
#include <gtest/gtest.h>

#include "api/api_response.h"
#include "imgui_ui/widget_ids.h"
#include "json/json_values.h"
#include "sandbox/strategy_routes.h"
#include "strategy/strategy_spec_json.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

struct StrategiesDesk {
  DeskDriver d;
  nlohmann::json list = nlohmann::json::array();

  explicit StrategiesDesk(nlohmann::json initial = nlohmann::json::array()) : list(std::move(initial)) {
    d.sim = SimStatus{};
    d.intercept = [this](const ApiRequest& r) -> std::optional<ApiResponse> {
      if (!is_strategies_path(r.path)) return std::nullopt;
      if (r.method == "PUT") {
        Result<std::vector<StrategySpec>> specs =
            parse_strategies_put(parse_json(r.body).value(), d.engine.state().market.quotes());
        if (!specs.is_ok()) return error_response(specs.status());
        list = nlohmann::json::array();
        for (const StrategySpec& s : *specs) list.push_back(to_json(s));
      }
      return json_response(200, {{"strategies", list}});
    };
    d.click(ids::view_tab_id("strategies"));
  }
};

TEST(StrategiesPane, ListsWhatIsOnAndSwitchesOneOff) {
  StrategiesDesk t(nlohmann::json::parse(
      R"([{"name":"sma","symbol":"AAPL","params":{"fast":10,"slow":30,"allow_short":false,"qty":100}},
          {"name":"sma","symbol":"MSFT","params":{"fast":5,"slow":20,"allow_short":false,"qty":7}}])"));
  const std::string shown = t.d.messages_at(ids::kStrategiesList);
  EXPECT_NE(shown.find("AAPL  sma"), std::string::npos) << shown;
  EXPECT_NE(shown.find("MSFT  sma  fast=5 slow=20"), std::string::npos) << shown;
  t.d.click(ids::strategy_off_id(0));
  ASSERT_EQ(t.d.sent.back().method, "PUT");
  const nlohmann::json sent = parse_json(t.d.sent.back().body).value()["strategies"];
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["symbol"], "MSFT");
  EXPECT_EQ(t.d.messages_at(ids::kStrategiesList).find("AAPL"), std::string::npos);
  EXPECT_NE(t.d.messages_at("toast").find("sma switched off for AAPL"), std::string::npos);
}

TEST(StrategiesPane, SwitchOnSendsTheListWithTheNewSpec) {
  StrategiesDesk t;
  t.d.type(ids::kStrategiesSymbol, "MSFT");
  t.d.click(ids::strategy_choice_id("strategies", "mean_reversion"));
  t.d.type(ids::strategy_param_id("strategies", "window"), "20");
  t.d.type(ids::strategy_param_id("strategies", "entry"), "2");
  t.d.type(ids::strategy_param_id("strategies", "qty"), "5");
  t.d.click(ids::kStrategiesSwitchOn);
  const nlohmann::json sent = parse_json(t.d.sent.back().body).value()["strategies"];
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["name"], "mean_reversion");
  EXPECT_EQ(sent[0]["symbol"], "MSFT");
  EXPECT_EQ(sent[0]["params"]["window"], 20);
  EXPECT_EQ(sent[0]["params"]["entry"], "2");
  EXPECT_NE(t.d.messages_at(ids::kStrategiesList).find("MSFT  mean_reversion"), std::string::npos);
  EXPECT_FALSE(t.d.any_error());
}

TEST(StrategiesPane, TheFormStartsFromTheDefaultsSoASymbolIsAllSwitchOnNeeds) {
  StrategiesDesk t;
  t.d.type(ids::kStrategiesSymbol, "MSFT");
  t.d.click(ids::kStrategiesSwitchOn);
  const nlohmann::json sent = parse_json(t.d.sent.back().body).value()["strategies"];
  ASSERT_EQ(sent.size(), 1u);
  // qty and equity_pct stay empty: one share, unless equity_pct is typed.
  EXPECT_EQ(sent[0], nlohmann::json::parse(
                         R"({"name":"sma","symbol":"MSFT","params":{"fast":10,"slow":30,"allow_short":false}})"));
  EXPECT_NE(t.d.messages_at(ids::kStrategiesList).find("MSFT  sma  fast=10 slow=30 allow_short=false"),
            std::string::npos);
  EXPECT_FALSE(t.d.any_error());
}

TEST(StrategiesPane, OffersEveryRegisteredStrategyWithItsDefaults) {
  StrategiesDesk t;
  t.d.type(ids::kStrategiesSymbol, "MSFT");
  t.d.click(ids::strategy_choice_id("strategies", "rsi"));
  t.d.type(ids::strategy_param_id("strategies", "equity_pct"), "5");
  t.d.click(ids::kStrategiesSwitchOn);
  EXPECT_FALSE(t.d.any_error()) << t.d.messages_at("toast");
  const nlohmann::json sent = parse_json(t.d.sent.back().body).value()["strategies"];
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["params"], nlohmann::json::parse(R"({"period":14,"oversold":"30","overbought":"70",)"
                                                     R"("allow_short":false,"equity_pct":"5"})"));
  EXPECT_NE(t.d.messages_at(ids::kStrategiesList)
                .find("MSFT  rsi  period=14 oversold=30.00 overbought=70.00 allow_short=false equity_pct=5.00"),
            std::string::npos)
      << t.d.messages_at(ids::kStrategiesList);
}

TEST(StrategiesPane, ARefusedSpecShowsBesideTheFieldNamed) {
  StrategiesDesk t(nlohmann::json::parse(
      R"([{"name":"sma","symbol":"AAPL","params":{"fast":10,"slow":30,"allow_short":false,"qty":100}}])"));
  t.d.type(ids::kStrategiesSymbol, "MSFT");
  t.d.type(ids::strategy_param_id("strategies", "fast"), "30");
  t.d.type(ids::strategy_param_id("strategies", "slow"), "10");
  t.d.type(ids::strategy_param_id("strategies", "qty"), "1");
  t.d.click(ids::kStrategiesSwitchOn);
  EXPECT_NE(t.d.messages_at(ids::strategy_param_id("strategies", "slow")), "");
  EXPECT_EQ(t.list.size(), 1u);  // nothing changed

  t.d.type(ids::kStrategiesSymbol, "ZZZZ");  // not quoted
  t.d.type(ids::strategy_param_id("strategies", "slow"), "40");
  t.d.click(ids::kStrategiesSwitchOn);
  EXPECT_NE(t.d.messages_at(ids::kStrategiesSymbol).find("ZZZZ"), std::string::npos);
}

}  // namespace
}  // namespace stonks::testing
