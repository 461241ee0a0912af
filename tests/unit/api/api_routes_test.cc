// Happy paths of every API route: status codes and the key fields.
#include <gtest/gtest.h>

#include "api/api_router.h"
#include "api_test_fixture.h"

namespace stonks::testing {
namespace {

using nlohmann::json;

class ApiRoutes : public ::testing::Test, public ApiFixture {
 protected:
  // Calls and expects `status`; returns the parsed body.
  json expect(int status, const std::string& method, const std::string& path, const std::string& body = "",
              const std::string& query = "") {
    ApiResponse r = call(method, path, body, query);
    EXPECT_EQ(r.status, status) << method << " " << path << "?" << query << " -> " << r.body;
    return body_of(r);
  }
};

TEST_F(ApiRoutes, Req_2_2_ListsPendingApprovalsWithTheirOrder) {
  hold_one_order();
  json j = expect(200, "GET", "/api/admin/trading/approvals", "", "status=pending");
  ASSERT_EQ(j["approvals"].size(), 1u);
  const json& a = j["approvals"][0];
  EXPECT_EQ(a["id"], 1);
  EXPECT_EQ(a["status"], "pending");
  EXPECT_EQ(a["order"]["id"], 1);
  EXPECT_EQ(a["order"]["ticker"], "AAPL");
  EXPECT_EQ(a["order"]["status"], "pending_approval");
  EXPECT_EQ(a["created_at"], "2026-11-24T14:30:00Z");
  EXPECT_EQ(a["expires_at"], "2026-11-24T15:00:00Z");
  EXPECT_TRUE(j["next_after_id"].is_null());

  EXPECT_TRUE(expect(200, "GET", "/api/admin/trading/approvals", "", "status=approved")["approvals"].empty());
  EXPECT_EQ(expect(200, "GET", "/api/admin/trading/approvals")["approvals"].size(), 1u);
}

TEST_F(ApiRoutes, Req_3_3_ApprovingSendsTheOrderAndRecordsWhoDecided) {
  hold_one_order();
  json j = expect(200, "PUT", "/api/admin/trading/approvals/1", R"({"status":"approved","reason":"looks fine"})");
  EXPECT_EQ(j["status"], "approved");
  EXPECT_EQ(j["decided_by"], "alice");
  EXPECT_EQ(j["reason"], "looks fine");
  EXPECT_EQ(j["decided_at"], "2026-11-24T14:30:00Z");
  EXPECT_EQ(j["order"]["status"], "filled");
  EXPECT_EQ(j["order"]["filled_qty"], 10);
  EXPECT_EQ(j["order"]["avg_fill_price"], "100.10");
}

TEST_F(ApiRoutes, Req_3_3_RejectingKeepsTheOrderFromTheBroker) {
  hold_one_order();
  json j = expect(200, "PUT", "/api/admin/trading/approvals/1", R"({"status":"rejected"})");
  EXPECT_EQ(j["status"], "rejected");
  EXPECT_EQ(j["order"]["status"], "rejected");
  EXPECT_TRUE(broker.submitted.empty());
  EXPECT_EQ(expect(200, "GET", "/api/admin/trading/approvals", "", "status=rejected")["approvals"].size(), 1u);
}

TEST_F(ApiRoutes, Req_2_3_ManualLockoutIsCreatedAndAppearsInActiveList) {
  json created = expect(201, "POST", "/api/admin/trading/lockouts",
                        R"({"ticker":"AAPL","reason":"earnings","duration_minutes":60})");
  EXPECT_EQ(created["id"], 1);
  EXPECT_EQ(created["ticker"], "AAPL");
  EXPECT_EQ(created["source"], "manual");
  EXPECT_EQ(created["side"], "both");
  EXPECT_EQ(created["created_by"], "alice");
  EXPECT_EQ(created["expires_at"], "2026-11-24T15:30:00Z");
  EXPECT_EQ(created["active"], true);

  json list = expect(200, "GET", "/api/admin/trading/lockouts");
  ASSERT_EQ(list["lockouts"].size(), 1u);
  EXPECT_EQ(list["lockouts"][0]["reason"], "earnings");

  json sell_only = expect(201, "POST", "/api/admin/trading/lockouts",
                          R"({"ticker":"MSFT","reason":"no sells","duration_minutes":5,"side":"sell"})");
  EXPECT_EQ(sell_only["side"], "sell");
}

TEST_F(ApiRoutes, Req_2_4_RemovedLockoutLeavesTheActiveListButStaysInHistory) {
  expect(201, "POST", "/api/admin/trading/lockouts", R"({"ticker":"AAPL","reason":"x","duration_minutes":60})");
  json removed = expect(200, "DELETE", "/api/admin/trading/lockouts/1");
  EXPECT_EQ(removed["active"], false);
  EXPECT_EQ(removed["removed_by"], "alice");
  EXPECT_TRUE(expect(200, "GET", "/api/admin/trading/lockouts")["lockouts"].empty());
  json history = expect(200, "GET", "/api/admin/trading/lockouts", "", "include=history");
  ASSERT_EQ(history["lockouts"].size(), 1u);
  EXPECT_EQ(history["lockouts"][0]["removed_at"], "2026-11-24T14:30:00Z");
}

TEST_F(ApiRoutes, Req_2_5_ApprovalConfigPatchAppliesToTheNextOrder) {
  json before = expect(200, "GET", "/api/admin/trading/approval-config");
  EXPECT_EQ(before, json::parse(R"({"auto_approve_paper":true,"require_approval_for_live":true,
                                   "approval_timeout_minutes":30,"four_eyes":false,"rules":[]})"));
  json after = expect(200, "PUT", "/api/admin/trading/approval-config", R"({"auto_approve_paper":false})");
  EXPECT_EQ(after["auto_approve_paper"], false);
  EXPECT_EQ(after["approval_timeout_minutes"], 30);  // untouched by the partial update
  EXPECT_EQ(expect(200, "GET", "/api/admin/trading/risk-config")["version"], 2);

  json order = expect(201, "POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":1})");
  EXPECT_EQ(order["status"], "pending_approval");

  // An empty patch changes nothing and makes no new version.
  const std::size_t events = log.size();
  expect(200, "PUT", "/api/admin/trading/approval-config", "{}");
  EXPECT_EQ(log.size(), events);
}

TEST_F(ApiRoutes, GetsAndSetsTheMode) {
  EXPECT_EQ(expect(200, "GET", "/api/admin/trading/mode")["mode"], "paper");
  EXPECT_EQ(expect(200, "PUT", "/api/admin/trading/mode", R"({"mode":"live"})")["mode"], "live");
  EXPECT_EQ(engine.state().mode, TradingMode::kLive);
  EXPECT_EQ(expect(200, "GET", "/api/admin/trading/mode")["mode"], "live");
}

TEST_F(ApiRoutes, PreviewShowsEveryCheckAndRecordsNothing) {
  const std::size_t events = log.size();
  json ok = expect(200, "POST", "/api/orders/preview", R"({"ticker":"AAPL","side":"buy","qty":10})");
  EXPECT_EQ(ok["ok"], true);
  EXPECT_EQ(ok["notional"], "1001.00");
  EXPECT_TRUE(ok["denials"].empty());
  EXPECT_FALSE(ok["passed"].empty());

  expect(201, "POST", "/api/admin/trading/lockouts", R"({"ticker":"AAPL","reason":"earnings","duration_minutes":30})");
  const std::size_t after_lockout = log.size();
  json locked = expect(200, "POST", "/api/orders/preview", R"({"ticker":"AAPL","side":"buy","qty":10})");
  EXPECT_EQ(locked["ok"], false);
  ASSERT_EQ(locked["denials"].size(), 1u);
  EXPECT_EQ(locked["denials"][0]["code"], "LOCKED_OUT");
  EXPECT_EQ(log.size(), after_lockout);
  EXPECT_TRUE(engine.state().orders.empty());

  json bad = expect(400, "POST", "/api/orders/preview", R"({"ticker":"AAPL","side":"buy","qty":0})");
  EXPECT_EQ(bad["error"]["field"], "qty");
  EXPECT_EQ(log.size(), events + 1);  // only the lockout
}

TEST_F(ApiRoutes, LiveModeIsRefusedWithoutALiveBrokerAndNothingChanges) {
  broker.live_capable = false;  // a paper venue, as in the browser sandbox
  const std::size_t events = log.size();
  json j = expect(409, "PUT", "/api/admin/trading/mode", R"({"mode":"live"})");
  EXPECT_EQ(j["error"]["code"], "conflict");
  EXPECT_NE(j["error"]["message"].get<std::string>().find("live broker"), std::string::npos) << j.dump();
  EXPECT_EQ(engine.state().mode, TradingMode::kPaper);
  EXPECT_EQ(log.size(), events);
  EXPECT_EQ(expect(200, "PUT", "/api/admin/trading/mode", R"({"mode":"disabled"})")["mode"], "disabled");
}

TEST_F(ApiRoutes, HaltsAndResumes) {
  json on = expect(200, "PUT", "/api/admin/trading/halt", R"({"halted":true,"reason":"lunch"})");
  EXPECT_EQ(on["halted"], true);
  EXPECT_EQ(on["reason"], "lunch");
  EXPECT_TRUE(engine.state().halted);
  EXPECT_EQ(expect(200, "PUT", "/api/admin/trading/halt", R"({"halted":false})")["halted"], false);
  EXPECT_EQ(expect(200, "GET", "/api/admin/trading/halt")["halted"], false);
}

TEST_F(ApiRoutes, HaltAndFlattenAnswersWithItsReportAndTheAuditKeepsIt) {
  ASSERT_TRUE(engine.submit_order(market("MSFT", Side::kBuy, 3), now).is_ok());
  hold_one_order();
  json r = expect(200, "POST", "/api/admin/trading/flatten", R"({"reason":"risk off"})");
  EXPECT_EQ(r["by"], "alice");
  EXPECT_EQ(r["reason"], "risk off");
  EXPECT_EQ(r["approvals_rejected"], json::array({1}));
  ASSERT_EQ(r["closes"].size(), 1u);
  EXPECT_EQ(r["closes"][0]["ticker"], "MSFT");
  EXPECT_EQ(r["closes"][0]["position"], 3);
  EXPECT_EQ(r["closes"][0]["status"], "filled");
  EXPECT_EQ(r["closes"][0]["closed"], true);

  json halt = expect(200, "GET", "/api/admin/trading/halt");
  EXPECT_EQ(halt["halted"], true);
  EXPECT_EQ(halt["cause"], "operator");
  EXPECT_EQ(halt["last_flatten"], r);
  json audit = expect(200, "GET", "/api/audit");
  const json& last = audit["entries"].back();
  EXPECT_EQ(last["action"], "halt_and_flatten");
  EXPECT_EQ(last["actor"], "alice");
  EXPECT_EQ(last["details"]["closes"][0]["ticker"], "MSFT");
  // No body flattens too; an unknown field is refused with nothing done.
  const std::size_t events = log.size();
  EXPECT_EQ(expect(400, "POST", "/api/admin/trading/flatten", R"({"why":"x"})")["error"]["field"], "why");
  EXPECT_EQ(log.size(), events);
  expect(200, "POST", "/api/admin/trading/flatten");
}

TEST_F(ApiRoutes, RiskConfigNamesEveryFieldOutOfRangeAtOnceAndChangesNothing) {
  json config = expect(200, "GET", "/api/admin/trading/risk-config");
  config["limits"]["max_order_notional"] = "0";
  config["guards"]["news_shock_severity"] = 101;
  config["paper"]["fee_bps"] = -1;
  const std::size_t events = log.size();
  json j = expect(400, "PUT", "/api/admin/trading/risk-config", config.dump());
  EXPECT_EQ(j["error"]["code"], "invalid_argument");
  EXPECT_EQ(j["error"]["field"], "limits.max_order_notional");
  std::vector<std::string> fields;
  for (const json& e : j["error"]["errors"]) fields.push_back(e["field"]);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"limits.max_order_notional", "guards.news_shock_severity", "paper.fee_bps"}));
  EXPECT_EQ(log.size(), events);
  EXPECT_EQ(engine.state().config.version, 1);
}

TEST_F(ApiRoutes, RiskConfigRoundTripsWithOptimisticVersion) {
  json config = expect(200, "GET", "/api/admin/trading/risk-config");
  EXPECT_EQ(config["version"], 1);
  config["limits"]["max_open_orders"] = 5;
  json updated = expect(200, "PUT", "/api/admin/trading/risk-config", config.dump());
  EXPECT_EQ(updated["version"], 2);
  EXPECT_EQ(updated["limits"]["max_open_orders"], 5);
  EXPECT_EQ(engine.state().config.limits.max_open_orders, 5);

  // Without a version the write is unconditional.
  config.erase("version");
  config["limits"]["max_open_orders"] = 6;
  EXPECT_EQ(expect(200, "PUT", "/api/admin/trading/risk-config", config.dump())["version"], 3);

  json history = expect(200, "GET", "/api/admin/trading/risk-config/history");
  ASSERT_EQ(history["versions"].size(), 2u);
  EXPECT_EQ(history["versions"][0]["version"], 2);
  EXPECT_EQ(history["versions"][0]["changed_by"], "alice");
  EXPECT_EQ(history["versions"][1]["config"]["limits"]["max_open_orders"], 6);

  json first = expect(200, "GET", "/api/admin/trading/risk-config/history", "", "limit=1");
  ASSERT_EQ(first["versions"].size(), 1u);
  EXPECT_EQ(first["next_after_version"], 2);
  json second = expect(200, "GET", "/api/admin/trading/risk-config/history", "", "limit=1&after_version=2");
  EXPECT_EQ(second["versions"][0]["version"], 3);
  EXPECT_TRUE(second["next_after_version"].is_null());
}

TEST_F(ApiRoutes, SubmitsAnOrderThatFillsAndResubmissionReturnsTheOriginal) {
  const std::string body = R"({"ticker":"AAPL","side":"buy","qty":10,"client_order_id":"c-1"})";
  json order = expect(201, "POST", "/api/orders", body);
  EXPECT_EQ(order["id"], 1);
  EXPECT_EQ(order["status"], "filled");
  EXPECT_EQ(order["client_order_id"], "c-1");
  EXPECT_EQ(order["filled_notional"], "1001.00");

  const std::size_t events = log.size();
  json again = expect(200, "POST", "/api/orders", body);
  EXPECT_EQ(again, order);
  EXPECT_EQ(log.size(), events);
}

TEST_F(ApiRoutes, LimitOrderRestsAndCanBeCancelled) {
  json order = expect(201, "POST", "/api/orders",
                      R"({"ticker":"AAPL","side":"buy","qty":5,"type":"limit","limit_price":"95.5"})");
  EXPECT_EQ(order["status"], "submitted");
  EXPECT_EQ(order["limit_price"], "95.50");
  json cancelled = expect(200, "POST", "/api/orders/1/cancel", R"({"reason":"changed my mind"})");
  EXPECT_EQ(cancelled["status"], "cancelled");
}

TEST_F(ApiRoutes, CancelsAnOrderPendingApprovalWithoutABody) {
  hold_one_order();
  EXPECT_EQ(expect(200, "POST", "/api/orders/1/cancel")["status"], "cancelled");
  EXPECT_EQ(engine.state().approvals.find(1)->status, ApprovalStatus::kRejected);
}

TEST_F(ApiRoutes, ListsOrdersOnePageAtATimeByAscendingId) {
  for (int i = 0; i < 5; ++i) expect(201, "POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":1})");
  json p1 = expect(200, "GET", "/api/orders", "", "limit=2");
  ASSERT_EQ(p1["orders"].size(), 2u);
  EXPECT_EQ(p1["orders"][0]["id"], 1);
  EXPECT_EQ(p1["next_after_id"], 2);
  json p2 = expect(200, "GET", "/api/orders", "", "limit=2&after_id=2");
  EXPECT_EQ(p2["orders"][0]["id"], 3);
  EXPECT_EQ(p2["next_after_id"], 4);
  json p3 = expect(200, "GET", "/api/orders", "", "limit=2&after_id=4");
  ASSERT_EQ(p3["orders"].size(), 1u);
  EXPECT_TRUE(p3["next_after_id"].is_null());

  EXPECT_EQ(expect(200, "GET", "/api/orders", "", "status=filled")["orders"].size(), 5u);
  EXPECT_TRUE(expect(200, "GET", "/api/orders", "", "status=cancelled")["orders"].empty());
  EXPECT_EQ(expect(200, "GET", "/api/orders/3")["id"], 3);
}

TEST_F(ApiRoutes, ReportsPositionsAndAccount) {
  expect(201, "POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":10})");
  feed_quote("AAPL", "109.90", "110.10");
  json positions = expect(200, "GET", "/api/positions");
  ASSERT_EQ(positions["positions"].size(), 1u);
  const json& p = positions["positions"][0];
  EXPECT_EQ(p["ticker"], "AAPL");
  EXPECT_EQ(p["qty"], 10);
  EXPECT_EQ(p["avg_cost"], "100.10");
  EXPECT_EQ(p["cost_basis"], "1001.00");
  EXPECT_EQ(p["last_price"], "110.00");
  EXPECT_EQ(p["market_value"], "1100.00");
  EXPECT_EQ(p["unrealized_pnl"], "99.00");
  EXPECT_EQ(p["realized_pnl"], "0.00");

  json a = expect(200, "GET", "/api/account");
  EXPECT_EQ(a["cash"], "98999.00");
  EXPECT_EQ(a["equity"], "100099.00");
  EXPECT_EQ(a["buying_power"], "98999.00");
  EXPECT_EQ(a["unrealized_pnl"], "99.00");
  EXPECT_EQ(a["realized_pnl"], "0.00");
  EXPECT_EQ(a["day_pnl"], "99.00");
  EXPECT_EQ(a["gross_exposure"], "1100.00");
  EXPECT_EQ(a["mode"], "paper");
  EXPECT_EQ(a["halted"], false);
}

TEST_F(ApiRoutes, BuyingPowerCountsWhatOpenBuysReserve) {
  expect(201, "POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":10,"type":"limit","limit_price":"95"})");
  EXPECT_EQ(expect(200, "GET", "/api/account")["buying_power"], "99050.00");
}

TEST_F(ApiRoutes, DepositsCash) {
  json a = expect(201, "POST", "/api/account/deposits", R"({"amount":"250.50"})");
  EXPECT_EQ(a["cash"], "100250.50");
  EXPECT_EQ(a["deposits"], "100250.50");
}

TEST_F(ApiRoutes, Req_3_6_SevereNewsCreatesANewsShockLockout) {
  json calm = expect(201, "POST", "/api/news", R"({"ticker":"AAPL","headline":"new colours","severity":10})");
  EXPECT_TRUE(calm["lockouts"].empty());
  EXPECT_EQ(calm["news"]["at"], "2026-11-24T14:30:00Z");
  json shock = expect(201, "POST", "/api/news", R"({"ticker":"AAPL","headline":"CEO arrested","severity":95})");
  ASSERT_EQ(shock["lockouts"].size(), 1u);
  EXPECT_EQ(shock["lockouts"][0]["source"], "news_shock");
  EXPECT_EQ(shock["lockouts"][0]["created_by"], "system");
}

TEST_F(ApiRoutes, FeedsAQuote) {
  json q = expect(201, "POST", "/api/quotes", R"({"ticker":"NVDA","bid":"500.00","ask":"500.50","ask_size":100})");
  EXPECT_EQ(q["quote"]["ticker"], "NVDA");
  EXPECT_EQ(q["quote"]["ask_size"], 100);
  EXPECT_EQ(engine.state().market.last_price(sym("NVDA"))->to_string(), "500.25");
}

TEST_F(ApiRoutes, StreamsEventsAPageAtATime) {
  const EventSeq last = engine.state().last_seq;
  ASSERT_GE(last, 3u);
  json p1 = expect(200, "GET", "/api/events", "", "limit=2");
  ASSERT_EQ(p1["events"].size(), 2u);
  EXPECT_EQ(p1["events"][0]["seq"], 1);
  EXPECT_EQ(p1["events"][0]["type"], "day_started");
  EXPECT_EQ(p1["next_after"], 2);
  EXPECT_EQ(p1["has_more"], true);
  json rest = expect(200, "GET", "/api/events", "", "after=2");
  EXPECT_EQ(rest["events"].size(), last - 2);
  EXPECT_EQ(rest["next_after"], last);
  EXPECT_EQ(rest["has_more"], false);
  json none = expect(200, "GET", "/api/events", "", "after=" + std::to_string(last));
  EXPECT_TRUE(none["events"].empty());
  EXPECT_EQ(none["next_after"], last);
}

TEST_F(ApiRoutes, ACancelARemoteBrokerAnswersLaterIsAuditedWhenAsked) {
  broker.answers_cancels = false;
  json resting =
      expect(201, "POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":1,"type":"limit","limit_price":"90"})");
  json asked = expect(200, "POST", "/api/orders/" + resting["id"].dump() + "/cancel", R"({"reason":"flatten"})");
  EXPECT_EQ(asked["status"], "submitted");
  json all = expect(200, "GET", "/api/audit");
  const json& last = all["entries"].back();
  EXPECT_EQ(last["action"], "cancel_requested");
  EXPECT_EQ(last["target"], "order/" + resting["id"].dump());
  EXPECT_EQ(last["reason"], "flatten");
  EXPECT_EQ(last["actor"], asked["cancel_request"]["by"]);
}

TEST_F(ApiRoutes, AuditLogsWhoDidWhatAndWhy) {
  hold_one_order();
  expect(200, "PUT", "/api/admin/trading/approvals/1", R"({"status":"rejected","reason":"too big"})");
  expect(201, "POST", "/api/admin/trading/lockouts", R"({"ticker":"MSFT","reason":"earnings","duration_minutes":30})");
  expect(200, "DELETE", "/api/admin/trading/lockouts/1");
  expect(200, "PUT", "/api/admin/trading/mode", R"({"mode":"disabled"})");

  json all = expect(200, "GET", "/api/audit");
  std::vector<std::string> actions;
  for (const json& e : all["entries"]) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"deposit", "config_changed", "approval_rejected", "lockout_created",
                                               "lockout_removed", "mode_changed"}));
  const json& rejected = all["entries"][2];
  EXPECT_EQ(rejected["actor"], "alice");
  EXPECT_EQ(rejected["reason"], "too big");
  EXPECT_EQ(rejected["target"], "approval/1");
  EXPECT_EQ(rejected["details"]["order_id"], 1);
  EXPECT_EQ(rejected["at"], "2026-11-24T14:30:00Z");
  EXPECT_EQ(all["entries"][3]["reason"], "earnings");
  EXPECT_EQ(all["has_more"], false);
  EXPECT_EQ(all["next_after"], engine.state().last_seq);

  json page = expect(200, "GET", "/api/audit", "", "limit=2");
  ASSERT_EQ(page["entries"].size(), 2u);
  EXPECT_EQ(page["has_more"], true);
  json next = expect(200, "GET", "/api/audit", "", "limit=2&after=" + page["next_after"].dump());
  EXPECT_EQ(next["entries"][0]["action"], "approval_rejected");
}

TEST_F(ApiRoutes, WrongMethodNamesTheAllowedOnes) {
  ApiResponse r = call("DELETE", "/api/admin/trading/mode");
  EXPECT_EQ(r.status, 405);
  json j = body_of(r);
  EXPECT_EQ(j["error"]["code"], "method_not_allowed");
  EXPECT_EQ(j["error"]["allow"], json::parse(R"(["GET","PUT"])"));
  EXPECT_NE(j["error"]["message"].get<std::string>().find("GET, PUT"), std::string::npos);
}

TEST_F(ApiRoutes, ErrorsCarryCodeMessageAndField) {
  ApiResponse r = call("POST", "/api/orders", R"({"ticker":"aapl","side":"buy","qty":1})");
  EXPECT_EQ(r.status, 400);
  json j = body_of(r);
  EXPECT_EQ(j["error"]["code"], "invalid_argument");
  EXPECT_EQ(j["error"]["field"], "ticker");
  EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
}

TEST_F(ApiRoutes, RiskRejectionComesWithReasonsAndTheOrder) {
  ApiResponse r = call("POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":5000})");
  EXPECT_EQ(r.status, 422);
  json j = body_of(r);
  EXPECT_EQ(j["error"]["code"], "risk_rejected");
  ASSERT_FALSE(j["error"]["reasons"].empty());
  EXPECT_EQ(j["error"]["reasons"][0].get<std::string>().rfind("MAX_ORDER_NOTIONAL_EXCEEDED", 0), 0u);
  EXPECT_EQ(j["order"]["status"], "risk_rejected");
  EXPECT_EQ(j["order"]["id"], 1);
}

}  // namespace
}  // namespace stonks::testing
