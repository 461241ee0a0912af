"""Live trading through the Alpaca adapter (--broker alpaca): stonks-server
and the fake Alpaca broker (tests/broker/fake_alpaca.py) as real processes.
Approval gate (3.1) and disabled mode (3.2) in live mode, the account check,
every POST fault ending with exactly one broker order per approved order,
partial fills, cancels (and one that loses to a fill), quotes from the
market-data API, kill -9 with orders in flight, the keys never leaking, and
GET /api/broker: link, latency, rate budget, account, positions and the
differences from the engine's (reconciliation)."""
import json
import os
import sys
import tempfile
import time
import unittest

from harness import APPROVALS, APPROVAL_CONFIG, REPO, Server, main

sys.path.insert(0, os.path.join(REPO, "tests", "broker"))
from fake_broker import FakeBroker  # noqa: E402

KEY_ID = "PKTESTKEYID7QX2"
SECRET = "s3cr3t-live-key-9f8e7d6c5b4a"
MODE = "/api/admin/trading/mode"
FINAL = ("filled", "cancelled", "rejected", "expired")


def write_key_file(directory, mode=0o600):
    path = os.path.join(directory, "alpaca-keys")
    with open(path, "w") as f:
        f.write("# test keys\nAPCA_API_KEY_ID=%s\nAPCA_API_SECRET_KEY=%s\n" % (KEY_ID, SECRET))
    os.chmod(path, mode)
    return path


class RecordingServer(Server):
    """A Server that keeps every API answer, so the test can grep them for the keys."""

    def __init__(self, *args, **kwargs):
        self.answers = []
        super().__init__(*args, **kwargs)

    def request(self, *args, **kwargs):
        r = super().request(*args, **kwargs)
        self.answers.append(r.raw)
        return r


def live_server(broker, key_dir, data_dir=None):
    args = ("--broker", "alpaca", "--alpaca-url", broker.base_url, "--alpaca-data-url", broker.base_url,
            "--alpaca-key-file", write_key_file(key_dir), "--alpaca-timeout-ms", "1000", "--alpaca-poll-ms", "100",
            "--alpaca-account-ms", "200")
    return RecordingServer(data_dir=data_dir, args=args)


def wait_for(what, predicate, timeout=10.0):
    deadline = time.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.time() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.05)


class LiveTest(unittest.TestCase):
    """One fake broker and one live server for the class."""

    @classmethod
    def setUpClass(cls):
        cls.keys = tempfile.mkdtemp(prefix="stonks-live-keys-")
        cls.broker = FakeBroker(key_id=KEY_ID, secret=SECRET)
        # A short rate window: a scripted 429's X-RateLimit-Reset is at most a second away.
        cls.broker.control("POST", "/_control/rate_limit", {"limit": 1000, "window_s": 1})
        cls.s = live_server(cls.broker, cls.keys)
        cls.s.ok("POST", "/api/account/deposits", {"amount": "1000000"})
        cls.quote(cls.s)

    @classmethod
    def tearDownClass(cls):
        code = cls.s.stop()
        try:
            assert code == 0, "server exit status %r\n%s" % (code, cls.s.logs())
            cls.assert_no_key_anywhere(cls.s, cls.broker)
        finally:
            cls.s.close()
            cls.broker.stop()

    @staticmethod
    def quote(s):
        for t, bid, ask in (("AAPL", "99.90", "100.10"), ("MSFT", "199.80", "200.20")):
            s.ok("POST", "/api/quotes", {"ticker": t, "bid": bid, "ask": ask})

    @staticmethod
    def assert_no_key_anywhere(s, broker):
        for key in (KEY_ID, SECRET):
            assert key not in s.logs(), "a key reached the server's output"
            for raw in s.answers:
                assert key.encode() not in raw, "a key reached an API answer"
            for root, _, files in os.walk(s.data_dir):
                for name in files:
                    with open(os.path.join(root, name), "rb") as f:
                        assert key.encode() not in f.read(), "a key reached " + name
        assert not any(r["secret_seen"] for r in broker.requests()), "the secret left its header"

    def setUp(self):
        self.broker.control("DELETE", "/_control/faults")
        self.broker.control("DELETE", "/_control/lifecycles")
        self.go_live(approval=False)

    def go_live(self, approval):
        self.s.ok("PUT", APPROVAL_CONFIG, {"require_approval_for_live": approval})
        wait_for("live mode", lambda: self.s.request("PUT", MODE, {"mode": "live"}).status == 200)

    # Helpers -------------------------------------------------------------
    def order(self, qty=10, ticker="AAPL", **extra):
        body = {"ticker": ticker, "side": "buy", "qty": qty}
        body.update(extra)
        return self.s.ok("POST", "/api/orders", body)

    def settle(self, order_id, statuses=FINAL, timeout=10.0):
        return wait_for("order %d to be one of %s" % (order_id, statuses),
                        lambda: (lambda o: o if o["status"] in statuses else None)(
                            self.s.ok("GET", "/api/orders/%d" % order_id)), timeout)

    def at_broker(self, order_id):
        """The fake's records of this engine order (matched by its client_order_id's suffix)."""
        return [o for o in self.broker.orders() if o["order"]["client_order_id"].endswith("-%d" % order_id)]

    def assert_matches_broker(self, order, status, filled_qty):
        mine = self.at_broker(order["id"])
        self.assertEqual(len(mine), 1, mine)
        self.assertEqual(mine[0]["posts"], 1, "the broker got the order more than once")
        broker_order = mine[0]["order"]
        self.assertEqual(broker_order["status"], status)
        self.assertEqual(order["filled_qty"], filled_qty)
        self.assertEqual(int(broker_order["filled_qty"]), filled_qty)
        if filled_qty:
            self.assertEqual(float(order["avg_fill_price"]), float(broker_order["filled_avg_price"]))


class ApprovalAndModes(LiveTest):
    def test_3_1_live_order_waits_for_approval_and_reaches_the_broker_only_after_it(self):
        self.go_live(approval=True)
        order = self.order()
        self.assertEqual(order["status"], "pending_approval")
        time.sleep(0.5)  # several polls
        self.assertEqual(self.at_broker(order["id"]), [])
        decided = self.s.ok("PUT", "%s/%d" % (APPROVALS, order["approval_id"]), {"status": "approved"})
        self.assertIn(decided["order"]["status"], ("submitted", "filled"))
        done = self.settle(order["id"])
        self.assertEqual(done["status"], "filled")
        self.assert_matches_broker(done, "filled", 10)
        self.assertEqual(done["avg_fill_price"], "100.10")

    def test_live_order_without_required_approval_goes_straight_through(self):
        order = self.order(qty=3)
        self.assertEqual(order["status"], "submitted")
        self.assert_matches_broker(self.settle(order["id"]), "filled", 3)

    def test_3_2_disabled_mode_sends_nothing_and_paper_mode_is_refused_at_intake(self):
        before = len(self.broker.orders())
        self.s.ok("PUT", MODE, {"mode": "disabled"})
        r = self.s.request("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1})
        self.assertEqual(r.status, 422, r)
        self.assertTrue(r.json["error"]["reasons"][0].startswith("TRADING_DISABLED"), r)
        # One portfolio, the broker account's: simulated paper fills have no place in it.
        self.s.ok("PUT", MODE, {"mode": "paper"})
        r = self.s.request("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1})
        self.assertEqual(r.status, 422, r)
        self.assertTrue(r.json["error"]["reasons"][0].startswith("PAPER_TRADING_UNAVAILABLE"), r)
        self.assertEqual(r.json["order"]["status"], "risk_rejected")
        time.sleep(0.3)
        self.assertEqual(len(self.broker.orders()), before)

    def test_live_mode_is_refused_while_the_broker_account_is_blocked(self):
        self.s.ok("PUT", MODE, {"mode": "paper"})
        self.broker.control("POST", "/_control/account", {"trading_blocked": True})
        try:
            time.sleep(0.6)  # the adapter refreshes the account every 200 ms
            r = self.s.request("PUT", MODE, {"mode": "live"})
            self.assertEqual(r.status, 409, r)
            self.assertEqual(self.s.ok("GET", MODE)["mode"], "paper")
        finally:
            self.broker.control("POST", "/_control/account", {"trading_blocked": False})
        self.go_live(approval=False)


class PostFaults(LiveTest):
    """Each fault on POST /v2/orders: exactly one order at the broker, the engine agreeing with it."""

    def run_fault(self, **fault):
        self.broker.fault(method="POST", path="/v2/orders", **fault)
        order = self.order(qty=5)
        return self.settle(order["id"], timeout=15)

    def test_timeout_after_store(self):
        self.assert_matches_broker(self.run_fault(kind="timeout", store=True, delay_ms=5000), "filled", 5)

    def test_504_after_store(self):
        self.assert_matches_broker(self.run_fault(kind="respond", status=504, store=True), "filled", 5)

    def test_connection_dropped_after_store(self):
        self.assert_matches_broker(self.run_fault(kind="drop", store=True), "filled", 5)

    def test_connection_dropped_before_store(self):
        self.assert_matches_broker(self.run_fault(kind="drop", store=False), "filled", 5)

    def test_429_json_then_retried(self):
        self.assert_matches_broker(self.run_fault(kind="respond", status=429), "filled", 5)

    def test_429_plain_text_then_retried(self):
        self.assert_matches_broker(self.run_fault(kind="respond", status=429, body="too many requests"), "filled", 5)

    def test_500_html_page_twice(self):
        self.assert_matches_broker(self.run_fault(kind="respond", status=500, times=2), "filled", 5)

    def test_403_rejects_with_the_brokers_message(self):
        done = self.run_fault(kind="respond", status=403)
        self.assertEqual(done["status"], "rejected")
        self.assertIn("insufficient buying power", " ".join(done["reasons"]))
        self.assertEqual(self.at_broker(done["id"]), [])

    def test_422_rejects_with_the_brokers_message(self):
        done = self.run_fault(kind="respond", status=422, body={"code": 40010001, "message": "qty must be > 0"})
        self.assertEqual(done["status"], "rejected")
        self.assertIn("qty must be > 0", " ".join(done["reasons"]))
        self.assertEqual(self.at_broker(done["id"]), [])

    def test_rejected_later_by_the_broker(self):
        self.broker.lifecycle({"next": {"hold_polls": 2, "outcome": "reject", "reason": "no shortable shares"}})
        done = self.settle(self.order(qty=2)["id"])
        self.assertEqual(done["status"], "rejected")
        self.assert_matches_broker(done, "rejected", 0)


class Lifecycles(LiveTest):
    def test_partial_fills_add_up_to_the_brokers_figures(self):
        self.broker.lifecycle({"next": {"partials": 3, "hold_polls": 1}})
        order = self.order(qty=10)
        seen = set()

        def filled():
            o = self.s.ok("GET", "/api/orders/%d" % order["id"])
            seen.add(o["status"])
            return o if o["status"] == "filled" else None

        done = wait_for("the fill", filled)
        self.assertIn("partially_filled", seen)
        self.assert_matches_broker(done, "filled", 10)

    def test_cancel_of_a_resting_order(self):
        self.broker.lifecycle({"next": {"outcome": "never", "cancel_polls": 2}})
        order = self.order(qty=4)
        self.settle(order["id"], statuses=("accepted",))
        asked = self.s.ok("POST", "/api/orders/%d/cancel" % order["id"], {"reason": "changed my mind"}, status=200)
        self.assertEqual(asked["status"], "accepted", "working until the broker answers")
        self.assertEqual(asked["cancel_request"]["by"], "admin")
        done = self.settle(order["id"])
        self.assertEqual(done["status"], "cancelled")
        self.assertNotIn("cancel_request", done)
        self.assertEqual(done["reasons"], ["CANCELLED: admin: changed my mind"])
        self.assert_matches_broker(done, "canceled", 0)

    def test_an_order_the_broker_expires_ends_expired(self):
        self.broker.lifecycle({"next": {"hold_polls": 2, "outcome": "expire"}})
        done = self.settle(self.order(qty=3)["id"])
        self.assertEqual(done["status"], "expired")
        self.assertTrue(done["reasons"][0].startswith("EXPIRED_AT_BROKER"), done)
        self.assert_matches_broker(done, "expired", 0)

    def test_cancel_that_loses_to_a_fill_shows_the_fill(self):
        self.broker.lifecycle({"next": {"outcome": "never", "cancel_race": True}})
        order = self.order(qty=4)
        wait_for("the order at the broker", lambda: self.at_broker(order["id"]))
        self.s.ok("POST", "/api/orders/%d/cancel" % order["id"], {"reason": "too late"}, status=200)
        done = self.settle(order["id"])
        self.assertEqual(done["status"], "filled")
        self.assert_matches_broker(done, "filled", 4)


    def test_quotes_follow_the_brokers_market_data(self):
        seq = self.s.last_seq()
        self.broker.control("POST", "/_control/quotes", {"MSFT": {"bid": "210.00", "ask": "210.40"}})
        try:
            wait_for("the broker's MSFT quote in the engine",
                     lambda: b'"210.40"' in self.s.request("GET", "/api/events?after=%d" % seq).raw)
        finally:
            self.broker.control("POST", "/_control/quotes", {"MSFT": {"bid": "199.80", "ask": "200.20"}})


class BrokerStatus(unittest.TestCase):
    """GET /api/broker: the link, latency and rate budget, the broker's account and
    positions, and every difference from the engine's (reconciliation)."""

    @classmethod
    def setUpClass(cls):
        cls.keys = tempfile.mkdtemp(prefix="stonks-live-keys-")
        cls.broker = FakeBroker(key_id=KEY_ID, secret=SECRET)
        # A budget the polls do not spend during the test, in a window longer than it.
        cls.broker.control("POST", "/_control/rate_limit", {"limit": 1000, "window_s": 60})
        cls.s = live_server(cls.broker, cls.keys)
        cls.s.ok("POST", "/api/account/deposits", {"amount": "100000"})  # what the fake starts with
        LiveTest.quote(cls.s)
        cls.s.ok("PUT", APPROVAL_CONFIG, {"require_approval_for_live": False})
        wait_for("live mode", lambda: cls.s.request("PUT", MODE, {"mode": "live"}).status == 200)

    @classmethod
    def tearDownClass(cls):
        try:
            assert cls.s.stop() == 0, cls.s.logs()
            LiveTest.assert_no_key_anywhere(cls.s, cls.broker)
        finally:
            cls.s.close()
            cls.broker.stop()

    def status(self):
        return self.s.ok("GET", "/api/broker")

    def wait_status(self, what, predicate):
        return wait_for(what, lambda: (lambda b: b if predicate(b) else None)(self.status()))

    def test_1_link_latency_rate_budget_account_and_positions(self):
        b = self.wait_status("the broker's account and positions", lambda b: "account" in b and "positions" in b)
        self.assertEqual(b["broker"], "alpaca")
        self.assertEqual(b["link"]["state"], "connected")
        self.assertIsInstance(b["link"]["latency_ms"], int)
        self.assertGreaterEqual(b["link"]["latency_ms"], 0)
        self.assertLess(b["link"]["latency_ms"], 1000)
        rate = b["rate_limit"]
        self.assertEqual(rate["limit"], 1000)
        self.assertLess(rate["remaining"], 1000)
        reset = time.mktime(time.strptime(rate["reset"][:19], "%Y-%m-%dT%H:%M:%S")) - time.timezone
        self.assertGreater(reset, time.time() - 2)
        self.assertLess(reset, time.time() + 62)
        self.assertEqual(b["account"]["cash"], "100000.00")
        self.assertEqual(b["positions"], [])
        self.assertEqual(b["differences"], [])

    def test_2_an_engine_order_leaves_both_sides_agreeing_and_one_behind_its_back_is_flagged(self):
        order = self.s.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 10})
        wait_for("the fill", lambda: self.s.ok("GET", "/api/orders/%d" % order["id"])["status"] == "filled")
        b = self.wait_status("AAPL 10 at the broker, agreeing",
                             lambda b: [(p["ticker"], p["qty"]) for p in b.get("positions", [])] == [("AAPL", 10)]
                             and not b["differences"])
        self.assertEqual(b["account"]["cash"], "98999.00")

        # Someone trades at the broker, not through the engine: 5 more AAPL.
        placed = self.broker.request("POST", "/v2/orders", {"symbol": "AAPL", "qty": "5", "side": "buy",
                                                            "type": "market", "time_in_force": "day"})
        self.assertEqual(placed.status, 200, placed)
        self.assertEqual(self.broker.request("GET", "/v2/orders/" + placed.json["id"]).json["status"], "filled")
        b = self.wait_status("the difference flagged", lambda b: len(b["differences"]) == 2)
        cash, aapl = b["differences"]
        self.assertEqual(cash, {"kind": "cash", "engine": "98999.00", "broker": "98498.50",
                                "message": "cash: engine 98999.00, broker 98498.50"})
        self.assertEqual(aapl, {"kind": "position", "ticker": "AAPL", "engine": 10, "broker": 15,
                                "message": "AAPL: engine holds 10, broker 15"})
        # Flagged, never overwritten: the engine still holds what it booked.
        time.sleep(0.5)
        self.assertEqual([(p["ticker"], p["qty"]) for p in self.s.ok("GET", "/api/positions")["positions"]],
                         [("AAPL", 10)])
        self.assertEqual(self.s.ok("GET", "/api/account")["cash"], "98999.00")
        self.assertEqual(len(self.status()["differences"]), 2)

    def test_3_a_failing_broker_shows_since_when_and_why(self):
        self.broker.fault(path="/v2/account", kind="respond", status=500, times="always")
        try:
            b = self.wait_status("the link failing", lambda b: b["link"]["state"] == "failing")
            self.assertIn("HTTP 500", b["link"]["last_error"])
            self.assertIn("failing_since", b["link"])
        finally:
            self.broker.control("DELETE", "/_control/faults")
        b = self.wait_status("the link back", lambda b: b["link"]["state"] == "connected")
        self.assertNotIn("failing_since", b["link"])
        self.assertIn("HTTP 500", b["link"]["last_error"])  # the last error stays on show

    def test_4_the_route_only_reads_and_needs_a_token(self):
        self.assertEqual(self.s.request("POST", "/api/broker", {}).status, 405)
        self.assertEqual(self.s.request("GET", "/api/broker", token=None).status, 401)

    def test_5_a_paper_server_has_no_broker(self):
        s = Server()
        try:
            self.assertEqual(s.ok("GET", "/api/broker"), {"broker": "paper"})
            self.assertEqual(s.request("GET", "/api/broker", token=None).status, 401)
            self.assertEqual(s.stop(), 0)
        finally:
            s.close()


class Restart(unittest.TestCase):
    @staticmethod
    def go_live(s):
        """Cash as the fake's, quotes, and live mode without the approval gate."""
        s.ok("POST", "/api/account/deposits", {"amount": "1000000"})
        LiveTest.quote(s)
        s.ok("PUT", APPROVAL_CONFIG, {"require_approval_for_live": False})
        wait_for("live mode", lambda: s.request("PUT", MODE, {"mode": "live"}).status == 200)

    def test_kill_9_with_orders_in_flight_then_restart_reconciles(self):
        keys = tempfile.mkdtemp(prefix="stonks-live-keys-")
        with FakeBroker(key_id=KEY_ID, secret=SECRET) as broker:
            s = live_server(broker, keys)
            try:
                self.go_live(s)
                # The first POST is stored and then hangs; the others queue behind it.
                broker.fault(method="POST", path="/v2/orders", kind="timeout", store=True, delay_ms=5000)
                ids = [s.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": q})["id"]
                       for q in (1, 2, 3)]
                wait_for("the first order at the broker", lambda: broker.orders())
                s.kill9()
                stored_before = len(broker.orders())
                self.assertLess(stored_before, 3)
                token = s.token
                s.start()
                s.token = token
                self.assertTrue(any("reconciling 3 order(s)" in line for line in s.stderr_lines), s.logs())
                for order_id in ids:
                    done = wait_for("order %d" % order_id, lambda: (lambda o: o if o["status"] == "filled" else None)(
                        s.ok("GET", "/api/orders/%d" % order_id)))
                    mine = [o for o in broker.orders() if o["order"]["client_order_id"].endswith("-%d" % order_id)]
                    self.assertEqual(len(mine), 1, mine)
                    self.assertEqual(mine[0]["posts"], 1)
                    self.assertEqual(int(mine[0]["order"]["filled_qty"]), done["filled_qty"])
                self.assertEqual(len(broker.orders()), 3)
                self.assertEqual(s.stop(), 0)
                LiveTest.assert_no_key_anywhere(s, broker)
            finally:
                s.close()

    def test_a_cancel_asked_for_before_a_kill_9_is_asked_again_after_the_restart(self):
        keys = tempfile.mkdtemp(prefix="stonks-live-keys-")
        with FakeBroker(key_id=KEY_ID, secret=SECRET) as broker:
            s = live_server(broker, keys)
            try:
                self.go_live(s)
                broker.lifecycle({"next": {"outcome": "never"}})
                order_id = s.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 2})["id"]
                wait_for("accepted", lambda: s.ok("GET", "/api/orders/%d" % order_id)["status"] == "accepted")
                # Every DELETE fails while this server runs: the cancel is only asked for.
                broker.fault(method="DELETE", path="/v2/orders", kind="respond", status=500, times="always")
                s.ok("POST", "/api/orders/%d/cancel" % order_id, {"reason": "flatten"}, status=200)
                time.sleep(0.3)
                s.kill9()
                broker.control("DELETE", "/_control/faults")
                token = s.token
                s.start()
                s.token = token
                done = wait_for("the cancel", lambda: (lambda o: o if o["status"] == "cancelled" else None)(
                    s.ok("GET", "/api/orders/%d" % order_id)))
                self.assertEqual(done["reasons"], ["CANCELLED: admin: flatten"])
                mine = [o for o in broker.orders() if o["order"]["client_order_id"].endswith("-%d" % order_id)]
                self.assertEqual([(o["posts"], o["order"]["status"]) for o in mine], [(1, "canceled")])
                self.assertEqual(s.stop(), 0)
            finally:
                s.close()


class Keys(unittest.TestCase):
    def test_a_key_file_open_to_others_is_refused(self):
        keys = tempfile.mkdtemp(prefix="stonks-live-keys-")
        path = write_key_file(keys, mode=0o644)
        s = Server(args=("--broker", "alpaca", "--alpaca-key-file", path), expect_listen=False)
        try:
            self.assertEqual(s.wait(), 1)
            self.assertIn("chmod 600", "\n".join(s.stderr_lines))
            self.assertNotIn(SECRET, s.logs())
        finally:
            s.close()

    def test_keys_from_the_environment(self):
        with FakeBroker(key_id=KEY_ID, secret=SECRET) as broker:
            os.environ.update(APCA_API_KEY_ID=KEY_ID, APCA_API_SECRET_KEY=SECRET)
            try:
                s = Server(args=("--broker", "alpaca", "--alpaca-url", broker.base_url, "--alpaca-account-ms", "100"))
            finally:
                del os.environ["APCA_API_KEY_ID"], os.environ["APCA_API_SECRET_KEY"]
            try:
                wait_for("live mode", lambda: s.request("PUT", MODE, {"mode": "live"}).status == 200)
                self.assertEqual(s.stop(), 0)
                self.assertNotIn(SECRET, s.logs())
            finally:
                s.close()


if __name__ == "__main__":
    main()
