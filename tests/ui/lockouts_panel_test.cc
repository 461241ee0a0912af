// Active Lockouts: a manual lockout made from the form is listed (2.3),
// Remove ends one early (2.4) and asks first for system lockouts, which
// removing manual ones never touches (3.6); bad form input shows at the
// field the API names and changes nothing.
#include <gtest/gtest.h>

#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

LockoutId lock_manually(DeskDriver& d, const std::string& ticker) {
  LockoutRequest r;
  r.symbol = sym(ticker);
  r.reason = "earnings";
  r.duration_minutes = 60;
  r.created_by = "alice";
  Result<Lockout> l = d.engine.create_lockout(r, d.now);
  EXPECT_TRUE(l.is_ok());
  return l.is_ok() ? l->id : 0;
}

// A headline at or above the guard's severity: a news_shock lockout.
LockoutId news_shock(DeskDriver& d, const std::string& ticker) {
  NewsEvent n;
  n.symbol = sym(ticker);
  n.headline = "CEO arrested";
  n.severity = 95;
  EXPECT_TRUE(d.engine.on_news(n, d.now).is_ok());
  for (const auto& [id, l] : d.engine.state().lockouts.all())
    if (l.source == LockoutSource::kNewsShock && l.symbol == sym(ticker)) return id;
  ADD_FAILURE() << "no news_shock lockout";
  return 0;
}

void fill_form(DeskDriver& d, const std::string& ticker, const std::string& reason, const std::string& minutes) {
  d.type(ids::kLockoutTicker, ticker);
  d.type(ids::kLockoutReason, reason);
  d.type(ids::kLockoutDuration, minutes);
}

TEST(ActiveLockouts, Req_2_3_ManualLockoutFromTheFormIsListed) {
  DeskDriver d;
  fill_form(d, "AAPL", "earnings", "60");
  d.click(ids::kLockoutCreate);
  const auto active = d.engine.state().lockouts.active(d.now);
  ASSERT_EQ(active.size(), 1u);
  EXPECT_EQ(active[0]->symbol, sym("AAPL"));
  EXPECT_EQ(active[0]->reason, "earnings");
  EXPECT_EQ(active[0]->source, LockoutSource::kManual);
  EXPECT_EQ(active[0]->created_by, "operator");
  EXPECT_EQ(active[0]->expires_at - active[0]->created_at, std::chrono::minutes(60));
  EXPECT_TRUE(d.shows(ids::lockout_remove_id(active[0]->id)));
  EXPECT_FALSE(d.any_error());
}

TEST(ActiveLockouts, Req_2_3_FormLocksOutOneSide) {
  DeskDriver d;
  fill_form(d, "AAPL", "no more buying", "30");
  d.click(ids::kLockoutSide);
  d.click(ids::lockout_side_choice_id("buy"));
  d.click(ids::kLockoutCreate);
  const auto active = d.engine.state().lockouts.active(d.now);
  ASSERT_EQ(active.size(), 1u);
  EXPECT_EQ(active[0]->side, LockoutSide::kBuy);
}

TEST(ActiveLockouts, Req_2_4_RemoveEndsALockoutEarly) {
  DeskDriver d;
  const LockoutId id = lock_manually(d, "AAPL");
  d.click(ids::lockout_remove_id(id));  // manual: no question asked
  const Lockout* l = d.engine.state().lockouts.find(id);
  EXPECT_TRUE(l->removed_at.has_value());
  EXPECT_EQ(l->removed_by, "operator");
  EXPECT_FALSE(d.shows(ids::lockout_remove_id(id)));
  EXPECT_NE(d.messages_at("toast").find("Removed lockout #"), std::string::npos) << d.messages_at("toast");
}

TEST(ActiveLockouts, Req_3_6_RemovingManualLockoutsLeavesNewsShockLockouts) {
  DeskDriver d;
  const LockoutId manual = lock_manually(d, "AAPL");
  const LockoutId shock = news_shock(d, "AAPL");
  d.click(ids::lockout_remove_id(manual));
  EXPECT_FALSE(d.engine.state().lockouts.find(manual)->active_at(d.now));
  EXPECT_TRUE(d.engine.state().lockouts.find(shock)->active_at(d.now));
  EXPECT_TRUE(d.shows(ids::lockout_remove_id(shock)));
  // Still barring trading in AAPL.
  EXPECT_NE(d.engine.state().lockouts.blocking(sym("AAPL"), Side::kBuy, d.now), nullptr);
}

TEST(ActiveLockouts, Req_3_6_SystemLockoutRemovalAsksFirstAndIsRecordedWithWhoDidIt) {
  DeskDriver d;
  const LockoutId shock = news_shock(d, "MSFT");
  d.click(ids::lockout_remove_id(shock));
  EXPECT_NE(d.messages_at("dialog").find("news-shock"), std::string::npos) << d.messages_at("dialog");
  d.click(ids::kConfirmCancel);
  EXPECT_TRUE(d.engine.state().lockouts.find(shock)->active_at(d.now));
  EXPECT_TRUE(d.sent.empty());
  d.click(ids::lockout_remove_id(shock));
  d.click(ids::kConfirmOk);
  const Lockout* l = d.engine.state().lockouts.find(shock);
  EXPECT_FALSE(l->active_at(d.now));
  EXPECT_EQ(l->removed_by, "operator");
}

TEST(ActiveLockouts, BadLockoutDurationShowsInlineErrorAndChangesNothing) {
  DeskDriver d;
  fill_form(d, "AAPL", "earnings", "0");
  const EventSeq before = d.engine.state().last_seq;
  d.click(ids::kLockoutCreate);
  EXPECT_FALSE(d.messages_at(ids::kLockoutDuration).empty());
  EXPECT_TRUE(d.messages_at(ids::kLockoutTicker).empty());
  EXPECT_TRUE(d.engine.state().lockouts.all().empty());
  EXPECT_EQ(d.engine.state().last_seq, before);
  // Fixing the field clears the error.
  d.type(ids::kLockoutDuration, "15");
  EXPECT_TRUE(d.messages_at(ids::kLockoutDuration).empty());
}

TEST(ActiveLockouts, BadLockoutTickerShowsInlineErrorNextToTheTicker) {
  DeskDriver d;
  fill_form(d, "aa pl", "earnings", "60");
  d.click(ids::kLockoutCreate);
  EXPECT_NE(d.messages_at(ids::kLockoutTicker).find("ticker"), std::string::npos) << d.messages_at(ids::kLockoutTicker);
  EXPECT_TRUE(d.engine.state().lockouts.all().empty());
}

TEST(ActiveLockouts, HistoryToggleShowsPastLockoutsWithoutAsking) {
  DeskDriver d;
  const LockoutId id = lock_manually(d, "AAPL");
  d.click(ids::lockout_remove_id(id));
  const std::size_t sent = d.sent.size();
  d.click(ids::kLockoutHistory);
  d.click(ids::kLockoutHistory);
  EXPECT_EQ(d.sent.size(), sent);  // reading history reads the state, sends nothing
}

}  // namespace
}  // namespace stonks::testing
