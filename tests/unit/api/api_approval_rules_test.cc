// The approval rules, four eyes, submitters and signals through the router:
// approval-config reads and writes the rules (every error at its field), the
// preview says what the gate would do, orders say what it did, a fixed source
// cannot be escaped, and POST /api/signals/{name} makes orders.
#include <gtest/gtest.h>

#include "api_test_fixture.h"

namespace stonks::testing {
namespace {

using nlohmann::json;

constexpr const char* kConfig = "/api/admin/trading/approval-config";

TEST(ApiApprovalRules, PutReplacesTheRulesAndGetShowsThem) {
  ApiFixture f;
  ApiResponse r = f.call("PUT", kConfig,
                         R"({"rules":[{"name":"big","notional":{"min":"5000"},"decision":"require_approval"},
                                      {"source":"strategy:*","decision":"auto_approve"}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  const json got = ApiFixture::body_of(f.call("GET", kConfig));
  ASSERT_EQ(got["rules"].size(), 2u);
  EXPECT_EQ(got["rules"][0],
            json::parse(R"({"name":"big","notional":{"min":"5000.00"},"decision":"require_approval"})"));
  EXPECT_EQ(got["auto_approve_paper"], true) << "a partial PUT keeps the other fields";
  EXPECT_EQ(got["four_eyes"], false);
  // The risk config carries the same section, versioned with it.
  const json config = ApiFixture::body_of(f.call("GET", "/api/admin/trading/risk-config"));
  EXPECT_EQ(config["operator_approval"]["rules"], got["rules"]);
  EXPECT_EQ(config["version"], 2);
}

TEST(ApiApprovalRules, TheAuditLogShowsWhatARuleChangeChanged) {
  ApiFixture f;
  ASSERT_EQ(f.call("PUT", kConfig, R"({"rules":[{"source":"manual","decision":"require_approval"}]})").status, 200);
  ASSERT_EQ(
      f.call("PUT", kConfig, R"({"four_eyes":true,"rules":[{"source":"manual","decision":"auto_approve"}]})").status,
      200);
  const json audit = ApiFixture::body_of(f.call("GET", "/api/audit"))["entries"];
  json last;
  for (const json& e : audit)
    if (e["action"] == "config_changed") last = e;
  ASSERT_FALSE(last.is_null()) << audit;
  EXPECT_EQ(last["actor"], "alice");
  EXPECT_EQ(last["details"]["changes"], json::parse(R"([{"field":"operator_approval.four_eyes","from":false,"to":true},
                            {"field":"operator_approval.rules[0].decision","from":"require_approval","to":"auto_approve"}])"));
}

TEST(ApiApprovalRules, EveryBadFieldIsNamedAndNothingChanges) {
  ApiFixture f;
  ApiResponse r = f.call("PUT", kConfig,
                         R"({"rules":[{"source":"manual","decision":"require_approval"},
                                      {"decision":"auto_approve"},
                                      {"notional":{"min":"10000","max":"500"},"decision":"auto_approve"}]})");
  ASSERT_EQ(r.status, 400) << r.body;
  const json error = ApiFixture::body_of(r)["error"];
  EXPECT_EQ(error["field"], "rules[1]");
  ASSERT_EQ(error["errors"].size(), 2u) << error;
  EXPECT_EQ(error["errors"][1]["field"], "rules[2].notional.max");
  EXPECT_TRUE(ApiFixture::body_of(f.call("GET", kConfig))["rules"].empty());
  EXPECT_EQ(f.engine.state().config.version, 1);

  ApiResponse unknown = f.call("PUT", kConfig, R"({"rules":[{"tickers":["ZZZZ"],"decision":"require_approval"}]})");
  ASSERT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(ApiFixture::body_of(unknown)["error"]["field"], "rules[0].tickers") << "named inside the section";
  ApiResponse shape = f.call("PUT", kConfig, R"({"rules":[{"source":"manual","decision":"yes"}]})");
  EXPECT_EQ(ApiFixture::body_of(shape)["error"]["field"], "rules[0].decision");
}

TEST(ApiApprovalRules, ThePreviewSaysWhatTheGateWouldDoAndWhy) {
  ApiFixture f;
  ASSERT_EQ(f.call("PUT", kConfig,
                   R"({"rules":[{"source":"signal:*","decision":"require_approval"},
                                {"name":"big","notional":{"min":"10000"},"decision":"require_approval"}]})")
                .status,
            200);
  const json big =
      ApiFixture::body_of(f.call("POST", "/api/orders/preview", R"({"ticker":"AAPL","side":"buy","qty":150})"));
  EXPECT_EQ(big["gate"]["decision"], "require_approval");
  EXPECT_EQ(big["gate"]["rule"], 2);
  EXPECT_EQ(big["gate"]["reason"], "held by rule 2 (big): notional at least 10000.00");
  const json small =
      ApiFixture::body_of(f.call("POST", "/api/orders/preview", R"({"ticker":"AAPL","side":"buy","qty":1})"));
  EXPECT_EQ(small["gate"]["decision"], "auto_approve");
  EXPECT_EQ(small["gate"]["rule"], 0);
  EXPECT_EQ(small["gate"]["reason"], "sent without approval: no rule matched, and paper auto-approval is on");
  const json refused =
      ApiFixture::body_of(f.call("POST", "/api/orders/preview", R"({"ticker":"AAPL","side":"buy","qty":100000})"));
  EXPECT_EQ(refused["ok"], false);
  EXPECT_TRUE(refused["gate"].is_null()) << "risk refuses it before the gate";
}

TEST(ApiApprovalRules, AnOrderSaysWhoSentItAndWhichRuleHeldIt) {
  ApiFixture f;
  ASSERT_EQ(f.call("PUT", kConfig, R"({"rules":[{"type":"limit","decision":"require_approval"}]})").status, 200);
  f.actor = "carol";
  ApiResponse held =
      f.call("POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":1,"type":"limit","limit_price":"99"})");
  ASSERT_EQ(held.status, 201) << held.body;
  const json order = ApiFixture::body_of(f.call("GET", "/api/orders/1"));
  EXPECT_EQ(order["status"], "pending_approval");
  EXPECT_EQ(order["submitted_by"], "carol");
  EXPECT_EQ(order["gate"], json::parse(R"({"decision":"require_approval","rule":1,"config_version":2,
                                           "reason":"held by rule 1: limit orders"})"));
  // The rules change; the order still names what decided it then.
  ASSERT_EQ(f.call("PUT", kConfig, R"({"rules":[]})").status, 200);
  EXPECT_EQ(ApiFixture::body_of(f.call("GET", "/api/orders/1"))["gate"]["reason"], "held by rule 1: limit orders");
}

TEST(ApiFourEyes, ASelfApprovalIsRefusedWithItsOwnCode) {
  ApiFixture f;
  ASSERT_EQ(f.call("PUT", kConfig, R"({"auto_approve_paper":false,"four_eyes":true})").status, 200);
  f.actor = "alice";
  ASSERT_EQ(f.call("POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":3})").status, 201);
  ApiResponse self = f.call("PUT", "/api/admin/trading/approvals/1", R"({"status":"approved"})");
  EXPECT_EQ(self.status, 403) << self.body;
  EXPECT_EQ(ApiFixture::body_of(self)["error"]["code"], "four_eyes_required");
  EXPECT_EQ(f.engine.state().order(1)->status(), OrderStatus::kPendingApproval);
  f.actor = "bob";
  ApiResponse other = f.call("PUT", "/api/admin/trading/approvals/1", R"({"status":"approved"})");
  EXPECT_EQ(other.status, 200) << other.body;
}

// What stonks-server sets for a submitter token.
ApiResponse as_submitter(ApiFixture& f, const std::string& method, const std::string& path, const std::string& body,
                         const std::string& source = "strategy:algo") {
  ApiRequest request;
  request.method = method;
  request.path = path;
  request.body = body;
  request.actor = "algo-bot";
  request.fixed_source = source;
  request.now = f.now;
  return f.router.handle(request);
}

TEST(ApiSubmitter, OrdersGoInUnderTheFixedSourceOnly) {
  ApiFixture f;
  ApiResponse plain = as_submitter(f, "POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":1})");
  ASSERT_EQ(plain.status, 201) << plain.body;
  EXPECT_EQ(ApiFixture::body_of(plain)["source"], "strategy:algo");
  ApiResponse same =
      as_submitter(f, "POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":1,"source":"strategy:algo"})");
  EXPECT_EQ(same.status, 201) << same.body;
  ApiResponse other =
      as_submitter(f, "POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":1,"source":"manual"})");
  EXPECT_EQ(other.status, 403) << other.body;
  EXPECT_EQ(ApiFixture::body_of(other)["error"]["code"], "forbidden");
  EXPECT_EQ(f.engine.state().orders.size(), 2u) << "the refused one was never made";
}

TEST(ApiSubmitter, CancelsOnlyItsOwnOrders) {
  ApiFixture f;
  ASSERT_EQ(f.call("PUT", kConfig, R"({"auto_approve_paper":false})").status, 200);
  ASSERT_EQ(f.call("POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":1})").status, 201);  // alice's: 1
  ASSERT_EQ(as_submitter(f, "POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":1})").status, 201);
  EXPECT_EQ(as_submitter(f, "POST", "/api/orders/1/cancel", "").status, 403);
  EXPECT_EQ(f.engine.state().order(1)->status(), OrderStatus::kPendingApproval);
  EXPECT_EQ(as_submitter(f, "POST", "/api/orders/99/cancel", "").status, 403) << "no probing for ids";
  EXPECT_EQ(as_submitter(f, "GET", "/api/orders/1", "").status, 403) << "nor reads another's";
  EXPECT_EQ(as_submitter(f, "GET", "/api/orders/2", "").status, 200);
  ApiResponse own = as_submitter(f, "POST", "/api/orders/2/cancel", "");
  EXPECT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(f.engine.state().order(2)->status(), OrderStatus::kCancelled);
}

TEST(ApiSignals, ATradingViewStyleAlertBecomesAnOrderFromItsSignal) {
  ApiFixture f;
  ApiResponse r = f.call("POST", "/api/signals/tv",
                         R"({"ticker":"NASDAQ:AAPL","side":"BUY","qty":"5","token":"secret-token-text"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.body.find("secret-token-text"), std::string::npos) << "the token is never answered back";
  const json order = ApiFixture::body_of(r);
  EXPECT_EQ(order["source"], "signal:tv");
  EXPECT_EQ(order["ticker"], "AAPL");
  EXPECT_EQ(order["side"], "buy");
  EXPECT_EQ(order["qty"], 5);
  EXPECT_EQ(order["submitted_by"], "alice");

  ApiResponse limit =
      f.call("POST", "/api/signals/tv", R"({"ticker":"MSFT","side":"buy","qty":2,"limit_price":"199.5"})");
  ASSERT_EQ(limit.status, 201) << limit.body;
  EXPECT_EQ(ApiFixture::body_of(limit)["type"], "limit");
  EXPECT_EQ(ApiFixture::body_of(limit)["limit_price"], "199.50");
}

TEST(ApiSignals, RulesHoldSignalsLikeAnyOtherOrder) {
  ApiFixture f;
  ASSERT_EQ(f.call("PUT", kConfig, R"({"rules":[{"source":"signal:*","decision":"require_approval"}]})").status, 200);
  ApiResponse r = f.call("POST", "/api/signals/tv", R"({"ticker":"AAPL","side":"buy","qty":1})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(ApiFixture::body_of(r)["status"], "pending_approval");
  EXPECT_EQ(ApiFixture::body_of(r)["gate"]["rule"], 1);
}

TEST(ApiSignals, BadAlertsAreRefusedNamingTheFieldAndMakeNoOrder) {
  ApiFixture f;
  struct Case {
    const char* body;
    const char* field;
  };
  for (const Case& c :
       {Case{R"({"side":"buy","qty":1})", "ticker"}, Case{R"({"ticker":"aapl!","side":"buy","qty":1})", "ticker"},
        Case{R"({"ticker":"AAPL","side":"hold","qty":1})", "side"},
        Case{R"({"ticker":"AAPL","side":"buy","qty":"1.5"})", "qty"},
        Case{R"({"ticker":"AAPL","side":"buy","qty":-3})", "qty"},
        Case{R"({"ticker":"AAPL","side":"buy","qty":"NaN"})", "qty"},
        Case{R"({"ticker":"AAPL","side":"buy","qty":1e30})", "qty"},
        Case{R"({"ticker":"AAPL","side":"buy","qty":1,"limit_price":"abc"})", "limit_price"},
        Case{R"({"ticker":"AAPL","side":"buy","qty":1,"comment":"x"})", "comment"}}) {
    ApiResponse r = f.call("POST", "/api/signals/tv", c.body);
    EXPECT_EQ(r.status, 400) << c.body << " -> " << r.body;
    EXPECT_EQ(ApiFixture::body_of(r)["error"]["field"], c.field) << c.body;
  }
  EXPECT_EQ(f.call("POST", "/api/signals/bad%20name", R"({"ticker":"AAPL","side":"buy","qty":1})").status, 404);
  EXPECT_EQ(f.engine.state().orders.size(), 0u);
}

TEST(ApiSignals, ASubmitterSendsOnlyItsOwnSignal) {
  ApiFixture f;
  const std::string body = R"({"ticker":"AAPL","side":"buy","qty":1})";
  EXPECT_EQ(as_submitter(f, "POST", "/api/signals/tv", body, "signal:tv").status, 201);
  EXPECT_EQ(as_submitter(f, "POST", "/api/signals/other", body, "signal:tv").status, 403);
  EXPECT_EQ(as_submitter(f, "POST", "/api/signals/tv", body, "strategy:algo").status, 403);
  EXPECT_EQ(f.engine.state().orders.size(), 1u);
}

}  // namespace
}  // namespace stonks::testing
