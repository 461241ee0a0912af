// The JSON form of a strategy spec: what the panel and the server send.
#include "strategy/strategy_spec_json.h"

#include <gtest/gtest.h>

#include "json/json_values.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

nlohmann::json parse(const std::string& text) {
  Result<nlohmann::json> j = parse_json(text);
  EXPECT_TRUE(j.is_ok()) << text;
  return j.is_ok() ? *j : nlohmann::json();
}

Status read_error(const std::string& text) { return strategy_spec_from_json(parse(text)).status(); }

TEST(StrategySpecJson, ReadsTheIssuesExampleIntoKeyValueText) {
  Result<StrategySpec> r = strategy_spec_from_json(
      parse(R"({"name":"sma","symbol":"AAPL","params":{"fast":10,"slow":30,"allow_short":false,"qty":100}})"));
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->name, "sma");
  EXPECT_EQ(r->symbol, sym("AAPL"));
  EXPECT_EQ(r->params, (ParamList{{"fast", "10"}, {"slow", "30"}, {"allow_short", "false"}, {"qty", "100"}}));
}

TEST(StrategySpecJson, ReadsDecimalsAsNumbersOrStringsExactly) {
  Result<StrategySpec> r = strategy_spec_from_json(parse(
      R"({"name":"mean_reversion","symbol":"MSFT","params":{"window":20,"entry":1.5,"exit":"0.25","equity_pct":5}})"));
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->params, (ParamList{{"window", "20"}, {"entry", "1.50"}, {"exit", "0.25"}, {"equity_pct", "5.00"}}));
}

TEST(StrategySpecJson, WritesEachParameterAsItsKindAndReadsBackTheSame) {
  const StrategySpec sma{"sma", sym("AAPL"), {{"fast", "10"}, {"slow", "30"}, {"allow_short", "true"}, {"qty", "100"}}};
  EXPECT_EQ(to_json(sma),
            parse(R"({"name":"sma","symbol":"AAPL","params":{"fast":10,"slow":30,"allow_short":true,"qty":100}})"));
  const StrategySpec mr{"mean_reversion", sym("MSFT"), {{"window", "20"}, {"entry", "1.5"}, {"equity_pct", "2.5"}}};
  EXPECT_EQ(to_json(mr), parse(R"({"name":"mean_reversion","symbol":"MSFT",)"
                               R"("params":{"window":20,"entry":"1.50","equity_pct":"2.50"}})"));

  const StrategySpec rsi{"rsi", sym("IBM"), {{"period", "9"}, {"oversold", "25.5"}, {"allow_short", "false"}}};
  EXPECT_EQ(to_json(rsi), parse(R"({"name":"rsi","symbol":"IBM",)"
                                R"("params":{"period":9,"oversold":"25.50","allow_short":false}})"));

  Result<StrategySpec> back = strategy_spec_from_json(to_json(sma));
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(*back, sma);
}

TEST(StrategySpecJson, AValueTheTableCannotReadIsWrittenAsTextAndRefusedOnTheWayBack) {
  const StrategySpec bad{"sma", sym("AAPL"), {{"fast", "ten"}, {"slow", "30"}, {"qty", "1"}}};
  EXPECT_EQ(to_json(bad)["params"]["fast"], "ten");
  EXPECT_EQ(strategy_spec_from_json(to_json(bad)).status().field(), "params.fast");
}

TEST(StrategySpecJson, ParametersLeftOutAreLeftOutAndTakeTheirDefaultsWhenBuilt) {
  Result<StrategySpec> r = strategy_spec_from_json(parse(R"({"name":"sma","symbol":"AAPL"})"));
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_TRUE(r->params.empty());
  EXPECT_EQ(to_json(*r), parse(R"({"name":"sma","symbol":"AAPL","params":{}})"));
}

TEST(StrategySpecJson, EveryRefusalNamesItsPath) {
  const std::string head = R"({"name":"sma","symbol":"AAPL","params":)";
  const struct {
    std::string text;
    std::string field;
  } cases[] = {
      {R"({"name":"sma","symbol":"AAPL","params":{"fast":10,"slow":30,"qty":1},"extra":1})", "extra"},
      {head + R"({"fast":10,"slow":30,"qty":1,"fsat":3}})", "params.fsat"},
      {head + R"({"fast":10.5,"slow":30,"qty":1}})", "params.fast"},
      {head + R"({"fast":10.0,"slow":30,"qty":1}})", "params.fast"},
      {head + R"({"fast":"10","slow":30,"qty":1}})", "params.fast"},
      {head + R"({"fast":0,"slow":30,"qty":1}})", "params.fast"},
      {head + R"({"fast":30,"slow":30,"qty":1}})", "params.slow"},
      {head + R"({"fast":10,"slow":30,"allow_short":1,"qty":1}})", "params.allow_short"},
      {head + R"({"fast":10,"slow":30,"qty":1,"equity_pct":2}})", "params.equity_pct"},
      {head + R"({"fast":10,"slow":30,"equity_pct":1e-7}})", "params.equity_pct"},
      {head + R"([10,30]})", "params"},
      {R"({"name":"mean_reversion","symbol":"AAPL","params":{"window":5,"entry":true,"qty":1}})", "params.entry"},
      {R"({"name":"mean_reversion","symbol":"AAPL","params":{"window":5,"entry":"2","exit":"2","qty":1}})",
       "params.exit"},
      {R"({"name":"rsi","symbol":"AAPL","params":{"oversold":"75"}})", "params.overbought"},
      {R"({"name":"rsi","symbol":"AAPL","params":{"period":14.5}})", "params.period"},
      {R"({"name":"momentum","symbol":"AAPL","params":{"fast":10}})", "name"},
      {R"({"symbol":"AAPL","params":{}})", "name"},
      {R"({"name":"sma","symbol":"aapl","params":{"fast":10,"slow":30,"qty":1}})", "symbol"},
      {R"({"name":"sma","params":{"fast":10,"slow":30,"qty":1}})", "symbol"},
      {R"({"name":"sma","symbol":"AAPL","params":{"fast":40}})", "params.slow"},  // against slow's default 30
  };
  for (const auto& c : cases) {
    Status s = read_error(c.text);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.text;
    EXPECT_EQ(s.field(), c.field) << c.text << " -> " << s.to_string();
  }
  EXPECT_EQ(strategy_spec_from_json(parse("[1]")).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace stonks::testing
