// GET /api/broker's JSON: what the server writes, the panel reads back
// unchanged; a paper server's answer means "no broker"; a malformed one is
// refused naming the field.
#include "api/broker_status.h"

#include <gtest/gtest.h>

#include "json/json_values.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

BrokerStatus failing_status() {
  BrokerStatus s;
  s.link = BrokerStatus::Link::kFailing;
  s.failing_since = test_epoch();
  s.last_error = "no answer: Read timeout";
  s.last_error_at = test_epoch() + std::chrono::seconds(3);
  s.latency_ms = 1000;
  s.rate = BrokerStatus::RateBudget{200, 187, test_epoch() + std::chrono::seconds(60)};
  s.holdings.account = BrokerAccount{usd("98999"), usd("97000.5"), usd("100000.25")};
  s.holdings.positions = std::vector<BrokerPosition>{{sym("AAPL"), 10, px("100.1"), usd("1000")},
                                                     {sym("MSFT"), -2, px("200.2"), usd("-400.4")}};
  s.holdings_at = test_epoch() + std::chrono::seconds(2);
  return s;
}

TEST(BrokerStatusJson, WhatTheServerWritesReadsBackTheSame) {
  const BrokerStatus s = failing_status();
  const nlohmann::json j = broker_status_json("alpaca", s, {});
  EXPECT_EQ(j["link"]["state"], "failing");
  EXPECT_EQ(j["rate_limit"]["remaining"], 187);
  EXPECT_EQ(j["account"]["cash"], "98999.00");
  EXPECT_EQ(j["positions"][1]["qty"], -2);
  Result<std::optional<BrokerStatus>> back = broker_status_from_json(j);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  ASSERT_TRUE(back->has_value());
  EXPECT_TRUE(**back == s);
}

TEST(BrokerStatusJson, UnknownPartsAreLeftOutAndStayUnknown) {
  const nlohmann::json j = broker_status_json("alpaca", BrokerStatus{}, {});
  EXPECT_FALSE(j.contains("account"));
  EXPECT_FALSE(j.contains("positions"));
  EXPECT_FALSE(j.contains("rate_limit"));
  Result<std::optional<BrokerStatus>> back = broker_status_from_json(j);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_TRUE(**back == BrokerStatus{});
}

TEST(BrokerStatusJson, DifferencesSayWhatDiffers) {
  BrokerDifference cash;
  cash.engine_cash = usd("100000");
  cash.broker_cash = usd("98999");
  BrokerDifference aapl;
  aapl.kind = BrokerDifference::Kind::kPosition;
  aapl.symbol = sym("AAPL");
  aapl.engine_qty = 10;
  aapl.broker_qty = 15;
  const nlohmann::json j = broker_status_json("alpaca", BrokerStatus{}, {cash, aapl});
  ASSERT_EQ(j["differences"].size(), 2u);
  EXPECT_EQ(j["differences"][0]["kind"], "cash");
  EXPECT_EQ(j["differences"][0]["engine"], "100000.00");
  EXPECT_EQ(j["differences"][0]["broker"], "98999.00");
  EXPECT_EQ(j["differences"][1]["kind"], "position");
  EXPECT_EQ(j["differences"][1]["ticker"], "AAPL");
  EXPECT_EQ(j["differences"][1]["broker"], 15);
  EXPECT_EQ(j["differences"][1]["message"], "AAPL: engine holds 10, broker 15");
}

TEST(BrokerStatusJson, APaperServerHasNoBroker) {
  Result<std::optional<BrokerStatus>> r = broker_status_from_json(nlohmann::json{{"broker", "paper"}});
  ASSERT_TRUE(r.is_ok());
  EXPECT_FALSE(r->has_value());
}

TEST(BrokerStatusJson, AMalformedAnswerIsRefusedNamingTheField) {
  nlohmann::json j = broker_status_json("alpaca", failing_status(), {});
  j["positions"][1]["qty"] = "two";
  Result<std::optional<BrokerStatus>> r = broker_status_from_json(j);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().field(), "positions[1].qty");
  EXPECT_FALSE(broker_status_from_json(nlohmann::json::array()).is_ok());
}

}  // namespace
}  // namespace stonks::testing
