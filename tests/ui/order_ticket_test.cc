// The order ticket: the risk preview shows every check before sending; Send
// shows the outcome (filled, held for approval, risk-rejected with every
// reason); bad input shows at the field and no order is made.
#include <gtest/gtest.h>

#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

// Enough frames for the preview's rate limit (a quarter second) to pass.
constexpr int kPreviewFrames = 20;

void fill_ticket(DeskDriver& d, const std::string& ticker, const std::string& qty) {
  d.type(ids::kTicketTicker, ticker);
  d.type(ids::kTicketQty, qty);
  d.frame(kPreviewFrames);
}

std::size_t count_sent(const DeskDriver& d, const std::string& path) {
  std::size_t n = 0;
  for (const ApiRequest& r : d.sent) n += r.path == path;
  return n;
}

void lock_out(DeskDriver& d, const std::string& ticker) {
  LockoutRequest r;
  r.symbol = sym(ticker);
  r.reason = "earnings";
  r.duration_minutes = 60;
  r.created_by = "alice";
  ASSERT_TRUE(d.engine.create_lockout(r, d.now).is_ok());
}

TEST(OrderTicket, TicketShowsRiskPreviewBeforeSending) {
  DeskDriver d;
  fill_ticket(d, "AAPL", "10");
  const std::string preview = d.messages_at(ids::kTicketPreview);
  EXPECT_NE(preview.find("passes every check"), std::string::npos) << preview;
  EXPECT_NE(preview.find("1001.00"), std::string::npos) << preview;  // 10 at the 100.10 ask
  EXPECT_GE(count_sent(d, "/api/orders/preview"), 1u);
  EXPECT_TRUE(d.engine.state().orders.empty());  // a preview sends nothing to the engine
}

TEST(OrderTicket, PreviewNamesEveryFailingCheck) {
  DeskDriver d;
  lock_out(d, "AAPL");
  ASSERT_TRUE(d.engine.set_mode(TradingMode::kDisabled, "alice", d.now).is_ok());
  fill_ticket(d, "AAPL", "10");
  const std::string preview = d.messages_at(ids::kTicketPreview);
  EXPECT_NE(preview.find("would be refused"), std::string::npos) << preview;
  EXPECT_NE(preview.find("LOCKED_OUT"), std::string::npos) << preview;
  EXPECT_NE(preview.find("TRADING_DISABLED"), std::string::npos) << preview;
}

TEST(OrderTicket, PreviewsAreRateLimitedWhileTyping) {
  DeskDriver d;
  d.type(ids::kTicketTicker, "A");
  for (const char* t : {"AA", "AAP", "AAPL"}) d.type(ids::kTicketTicker, t);  // ~6 frames each
  d.frame(kPreviewFrames);
  // About 30 frames at 60 fps: at most a few previews a second.
  EXPECT_LE(count_sent(d, "/api/orders/preview"), 4u);
  EXPECT_NE(d.messages_at(ids::kTicketPreview).find("passes"), std::string::npos);
}

TEST(OrderTicket, SendShowsTheFill) {
  DeskDriver d;
  fill_ticket(d, "AAPL", "10");
  d.click(ids::kTicketSend);
  ASSERT_EQ(d.engine.state().orders.size(), 1u);
  EXPECT_EQ(d.engine.state().order(1)->status(), OrderStatus::kFilled);
  const std::string outcome = d.messages_at(ids::kTicketSend);
  EXPECT_NE(outcome.find("filled: buy 10 AAPL at 100.10"), std::string::npos) << outcome;
}

TEST(OrderTicket, Req_2_2_SentOrderIsHeldForApprovalAndListed) {
  DeskDriver d;
  d.click(ids::kAutoApproveToggle);
  d.click(ids::kConfirmOk);
  fill_ticket(d, "MSFT", "5");
  d.click(ids::kTicketSell);
  d.click(ids::kTicketBuy);
  d.click(ids::kTicketSend);
  ASSERT_EQ(d.engine.state().orders.size(), 1u);
  EXPECT_EQ(d.engine.state().order(1)->status(), OrderStatus::kPendingApproval);
  EXPECT_NE(d.messages_at(ids::kTicketSend).find("held for approval"), std::string::npos);
  EXPECT_TRUE(d.shows(ui::ids::approval_id("approve", 1)));
  EXPECT_TRUE(d.broker.submitted.empty());
}

TEST(OrderTicket, Req_3_5_RiskRejectedOrderShowsEveryReasonAndCreatesNoApproval) {
  DeskDriver d;
  d.click(ids::kAutoApproveToggle);
  d.click(ids::kConfirmOk);
  lock_out(d, "AAPL");
  d.click(ids::kModeDisabled);
  ASSERT_EQ(d.engine.state().mode, TradingMode::kDisabled);
  fill_ticket(d, "AAPL", "10");
  d.click(ids::kTicketSend);
  const std::string outcome = d.messages_at(ids::kTicketSend);
  EXPECT_NE(outcome.find("refused by the risk checks"), std::string::npos) << outcome;
  EXPECT_NE(outcome.find("TRADING_DISABLED"), std::string::npos) << outcome;
  EXPECT_NE(outcome.find("LOCKED_OUT"), std::string::npos) << outcome;
  EXPECT_EQ(d.engine.state().order(1)->status(), OrderStatus::kRiskRejected);
  EXPECT_TRUE(d.engine.state().approvals.all().empty());
}

TEST(OrderTicket, LimitOrderSendsItsPrice) {
  DeskDriver d;
  fill_ticket(d, "AAPL", "10");
  d.click(ids::kTicketLimit);
  d.type(ids::kTicketLimitPrice, "95.50");
  d.click(ids::kTicketSend);
  ASSERT_EQ(d.engine.state().orders.size(), 1u);
  const Order& o = *d.engine.state().order(1);
  EXPECT_EQ(o.intent().type, OrderType::kLimit);
  EXPECT_EQ(o.intent().limit_price, px("95.50"));
  EXPECT_EQ(o.status(), OrderStatus::kSubmitted);  // rests below the ask
  EXPECT_NE(d.messages_at(ids::kTicketSend).find("working at the broker"), std::string::npos);
}

TEST(OrderTicket, ZeroQuantityShowsInlineErrorAndMakesNoOrder) {
  DeskDriver d;
  fill_ticket(d, "AAPL", "0");
  EXPECT_FALSE(d.messages_at(ids::kTicketQty).empty());  // the preview already says so
  const EventSeq before = d.engine.state().last_seq;
  d.click(ids::kTicketSend);
  EXPECT_NE(d.messages_at(ids::kTicketQty).find("positive"), std::string::npos) << d.messages_at(ids::kTicketQty);
  EXPECT_TRUE(d.engine.state().orders.empty());
  EXPECT_EQ(d.engine.state().last_seq, before);
}

TEST(OrderTicket, BadTickerShowsInlineErrorAndMakesNoOrder) {
  DeskDriver d;
  fill_ticket(d, "aa pl", "10");
  d.click(ids::kTicketSend);
  EXPECT_NE(d.messages_at(ids::kTicketTicker).find("ticker"), std::string::npos) << d.messages_at(ids::kTicketTicker);
  EXPECT_TRUE(d.engine.state().orders.empty());
}

TEST(OrderTicket, PreviewUnavailableIsSaidNotHidden) {
  DeskDriver d;
  d.intercept = [](const ApiRequest& r) -> std::optional<ApiResponse> {
    if (r.path != "/api/orders/preview") return std::nullopt;
    return ApiResponse{503, R"({"error":{"code":"unavailable","message":"engine stopped"}})"};
  };
  fill_ticket(d, "AAPL", "10");
  EXPECT_NE(d.messages_at(ids::kTicketPreview).find("unavailable: engine stopped"), std::string::npos);
}

}  // namespace
}  // namespace stonks::testing
