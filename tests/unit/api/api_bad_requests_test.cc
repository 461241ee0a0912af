// Bad input, tried on purpose: a table of requests that must each be refused
// with an exact status and error code, leaving the engine untouched (no event
// appended, the state equal to what it was).
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "api_test_fixture.h"
#include "journal/event_codec.h"
#include "json/risk_config_json.h"

namespace stonks::testing {
namespace {

using nlohmann::json;

// The state each row starts from (on top of the fixture's funded paper account).
enum class Given {
  kNone,
  kHeldOrder,       // auto-approval off; order 1 pending as approval 1
  kDecided,         // ... and approval 1 already approved
  kHeldPastExpiry,  // ... pending, but the clock is past its expiry (no tick yet)
  kHeldExpired,     // ... and a tick marked it expired
  kCancelledOrder,  // ... and order 1 cancelled
  kFilledOrder,     // order 1 filled at once (auto-approval)
  kClientIdUsed,    // order 1 filled with client_order_id "dup-1"
  kRemovedLockout,  // lockout 1 created and removed
  kExpiredLockout,  // lockout 1 past its expiry (no tick yet)
  kDisabled,        // mode disabled
  kEngineFailed,    // the event storage failed once: the engine stopped
};

struct BadRequest {
  std::string name;
  Given given;
  std::string method;
  std::string path;
  std::string query;
  std::string body;
  int status;
  std::string code;
  // The error's "field"; empty: the error must carry none.
  std::string field;
  // The event types the request appends. Empty for every row but the risk
  // rejections, which keep the refused order for the audit trail.
  std::vector<std::string> events = {};
  // For risk rejections: the first reason starts with this code.
  std::string reason = {};
  std::string actor = "alice";
};

// gtest prints a failing row by its name (the bodies can be 70 KiB).
void PrintTo(const BadRequest& row, std::ostream* os) { *os << row.name; }

const std::vector<std::string> kRiskRejectedEvents = {"order_received", "order_risk_rejected"};

std::string aapl_buy(const std::string& more) { return R"({"ticker":"AAPL","side":"buy")" + more + "}"; }

// The default config as PUT risk-config takes it, changed by `edit`.
template <class Edit>
std::string risk_config(Edit edit) {
  json j = to_json(RiskConfig{});
  edit(j);
  return j.dump();
}

std::vector<BadRequest> bad_requests() {
  const std::string long_reason(501, 'r');
  const std::string big_body = R"({"ticker":")" + std::string(70 * 1024, 'A') + R"("})";
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "[";
  for (int i = 0; i < 100; ++i) deep += "]";
  const std::string lockouts = "/api/admin/trading/lockouts";
  const std::string approvals = "/api/admin/trading/approvals";
  const std::string approval_config = "/api/admin/trading/approval-config";
  const std::string mode = "/api/admin/trading/mode";
  const std::string risk = "/api/admin/trading/risk-config";
  const std::string halt = "/api/admin/trading/halt";

  return {
      // --- Transport: size, routes, methods, paths, queries ---------------------------------
      {"BodyOverTheLimit", Given::kNone, "POST", "/api/orders", "", big_body, 413, "payload_too_large", ""},
      {"BodyOverTheLimitOnAGet", Given::kNone, "GET", "/api/account", "", big_body, 413, "payload_too_large", ""},
      {"UnknownRoute", Given::kNone, "GET", "/api/nope", "", "", 404, "not_found", ""},
      {"RoutePrefixOnly", Given::kNone, "GET", "/api", "", "", 404, "not_found", ""},
      {"TrailingSlash", Given::kNone, "GET", "/api/orders/", "", "", 404, "not_found", ""},
      {"DoubleSlash", Given::kNone, "GET", "/api//orders", "", "", 404, "not_found", ""},
      {"PathWithoutLeadingSlash", Given::kNone, "GET", "api/orders", "", "", 404, "not_found", ""},
      {"EmptyPath", Given::kNone, "GET", "", "", "", 404, "not_found", ""},
      {"NonUtf8Path", Given::kNone, "GET", "/api/\xff\xfe", "", "", 404, "not_found", ""},
      {"WrongMethodOnOrders", Given::kNone, "DELETE", "/api/orders", "", "", 405, "method_not_allowed", ""},
      {"WrongMethodOnMode", Given::kNone, "POST", mode, "", R"({"mode":"paper"})", 405, "method_not_allowed", ""},
      {"LowercaseMethod", Given::kNone, "get", "/api/account", "", "", 405, "method_not_allowed", ""},
      {"GetOnCancel", Given::kFilledOrder, "GET", "/api/orders/1/cancel", "", "", 405, "method_not_allowed", ""},
      {"UnknownQueryParameter", Given::kNone, "GET", "/api/orders", "foo=1", "", 400, "invalid_argument", "foo"},
      {"QueryOnARouteWithout", Given::kNone, "GET", "/api/account", "x=1", "", 400, "invalid_argument", "x"},
      {"RepeatedQueryParameter", Given::kNone, "GET", "/api/orders", "limit=1&limit=2", "", 400, "invalid_argument",
       "limit"},
      {"EmptyQueryPiece", Given::kNone, "GET", "/api/orders", "&limit=1", "", 400, "invalid_argument", ""},
      {"BadPercentEscape", Given::kNone, "GET", "/api/orders", "status=%zz", "", 400, "invalid_argument", ""},
      {"TruncatedPercentEscape", Given::kNone, "GET", "/api/orders", "status=%f", "", 400, "invalid_argument", ""},
      {"NonUtf8QueryValue", Given::kNone, "GET", "/api/orders", "status=%ff", "", 400, "invalid_argument", "status"},
      {"LimitZero", Given::kNone, "GET", "/api/orders", "limit=0", "", 400, "invalid_argument", "limit"},
      {"LimitOverTheMaximum", Given::kNone, "GET", "/api/orders", "limit=1001", "", 400, "invalid_argument", "limit"},
      {"LimitNegative", Given::kNone, "GET", "/api/orders", "limit=-1", "", 400, "invalid_argument", "limit"},
      {"LimitFractional", Given::kNone, "GET", "/api/orders", "limit=1.5", "", 400, "invalid_argument", "limit"},
      {"LimitEnormous", Given::kNone, "GET", "/api/audit", "limit=99999999999999999999999", "", 400, "invalid_argument",
       "limit"},
      {"AfterIdOverflow", Given::kNone, "GET", "/api/orders", "after_id=18446744073709551616", "", 400,
       "invalid_argument", "after_id"},
      {"EventsAfterNotANumber", Given::kNone, "GET", "/api/events", "after=abc", "", 400, "invalid_argument", "after"},
      {"UnknownOrderStatusFilter", Given::kNone, "GET", "/api/orders", "status=done", "", 400, "invalid_argument",
       "status"},
      {"UppercaseApprovalStatusFilter", Given::kNone, "GET", approvals, "status=PENDING", "", 400, "invalid_argument",
       "status"},
      {"EmptyApprovalStatusFilter", Given::kNone, "GET", approvals, "status=", "", 400, "invalid_argument", "status"},
      {"UnknownLockoutInclude", Given::kNone, "GET", lockouts, "include=all", "", 400, "invalid_argument", "include"},
      {"BodyOnAGet", Given::kNone, "GET", "/api/account", "", "{}", 400, "invalid_argument", ""},

      // --- Orders: the JSON itself -----------------------------------------------------------
      {"MalformedJson", Given::kNone, "POST", "/api/orders", "", "{", 400, "invalid_argument", ""},
      {"NotJson", Given::kNone, "POST", "/api/orders", "", "ticker=AAPL&side=buy", 400, "invalid_argument", ""},
      {"TrailingGarbage", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":1)") + " x", 400,
       "invalid_argument", ""},
      {"ArrayBody", Given::kNone, "POST", "/api/orders", "", "[]", 400, "invalid_argument", ""},
      {"StringBody", Given::kNone, "POST", "/api/orders", "", R"("buy")", 400, "invalid_argument", ""},
      {"NullBody", Given::kNone, "POST", "/api/orders", "", "null", 400, "invalid_argument", ""},
      {"EmptyBody", Given::kNone, "POST", "/api/orders", "", "", 400, "invalid_argument", ""},
      {"DuplicateKey", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":1,"qty":1000)"), 400,
       "invalid_argument", "qty"},
      {"NestedTooDeep", Given::kNone, "POST", "/api/orders", "", R"({"ticker":)" + deep + "}", 400, "invalid_argument",
       ""},
      {"NonUtf8InAString", Given::kNone, "POST", "/api/orders", "",
       R"({"ticker":"AA)"
       "\xff"
       R"(PL","side":"buy","qty":1})",
       400, "invalid_argument", ""},
      {"NonUtf8InAKey", Given::kNone, "POST", "/api/orders", "", "{\"t\xc3\x28\":1}", 400, "invalid_argument", ""},
      {"OverlongUtf8", Given::kNone, "POST", "/api/orders", "",
       R"({"ticker":"AAPL","side":"buy","qty":1,"source":")"
       "\xc0\xaf"
       R"("})",
       400, "invalid_argument", ""},
      {"RawControlCharInAString", Given::kNone, "POST", "/api/orders", "",
       "{\"ticker\":\"AAPL\",\"side\":\"buy\",\"qty\":1,\"source\":\"a\x01\"}", 400, "invalid_argument", ""},

      // --- Orders: fields ---------------------------------------------------------------------
      {"MissingTicker", Given::kNone, "POST", "/api/orders", "", R"({"side":"buy","qty":1})", 400, "invalid_argument",
       "ticker"},
      {"MissingSide", Given::kNone, "POST", "/api/orders", "", R"({"ticker":"AAPL","qty":1})", 400, "invalid_argument",
       "side"},
      {"MissingQty", Given::kNone, "POST", "/api/orders", "", aapl_buy(""), 400, "invalid_argument", "qty"},
      {"ExtraField", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":1,"price":"100")"), 400,
       "invalid_argument", "price"},
      {"TickerNumber", Given::kNone, "POST", "/api/orders", "", R"({"ticker":123,"side":"buy","qty":1})", 400,
       "invalid_argument", "ticker"},
      {"TickerLowercase", Given::kNone, "POST", "/api/orders", "", R"({"ticker":"aapl","side":"buy","qty":1})", 400,
       "invalid_argument", "ticker"},
      {"TickerEmpty", Given::kNone, "POST", "/api/orders", "", R"({"ticker":"","side":"buy","qty":1})", 400,
       "invalid_argument", "ticker"},
      {"TickerTooLong", Given::kNone, "POST", "/api/orders", "", R"({"ticker":"ABCDEFGHIJK","side":"buy","qty":1})",
       400, "invalid_argument", "ticker"},
      {"TickerWithASpace", Given::kNone, "POST", "/api/orders", "", R"({"ticker":"AA PL","side":"buy","qty":1})", 400,
       "invalid_argument", "ticker"},
      {"TickerWithEscapedNul", Given::kNone, "POST", "/api/orders", "",
       R"({"ticker":"AAPL\u0000","side":"buy","qty":1})", 400, "invalid_argument", "ticker"},
      {"SideUnknown", Given::kNone, "POST", "/api/orders", "", R"({"ticker":"AAPL","side":"hold","qty":1})", 400,
       "invalid_argument", "side"},
      {"SideUppercase", Given::kNone, "POST", "/api/orders", "", R"({"ticker":"AAPL","side":"BUY","qty":1})", 400,
       "invalid_argument", "side"},
      {"QtyString", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":"10")"), 400, "invalid_argument",
       "qty"},
      {"QtyZero", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":0)"), 400, "invalid_argument", "qty"},
      {"QtyNegative", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":-5)"), 400, "invalid_argument",
       "qty"},
      {"QtyFractional", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":1.5)"), 400, "invalid_argument",
       "qty"},
      {"QtyIntegralFloat", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":10.0)"), 400, "invalid_argument",
       "qty"},
      {"QtyAboveTheMaximum", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":1000000000001)"), 400,
       "invalid_argument", "qty"},
      {"QtyBeyondInt64", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":99999999999999999999)"), 400,
       "invalid_argument", "qty"},
      {"QtyExponent", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":1e15)"), 400, "invalid_argument",
       "qty"},
      {"Qty1e400", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":1e400)"), 400, "invalid_argument", ""},
      {"QtyNaNString", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":"NaN")"), 400, "invalid_argument",
       "qty"},
      {"QtyNaNLiteral", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":NaN)"), 400, "invalid_argument",
       ""},
      {"QtyInfinityLiteral", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":Infinity)"), 400,
       "invalid_argument", ""},
      {"QtyBoolean", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":true)"), 400, "invalid_argument",
       "qty"},
      {"QtyNull", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":null)"), 400, "invalid_argument", "qty"},
      {"LimitPriceNaN", Given::kNone, "POST", "/api/orders", "",
       aapl_buy(R"(,"qty":1,"type":"limit","limit_price":"NaN")"), 400, "invalid_argument", "limit_price"},
      {"LimitPriceInfinity", Given::kNone, "POST", "/api/orders", "",
       aapl_buy(R"(,"qty":1,"type":"limit","limit_price":"Infinity")"), 400, "invalid_argument", "limit_price"},
      {"LimitPrice1e400String", Given::kNone, "POST", "/api/orders", "",
       aapl_buy(R"(,"qty":1,"type":"limit","limit_price":"1e400")"), 400, "invalid_argument", "limit_price"},
      {"LimitPriceTooManyDecimals", Given::kNone, "POST", "/api/orders", "",
       aapl_buy(R"(,"qty":1,"type":"limit","limit_price":"100.1234567")"), 400, "invalid_argument", "limit_price"},
      {"LimitPriceFloatTooManyDecimals", Given::kNone, "POST", "/api/orders", "",
       aapl_buy(R"(,"qty":1,"type":"limit","limit_price":100.1234567)"), 400, "invalid_argument", "limit_price"},
      {"LimitPriceNegative", Given::kNone, "POST", "/api/orders", "",
       aapl_buy(R"(,"qty":1,"type":"limit","limit_price":"-1")"), 400, "invalid_argument", "limit_price"},
      {"LimitPriceZero", Given::kNone, "POST", "/api/orders", "",
       aapl_buy(R"(,"qty":1,"type":"limit","limit_price":"0")"), 400, "invalid_argument", "limit_price"},
      {"LimitPriceOnAMarketOrder", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":1,"limit_price":"100")"),
       400, "invalid_argument", "limit_price"},
      {"LimitOrderWithoutPrice", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":1,"type":"limit")"), 400,
       "invalid_argument", "limit_price"},
      {"OrderTypeUnknown", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":1,"type":"stop")"), 400,
       "invalid_argument", "type"},
      {"ClientOrderIdWithASpace", Given::kNone, "POST", "/api/orders", "",
       aapl_buy(R"(,"qty":1,"client_order_id":"a b")"), 400, "invalid_argument", "client_order_id"},
      {"ClientOrderIdTooLong", Given::kNone, "POST", "/api/orders", "",
       aapl_buy(R"(,"qty":1,"client_order_id":")" + std::string(65, 'c') + "\""), 400, "invalid_argument",
       "client_order_id"},
      {"ClientOrderIdWithTheEnginesPrefix", Given::kNone, "POST", "/api/orders", "",
       aapl_buy(R"(,"qty":1,"client_order_id":"so-99")"), 400, "invalid_argument", "client_order_id"},
      {"SourceWithControlChar", Given::kNone, "POST", "/api/orders", "", aapl_buy(R"(,"qty":1,"source":"bot\u0007")"),
       400, "invalid_argument", "source"},
      {"ClientOrderIdReusedForAnotherOrder", Given::kClientIdUsed, "POST", "/api/orders", "",
       aapl_buy(R"(,"qty":2,"client_order_id":"dup-1")"), 409, "conflict", ""},
      // Known deviation from "nothing appended": a risk refusal keeps the order,
      // as risk_rejected, for the audit trail (DESIGN.md: a risk failure
      // rejects the order with every failed check named). So these rows
      // append exactly order_received + order_risk_rejected, nothing else.
      {"SubmitWhileDisabled", Given::kDisabled, "POST", "/api/orders", "", aapl_buy(R"(,"qty":1)"), 422,
       "risk_rejected", "", kRiskRejectedEvents, "TRADING_DISABLED"},
      {"ValidButUnknownTickerHasNoMarketData", Given::kNone, "POST", "/api/orders", "",
       R"({"ticker":"ZZZZ","side":"buy","qty":1})", 422, "risk_rejected", "", kRiskRejectedEvents, "NO_MARKET_DATA"},

      // --- Orders: ids and cancels -------------------------------------------------------------
      {"UnknownOrderId", Given::kNone, "GET", "/api/orders/999", "", "", 404, "not_found", ""},
      {"OrderIdZero", Given::kFilledOrder, "GET", "/api/orders/0", "", "", 404, "not_found", ""},
      {"OrderIdLeadingZero", Given::kFilledOrder, "GET", "/api/orders/01", "", "", 404, "not_found", ""},
      {"OrderIdNegative", Given::kFilledOrder, "GET", "/api/orders/-1", "", "", 404, "not_found", ""},
      {"OrderIdOverflow", Given::kFilledOrder, "GET", "/api/orders/18446744073709551617", "", "", 404, "not_found", ""},
      {"OrderIdLetters", Given::kFilledOrder, "GET", "/api/orders/abc", "", "", 404, "not_found", ""},
      {"OrderIdHex", Given::kFilledOrder, "GET", "/api/orders/0x1", "", "", 404, "not_found", ""},
      {"OrderIdWithSign", Given::kFilledOrder, "GET", "/api/orders/+1", "", "", 404, "not_found", ""},
      {"CancelUnknownOrder", Given::kNone, "POST", "/api/orders/42/cancel", "", "", 404, "not_found", ""},
      {"CancelFilledOrder", Given::kFilledOrder, "POST", "/api/orders/1/cancel", "", "", 409, "conflict", ""},
      {"CancelTwice", Given::kCancelledOrder, "POST", "/api/orders/1/cancel", "", "", 409, "conflict", ""},
      {"CancelWithExtraField", Given::kHeldOrder, "POST", "/api/orders/1/cancel", "", R"({"why":"x"})", 400,
       "invalid_argument", "why"},
      {"CancelReasonWithControlChars", Given::kHeldOrder, "POST", "/api/orders/1/cancel", "",
       R"({"reason":"stop\u0007"})", 400, "invalid_argument", "reason"},

      // --- Approvals ----------------------------------------------------------------------------
      {"DecideUnknownApproval", Given::kHeldOrder, "PUT", approvals + "/77", "", R"({"status":"approved"})", 404,
       "not_found", ""},
      {"DecideMalformedApprovalId", Given::kHeldOrder, "PUT", approvals + "/1x", "", R"({"status":"approved"})", 404,
       "not_found", ""},
      {"DecisionMissing", Given::kHeldOrder, "PUT", approvals + "/1", "", "{}", 400, "invalid_argument", "status"},
      {"DecisionUnknown", Given::kHeldOrder, "PUT", approvals + "/1", "", R"({"status":"maybe"})", 400,
       "invalid_argument", "status"},
      {"DecisionExpiredIsNotADecision", Given::kHeldOrder, "PUT", approvals + "/1", "", R"({"status":"expired"})", 400,
       "invalid_argument", "status"},
      {"DecisionWrongType", Given::kHeldOrder, "PUT", approvals + "/1", "", R"({"status":true})", 400,
       "invalid_argument", "status"},
      {"DecisionReasonWithNewline", Given::kHeldOrder, "PUT", approvals + "/1", "",
       R"({"status":"approved","reason":"ok\nthen"})", 400, "invalid_argument", "reason"},
      {"DecisionReasonTooLong", Given::kHeldOrder, "PUT", approvals + "/1", "",
       R"({"status":"approved","reason":")" + long_reason + "\"}", 400, "invalid_argument", "reason"},
      {"DecisionReasonNotAString", Given::kHeldOrder, "PUT", approvals + "/1", "",
       R"({"status":"approved","reason":5})", 400, "invalid_argument", "reason"},
      {"DecisionExtraField", Given::kHeldOrder, "PUT", approvals + "/1", "", R"({"status":"approved","by":"eve"})", 400,
       "invalid_argument", "by"},
      {"DecisionReasonNonUtf8", Given::kHeldOrder, "PUT", approvals + "/1", "",
       R"({"status":"approved","reason":")"
       "\xe2\x82"
       R"("})",
       400, "invalid_argument", ""},
      {"DoubleApprove", Given::kDecided, "PUT", approvals + "/1", "", R"({"status":"approved"})", 409, "conflict", ""},
      {"RejectAfterApprove", Given::kDecided, "PUT", approvals + "/1", "", R"({"status":"rejected"})", 409, "conflict",
       ""},
      {"ApproveAfterExpiryBeforeTheTick", Given::kHeldPastExpiry, "PUT", approvals + "/1", "",
       R"({"status":"approved"})", 409, "conflict", ""},
      {"ApproveAfterExpiry", Given::kHeldExpired, "PUT", approvals + "/1", "", R"({"status":"approved"})", 409,
       "conflict", ""},

      // --- Lockouts -----------------------------------------------------------------------------
      {"LockoutMissingTicker", Given::kNone, "POST", lockouts, "", R"({"reason":"x","duration_minutes":5})", 400,
       "invalid_argument", "ticker"},
      {"LockoutMissingReason", Given::kNone, "POST", lockouts, "", R"({"ticker":"AAPL","duration_minutes":5})", 400,
       "invalid_argument", "reason"},
      {"LockoutMissingDuration", Given::kNone, "POST", lockouts, "", R"({"ticker":"AAPL","reason":"x"})", 400,
       "invalid_argument", "duration_minutes"},
      {"LockoutExtraField", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":"x","duration_minutes":5,"source":"news_shock"})", 400, "invalid_argument",
       "source"},
      {"LockoutDurationZero", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":"x","duration_minutes":0})", 400, "invalid_argument", "duration_minutes"},
      {"LockoutDurationNegative", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":"x","duration_minutes":-30})", 400, "invalid_argument", "duration_minutes"},
      {"LockoutDurationBeyondTheMaximum", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":"x","duration_minutes":10081})", 400, "invalid_argument", "duration_minutes"},
      {"LockoutDurationFractional", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":"x","duration_minutes":1.5})", 400, "invalid_argument", "duration_minutes"},
      {"LockoutDurationString", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":"x","duration_minutes":"30"})", 400, "invalid_argument", "duration_minutes"},
      {"LockoutDurationBeyondInt", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":"x","duration_minutes":99999999999})", 400, "invalid_argument", "duration_minutes"},
      {"LockoutReasonEmpty", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":"","duration_minutes":5})", 400, "invalid_argument", "reason"},
      {"LockoutReasonTooLong", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":")" + long_reason + R"(","duration_minutes":5})", 400, "invalid_argument",
       "reason"},
      {"LockoutReasonWithControlChars", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":"bad\u0001","duration_minutes":5})", 400, "invalid_argument", "reason"},
      {"LockoutReasonWithTab", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":"a\tb","duration_minutes":5})", 400, "invalid_argument", "reason"},
      {"LockoutReasonNonUtf8", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":")"
       "\xed\xa0\x80"
       R"(","duration_minutes":5})",
       400, "invalid_argument", ""},
      {"LockoutTickerLowercase", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"msft","reason":"x","duration_minutes":5})", 400, "invalid_argument", "ticker"},
      {"LockoutSideUnknown", Given::kNone, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":"x","duration_minutes":5,"side":"long"})", 400, "invalid_argument", "side"},
      {"DeleteRemovedLockout", Given::kRemovedLockout, "DELETE", lockouts + "/1", "", "", 409, "conflict", ""},
      {"DeleteExpiredLockout", Given::kExpiredLockout, "DELETE", lockouts + "/1", "", "", 409, "conflict", ""},
      {"DeleteUnknownLockout", Given::kNone, "DELETE", lockouts + "/5", "", "", 404, "not_found", ""},
      {"DeleteMalformedLockoutId", Given::kRemovedLockout, "DELETE", lockouts + "/1.0", "", "", 404, "not_found", ""},
      {"DeleteLockoutWithABody", Given::kExpiredLockout, "DELETE", lockouts + "/1", "", R"({"force":true})", 400,
       "invalid_argument", ""},

      // --- Approval config, mode, halt, risk config ---------------------------------------------
      {"ApprovalTimeoutZero", Given::kNone, "PUT", approval_config, "", R"({"approval_timeout_minutes":0})", 400,
       "invalid_argument", "approval_timeout_minutes"},
      {"ApprovalTimeoutAYear", Given::kNone, "PUT", approval_config, "", R"({"approval_timeout_minutes":525600})", 400,
       "invalid_argument", "approval_timeout_minutes"},
      {"ApprovalTimeoutNegative", Given::kNone, "PUT", approval_config, "", R"({"approval_timeout_minutes":-1})", 400,
       "invalid_argument", "approval_timeout_minutes"},
      {"ApprovalToggleAsString", Given::kNone, "PUT", approval_config, "", R"({"auto_approve_paper":"false"})", 400,
       "invalid_argument", "auto_approve_paper"},
      {"ApprovalToggleAsNumber", Given::kNone, "PUT", approval_config, "", R"({"auto_approve_paper":0})", 400,
       "invalid_argument", "auto_approve_paper"},
      {"ApprovalToggleNull", Given::kNone, "PUT", approval_config, "", R"({"auto_approve_paper":null})", 400,
       "invalid_argument", "auto_approve_paper"},
      {"ApprovalConfigUnknownField", Given::kNone, "PUT", approval_config, "", R"({"auto_approve_live":true})", 400,
       "invalid_argument", "auto_approve_live"},
      {"ApprovalConfigArray", Given::kNone, "PUT", approval_config, "", "[]", 400, "invalid_argument", ""},
      {"ModeIllegal", Given::kNone, "PUT", mode, "", R"({"mode":"yolo"})", 400, "invalid_argument", "mode"},
      {"ModeUppercase", Given::kNone, "PUT", mode, "", R"({"mode":"PAPER"})", 400, "invalid_argument", "mode"},
      {"ModeEmpty", Given::kNone, "PUT", mode, "", R"({"mode":""})", 400, "invalid_argument", "mode"},
      {"ModeMissing", Given::kNone, "PUT", mode, "", "{}", 400, "invalid_argument", "mode"},
      {"ModeNumber", Given::kNone, "PUT", mode, "", R"({"mode":1})", 400, "invalid_argument", "mode"},
      {"ModeExtraField", Given::kNone, "PUT", mode, "", R"({"mode":"live","force":true})", 400, "invalid_argument",
       "force"},
      {"HaltMissing", Given::kNone, "PUT", halt, "", R"({"reason":"x"})", 400, "invalid_argument", "halted"},
      {"HaltAsString", Given::kNone, "PUT", halt, "", R"({"halted":"yes"})", 400, "invalid_argument", "halted"},
      {"HaltReasonWithControlChars", Given::kNone, "PUT", halt, "", R"({"halted":true,"reason":"a\u001b[31m"})", 400,
       "invalid_argument", "reason"},
      {"RiskConfigStaleVersion", Given::kNone, "PUT", risk, "", risk_config([](json& j) { j["version"] = 7; }), 409,
       "conflict", "version"},
      {"RiskConfigVersionAsString", Given::kNone, "PUT", risk, "", risk_config([](json& j) { j["version"] = "1"; }),
       400, "invalid_argument", "version"},
      {"RiskConfigMissingSection", Given::kNone, "PUT", risk, "", risk_config([](json& j) { j.erase("paper"); }), 400,
       "invalid_argument", "paper"},
      {"RiskConfigMissingField", Given::kNone, "PUT", risk, "",
       risk_config([](json& j) { j["limits"].erase("allow_short"); }), 400, "invalid_argument", "limits.allow_short"},
      {"RiskConfigUnknownField", Given::kNone, "PUT", risk, "",
       risk_config([](json& j) { j["limits"]["max_leverage"] = 2; }), 400, "invalid_argument", "limits.max_leverage"},
      {"RiskConfigNegativeNotional", Given::kNone, "PUT", risk, "",
       risk_config([](json& j) { j["limits"]["max_order_notional"] = "-1"; }), 400, "invalid_argument",
       "limits.max_order_notional"},
      {"RiskConfigTooManyDecimals", Given::kNone, "PUT", risk, "",
       risk_config([](json& j) { j["limits"]["max_order_notional"] = "1.0000001"; }), 400, "invalid_argument",
       "limits.max_order_notional"},
      {"RiskConfigNaN", Given::kNone, "PUT", risk, "",
       risk_config([](json& j) { j["limits"]["max_daily_loss"] = "NaN"; }), 400, "invalid_argument",
       "limits.max_daily_loss"},
      {"RiskConfigBadTicker", Given::kNone, "PUT", risk, "",
       risk_config([](json& j) { j["limits"]["tradable_symbols"] = json::array({"aapl"}); }), 400, "invalid_argument",
       "limits.tradable_symbols[0]"},
      {"RiskConfigTimeoutAYear", Given::kNone, "PUT", risk, "",
       risk_config([](json& j) { j["operator_approval"]["approval_timeout_minutes"] = 525600; }), 400,
       "invalid_argument", "operator_approval.approval_timeout_minutes"},

      // --- News, quotes, deposits ---------------------------------------------------------------
      {"NewsSeverityOver100", Given::kNone, "POST", "/api/news", "",
       R"({"ticker":"AAPL","headline":"h","severity":101})", 400, "invalid_argument", "severity"},
      {"NewsSeverityNegative", Given::kNone, "POST", "/api/news", "",
       R"({"ticker":"AAPL","headline":"h","severity":-1})", 400, "invalid_argument", "severity"},
      {"NewsMissingHeadline", Given::kNone, "POST", "/api/news", "", R"({"ticker":"AAPL","severity":50})", 400,
       "invalid_argument", "headline"},
      {"NewsEmptyHeadline", Given::kNone, "POST", "/api/news", "", R"({"ticker":"AAPL","headline":"","severity":50})",
       400, "invalid_argument", "headline"},
      {"NewsHeadlineTooLong", Given::kNone, "POST", "/api/news", "",
       R"({"ticker":"AAPL","headline":")" + long_reason + R"(","severity":50})", 400, "invalid_argument", "headline"},
      {"NewsWithItsOwnTime", Given::kNone, "POST", "/api/news", "",
       R"({"ticker":"AAPL","headline":"h","severity":50,"at":"2026-01-01T00:00:00Z"})", 400, "invalid_argument", "at"},
      {"NewsBadTicker", Given::kNone, "POST", "/api/news", "", R"({"ticker":"$$$","headline":"h","severity":50})", 400,
       "invalid_argument", "ticker"},
      {"QuoteBidAboveAsk", Given::kNone, "POST", "/api/quotes", "", R"({"ticker":"AAPL","bid":"101","ask":"100"})", 400,
       "invalid_argument", "bid"},
      {"QuoteNegativeBid", Given::kNone, "POST", "/api/quotes", "", R"({"ticker":"AAPL","bid":"-1","ask":"100"})", 400,
       "invalid_argument", "bid"},
      {"DepositZero", Given::kNone, "POST", "/api/account/deposits", "", R"({"amount":"0"})", 400, "invalid_argument",
       "amount"},
      {"DepositNegative", Given::kNone, "POST", "/api/account/deposits", "", R"({"amount":"-5"})", 400,
       "invalid_argument", "amount"},
      {"DepositTooManyDecimals", Given::kNone, "POST", "/api/account/deposits", "", R"({"amount":"1.0000001"})", 400,
       "invalid_argument", "amount"},
      {"DepositEnormous", Given::kNone, "POST", "/api/account/deposits", "", R"({"amount":"1e13"})", 400,
       "invalid_argument", "amount"},

      // --- Who acts, and an engine that stopped -------------------------------------------------
      {"EmptyActor", Given::kNone, "PUT", mode, "", R"({"mode":"live"})", 400, "invalid_argument", "actor", {}, "", ""},
      {"ActorTooLong",
       Given::kNone,
       "PUT",
       mode,
       "",
       R"({"mode":"live"})",
       400,
       "invalid_argument",
       "actor",
       {},
       "",
       std::string(65, 'a')},
      {"ActorWithControlChars",
       Given::kNone,
       "PUT",
       mode,
       "",
       R"({"mode":"live"})",
       400,
       "invalid_argument",
       "actor",
       {},
       "",
       "bob\n"},
      {"ActorNonUtf8",
       Given::kNone,
       "PUT",
       mode,
       "",
       R"({"mode":"live"})",
       400,
       "invalid_argument",
       "actor",
       {},
       "",
       "b\xffo"},
      {"CommandAfterStorageFailure", Given::kEngineFailed, "POST", lockouts, "",
       R"({"ticker":"AAPL","reason":"x","duration_minutes":5})", 503, "unavailable", ""},
  };
}

class ApiBadRequests : public ::testing::TestWithParam<BadRequest>, public ApiFixture {
 protected:
  void apply(Given given) {
    switch (given) {
      case Given::kNone:
        return;
      case Given::kHeldOrder:
        hold_one_order();
        return;
      case Given::kDecided:
        hold_one_order();
        ASSERT_TRUE(engine.decide_approval(1, true, "setup", "", now).is_ok());
        return;
      case Given::kHeldPastExpiry:
        hold_one_order();
        now += std::chrono::minutes(31);
        return;
      case Given::kHeldExpired:
        hold_one_order();
        now += std::chrono::minutes(31);
        ASSERT_TRUE(engine.tick(now).is_ok());
        ASSERT_EQ(engine.state().approvals.find(1)->status, ApprovalStatus::kExpired);
        return;
      case Given::kCancelledOrder:
        hold_one_order();
        ASSERT_TRUE(engine.cancel_order(1, "setup", "", now).is_ok());
        return;
      case Given::kFilledOrder:
        ASSERT_EQ(engine.submit_order(market("AAPL", Side::kBuy, 1), now)->status(), OrderStatus::kFilled);
        return;
      case Given::kClientIdUsed:
        ASSERT_EQ(engine.submit_order(market("AAPL", Side::kBuy, 1, "dup-1"), now)->status(), OrderStatus::kFilled);
        return;
      case Given::kRemovedLockout: {
        LockoutRequest r{sym("AAPL"), "setup", 30, LockoutSide::kBoth, "setup"};
        ASSERT_TRUE(engine.create_lockout(r, now).is_ok());
        ASSERT_TRUE(engine.remove_lockout(1, "setup", now).is_ok());
        return;
      }
      case Given::kExpiredLockout: {
        LockoutRequest r{sym("AAPL"), "setup", 1, LockoutSide::kBoth, "setup"};
        ASSERT_TRUE(engine.create_lockout(r, now).is_ok());
        now += std::chrono::minutes(2);
        return;
      }
      case Given::kDisabled:
        ASSERT_TRUE(engine.set_mode(TradingMode::kDisabled, "setup", now).is_ok());
        return;
      case Given::kEngineFailed:
        inner.fail_next = true;
        ASSERT_FALSE(engine.deposit(usd("1"), "setup", now).is_ok());
        ASSERT_TRUE(engine.failed());
        return;
    }
  }
};

TEST_P(ApiBadRequests, IsRefusedWithExactStatusAndCodeAndChangesNothing) {
  const BadRequest& row = GetParam();
  ASSERT_NO_FATAL_FAILURE(apply(row.given));
  actor = row.actor;
  const EngineState before = engine.state();
  const std::size_t events_before = log.size();

  ApiResponse r = call(row.method, row.path, row.body, row.query);

  EXPECT_EQ(r.status, row.status) << r.body;
  Result<json> parsed = parse_json(r.body);  // refuses invalid UTF-8, so this also checks the message
  ASSERT_TRUE(parsed.is_ok()) << r.body;
  const json& error = (*parsed)["error"];
  EXPECT_EQ(error["code"], row.code) << r.body;
  ASSERT_TRUE(error["message"].is_string()) << r.body;
  EXPECT_FALSE(error["message"].get<std::string>().empty());
  if (row.field.empty()) {
    EXPECT_FALSE(error.contains("field")) << r.body;
  } else {
    EXPECT_EQ(error["field"], row.field) << r.body;
  }

  std::vector<std::string> appended;
  for (std::size_t i = events_before; i < log.size(); ++i) appended.push_back(event_name(log.records()[i].event));
  EXPECT_EQ(appended, row.events);
  if (row.events.empty()) {
    EXPECT_TRUE(engine.state() == before) << "the state changed";
  } else {
    ASSERT_TRUE(error["reasons"].is_array()) << r.body;
    ASSERT_FALSE(error["reasons"].empty());
    EXPECT_EQ(error["reasons"][0].get<std::string>().rfind(row.reason, 0), 0u) << r.body;
    EXPECT_EQ((*parsed)["order"]["status"], "risk_rejected");
  }
}

INSTANTIATE_TEST_SUITE_P(ApiTable, ApiBadRequests, ::testing::ValuesIn(bad_requests()),
                         [](const ::testing::TestParamInfo<BadRequest>& info) { return info.param.name; });

TEST(ApiBadRequestTable, HoldsAtLeastEightyDistinctRows) {
  std::vector<BadRequest> rows = bad_requests();
  EXPECT_GE(rows.size(), 80u);
  std::set<std::string> names;
  for (const BadRequest& row : rows) EXPECT_TRUE(names.insert(row.name).second) << row.name;
}

}  // namespace
}  // namespace stonks::testing
