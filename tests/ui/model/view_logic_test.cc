// The views' other data logic: the feed's staleness rule, an order's
// timeline, the audit feed's paging and filters, the ticket's market line,
// the market watch's change, and the remembered layout.
#include <gtest/gtest.h>

#include "imgui_ui/model/audit_feed.h"
#include "imgui_ui/model/desk_settings.h"
#include "imgui_ui/model/feed_freshness.h"
#include "imgui_ui/model/market_rows.h"
#include "imgui_ui/model/order_timeline.h"
#include "imgui_ui/model/ticket_market.h"
#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

using namespace ui;
using namespace std::chrono;

TEST(FeedFreshness, StaleWithoutQuotesAndOnlyPastTheLimit) {
  const MarketState none;
  EXPECT_TRUE(feed_freshness(none, test_epoch(), seconds(10)).stale);
  EXPECT_FALSE(feed_freshness(none, test_epoch(), seconds(10)).age.has_value());
  EngineHarness e;  // quotes AAPL and MSFT at its start
  e.advance(seconds(3));
  e.set_quote("MSFT", "199.90", "200.10");  // the newest counts
  const FeedFreshness at_limit = feed_freshness(e.engine.state().market, e.now + seconds(10), seconds(10));
  EXPECT_EQ(at_limit.age, seconds(10));
  EXPECT_FALSE(at_limit.stale);
  EXPECT_TRUE(feed_freshness(e.engine.state().market, e.now + seconds(10) + microseconds(1), seconds(10)).stale);
  // A clock behind the quote (a replica's) is age zero, never negative.
  EXPECT_EQ(feed_freshness(e.engine.state().market, e.now - seconds(5), seconds(10)).age, Duration(0));
}

TEST(OrderTimeline, AHeldOrderShowsChecksDecisionFillAndEnd) {
  EngineHarness e;
  e.set_quote("AAPL", "99.90", "100.10");
  e.require_paper_approval();
  const Order o = e.submit(market("AAPL", Side::kBuy, 10));
  e.advance(seconds(20));
  ASSERT_TRUE(e.engine.decide_approval(o.approval_id(), true, "alice", "looks fine", e.now).is_ok());
  const std::vector<TimelineEntry> t = order_timeline(e.engine.state(), o.id());
  std::vector<std::string> steps;
  for (const TimelineEntry& x : t) steps.push_back(x.what);
  EXPECT_EQ(steps, (std::vector<std::string>{"Received", "Risk checks", "Approval gate", "Held for approval",
                                             "Approval", "Fill", "Ended"}));
  EXPECT_NE(t[1].detail.find("buying_power"), std::string::npos) << t[1].detail;
  EXPECT_EQ(t[2].detail.rfind("held: no rule matched", 0), 0u) << t[2].detail;  // the mode's default held it
  EXPECT_EQ(t[4].detail, "approved by alice: looks fine");
  EXPECT_EQ(t[4].at, e.now);
  EXPECT_NE(t[5].detail.find("10 @ 100.10"), std::string::npos) << t[5].detail;
  EXPECT_EQ(t[6].detail, "filled");
  EXPECT_TRUE(order_timeline(e.engine.state(), 99).empty());
}

TEST(OrderTimeline, ARiskRejectionNamesEveryFailedCheck) {
  EngineHarness e;
  e.set_quote("AAPL", "99.90", "100.10");
  const Order o = e.submit(market("AAPL", Side::kBuy, 1000000000));
  const std::vector<TimelineEntry> t = order_timeline(e.engine.state(), o.id());
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].what, "Risk checks");
  EXPECT_EQ(t[1].kind, TimelineEntry::Kind::kBad);
  EXPECT_NE(t[1].detail.find("MAX_ORDER_NOTIONAL_EXCEEDED"), std::string::npos) << t[1].detail;
}

nlohmann::json page(std::vector<nlohmann::json> entries, EventSeq next, bool more) {
  return {{"entries", entries}, {"next_after", next}, {"has_more", more}, {"first_seq", 1}};
}
nlohmann::json entry(EventSeq seq, const char* actor, const char* action, nlohmann::json details) {
  return {{"seq", seq},        {"at", "2026-11-24T14:30:00Z"}, {"actor", actor},
          {"action", action},  {"target", "lockout/1"},        {"reason", "r"},
          {"details", details}};
}

TEST(AuditFeed, PagesForwardUntilCurrentThenWaitsForNewEvents) {
  EngineHarness e;
  AuditFeed feed;
  EXPECT_EQ(feed.next_request(0), std::nullopt);  // nothing committed yet
  EXPECT_EQ(feed.next_request(40), "/api/audit?after=0&limit=500");
  EXPECT_EQ(feed.next_request(40), std::nullopt);  // one page in flight at a time
  ASSERT_TRUE(feed.on_page(page({entry(3, "alice", "lockout_created", {{"lockout", {{"ticker", "AAPL"}}}})}, 20, true),
                           e.engine.state())
                  .is_ok());
  EXPECT_EQ(feed.next_request(40), "/api/audit?after=20&limit=500");
  ASSERT_TRUE(feed.on_page(page({entry(3, "alice", "x", {}), entry(30, "bob", "mode_changed", {})}, 40, false),
                           e.engine.state())
                  .is_ok());
  ASSERT_EQ(feed.rows().size(), 2u);  // seq 3 again (a retried page) is not a new row
  EXPECT_EQ(feed.rows()[0].ticker, "AAPL");
  EXPECT_EQ(feed.next_request(40), std::nullopt);
  EXPECT_EQ(feed.next_request(41), "/api/audit?after=40&limit=500");
  EXPECT_FALSE(feed.on_page(nlohmann::json::object(), e.engine.state()).is_ok());
  EXPECT_EQ(feed.rows().size(), 2u);

  EXPECT_TRUE(matches(feed.rows()[1], AuditFilter{"mode", "BOB", ""}));
  EXPECT_FALSE(matches(feed.rows()[1], AuditFilter{"", "alice", ""}));
  EXPECT_TRUE(matches(feed.rows()[0], AuditFilter{"", "", "aapl"}));
  EXPECT_FALSE(matches(feed.rows()[1], AuditFilter{"", "", "AAPL"}));
}

TEST(AuditFeed, KeepsTheNewestRowsOnly) {
  EngineHarness e;
  AuditFeed feed;
  std::vector<nlohmann::json> entries;
  for (EventSeq s = 1; s <= AuditFeed::kMaxRows + 5; ++s) entries.push_back(entry(s, "a", "x", {}));
  ASSERT_TRUE(feed.next_request(1).has_value());
  ASSERT_TRUE(feed.on_page(page(entries, AuditFeed::kMaxRows + 5, false), e.engine.state()).is_ok());
  EXPECT_EQ(feed.rows().size(), AuditFeed::kMaxRows);
  EXPECT_EQ(feed.rows().front().seq, 6u);
  EXPECT_EQ(feed.dropped(), 5u);
}

TEST(TicketMarket, ShowsPricesPositionNotionalAndCompletions) {
  EngineHarness e;
  e.set_quote("AAPL", "99.90", "100.10");
  e.set_quote("AMD", "9.90", "10.10");
  e.submit(market("AAPL", Side::kBuy, 10));
  TicketMarket m = ticket_market(e.engine.state(), "aapl", Side::kBuy, 5, std::nullopt);
  EXPECT_TRUE(m.known);
  EXPECT_EQ(m.bid, px("99.90"));
  EXPECT_EQ(m.ask, px("100.10"));
  EXPECT_EQ(m.position_before, 10);
  EXPECT_EQ(m.position_after, 15);
  EXPECT_EQ(m.notional, usd("500.50"));
  EXPECT_TRUE(m.completions.empty());
  m = ticket_market(e.engine.state(), "AAPL", Side::kSell, 20, px("101"));
  EXPECT_EQ(m.position_after, -10);
  EXPECT_EQ(m.notional, usd("2020"));
  m = ticket_market(e.engine.state(), "A", Side::kBuy, 1, std::nullopt);
  EXPECT_FALSE(m.known);
  EXPECT_EQ(m.completions, (std::vector<std::string>{"AAPL", "AMD"}));
  m = ticket_market(e.engine.state(), "ZZZZ", Side::kBuy, 1, std::nullopt);
  EXPECT_FALSE(m.known);
  EXPECT_TRUE(m.completions.empty());
}

TEST(MarketRows, ChangeSinceTheDaysFirstPriceIsExact) {
  EngineHarness e;
  e.set_quote("AAPL", "99.90", "100.10");  // 100.00 first
  e.advance(minutes(5));
  e.set_quote("AAPL", "101.15", "101.35");  // 101.25
  e.set_quote("MSFT", "199.90", "200.10");
  DeskHistory h;
  for (const EventRecord& r : e.sink.events) h.observe(r);
  const std::vector<MarketRow> rows = market_rows(e.engine.state(), &h, e.now, "", MarketColumn::kChangePct, false);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].symbol, sym("AAPL"));
  EXPECT_EQ(rows[0].change, px("1.25"));
  EXPECT_EQ(rows[0].change_bps, 125);
  EXPECT_EQ(format_bps_percent(*rows[0].change_bps), "+1.25%");
  EXPECT_EQ(rows[0].spread, px("0.20"));
  EXPECT_EQ(format_bps_percent(-40), "-0.40%");
  EXPECT_EQ(format_bps_percent(0), "0.00%");
  EXPECT_EQ(market_rows(e.engine.state(), &h, e.now, "ms", MarketColumn::kTicker, true).size(), 1u);

  ASSERT_TRUE(e.engine.create_lockout(e.lockout_request("MSFT", 30, "earnings"), e.now).is_ok());
  const std::vector<MarketRow> locked = market_rows(e.engine.state(), &h, e.now, "MSFT", MarketColumn::kTicker, true);
  EXPECT_TRUE(locked[0].locked);
  EXPECT_NE(locked[0].lock_reason.find("earnings"), std::string::npos);
}

TEST(DeskSettings, RoundTripsAndIgnoresWhatItDoesNotKnow) {
  DeskSettings s;
  s.view = "orders";
  s.ticker = "AAPL";
  s.length = CandleLength::k15m;
  s.stale_after_seconds = 42;
  s.orders.status = OrderFilter::Status::kOne;
  s.orders.one = OrderStatus::kCancelled;
  s.orders.side = Side::kSell;
  s.orders.text = "a=b";
  s.audit.actor = "alice";
  DeskSettings back;
  std::string lines = s.to_lines();
  std::size_t at = 0;
  while (at < lines.size()) {
    const std::size_t end = lines.find('\n', at);
    back.read_line(std::string_view(lines).substr(at, end - at));
    at = end + 1;
  }
  EXPECT_TRUE(back == s) << lines;
  DeskSettings odd = back;
  for (const char* line : {"market.length=2d", "market.stale_after_seconds=-3", "orders.one=nope", "what=ever", "junk"})
    odd.read_line(line);
  EXPECT_TRUE(odd == back);
}

}  // namespace
}  // namespace stonks::testing
