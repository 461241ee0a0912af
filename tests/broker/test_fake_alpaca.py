"""Self-tests of the fake Alpaca broker: the real process over http.client,
asserting what an adapter would see (statuses, headers, bodies, hang-ups)."""
import http.client
import os
import signal
import socket
import sys
import time
import unittest
import uuid

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_broker import FakeBroker  # noqa: E402

ORDERS = "/v2/orders"


def market(symbol="AAPL", qty="10", side="buy", **extra):
    body = {"symbol": symbol, "qty": qty, "side": side, "type": "market", "time_in_force": "day"}
    body.update(extra)
    return body


def limit(price, symbol="AAPL", qty="10", side="buy", **extra):
    return market(symbol, qty, side, type="limit", time_in_force="gtc", limit_price=price, **extra)


class FakeBrokerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.broker = FakeBroker(key_id="PKTESTKEY", secret="s3cr3t-never-logged")

    @classmethod
    def tearDownClass(cls):
        code = cls.broker.stop()
        assert code == 0, "exit status %r\n%s" % (code, cls.broker.logs())
        assert "s3cr3t" not in cls.broker.logs()

    def setUp(self):
        self.b = self.broker
        self.b.reset()

    # Helpers ------------------------------------------------------------
    def submit(self, body, status=200):
        r = self.b.request("POST", ORDERS, body)
        self.assertEqual(r.status, status, r)
        return r.json

    def get(self, order_id):
        r = self.b.request("GET", "%s/%s" % (ORDERS, order_id))
        self.assertEqual(r.status, 200, r)
        return r.json

    def poll_statuses(self, order_id, n):
        return [self.get(order_id)["status"] for _ in range(n)]

    def position(self, symbol):
        for p in self.b.request("GET", "/v2/positions").json:
            if p["symbol"] == symbol:
                return p
        return None

    def account(self):
        return self.b.request("GET", "/v2/account").json

    def assert_one_order(self, client_order_id):
        mine = [o for o in self.b.orders() if o["order"]["client_order_id"] == client_order_id]
        self.assertEqual(len(mine), 1, mine)
        return mine[0]

    # Process and HTTP ---------------------------------------------------
    def test_prints_one_line_and_exits_0_on_sigint(self):
        other = FakeBroker()
        self.assertEqual(other.stdout_lines, ["fake-alpaca listening on 127.0.0.1:%d" % other.port])
        self.assertEqual(other.request("GET", "/v2/account", auth=True).status, 200)
        self.assertEqual(other.stop(signal.SIGINT), 0)

    def test_keep_alive_serves_several_requests_on_one_connection(self):
        conn = self.b.connect()
        try:
            first = self.b.request("GET", "/v2/account", conn=conn)
            order = self.b.request("POST", ORDERS, market(), conn=conn)
            again = self.b.request("GET", "%s/%s" % (ORDERS, order.json["id"]), conn=conn)
        finally:
            conn.close()
        self.assertEqual([first.status, order.status, again.status], [200, 200, 200])
        self.assertEqual(int(again.headers["content-length"]), len(again.raw))
        self.assertEqual(again.json["status"], "filled")

    # Auth ---------------------------------------------------------------
    def test_missing_keys_are_forbidden_and_wrong_keys_unauthorized(self):
        missing = self.b.request("GET", "/v2/account", auth=False)
        self.assertEqual((missing.status, missing.json), (403, {"message": "forbidden."}))
        wrong = self.b.request("GET", "/v2/account", auth=False,
                               headers={"APCA-API-KEY-ID": "PKTESTKEY", "APCA-API-SECRET-KEY": "guess"})
        self.assertEqual((wrong.status, wrong.json), (401, {"code": 40110000, "message": "request is not authorized"}))
        self.assertIn("x-ratelimit-remaining", wrong.headers)
        self.assertEqual([r["auth"] for r in self.b.requests()], ["missing", "wrong"])

    def test_request_log_never_holds_the_secret_and_flags_a_leak(self):
        self.b.request("GET", "/v2/account")
        self.b.request("POST", ORDERS, market(client_order_id="leak-s3cr3t-never-logged"))
        log = self.b.requests()
        self.assertNotIn("s3cr3t-never-logged", repr(log))
        self.assertEqual([r["secret_seen"] for r in log], [False, True])
        self.assertEqual(log[1]["client_order_id"], "leak-[redacted]")
        self.assertEqual([(r["method"], r["path"], r["status"]) for r in log],
                         [("GET", "/v2/account", 200), ("POST", ORDERS, 200)])

    # Rate limit -----------------------------------------------------------
    def test_rate_budget_counts_down_then_429_until_the_window_resets(self):
        self.b.control("POST", "/_control/rate_limit", {"limit": 3, "window_s": 1})
        answers = [self.b.request("GET", "/v2/account") for _ in range(4)]
        self.assertEqual([r.status for r in answers], [200, 200, 200, 429])
        self.assertEqual([r.headers["x-ratelimit-remaining"] for r in answers], ["2", "1", "0", "0"])
        self.assertEqual({r.headers["x-ratelimit-limit"] for r in answers}, {"3"})
        reset = int(answers[3].headers["x-ratelimit-reset"])
        self.assertTrue(time.time() <= reset <= time.time() + 2, reset)
        self.assertEqual(answers[3].json, {"code": 42910000, "message": "rate limit exceeded"})
        self.assertEqual(self.b.request("GET", "/v2/stocks/quotes/latest?symbols=AAPL").status, 200)  # its own budget
        time.sleep(1.05)
        self.assertEqual(self.b.request("GET", "/v2/account").headers["x-ratelimit-remaining"], "2")

    # Orders: the default lifecycle ---------------------------------------
    def test_market_buy_is_accepted_then_fills_at_the_ask_on_the_first_poll(self):
        order = self.submit(market(qty="10", client_order_id="buy-1"))
        self.assertEqual((order["status"], order["filled_qty"], order["filled_avg_price"]), ("accepted", "0", None))
        self.assertEqual((order["qty"], order["client_order_id"], order["type"]), ("10", "buy-1", "market"))
        uuid.UUID(order["id"])
        filled = self.get(order["id"])
        seen = (filled["status"], filled["filled_qty"], filled["filled_avg_price"])
        self.assertEqual(seen, ("filled", "10", "100.1"))
        self.assertIsNotNone(filled["filled_at"])
        self.assertEqual(self.position("AAPL")["qty"], "10")
        self.assertEqual(self.position("AAPL")["avg_entry_price"], "100.1")
        account = self.account()
        self.assertEqual((account["cash"], account["buying_power"], account["status"]), ("98999", "98999", "ACTIVE"))
        self.assertEqual(account["equity"], "99999")  # 10 x the 100.00 mid

    def test_sell_fills_at_the_bid_and_short_positions_are_negative(self):
        order = self.submit(market(qty="5", side="sell"))
        self.assertEqual(self.get(order["id"])["filled_avg_price"], "99.9")
        short = self.position("AAPL")
        self.assertEqual((short["qty"], short["side"], short["market_value"]), ("-5", "short", "-500"))
        account = self.account()
        self.assertEqual((account["cash"], account["buying_power"]), ("100499.5", "99500.5"))
        self.assertEqual(account["short_market_value"], "-500")

    def test_limit_order_rests_until_the_quote_crosses(self):
        order = self.submit(limit("99.00"))
        self.assertEqual(order["limit_price"], "99")
        self.assertEqual(self.poll_statuses(order["id"], 2), ["new", "new"])
        self.b.control("POST", "/_control/quotes", {"AAPL": {"bid": "98.70", "ask": "98.90"}})
        filled = self.get(order["id"])
        self.assertEqual((filled["status"], filled["filled_avg_price"]), ("filled", "98.9"))

    def test_list_orders_filters_by_status_symbols_limit_and_direction(self):
        first = self.submit(market("AAPL"))
        second = self.submit(limit("1.00", "MSFT"))
        third = self.submit(market("NVDA", qty="1"))
        self.get(first["id"])  # filled
        ids = lambda r: [o["id"] for o in r.json]  # noqa: E731
        self.assertEqual(ids(self.b.request("GET", ORDERS + "?status=open&symbols=MSFT,AAPL")), [second["id"]])
        everything = self.b.request("GET", ORDERS + "?status=all&direction=asc")
        self.assertEqual(ids(everything), [first["id"], second["id"], third["id"]])
        # the NVDA order filled on that poll: gone from the open list, in the closed one
        self.assertEqual(ids(self.b.request("GET", ORDERS + "?status=closed&limit=1")), [third["id"]])
        self.assertEqual(self.b.request("GET", ORDERS + "?status=bogus").status, 422)

    def test_lookups_by_id_and_client_order_id(self):
        order = self.submit(market(client_order_id="look-1"))
        by_client = self.b.request("GET", ORDERS + ":by_client_order_id?client_order_id=look-1")
        self.assertEqual((by_client.status, by_client.json["id"]), (200, order["id"]))
        unknown = self.b.request("GET", ORDERS + ":by_client_order_id?client_order_id=nope")
        self.assertEqual((unknown.status, unknown.json["code"]), (404, 40410000))
        self.assertEqual(self.b.request("GET", "%s/%s" % (ORDERS, uuid.uuid4())).status, 404)
        bad = self.b.request("GET", ORDERS + "/not-a-uuid")
        self.assertEqual((bad.status, bad.json), (422, {"code": 40010001, "message": "order_id is missing"}))

    # Orders: validation and refusals --------------------------------------
    def test_invalid_orders_get_422_with_a_message_and_create_nothing(self):
        cases = [
            ({"qty": "1", "side": "buy", "type": "market", "time_in_force": "day"}, "symbol is required"),
            (market("ZZZZ"), 'asset "ZZZZ" not found'),
            (market(qty="0"), "qty must be > 0"),
            (market(qty="ten"), "invalid qty"),
            (market(side="hold"), "invalid side: must be buy or sell"),
            (market(type="stop"), 'order type "stop" is not supported by the fake broker'),
            (market(time_in_force="week"), "invalid time_in_force"),
            (market(type="limit"), "limit_price is required and must be > 0 for limit orders"),
            (market(limit_price="1"), "limit_price must not be given for market orders"),
            (limit("100", qty="1.5"), "fractional orders must be market orders with day time_in_force"),
            (market(client_order_id="x" * 49), "client_order_id must be no more than 48 characters"),
        ]
        for body, message in cases:
            with self.subTest(message=message):
                self.assertEqual(self.submit(body, 422), {"code": 40010001, "message": message})
        self.assertEqual(self.b.request("POST", ORDERS, "{not json").status, 400)
        self.assertEqual(self.submit(market(notional="100"), 400)["code"], 40010000)
        self.assertEqual(self.b.orders(), [])

    def test_reused_client_order_id_is_refused_even_after_cancel(self):
        order = self.submit(limit("1.00", client_order_id="once"))
        self.assertEqual(self.submit(market(client_order_id="once"), 422),
                         {"code": 40010001, "message": "client_order_id must be unique"})
        self.assertEqual(self.b.request("DELETE", "%s/%s" % (ORDERS, order["id"])).status, 204)
        self.assertEqual(self.get(order["id"])["status"], "canceled")
        self.submit(limit("1.00", client_order_id="once"), 422)
        self.assertEqual(self.assert_one_order("once")["posts"], 3)

    def test_buying_power_403_carries_the_numbers(self):
        self.b.control("POST", "/_control/account", {"buying_power": "1000"})
        refused = self.submit(market(qty="10"), 403)  # 10 x 100.10 > 1000
        self.assertEqual(refused, {"buying_power": "1000", "code": 40310000, "cost_basis": "1001",
                                   "message": "insufficient buying power"})
        self.submit(market(qty="9"))
        self.assertEqual(self.account()["buying_power"], "99.1")  # held for the open order

    def test_blocked_or_inactive_account_refuses_orders(self):
        for account in ({"trading_blocked": True}, {"account_blocked": True}, {"status": "SUBMITTED"}):
            with self.subTest(account=account):
                self.b.reset()
                shown = self.b.control("POST", "/_control/account", account)
                self.assertEqual(shown, self.account())
                self.assertEqual(self.submit(market(), 403),
                                 {"code": 40310000, "message": "account is not allowed to trade"})

    def test_short_sell_without_shorting_is_refused_with_the_quantities(self):
        self.b.control("POST", "/_control/account", {"shorting_enabled": False})
        refused = self.submit(market(qty="3", side="sell"), 403)
        self.assertEqual(refused["message"], "insufficient qty available for order (requested: 3, available: 0)")
        self.assertEqual((refused["available"], refused["symbol"]), ("0", "AAPL"))

    # Orders: cancel ---------------------------------------------------------
    def test_cancel_answers_204_then_the_next_poll_shows_canceled(self):
        order = self.submit(limit("1.00"))
        cancel = self.b.request("DELETE", "%s/%s" % (ORDERS, order["id"]))
        self.assertEqual((cancel.status, cancel.raw), (204, b""))
        self.assertEqual(self.get(order["id"])["status"], "canceled")
        again = self.b.request("DELETE", "%s/%s" % (ORDERS, order["id"]))
        self.assertEqual((again.status, again.json["code"]), (422, 42210000))
        self.assertEqual(self.b.request("DELETE", "%s/%s" % (ORDERS, uuid.uuid4())).status, 404)

    def test_cancel_of_a_filled_order_is_422_already_filled(self):
        order = self.submit(market())
        self.get(order["id"])
        r = self.b.request("DELETE", "%s/%s" % (ORDERS, order["id"]))
        self.assertEqual((r.status, r.json), (422, {"code": 42210000, "message": 'order is already in "filled" state'}))

    def test_cancel_of_a_filled_order_answered_204_by_a_fault_leaves_it_filled(self):
        order = self.submit(market())
        self.get(order["id"])
        self.b.fault(kind="respond", status=204, method="DELETE", path=ORDERS + "/")
        r = self.b.request("DELETE", "%s/%s" % (ORDERS, order["id"]))
        self.assertEqual((r.status, r.raw), (204, b""))
        self.assertEqual(self.get(order["id"])["status"], "filled")

    # Lifecycle scripts ----------------------------------------------------
    def test_held_for_n_polls_then_filled(self):
        self.b.lifecycle({"next": {"hold_polls": 2}})
        order = self.submit(market())
        self.assertEqual(self.poll_statuses(order["id"], 3), ["accepted", "accepted", "filled"])

    def test_held_then_rejected_with_the_reason_kept_for_the_control_api(self):
        self.b.lifecycle({"next": {"status": "pending_new", "hold_polls": 1, "outcome": "reject",
                                   "reason": "no shortable inventory"}})
        order = self.submit(market())
        self.assertEqual(order["status"], "pending_new")
        self.assertEqual(self.poll_statuses(order["id"], 2), ["pending_new", "rejected"])
        self.assertIsNotNone(self.get(order["id"])["failed_at"])
        self.assertEqual(self.b.orders()[0]["reject_reason"], "no shortable inventory")
        self.assertIsNone(self.position("AAPL"))

    def test_held_then_expired(self):
        self.b.lifecycle({"next": {"hold_polls": 1, "outcome": "expire"}})
        order = self.submit(limit("1.00"))
        self.assertEqual(self.poll_statuses(order["id"], 2), ["accepted", "expired"])
        self.assertIsNotNone(self.get(order["id"])["expired_at"])

    def test_partial_fills_over_k_polls(self):
        self.b.lifecycle({"symbol": "MSFT", "lifecycle": {"partials": 3}})
        order = self.submit(market("MSFT", qty="10"))
        seen = [(o["status"], o["filled_qty"]) for o in (self.get(order["id"]) for _ in range(3))]
        self.assertEqual(seen, [("partially_filled", "3"), ("partially_filled", "6"), ("filled", "10")])
        self.b.control("POST", "/_control/quotes", {"MSFT": {"bid": "209.80", "ask": "210.20"}})
        second = self.submit(market("MSFT", qty="2"))  # the symbol's lifecycle stays
        self.assertEqual(self.get(second["id"])["filled_qty"], "1")

    def test_never_fills_until_canceled(self):
        self.b.lifecycle({"default": {"outcome": "never"}})
        order = self.submit(market())
        self.assertEqual(self.poll_statuses(order["id"], 3), ["new", "new", "new"])
        self.assertEqual(self.b.request("DELETE", "%s/%s" % (ORDERS, order["id"])).status, 204)
        self.assertEqual(self.get(order["id"])["status"], "canceled")

    def test_immediate_fill_answers_filled_to_the_post(self):
        self.b.lifecycle({"next": {"immediate": True}})
        order = self.submit(market())
        self.assertEqual((order["status"], order["filled_qty"]), ("filled", "10"))

    def test_stuck_in_pending_cancel_for_n_polls(self):
        self.b.lifecycle({"next": {"outcome": "never", "cancel_polls": 2}})
        order = self.submit(market())
        self.assertEqual(self.b.request("DELETE", "%s/%s" % (ORDERS, order["id"])).status, 204)
        self.assertEqual(self.poll_statuses(order["id"], 3), ["pending_cancel", "pending_cancel", "canceled"])

    def test_cancel_that_loses_the_race_with_a_fill(self):
        self.b.lifecycle({"next": {"outcome": "never", "cancel_race": True}})
        order = self.submit(limit("99.00"))
        self.assertEqual(self.b.request("DELETE", "%s/%s" % (ORDERS, order["id"])).status, 204)
        final = self.get(order["id"])
        self.assertEqual((final["status"], final["filled_qty"], final["filled_avg_price"]), ("filled", "10", "99"))
        self.assertEqual(self.position("AAPL")["qty"], "10")

    def test_next_lifecycle_beats_the_symbol_one_and_is_used_once(self):
        self.b.lifecycle({"symbol": "AAPL", "lifecycle": {"outcome": "never"}})
        self.b.lifecycle({"next": {"outcome": "expire"}})
        first, second = self.submit(market()), self.submit(market())
        self.assertEqual([self.get(first["id"])["status"], self.get(second["id"])["status"]], ["expired", "new"])

    def test_manual_fill_then_cancel_keeps_the_partial(self):
        self.b.lifecycle({"next": {"outcome": "never"}})
        order = self.submit(market(qty="10", client_order_id="manual"))
        filled = self.b.control("POST", "/_control/orders/manual/fill", {"qty": "4", "price": "100.05"})
        self.assertEqual(filled["order"]["status"], "partially_filled")
        self.b.control("POST", "/_control/orders/%s/fill" % order["id"], {"qty": "2", "price": "100.20"})
        seen = self.get(order["id"])
        self.assertEqual((seen["filled_qty"], seen["filled_avg_price"]), ("6", "100.1"))
        self.b.request("DELETE", "%s/%s" % (ORDERS, order["id"]))
        final = self.get(order["id"])
        self.assertEqual((final["status"], final["filled_qty"]), ("canceled", "6"))
        self.assertEqual(self.position("AAPL")["qty"], "6")

    # Faults -------------------------------------------------------------
    def test_latency_delays_the_answer(self):
        self.b.fault(kind="latency", path="/v2/account", delay_ms=300)
        start = time.monotonic()
        self.assertEqual(self.b.request("GET", "/v2/account").status, 200)
        self.assertGreaterEqual(time.monotonic() - start, 0.3)
        start = time.monotonic()
        self.b.request("GET", "/v2/account")
        self.assertLess(time.monotonic() - start, 0.3)  # one-shot

    def test_post_that_stores_then_times_out(self):
        self.b.fault(kind="timeout", method="POST", path=ORDERS, store=True, delay_ms=5000)
        start = time.monotonic()
        with self.assertRaises(TimeoutError):
            self.b.request("POST", ORDERS, market(client_order_id="slow"), timeout=0.3)
        self.assertLess(time.monotonic() - start, 2)
        found = self.b.request("GET", ORDERS + ":by_client_order_id?client_order_id=slow")
        self.assertEqual(found.status, 200)
        self.assertEqual(self.assert_one_order("slow")["posts"], 1)
        deadline = time.monotonic() + 5  # the server notices the hang-up on its own time
        while self.b.requests()[0]["outcome"] == "pending" and time.monotonic() < deadline:
            time.sleep(0.02)
        self.assertEqual(self.b.requests()[0]["outcome"], "timed_out")

    def test_post_that_stores_then_answers_504(self):
        self.b.fault(kind="respond", status=504, method="POST", path=ORDERS, store=True)
        r = self.b.request("POST", ORDERS, market(client_order_id="gw"))
        self.assertEqual(r.status, 504)
        self.assertIn("<html>", r.raw.decode())
        self.assertIn("x-ratelimit-reset", r.headers)
        self.assertEqual(self.submit(market(client_order_id="gw"), 422)["message"], "client_order_id must be unique")
        self.assertEqual(self.assert_one_order("gw")["posts"], 2)

    def test_connection_dropped_before_storing(self):
        self.b.fault(kind="drop", method="POST", path=ORDERS)
        with self.assertRaises(http.client.RemoteDisconnected):
            self.b.request("POST", ORDERS, market(client_order_id="lost"))
        self.assertEqual(self.b.request("GET", ORDERS + ":by_client_order_id?client_order_id=lost").status, 404)
        self.assertEqual(self.b.requests()[0]["outcome"], "dropped")
        self.submit(market(client_order_id="lost"))  # resending once is safe
        self.assertEqual(self.assert_one_order("lost")["posts"], 1)

    def test_connection_dropped_after_storing(self):
        self.b.fault(kind="drop", method="POST", path=ORDERS, store=True)
        with self.assertRaises((http.client.RemoteDisconnected, ConnectionResetError)):
            self.b.request("POST", ORDERS, market(client_order_id="kept"))
        self.assertEqual(self.b.request("GET", ORDERS + ":by_client_order_id?client_order_id=kept").status, 200)

    def test_429_with_a_json_body_and_rate_headers(self):
        self.b.fault(kind="respond", status=429)
        r = self.b.request("GET", "/v2/account")
        self.assertEqual((r.status, r.json), (429, {"code": 42910000, "message": "rate limit exceeded"}))
        self.assertEqual(r.headers["x-ratelimit-remaining"], "0")
        self.assertGreaterEqual(int(r.headers["x-ratelimit-reset"]), int(time.time()))
        self.assertEqual(self.b.request("GET", "/v2/account").status, 200)

    def test_429_with_a_plain_text_body(self):
        self.b.fault(kind="respond", status=429, body="too many requests")
        r = self.b.request("GET", ORDERS)
        self.assertEqual((r.status, r.raw, r.headers["content-type"]), (429, b"too many requests",
                                                                          "text/plain; charset=utf-8"))

    def test_500_with_an_html_page(self):
        self.b.fault(kind="respond", status=500, method="POST", path=ORDERS)
        r = self.b.request("POST", ORDERS, market())
        self.assertEqual((r.status, r.headers["content-type"]), (500, "text/html"))
        self.assertIn("500 Internal Server Error", r.raw.decode())
        self.assertEqual(self.b.orders(), [])

    def test_502_and_503(self):
        self.b.fault(kind="respond", status=502, path=ORDERS)
        self.b.fault(kind="respond", status=503, path=ORDERS)
        statuses = [self.b.request("GET", ORDERS).status for _ in range(3)]
        self.assertEqual(statuses, [502, 503, 200])

    def test_403_insufficient_buying_power_fault(self):
        self.b.fault(kind="respond", status=403, method="POST", path=ORDERS)
        r = self.b.request("POST", ORDERS, market(qty="1"))
        self.assertEqual((r.status, r.json["code"], r.json["message"]), (403, 40310000, "insufficient buying power"))
        self.assertEqual(self.b.orders(), [])

    def test_422_invalid_fault_with_a_given_body(self):
        self.b.fault(kind="respond", status=422, method="POST", path=ORDERS,
                     body={"code": 40010001, "message": "us_equity orders not allowed for account"})
        r = self.b.request("POST", ORDERS, market())
        self.assertEqual((r.status, r.json["message"]), (422, "us_equity orders not allowed for account"))

    def test_faults_match_method_and_path_and_count_skips_and_times(self):
        self.b.fault(kind="respond", status=503, method="GET", path="/v2/orders/", skip=1, times=2)
        order = self.submit(market())  # a POST to /v2/orders: no match
        path = "%s/%s" % (ORDERS, order["id"])
        statuses = [self.b.request("GET", path).status for _ in range(4)]
        self.assertEqual(statuses, [200, 503, 503, 200])
        self.assertEqual(self.b.control("GET", "/_control/faults")["faults"], [])
        always = self.b.fault(kind="respond", status=502, path="/v2/positions", times="always")
        self.assertEqual([self.b.request("GET", "/v2/positions").status for _ in range(3)], [502] * 3)
        self.assertEqual(self.b.control("GET", "/_control/faults")["faults"][0]["fired"], 3)
        self.assertEqual(always["times"], "always")

    def test_bad_control_input_is_400(self):
        r = self.b.request("POST", "/_control/faults", {"kind": "explode"}, auth=False)
        self.assertEqual(r.status, 400)
        self.assertIn("fault kind", r.json["error"])
        self.assertEqual(self.b.request("POST", "/_control/lifecycles", {"next": {"partials": 0}}, auth=False).status,
                         400)

    # Market data --------------------------------------------------------
    def test_latest_quotes_in_the_data_api_shape(self):
        self.b.control("POST", "/_control/quotes", {"AAPL": {"bid": "150.25", "ask": "150.40"}})
        r = self.b.request("GET", "/v2/stocks/quotes/latest?symbols=AAPL,MSFT,NOPE&feed=iex")
        quotes = r.json["quotes"]
        self.assertEqual(sorted(quotes), ["AAPL", "MSFT"])
        self.assertEqual((quotes["AAPL"]["ap"], quotes["AAPL"]["bp"]), (150.4, 150.25))
        self.assertTrue(quotes["AAPL"]["t"].endswith("Z"))
        single = self.b.request("GET", "/v2/stocks/MSFT/quotes/latest").json
        self.assertEqual((single["symbol"], single["quote"]["bp"]), ("MSFT", 199.8))
        self.assertEqual(self.b.request("GET", "/v2/stocks/quotes/latest").status, 400)

    def test_reset_forgets_orders_and_client_ids(self):
        self.submit(market(client_order_id="again"))
        self.b.reset()
        self.assertEqual(self.b.orders(), [])
        self.submit(market(client_order_id="again"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
