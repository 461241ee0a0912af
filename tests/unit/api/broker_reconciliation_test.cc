// Broker reconciliation: the broker's account and positions against the
// engine's, every difference named, nothing compared that the broker has not
// answered yet.
#include "api/broker_reconciliation.h"

#include <gtest/gtest.h>

#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

// An engine state holding `cash` and the given positions (qty at 100 each).
EngineState engine_holding(const std::string& cash, std::vector<std::pair<std::string, Quantity>> positions) {
  Portfolio::Fields f;
  f.cash = usd(cash);
  for (const auto& [ticker, qty] : positions)
    f.positions[sym(ticker)] = Position{sym(ticker), qty, Money::from_units(100 * qty), Money()};
  EngineState s;
  s.portfolio = Portfolio::restore(std::move(f));
  return s;
}

BrokerHoldings broker_holding(const std::string& cash, std::vector<std::pair<std::string, Quantity>> positions) {
  BrokerHoldings h;
  h.account = BrokerAccount{usd(cash), usd(cash), usd(cash)};
  h.positions.emplace();
  for (const auto& [ticker, qty] : positions)
    h.positions->push_back(BrokerPosition{sym(ticker), qty, px("100"), Money::from_units(100 * qty)});
  return h;
}

TEST(BrokerReconciliation, AgreeingSidesHaveNoDifference) {
  EXPECT_TRUE(reconcile(engine_holding("98999", {{"AAPL", 10}}), broker_holding("98999", {{"AAPL", 10}})).empty());
}

TEST(BrokerReconciliation, ADifferentCashIsFlaggedWithBothFigures) {
  const std::vector<BrokerDifference> d = reconcile(engine_holding("100000", {}), broker_holding("99999.99", {}));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, BrokerDifference::Kind::kCash);
  EXPECT_EQ(d[0].engine_cash, usd("100000"));
  EXPECT_EQ(d[0].broker_cash, usd("99999.99"));
  EXPECT_EQ(d[0].describe(), "cash: engine 100000.00, broker 99999.99");
}

TEST(BrokerReconciliation, EachSymbolWhoseQuantityDiffersIsFlaggedInSymbolOrder) {
  // MSFT only at the broker, NVDA only in the engine, AAPL on both with other quantities, TSLA agreeing.
  const std::vector<BrokerDifference> d = reconcile(engine_holding("1000", {{"AAPL", 10}, {"NVDA", -3}, {"TSLA", 2}}),
                                                    broker_holding("1000", {{"AAPL", 15}, {"MSFT", 4}, {"TSLA", 2}}));
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].describe(), "AAPL: engine holds 10, broker 15");
  EXPECT_EQ(d[1].describe(), "MSFT: engine holds 0, broker 4");
  EXPECT_EQ(d[2].describe(), "NVDA: engine holds -3, broker 0");
  for (const BrokerDifference& x : d) EXPECT_EQ(x.kind, BrokerDifference::Kind::kPosition);
  EXPECT_EQ(d[1].symbol, sym("MSFT"));
  EXPECT_EQ(d[1].engine_qty, 0);
  EXPECT_EQ(d[1].broker_qty, 4);
}

TEST(BrokerReconciliation, AFlatEnginePositionAgreesWithNoBrokerPosition) {
  EngineState s = engine_holding("1000", {{"AAPL", 0}});
  EXPECT_TRUE(reconcile(s, broker_holding("1000", {})).empty());
}

TEST(BrokerReconciliation, WhatTheBrokerHasNotAnsweredIsNotCompared) {
  const EngineState s = engine_holding("1000", {{"AAPL", 10}});
  EXPECT_TRUE(reconcile(s, BrokerHoldings{}).empty());
  BrokerHoldings only_account;
  only_account.account = BrokerAccount{usd("5"), usd("5"), usd("5")};
  const std::vector<BrokerDifference> d = reconcile(s, only_account);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, BrokerDifference::Kind::kCash);
  BrokerHoldings only_positions;
  only_positions.positions.emplace();
  ASSERT_EQ(reconcile(s, only_positions).size(), 1u);
  EXPECT_EQ(reconcile(s, only_positions)[0].describe(), "AAPL: engine holds 10, broker 0");
}

}  // namespace
}  // namespace stonks::testing
