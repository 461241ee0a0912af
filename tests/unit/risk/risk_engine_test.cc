// evaluate_risk: every check runs, every denial is reported in check order,
// and the checks that passed are named.
#include "risk/risk_engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

const std::vector<std::string> kAllChecks = {
    "trading_enabled", "paper_available",     "not_halted",     "not_locked_out",    "symbol_tradable",
    "has_market_data", "limit_price_in_band", "order_notional", "position_notional", "gross_exposure",
    "buying_power",    "short_selling",       "open_orders",    "order_rate",        "daily_loss"};

class RiskEngineTest : public ::testing::Test {
 protected:
  RiskEngineTest() : now(test_epoch()) {
    Quote q = quote("AAPL", "99.90", "100.10");
    q.at = now;
    mkt.apply_quote(q);
    portfolio.deposit(usd("1000000"));
    portfolio.start_day(utc_day(now), portfolio.equity(mkt));
  }

  RiskResult evaluate(const OrderIntent& o) const {
    const Valuation valuation = Valuation::of(portfolio, mkt);
    RiskContext c{config, mode, false, now, lockouts, mkt, portfolio, valuation, open};
    c.symbol = symbol_facts(o.symbol, mkt, portfolio);
    return evaluate_risk(c, o);
  }

  void lock(const std::string& ticker) {
    Lockout l;
    l.id = 3;
    l.symbol = sym(ticker);
    l.reason = "halt pending";
    l.created_at = now;
    l.expires_at = now + std::chrono::hours(1);
    l.created_by = "operator";
    lockouts.add(l);
  }

  RiskConfig config;
  TradingMode mode = TradingMode::kPaper;
  Timestamp now;
  LockoutBook lockouts;
  MarketState mkt;
  Portfolio portfolio;
  OpenOrderSummary open;
};

TEST_F(RiskEngineTest, ACleanOrderPassesEveryCheckByName) {
  RiskResult r = evaluate(market("AAPL", Side::kBuy, 10));
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.denials.empty());
  EXPECT_EQ(risk_check_names(r.passed), kAllChecks);
  EXPECT_EQ(r.notional, usd("1001"));
}

TEST_F(RiskEngineTest, ReportsDisabledLockedAndTooBigTogetherInCheckOrder) {
  mode = TradingMode::kDisabled;
  lock("AAPL");
  RiskResult r = evaluate(market("AAPL", Side::kBuy, 2000));  // 200200 > 100000
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(reason_texts(r.denials),
            (std::vector<std::string>{
                "TRADING_DISABLED: trading mode is disabled",
                "LOCKED_OUT: AAPL locked out (manual lockout 3 until 2026-11-24T15:30:00Z): halt pending",
                "MAX_ORDER_NOTIONAL_EXCEEDED: max=100000.00 notional=200200.00"}));
  std::vector<std::string> expected_passed = kAllChecks;
  for (const char* failed : {"trading_enabled", "not_locked_out", "order_notional"})
    expected_passed.erase(std::find(expected_passed.begin(), expected_passed.end(), failed));
  EXPECT_EQ(risk_check_names(r.passed), expected_passed);
  EXPECT_EQ(r.denials.size() + r.passed.count(), kAllChecks.size());
  EXPECT_EQ(r.notional, usd("200200"));
}

TEST_F(RiskEngineTest, DenialsCarryTheirCodesAsValues) {
  config.limits.max_open_orders = 1;
  open.count = 1;
  RiskResult r = evaluate(market("AAPL", Side::kSell, 5));
  ASSERT_EQ(r.denials.size(), 2u);
  EXPECT_EQ(r.denials[0], (Reason{ReasonCode::kShortSellingNotAllowed, "sell=5 sellable=0"}));
  EXPECT_EQ(r.denials[1], (Reason{ReasonCode::kMaxOpenOrdersExceeded, "max=1 open=1"}));
}

TEST_F(RiskEngineTest, AnUnpricedSymbolIsDeniedForDataAndValuedAtZero) {
  RiskResult r = evaluate(market("TSLA", Side::kBuy, 10));
  EXPECT_EQ(reason_texts(r.denials), std::vector<std::string>{"NO_MARKET_DATA: no price seen for TSLA"});
  EXPECT_EQ(r.notional, Money());
}

TEST_F(RiskEngineTest, LimitOrderNotionalIsAtTheLimitPrice) {
  RiskResult r = evaluate(limit("AAPL", Side::kBuy, 10, "95.5"));
  EXPECT_TRUE(r.ok()) << ::testing::PrintToString(reason_texts(r.denials));
  EXPECT_EQ(r.notional, usd("955"));
}

TEST_F(RiskEngineTest, SameInputsGiveTheSameResult) {
  lock("AAPL");
  RiskResult a = evaluate(market("AAPL", Side::kSell, 3));
  RiskResult b = evaluate(market("AAPL", Side::kSell, 3));
  EXPECT_EQ(a.denials, b.denials);
  EXPECT_EQ(a.passed, b.passed);
  EXPECT_EQ(a.notional, b.notional);
  EXPECT_EQ(a.notional, usd("299.70"));
}

}  // namespace
}  // namespace stonks::testing
