// The desk's views driven like an operator: the status strip, the market
// watch selecting a ticker everywhere, the chart, positions and Close, the
// blotter's filters, timeline, cancel and export, fills, the audit log, and
// the layout remembered across a reload.
#include <gtest/gtest.h>

#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;
using namespace std::chrono;

void show(DeskDriver& d, const char* view) { d.click(ids::view_tab_id(view)); }

bool sent_to(const DeskDriver& d, const std::string& method, const std::string& path) {
  for (const ApiRequest& r : d.sent)
    if (r.method == method && r.path == path) return true;
  return false;
}

TEST(DeskViews, EveryViewIsOfferedAndDrawingThemSendsNoCommand) {
  DeskDriver d;
  d.sim = SimStatus{};
  const EngineState before = d.engine.state();
  for (const char* v : {"market", "positions", "orders", "fills", "audit", "strategies", "replay", "trading"}) {
    ASSERT_TRUE(d.shows(ids::view_tab_id(v)) || (d.frame(2), d.shows(ids::view_tab_id(v)))) << v;
    show(d, v);
  }
  EXPECT_FALSE(d.shows(ids::view_tab_id("broker")));  // no broker here
  EXPECT_TRUE(d.engine.state() == before);
  for (const ApiRequest& r : d.sent) EXPECT_EQ(r.method, "GET") << r.path;  // only reads (the audit log's pages)
}

TEST(DeskViews, TheStatusStripSaysModeHaltPendingLockoutsAndFeed) {
  DeskDriver d;
  d.frame(2);
  EXPECT_EQ(d.messages_at(ids::kStripMode), "PAPER");
  EXPECT_EQ(d.messages_at(ids::kStripApprovals), "Approvals: automatic");
  EXPECT_EQ(d.messages_at(ids::kStripFeed), "Feed 0s old");
  OperatorApprovalConfig section = d.engine.state().config.operator_approval;
  section.auto_approve_paper = false;
  ASSERT_TRUE(d.engine.update_approval_config(section, "setup", d.now).is_ok());
  ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, 1), d.now).is_ok());
  ASSERT_TRUE(d.engine.set_halted(true, "alice", "fat finger", d.now).is_ok());
  d.now += seconds(11);  // past the default 10 s: the feed is stale
  show(d, "market");
  d.frame(2);
  EXPECT_EQ(d.messages_at(ids::kStripHalt), "HALTED");
  EXPECT_EQ(d.messages_at(ids::kStripApprovals), "Approvals: held for you");
  EXPECT_EQ(d.messages_at(ids::kStripPending), "Pending 1");
  EXPECT_EQ(d.messages_at(ids::kStripFeed), "Feed 11s old (stale)");
  d.click(ids::kStripPending);  // goes to the queue
  EXPECT_TRUE(d.shows(ids::approval_id("approve", 1)));
  // Nothing in the strip is cut off at 1280 wide: every chip inside the window.
  for (const char* chip : {ids::kStripMode, ids::kStripHalt, ids::kStripPending, ids::kStripFeed}) {
    const ui::WidgetRect* w = d.find(chip);
    ASSERT_NE(w, nullptr) << chip;
    EXPECT_LE(w->x + w->w, 1280) << chip;
  }
}

TEST(DeskViews, ALongStatusWrapsInsideTheWindow) {
  DeskDriver d;
  d.host.persistence = ui::HostStatus::Persistence::kFailed;
  d.host.persistence_detail = std::string(300, 'x');
  d.host.storage_persistent = false;
  d.frame(3);
  for (const ui::WidgetRect& w : d.desk.widgets()) {
    if (w.id.rfind("strip/", 0) == 0 || w.id == ids::kPersistence) {
      EXPECT_LE(w.x + w.w, 1280) << w.id;
    }
  }
}

TEST(DeskViews, SelectingATickerInTheWatchSelectsItInTheTicketTheLockoutFormAndTheChart) {
  DeskDriver d;
  for (int i = 0; i < 5; ++i) {  // five minutes of AAPL: five one-minute candles
    d.now += minutes(1);
    ASSERT_TRUE(d.engine.on_quote(quote("AAPL", "100." + std::to_string(i) + "0", "100.50"), d.now).is_ok());
  }
  show(d, "market");
  EXPECT_TRUE(d.shows(ids::market_row_id("MSFT")));
  d.click(ids::market_row_id("AAPL"));
  const std::string chart = d.messages_at(ids::kMarketChart);
  EXPECT_EQ(chart.rfind("AAPL 1m: 6 candles, ", 0), 0u) << chart;
  d.click(ids::chart_length_id("5m"));
  EXPECT_EQ(d.messages_at(ids::kMarketChart).rfind("AAPL 5m: 2 candles", 0), 0u) << d.messages_at(ids::kMarketChart);
  show(d, "trading");
  EXPECT_EQ(d.messages_at(ids::kTicketMarketLine).rfind("bid 100.40  ask 100.50  last 100.45", 0), 0u)
      << d.messages_at(ids::kTicketMarketLine);
  d.click(ids::kTicketSend);  // the ticket holds AAPL: the order goes out for it
  ASSERT_EQ(d.engine.state().orders.size(), 1u);
  EXPECT_EQ(d.engine.state().orders.at(1).intent().symbol, sym("AAPL"));
  d.click(ids::kLockoutCreate);  // the lockout form holds AAPL too (a reason is still asked for)
  EXPECT_NE(d.messages_at(ids::kLockoutReason).find("reason"), std::string::npos) << d.messages_at(ids::kLockoutReason);
}

TEST(DeskViews, TheTicketSaysAtOnceWhenATickerIsUnknownAndCompletesKnownOnes) {
  DeskDriver d;
  d.type(ids::kTicketTicker, "ZZZ");
  EXPECT_NE(d.messages_at(ids::kTicketMarketLine).find("Unknown ticker"), std::string::npos);
  d.type(ids::kTicketTicker, "M");
  d.click(ids::ticket_completion_id("MSFT"));
  EXPECT_EQ(d.messages_at(ids::kTicketMarketLine).rfind("bid 199.80  ask 200.20", 0), 0u)
      << d.messages_at(ids::kTicketMarketLine);
}

TEST(DeskViews, PositionsShowTheBuyAndCloseSendsTheReducingOrderThroughRisk) {
  DeskDriver d;
  ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, 10), d.now).is_ok());
  show(d, "positions");
  EXPECT_TRUE(d.shows(ids::position_row_id("AAPL")));
  EXPECT_NE(d.messages_at(ids::kPositionsTotals).find("Market value: 1000.00"), std::string::npos)
      << d.messages_at(ids::kPositionsTotals);
  EXPECT_NE(d.messages_at(ids::kAccountFigures).find("Cash: 98999.00"), std::string::npos)
      << d.messages_at(ids::kAccountFigures);
  d.click(ids::position_close_id("AAPL"));
  EXPECT_NE(d.messages_at("dialog").find("Sell 10 AAPL at market"), std::string::npos) << d.messages_at("dialog");
  d.click(ids::kConfirmOk);
  ASSERT_EQ(d.engine.state().orders.size(), 2u);
  const Order& close = d.engine.state().orders.at(2);
  EXPECT_EQ(close.intent().side, Side::kSell);
  EXPECT_EQ(close.intent().qty, 10);
  EXPECT_EQ(close.status(), OrderStatus::kFilled);
  EXPECT_EQ(d.engine.state().portfolio.position(sym("AAPL")).qty, 0);
  EXPECT_NE(d.messages_at("toast").find("filled"), std::string::npos) << d.messages_at("toast");
}

TEST(DeskViews, TheBlotterFiltersExportsOpensATimelineAndCancels) {
  DeskDriver d;
  ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, 10), d.now).is_ok());
  ASSERT_TRUE(d.engine.submit_order(market("MSFT", Side::kBuy, 2), d.now).is_ok());
  ASSERT_TRUE(d.engine.submit_order(limit("AAPL", Side::kBuy, 3, "99.00"), d.now).is_ok());  // rests
  show(d, "orders");
  EXPECT_EQ(d.messages_at(ids::kOrdersCount), "3 of 3 orders");
  d.type(ids::kOrdersTicker, "aapl");
  EXPECT_EQ(d.messages_at(ids::kOrdersCount), "2 of 3 orders");
  EXPECT_FALSE(d.shows(ids::order_row_id(2)));
  d.click(ids::kOrdersExport);
  ASSERT_EQ(d.saved_files.size(), 1u);
  EXPECT_EQ(d.saved_files[0].first, "orders.csv");
  const std::string& csv = d.saved_files[0].second;
  EXPECT_EQ(csv.rfind("Id,Time,Ticker,Side,Qty,Type,Limit,Status,Filled,Avg price,Source,Reasons\r\n", 0), 0u) << csv;
  EXPECT_NE(csv.find("3,2026-11-24 14:30:00,AAPL,buy,3,limit,99.00,submitted,0,,manual,\r\n"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("1,2026-11-24 14:30:00,AAPL,buy,10,market,,filled,10,100.10,manual,\r\n"), std::string::npos)
      << csv;
  EXPECT_EQ(csv.find("MSFT"), std::string::npos);

  d.click(ids::order_row_id(1));
  const std::string timeline = d.messages_at(ids::kOrderTimeline);
  EXPECT_NE(timeline.find("Received: buy 10 AAPL market"), std::string::npos) << timeline;
  EXPECT_NE(timeline.find("Fill: 10 @ 100.10"), std::string::npos) << timeline;
  EXPECT_NE(timeline.find("Ended: filled"), std::string::npos) << timeline;

  d.click(ids::order_cancel_id(3));
  EXPECT_EQ(d.engine.state().orders.at(3).status(), OrderStatus::kCancelled);
  EXPECT_TRUE(sent_to(d, "POST", "/api/orders/3/cancel"));
}

TEST(DeskViews, FillsLinkToTheirOrdersTimeline) {
  DeskDriver d;
  ASSERT_TRUE(d.engine.submit_order(market("AAPL", Side::kBuy, 10), d.now).is_ok());
  show(d, "fills");
  d.click(ids::fill_order_link_id(1));
  EXPECT_TRUE(d.shows(ids::kOrdersExport));  // the Orders view, with the order's timeline open
  EXPECT_NE(d.messages_at(ids::kOrderTimeline).find("Fill: 10 @ 100.10"), std::string::npos);
}

TEST(DeskViews, TheAuditLogReadsTheApiAndFiltersByActor) {
  DeskDriver d;
  LockoutRequest r;
  r.symbol = sym("MSFT");
  r.reason = "earnings";
  r.duration_minutes = 60;
  r.created_by = "alice";
  ASSERT_TRUE(d.engine.create_lockout(r, d.now).is_ok());
  ASSERT_TRUE(d.engine.set_mode(TradingMode::kDisabled, "bob", d.now).is_ok());
  show(d, "audit");
  d.frame(3);  // the pages arrive
  EXPECT_TRUE(sent_to(d, "GET", "/api/audit"));
  EXPECT_EQ(d.messages_at(ids::kAuditCount), "3 of 3 entries");  // the deposit, the lockout, the mode
  d.type(ids::kAuditActor, "alice");
  EXPECT_EQ(d.messages_at(ids::kAuditCount), "1 of 3 entries");
  ASSERT_TRUE(d.engine.set_mode(TradingMode::kPaper, "alice", d.now).is_ok());
  d.frame(3);  // followed live
  EXPECT_EQ(d.messages_at(ids::kAuditCount), "2 of 4 entries");
  d.type(ids::kAuditTicker, "MSFT");
  EXPECT_EQ(d.messages_at(ids::kAuditCount), "1 of 4 entries");
}

TEST(DeskViews, TheLayoutComesBackInANewDesk) {
  DeskDriver d;
  show(d, "orders");
  d.type(ids::kOrdersSource, "strategy");
  show(d, "market");
  d.click(ids::market_row_id("MSFT"));
  d.click(ids::chart_length_id("15m"));
  const std::string ini = d.desk.save_settings();
  EXPECT_NE(ini.find("[Desk][Layout]"), std::string::npos) << ini;

  ui::Desk again(d.client);  // a reload: a new desk, the same saved text
  again.load_settings(ini);
  ImGui::NewFrame();
  again.draw(ui::DeskView{d.engine.state(), d.now, nullptr, d.host, nullptr, &d.history});
  ImGui::Render();
  bool on_market = false;
  for (const ui::DeskMessage& m : again.messages()) on_market |= m.where == ids::kMarketChart;
  EXPECT_TRUE(on_market);
  std::string chart;
  for (const ui::DeskMessage& m : again.messages())
    if (m.where == ids::kMarketChart) chart = m.text;
  EXPECT_EQ(chart.rfind("MSFT 15m:", 0), 0u) << chart;
  EXPECT_NE(again.save_settings().find("orders.source=strategy"), std::string::npos);
}

}  // namespace
}  // namespace stonks::testing
