// Building strategies from key=value parameters: the registry's names, the
// accepted ranges at their edges, and every refusal naming its field.
#include "strategy/strategy_params.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "strategy/strategy_registry.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

struct BadSpec {
  std::string name;
  ParamList params;
  std::string field;
  std::string message;  // a part of the message
};

void PrintTo(const BadSpec& b, std::ostream* os) {
  *os << b.name;
  for (const auto& [k, v] : b.params) *os << " " << k << "=" << v;
}

class StrategyParamsRefusal : public ::testing::TestWithParam<BadSpec> {};

TEST_P(StrategyParamsRefusal, NamesTheFieldAndBuildsNothing) {
  const BadSpec& b = GetParam();
  Result<std::unique_ptr<Strategy>> r = make_strategy(StrategySpec{b.name, sym("AAPL"), b.params});
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().field(), b.field) << r.status().to_string();
  EXPECT_NE(r.status().message().find(b.message), std::string::npos) << r.status().to_string();
}

const ParamList kSma = {{"fast", "10"}, {"slow", "30"}, {"qty", "100"}};
const ParamList kMr = {{"window", "20"}, {"entry", "2"}, {"qty", "100"}};

ParamList with(ParamList base, const std::string& key, const std::string& value) {
  for (auto& [k, v] : base)
    if (k == key) {
      v = value;
      return base;
    }
  base.emplace_back(key, value);
  return base;
}

ParamList without(ParamList base, const std::string& key) {
  std::erase_if(base, [&](const auto& kv) { return kv.first == key; });
  return base;
}

INSTANTIATE_TEST_SUITE_P(
    StrategyParams, StrategyParamsRefusal,
    ::testing::Values(
        BadSpec{"smaa", kSma, "name", R"(expected "sma", "mean_reversion" or "rsi", got "smaa")"},
        BadSpec{"", kSma, "name", "expected"},
        BadSpec{"sma", ParamList{{"fast", "40"}}, "params.slow", "must be greater than fast (40), got 30"},
        BadSpec{"sma", with(kSma, "fast", "abc"), "params.fast", R"(must be an integer from 1 to 9999, got "abc")"},
        BadSpec{"sma", with(kSma, "fast", "0"), "params.fast", "from 1 to 9999"},
        BadSpec{"sma", with(kSma, "fast", "1.5"), "params.fast", "an integer"},
        BadSpec{"sma", with(kSma, "fast", ""), "params.fast", "an integer"},
        BadSpec{"sma", with(kSma, "fast", " 10"), "params.fast", "an integer"},
        BadSpec{"sma", with(kSma, "fast", "99999999999999999999"), "params.fast", "an integer"},
        BadSpec{"sma", with(kSma, "slow", "10001"), "params.slow", "from 2 to 10000"},
        BadSpec{"sma", with(kSma, "slow", "10"), "params.slow", "must be greater than fast (10), got 10"},
        BadSpec{"sma", with(kSma, "slow", "9"), "params.slow", "greater than fast"},
        BadSpec{"sma", with(kSma, "allow_short", "yes"), "params.allow_short", "must be true or false"},
        BadSpec{"sma", with(kSma, "fsat", "10"), "params.fsat",
                "unknown parameter; expected one of fast, slow, allow_short, qty, equity_pct"},
        BadSpec{"sma", with(kSma, "window", "10"), "params.window", "unknown parameter"},
        BadSpec{"sma", ParamList{{"fast", "10"}, {"slow", "30"}, {"fast", "12"}, {"qty", "1"}}, "params.fast",
                "is given twice"},
        BadSpec{"sma", with(kSma, "equity_pct", "10"), "params.equity_pct", "not be given together with qty"},
        BadSpec{"sma", with(kSma, "qty", "0"), "params.qty", "from 1 to 1000000000"},
        BadSpec{"sma", with(kSma, "qty", "1000000001"), "params.qty", "from 1 to 1000000000"},
        BadSpec{"sma", with(without(kSma, "qty"), "equity_pct", "0"), "params.equity_pct",
                "must be a decimal above 0.00 and at most 100.00, got \"0\""},
        BadSpec{"sma", with(without(kSma, "qty"), "equity_pct", "100.000001"), "params.equity_pct", "at most 100"},
        BadSpec{"sma", with(without(kSma, "qty"), "equity_pct", "0.0000001"), "params.equity_pct", "a decimal"},
        BadSpec{"sma", with(without(kSma, "qty"), "equity_pct", "ten"), "params.equity_pct", "a decimal"},
        BadSpec{"mean_reversion", with(kMr, "window", "1"), "params.window", "from 2 to 10000"},
        BadSpec{"mean_reversion", with(kMr, "window", "10001"), "params.window", "from 2 to 10000"},
        BadSpec{"mean_reversion", with(kMr, "entry", "0"), "params.entry", "above 0.00 and at most 100.00"},
        BadSpec{"mean_reversion", with(kMr, "entry", "-1"), "params.entry", "above 0.00"},
        BadSpec{"mean_reversion", with(kMr, "entry", "100.5"), "params.entry", "at most 100.00"},
        BadSpec{"mean_reversion", with(kMr, "entry", "NaN"), "params.entry", "a decimal"},
        BadSpec{"mean_reversion", with(kMr, "exit", "-0.1"), "params.exit", "at least 0.00"},
        BadSpec{"mean_reversion", with(kMr, "exit", "2"), "params.exit", "must be below entry (2.00), got 2.00"},
        BadSpec{"mean_reversion", with(kMr, "exit", "2.5"), "params.exit", "below entry"},
        BadSpec{"mean_reversion", ParamList{{"exit", "3"}}, "params.exit", "must be below entry (2.00), got 3.00"},
        BadSpec{"mean_reversion", with(kMr, "allow_short", "1"), "params.allow_short", "true or false"},
        BadSpec{"mean_reversion", with(kMr, "fast", "2"), "params.fast", "expected one of window, entry, exit"},
        BadSpec{"mean_reversion", with(kMr, "equity_pct", "1"), "params.equity_pct",
                "must not be given together with qty"},
        BadSpec{"rsi", ParamList{{"period", "1"}}, "params.period", "from 2 to 10000"},
        BadSpec{"rsi", ParamList{{"period", "10001"}}, "params.period", "from 2 to 10000"},
        BadSpec{"rsi", ParamList{{"oversold", "-1"}}, "params.oversold", "at least 0.00 and at most 100.00"},
        BadSpec{"rsi", ParamList{{"overbought", "100.000001"}}, "params.overbought", "at most 100.00"},
        BadSpec{"rsi", ParamList{{"oversold", "40"}, {"overbought", "40"}}, "params.overbought",
                "must be above oversold (40.00), got 40.00"},
        BadSpec{"rsi", ParamList{{"overbought", "25"}}, "params.overbought", "above oversold (30.00)"},
        BadSpec{"rsi", ParamList{{"oversold", "80"}}, "params.overbought", "must be above oversold (80.00), got 70.00"},
        BadSpec{"rsi", ParamList{{"window", "14"}}, "params.window",
                "expected one of period, oversold, overbought, allow_short, qty, equity_pct"},
        BadSpec{"rsi", ParamList{{"qty", "5"}, {"equity_pct", "5"}}, "params.equity_pct", "together with qty"}));

TEST(StrategyParams, AnEmptySymbolIsRefused) {
  Result<std::unique_ptr<Strategy>> r = make_strategy(StrategySpec{"sma", Symbol(), kSma});
  EXPECT_EQ(r.status().field(), "symbol");
}

TEST(StrategyParams, TheEdgesOfEveryRangeBuild) {
  const std::vector<StrategySpec> ok = {
      {"sma", sym("AAPL"), {{"fast", "1"}, {"slow", "2"}, {"qty", "1"}}},
      {"sma", sym("AAPL"), {{"fast", "9999"}, {"slow", "10000"}, {"qty", "1000000000"}, {"allow_short", "true"}}},
      {"sma", sym("AAPL"), {{"slow", "30"}, {"equity_pct", "100"}, {"fast", "10"}, {"allow_short", "false"}}},
      {"sma", sym("AAPL"), {{"fast", "1"}, {"slow", "2"}, {"equity_pct", "0.000001"}}},
      {"mean_reversion", sym("AAPL"), {{"window", "2"}, {"entry", "0.000001"}, {"qty", "1"}}},
      {"mean_reversion", sym("AAPL"), {{"window", "10000"}, {"entry", "100"}, {"exit", "99.999999"}, {"qty", "1"}}},
      {"mean_reversion", sym("AAPL"), {{"window", "5"}, {"entry", "1.5e0"}, {"exit", "0"}, {"equity_pct", "5"}}},
      {"rsi", sym("AAPL"), {{"period", "2"}, {"oversold", "0"}, {"overbought", "0.000001"}, {"qty", "1"}}},
      {"rsi", sym("AAPL"), {{"period", "10000"}, {"oversold", "99.999999"}, {"overbought", "100"}}},
      {"rsi", sym("AAPL"), {{"allow_short", "true"}, {"equity_pct", "2.5"}}},
  };
  for (const StrategySpec& spec : ok) {
    Result<std::unique_ptr<Strategy>> r = make_strategy(spec);
    ASSERT_TRUE(r.is_ok()) << r.status().to_string();
    EXPECT_EQ((*r)->name(), spec.name);
  }
}

TEST(StrategyParams, TheRegistryListsEveryStrategyWithItsTable) {
  EXPECT_EQ(strategy_names(), (std::vector<std::string>{"sma", "mean_reversion", "rsi"}));
  std::vector<std::string> keys;
  for (const ParamDef& d : strategy_params("mean_reversion")) keys.emplace_back(d.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"window", "entry", "exit", "allow_short", "qty", "equity_pct"}));
  EXPECT_TRUE(strategy_params("nope").empty());
}

TEST(StrategyParams, DefaultsAndCanonicalTextComeFromTheTable) {
  Result<ParamValues> v = parse_params(strategy_params("mean_reversion"), {{"window", "5"}, {"entry", "1.5"}});
  ASSERT_TRUE(v.is_ok()) << v.status().to_string();
  EXPECT_EQ(v->at("entry"), 1'500'000);
  EXPECT_EQ(v->at("exit"), 0);         // default "0"
  EXPECT_EQ(v->at("allow_short"), 0);  // default "false"
  EXPECT_FALSE(v->has("qty"));         // no table default: PositionSizing takes 1 share when neither is given
  const ParamDef* entry = find_param(strategy_params("mean_reversion"), "entry");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(param_text(*entry, 1'500'000), "1.50");
}

// The defaults docs/strategies.md lists, as each table gives them.
TEST(StrategyParams, EveryStrategyBuildsWithNoParametersFromItsDefaults) {
  const std::vector<std::pair<std::string, std::string>> want = {
      {"sma", "fast=10 slow=30 allow_short=false"},
      {"mean_reversion", "window=20 entry=2.00 exit=0.00 allow_short=false"},
      {"rsi", "period=14 oversold=30.00 overbought=70.00 allow_short=false"},
  };
  for (const auto& [name, defaults] : want) {
    Result<ParamValues> v = parse_params(strategy_params(name), {});
    ASSERT_TRUE(v.is_ok()) << name << ": " << v.status().to_string();
    std::string got;
    for (const ParamDef& d : strategy_params(name))
      if (v->has(d.key)) got += (got.empty() ? "" : " ") + std::string(d.key) + "=" + param_text(d, v->at(d.key));
    EXPECT_EQ(got, defaults) << name;
    Result<std::unique_ptr<Strategy>> r = make_strategy(StrategySpec{name, sym("AAPL"), {}});
    EXPECT_TRUE(r.is_ok()) << name << ": " << r.status().to_string();
  }
  EXPECT_EQ(strategy_names().size(), want.size()) << "a strategy's defaults are missing here";
}

}  // namespace
}  // namespace stonks::testing
