"""The operator workflows (spec 2.x expected, 3.x preserved) over real HTTP."""
import threading
import time

from harness import APPROVALS, APPROVAL_CONFIG, LOCKOUTS, ServerTest, funded_paper_desk, main


class Flows(ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        funded_paper_desk(cls.server)

    def setUp(self):
        self.s = self.server
        self.s.ok("PUT", APPROVAL_CONFIG, {"auto_approve_paper": True})
        for lockout in self.s.ok("GET", LOCKOUTS)["lockouts"]:
            self.s.ok("DELETE", "%s/%d" % (LOCKOUTS, lockout["id"]))

    def hold(self, ticker="AAPL", qty=10):
        self.s.ok("PUT", APPROVAL_CONFIG, {"auto_approve_paper": False})
        order = self.s.ok("POST", "/api/orders", {"ticker": ticker, "side": "buy", "qty": qty})
        self.assertEqual(order["status"], "pending_approval")
        return order

    def position(self, ticker):
        for p in self.s.ok("GET", "/api/positions")["positions"]:
            if p["ticker"] == ticker:
                return p["qty"]
        return 0

    def test_3_1_auto_approve_on_fills_at_once(self):
        order = self.s.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1})
        self.assertEqual(order["status"], "filled")
        self.assertEqual(order["avg_fill_price"], "100.10")

    def test_2_2_auto_approve_off_holds_then_approve_fills(self):
        before = self.position("AAPL")
        order = self.hold()
        pending = self.s.ok("GET", APPROVALS, None)["approvals"]
        mine = [a for a in pending if a["order_id"] == order["id"]]
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine[0]["status"], "pending")
        decided = self.s.ok("PUT", "%s/%d" % (APPROVALS, mine[0]["id"]), {"status": "approved", "reason": "ok"})
        self.assertEqual(decided["status"], "approved")
        self.assertEqual(decided["decided_by"], "admin")  # the actor is the token's operator
        self.assertEqual(decided["order"]["status"], "filled")
        self.assertEqual(self.position("AAPL"), before + 10)
        again = self.s.request("PUT", "%s/%d" % (APPROVALS, mine[0]["id"]), {"status": "approved"})
        self.assertEqual(again.status, 409, again)
        self.assertEqual(self.position("AAPL"), before + 10)

    def test_2_3_reject_keeps_the_order_from_the_broker(self):
        before = self.position("AAPL")
        order = self.hold()
        decided = self.s.ok("PUT", "%s/%d" % (APPROVALS, order["approval_id"]), {"status": "rejected", "reason": "no"})
        self.assertEqual(decided["order"]["status"], "rejected")
        self.assertEqual(self.position("AAPL"), before)
        audit = self.s.ok("GET", "/api/audit")["entries"]
        self.assertTrue(any(e["action"] == "approval_rejected" and e["actor"] == "admin" and e["reason"] == "no"
                            for e in audit))

    def test_2_4_manual_lockout_blocks_an_order(self):
        lockout = self.s.ok("POST", LOCKOUTS, {"ticker": "AAPL", "reason": "earnings", "duration_minutes": 60})
        self.assertEqual(lockout["created_by"], "admin")
        r = self.s.request("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1})
        self.assertEqual(r.status, 422, r)
        self.assertTrue(r.json["error"]["reasons"][0].startswith("LOCKED_OUT"), r)

    def test_3_x_approval_rechecks_risk_after_a_lockout_came(self):
        order = self.hold()
        self.s.ok("POST", LOCKOUTS, {"ticker": "AAPL", "reason": "halt news", "duration_minutes": 5})
        decided = self.s.ok("PUT", "%s/%d" % (APPROVALS, order["approval_id"]), {"status": "approved"})
        self.assertEqual(decided["order"]["status"], "rejected")
        self.assertTrue(any(r.startswith("LOCKED_OUT") for r in decided["order"]["reasons"]))

    def test_3_6_removing_manual_lockout_leaves_news_shock(self):
        shock = self.s.ok("POST", "/api/news", {"ticker": "MSFT", "headline": "CEO arrested", "severity": 95})
        self.assertEqual(shock["lockouts"][0]["source"], "news_shock")
        manual = self.s.ok("POST", LOCKOUTS, {"ticker": "MSFT", "reason": "mine", "duration_minutes": 60})
        self.s.ok("DELETE", "%s/%d" % (LOCKOUTS, manual["id"]))
        active = self.s.ok("GET", LOCKOUTS)["lockouts"]
        self.assertEqual([l["source"] for l in active if l["ticker"] == "MSFT"], ["news_shock"])
        r = self.s.request("POST", "/api/orders", {"ticker": "MSFT", "side": "buy", "qty": 1})
        self.assertEqual(r.status, 422, r)

    def test_live_mode_refused_without_a_live_broker(self):
        before = self.s.last_seq()
        r = self.s.request("PUT", "/api/admin/trading/mode", {"mode": "live"})
        self.assertEqual(r.status, 409, r)
        self.assertEqual(r.json["error"]["code"], "conflict")
        self.assertEqual(self.s.ok("GET", "/api/admin/trading/mode")["mode"], "paper")
        self.assertEqual(self.s.last_seq(), before)

    def test_snapshot_gives_the_state_and_its_seq(self):
        snap = self.s.ok("GET", "/api/snapshot")
        events = self.s.ok("GET", "/api/events", None)
        self.assertEqual(snap["state"]["last_seq"], snap["last_seq"])
        self.assertGreaterEqual(snap["last_seq"], 1)
        self.assertIn("orders", snap["state"])
        self.assertGreaterEqual(events["next_after"], 1)

    def test_long_poll_answers_when_an_event_commits(self):
        last = self.s.last_seq()
        got = {}

        def poll():
            t0 = time.monotonic()
            got["page"] = self.s.ok("GET", "/api/events?after=%d&wait=10000" % last)
            got["elapsed"] = time.monotonic() - t0

        t = threading.Thread(target=poll)
        t.start()
        time.sleep(0.3)
        self.s.ok("POST", LOCKOUTS, {"ticker": "NVDA", "reason": "poll", "duration_minutes": 5})
        t.join(15)
        self.assertIn("page", got)
        self.assertLess(got["elapsed"], 3.0)
        self.assertEqual(got["page"]["events"][0]["type"], "lockout_created")

    def test_long_poll_without_events_answers_empty_at_the_deadline(self):
        last = self.s.last_seq()
        t0 = time.monotonic()
        page = self.s.ok("GET", "/api/events?after=%d&wait=400" % last)
        elapsed = time.monotonic() - t0
        self.assertEqual(page["events"], [])
        self.assertEqual(page["next_after"], last)
        self.assertGreaterEqual(elapsed, 0.35)
        self.assertLess(elapsed, 3.0)
        r = self.s.request("GET", "/api/events?wait=30001")
        self.assertEqual((r.status, r.json["error"]["field"]), (400, "wait"))


if __name__ == "__main__":
    main()
