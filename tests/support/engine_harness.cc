#include "support/engine_harness.h"

#include <gtest/gtest.h>

namespace stonks::testing {

Timestamp test_epoch() { return *parse_iso8601("2026-11-24T14:30:00Z"); }

Symbol sym(const std::string& text) {
  Result<Symbol> s = Symbol::parse(text);
  EXPECT_TRUE(s.is_ok()) << text;
  return s.is_ok() ? *s : Symbol();
}

Price px(const std::string& text) {
  Result<Price> p = Price::parse(text);
  EXPECT_TRUE(p.is_ok()) << text;
  return p.is_ok() ? *p : Price();
}

Money usd(const std::string& text) {
  Result<Money> m = Money::parse(text);
  EXPECT_TRUE(m.is_ok()) << text;
  return m.is_ok() ? *m : Money();
}

OrderIntent market(const std::string& ticker, Side side, Quantity qty, const std::string& client_id) {
  OrderIntent in;
  in.symbol = sym(ticker);
  in.side = side;
  in.qty = qty;
  in.client_order_id = client_id;
  return in;
}

OrderIntent limit(const std::string& ticker, Side side, Quantity qty, const std::string& price,
                  const std::string& client_id) {
  OrderIntent in = market(ticker, side, qty, client_id);
  in.type = OrderType::kLimit;
  in.limit_price = px(price);
  return in;
}

Quote quote(const std::string& ticker, const std::string& bid, const std::string& ask, Quantity bid_size,
            Quantity ask_size) {
  Quote q;
  q.symbol = sym(ticker);
  q.bid = px(bid);
  q.ask = px(ask);
  q.bid_size = bid_size;
  q.ask_size = ask_size;
  return q;
}

EngineHarness::EngineHarness() : engine(broker, &sink), now(test_epoch()) {
  EXPECT_TRUE(engine.deposit(usd("100000"), "test", now).is_ok());
  set_quote("AAPL", "99.90", "100.10");
  set_quote("MSFT", "199.80", "200.20");
}

Order EngineHarness::submit(const OrderIntent& intent) {
  Result<Order> r = engine.submit_order(intent, now);
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? *r : Order();
}

void EngineHarness::set_quote(const std::string& ticker, const std::string& bid, const std::string& ask) {
  Status st = engine.on_quote(quote(ticker, bid, ask), now);
  EXPECT_TRUE(st.is_ok()) << st.to_string();
}

void EngineHarness::require_paper_approval() {
  OperatorApprovalConfig section = engine.state().config.operator_approval;
  section.auto_approve_paper = false;
  Result<RiskConfig> r = engine.update_approval_config(section, "operator", now);
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
}

LockoutRequest EngineHarness::lockout_request(const std::string& ticker, int minutes, const std::string& reason) {
  LockoutRequest r;
  r.symbol = sym(ticker);
  r.reason = reason;
  r.duration_minutes = minutes;
  r.created_by = "operator";
  return r;
}

}  // namespace stonks::testing
