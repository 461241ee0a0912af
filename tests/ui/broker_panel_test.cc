// The Broker section of a desk mirroring a live server: the broker's link,
// latency and rate budget as the server reported them, and every difference
// between the broker's account or positions and the engine's drawn as an
// error naming it. A desk without a broker shows no such section.
#include <gtest/gtest.h>

#include "imgui_ui/broker_view.h"
#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

class BrokerPanelTest : public ::testing::Test {
 protected:
  // The driver's engine holds 100000.00 cash and no position; so does this broker.
  BrokerPanelTest() {
    broker.received = true;
    BrokerStatus& s = broker.status;
    s.link = BrokerStatus::Link::kConnected;
    s.latency_ms = 42;
    s.rate = BrokerStatus::RateBudget{200, 187, d.now + std::chrono::seconds(30)};
    s.holdings.account = BrokerAccount{usd("100000"), usd("100000"), usd("100000")};
    s.holdings.positions.emplace();
    s.holdings_at = d.now;
  }

  // The desk with the broker view passed to it, on its Broker view (offered only then).
  void frame(const ui::BrokerStatusView* view) {
    d.broker_view = view;
    d.frame(2);
    if (view) d.click(ids::view_tab_id("broker"));
    EXPECT_EQ(d.shows(ids::view_tab_id("broker")), view != nullptr);
  }
  std::vector<std::string> errors_at(const char* where) {
    std::vector<std::string> out;
    for (const ui::DeskMessage& m : d.messages())
      if (m.where == where && m.error) out.push_back(m.text);
    return out;
  }

  DeskDriver d;
  ui::BrokerStatusView broker;
};

TEST_F(BrokerPanelTest, ADeskWithoutABrokerHasNoBrokerSection) {
  frame(nullptr);
  EXPECT_EQ(d.messages_at(ids::kBrokerLink), "");
  EXPECT_EQ(d.messages_at(ids::kBrokerDifferences), "");
}

TEST_F(BrokerPanelTest, ShowsTheLinkLatencyAndRateBudget) {
  frame(&broker);
  EXPECT_EQ(d.messages_at(ids::kBrokerLink), "Connected");
  EXPECT_EQ(d.messages_at(ids::kBrokerLatency), "Latency 42 ms");
  EXPECT_NE(d.messages_at(ids::kBrokerRateLimit).find("Rate budget 187/200, refills at "), std::string::npos)
      << d.messages_at(ids::kBrokerRateLimit);
  EXPECT_NE(d.messages_at(ids::kBrokerRateLimit).find("(in 30s)"), std::string::npos)
      << d.messages_at(ids::kBrokerRateLimit);
  EXPECT_EQ(d.messages_at(ids::kBrokerDifferences), "Broker and engine agree");
  EXPECT_FALSE(d.any_error());
}

TEST_F(BrokerPanelTest, AFailingLinkIsAnErrorSayingSinceWhenAndWhy) {
  broker.status.link = BrokerStatus::Link::kFailing;
  broker.status.failing_since = d.now;
  broker.status.last_error = "no answer: Read timeout";
  frame(&broker);
  const std::vector<std::string> errors = errors_at(ids::kBrokerLink);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("Failing since "), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("no answer: Read timeout"), std::string::npos) << errors[0];
}

TEST_F(BrokerPanelTest, EveryDifferenceIsAnErrorNamingIt) {
  broker.status.holdings.account->cash = usd("99000");
  broker.status.holdings.positions->push_back(BrokerPosition{sym("AAPL"), 10, px("100"), usd("1000")});
  frame(&broker);
  const std::vector<std::string> errors = errors_at(ids::kBrokerDifferences);
  ASSERT_EQ(errors.size(), 2u) << d.messages_at(ids::kBrokerDifferences);
  EXPECT_EQ(errors[0], "Broker and engine differ: cash: engine 100000.00, broker 99000.00");
  EXPECT_EQ(errors[1], "Broker and engine differ: AAPL: engine holds 0, broker 10");
  // Nothing was changed to make them agree.
  EXPECT_EQ(d.engine.state().portfolio.cash(), usd("100000"));
  EXPECT_TRUE(d.sent.empty());
}

TEST_F(BrokerPanelTest, AFailedPollSaysTheFiguresAreOld) {
  broker.fetch_error = "HTTP 503";
  frame(&broker);
  const std::vector<std::string> errors = errors_at(ids::kBrokerLink);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "Broker status not updated: HTTP 503");
}

}  // namespace
}  // namespace stonks::testing
