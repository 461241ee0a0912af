"""Approval policies over real HTTP: the submitter role (fixed source, its own
orders only, nothing else), four eyes, and signals from outside
(POST /api/signals/{name}, the token in the header or the body) held by a
rule, approved by an operator and filled. No token reaches the log or any
answer."""
import json
import os
import time

from harness import APPROVALS, APPROVAL_CONFIG, LOCKOUTS, ServerTest, funded_paper_desk, main

WRONG = "so_" + "1" * 64


class Policies(ServerTest):
    SERVER_ARGS = ("--auth-fail-delay-ms", "1", "--auth-fail-max-delay-ms", "4")
    answers = []  # every response body, to look for tokens in at the end
    tokens = {}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        funded_paper_desk(s)
        for name, args in (("alice", ("--role", "operator")), ("bob", ("--role", "operator")),
                           ("vera", ("--role", "viewer")), ("algo", ("--role", "submitter", "--source", "strategy:algo")),
                           ("algo2", ("--role", "submitter", "--source", "strategy:other")),
                           ("tv", ("--role", "submitter", "--source", "signal:tv"))):
            code, out, err = s.cli("token", "add", name, *args)
            assert code == 0, err
            cls.tokens[name] = out.strip()
        time.sleep(1.2)  # the server rereads the token file at most once a second

    @classmethod
    def tearDownClass(cls):
        server = cls.server
        super().tearDownClass()
        log = "\n".join(server.stderr_lines)
        stdout = "\n".join(server.stdout_lines)
        for name, token in list(cls.tokens.items()) + [("admin", server.token), ("wrong", WRONG)]:
            assert token not in log, "%s's token reached the log" % name
            if name != "admin":  # the admin token is printed once on stdout, at the first start
                assert token not in stdout, "%s's token reached stdout" % name
            for raw in cls.answers:
                assert token.encode() not in raw, "%s's token came back in an answer: %r" % (name, raw[:300])

    def setUp(self):
        self.s = self.server
        self.ok("PUT", APPROVAL_CONFIG, {"auto_approve_paper": True, "four_eyes": False, "rules": []})
        for lockout in self.ok("GET", LOCKOUTS)["lockouts"]:
            self.ok("DELETE", "%s/%d" % (LOCKOUTS, lockout["id"]))

    # helpers ------------------------------------------------------------
    def req(self, method, path, body=None, who="admin", headers=None):
        token = "admin" if who == "admin" else (None if who is None else self.tokens.get(who, who))
        r = self.s.request(method, path, body, token=token, headers=headers)
        self.answers.append(r.raw)
        return r

    def ok(self, method, path, body=None, who="admin", status=None):
        r = self.req(method, path, body, who)
        want = status or (201 if method == "POST" else 200)
        self.assertEqual(r.status, want, "%s %s as %s -> %r" % (method, path, who, r))
        return r.json

    def forbidden(self, r, code="forbidden"):
        self.assertEqual(r.status, 403, r)
        self.assertEqual(r.json["error"]["code"], code, r)

    def position(self, ticker):
        for p in self.ok("GET", "/api/positions")["positions"]:
            if p["ticker"] == ticker:
                return p["qty"]
        return 0

    def hold_orders(self):
        self.ok("PUT", APPROVAL_CONFIG, {"auto_approve_paper": False})

    # the submitter role ----------------------------------------------------
    def test_token_add_validates_a_submitters_source(self):
        s = self.s
        self.assertEqual(s.cli("token", "add", "nosource", "--role", "submitter")[0], 1)
        for bad in ("manual", "signal:", "strategy:", "flatten", "signal:a b", "signal:*", "other:x",
                    "signal:" + "x" * 49):
            code, out, err = s.cli("token", "add", "badsource", "--role", "submitter", "--source", bad)
            self.assertEqual((code, out), (1, ""), bad)
            self.assertIn("source", err)
        self.assertEqual(s.cli("token", "add", "opsource", "--role", "operator", "--source", "signal:x")[0], 1)
        listed = s.cli("token", "list")[1]
        self.assertIn("algo submitter strategy:algo\n", listed)
        self.assertIn("tv submitter signal:tv\n", listed)
        self.assertIn("alice operator\n", listed)
        self.assertNotIn("badsource", listed)
        self.assertNotIn("so_", listed)
        with open(os.path.join(s.data_dir, "tokens")) as f:
            lines = [l.split() for l in f if l.strip() and not l.startswith("#")]
        self.assertIn(["tv", "submitter"], [l[:2] for l in lines])
        self.assertEqual([l[3] for l in lines if l[0] == "tv"], ["signal:tv"])
        self.assertEqual([len(l) for l in lines if l[0] == "admin"], [3])  # the old 3-field lines

    def test_submitter_cannot_decide_lock_out_configure_or_read_the_desk(self):
        self.hold_orders()
        held = self.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1})
        lockout = self.ok("POST", LOCKOUTS, {"ticker": "NVDA", "reason": "mine", "duration_minutes": 5})
        before = self.ok("GET", "/api/snapshot")
        for who in ("algo", "tv"):
            for method, path, body in (
                    ("PUT", "%s/%d" % (APPROVALS, held["approval_id"]), {"status": "approved"}),
                    ("PUT", "%s/%d" % (APPROVALS, held["approval_id"]), {"status": "rejected"}),
                    ("POST", LOCKOUTS, {"ticker": "AAPL", "reason": "x", "duration_minutes": 5}),
                    ("DELETE", "%s/%d" % (LOCKOUTS, lockout["id"]), None),
                    ("PUT", APPROVAL_CONFIG, {"auto_approve_paper": True}),
                    ("PUT", APPROVAL_CONFIG, {"rules": []}),
                    ("PUT", "/api/admin/trading/risk-config", {"version": 1}),
                    ("PUT", "/api/admin/trading/mode", {"mode": "disabled"}),
                    ("PUT", "/api/admin/trading/halt", {"halted": True}),
                    ("POST", "/api/admin/trading/flatten", {"reason": "x"}),
                    ("POST", "/api/account/deposits", {"amount": "1.00"}),
                    ("POST", "/api/quotes", {"ticker": "AAPL", "bid": "1.00", "ask": "1.10"}),
                    ("POST", "/api/news", {"ticker": "AAPL", "headline": "x", "severity": 99}),
                    ("GET", APPROVALS, None), ("GET", LOCKOUTS, None), ("GET", APPROVAL_CONFIG, None),
                    ("GET", "/api/admin/trading/mode", None), ("GET", "/api/orders", None),
                    ("GET", "/api/account", None), ("GET", "/api/positions", None), ("GET", "/api/audit", None),
                    ("GET", "/api/events", None), ("GET", "/api/snapshot", None), ("GET", "/api/broker", None),
                    ("PATCH", "/api/orders", {"x": 1})):
                r = self.req(method, path, body, who)
                self.forbidden(r)
                self.assertIn("submitter", r.json["error"]["message"], r)
        self.assertEqual(self.ok("GET", "/api/snapshot"), before)
        self.assertEqual(self.ok("GET", "/api/orders/%d" % held["id"])["status"], "pending_approval")
        self.assertEqual(self.ok("GET", APPROVAL_CONFIG)["auto_approve_paper"], False)
        self.assertEqual(self.ok("GET", "/api/admin/trading/mode")["mode"], "paper")
        self.assertEqual(self.ok("GET", "/api/admin/trading/halt")["halted"], False)

    def test_submitter_submits_under_its_source_only(self):
        before = self.s.last_seq()
        for body in ({"source": "manual"}, {"source": "strategy:other"}, {"source": "signal:tv"}):
            intent = dict({"ticker": "AAPL", "side": "buy", "qty": 1}, **body)
            self.forbidden(self.req("POST", "/api/orders", intent, "algo"))
            self.forbidden(self.req("POST", "/api/orders/preview", intent, "algo"))
        # A strategy's token posts no signal, nor a signal's under another name.
        self.forbidden(self.req("POST", "/api/signals/tv", {"ticker": "AAPL", "side": "buy", "qty": 1}, "algo"))
        self.forbidden(self.req("POST", "/api/signals/other", {"ticker": "AAPL", "side": "buy", "qty": 1}, "tv"))
        self.assertEqual(self.s.last_seq(), before, "a refused submission changed the state")
        preview = self.ok("POST", "/api/orders/preview", {"ticker": "AAPL", "side": "buy", "qty": 1}, "algo",
                          status=200)
        self.assertTrue(preview["ok"], preview)
        self.assertEqual(preview["gate"]["decision"], "auto_approve")
        order = self.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1}, "algo")
        self.assertEqual((order["source"], order["submitted_by"], order["status"]), ("strategy:algo", "algo", "filled"))
        same = self.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1, "source": "strategy:algo"},
                       "algo")
        self.assertEqual(same["source"], "strategy:algo")

    def test_submitter_cancels_its_own_orders_only(self):
        self.hold_orders()
        mine = self.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 2}, "algo")
        theirs = self.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 2}, "algo2")
        manual = self.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 2})
        self.assertEqual(self.ok("GET", "/api/orders/%d" % mine["id"], who="algo")["status"], "pending_approval")
        before = self.s.last_seq()
        for other in (theirs, manual):
            self.forbidden(self.req("POST", "/api/orders/%d/cancel" % other["id"], {"reason": "mine now"}, "algo"))
            self.forbidden(self.req("GET", "/api/orders/%d" % other["id"], None, "algo"))
        self.forbidden(self.req("POST", "/api/orders/999999/cancel", None, "algo"))
        self.assertEqual(self.s.last_seq(), before)
        for other in (theirs, manual):
            self.assertEqual(self.ok("GET", "/api/orders/%d" % other["id"])["status"], "pending_approval")
        cancelled = self.ok("POST", "/api/orders/%d/cancel" % mine["id"], {"reason": "changed my mind"}, "algo",
                            status=200)
        self.assertEqual(cancelled["status"], "cancelled")
        approvals = {a["order_id"]: a for a in self.ok("GET", APPROVALS)["approvals"]}
        self.assertEqual(approvals[mine["id"]]["status"], "rejected")
        self.assertEqual(approvals[theirs["id"]]["status"], "pending")
        # The operators cancel anyone's.
        self.assertEqual(self.ok("POST", "/api/orders/%d/cancel" % theirs["id"], status=200)["status"], "cancelled")
        self.assertEqual(self.ok("POST", "/api/orders/%d/cancel" % manual["id"], status=200)["status"], "cancelled")

    # four eyes -------------------------------------------------------------
    def test_four_eyes_refuses_a_self_approval_and_a_second_operator_approves(self):
        config = self.ok("PUT", APPROVAL_CONFIG, {"auto_approve_paper": False, "four_eyes": True})
        self.assertTrue(config["four_eyes"])
        self.assertTrue(self.ok("GET", "/api/admin/trading/risk-config")["operator_approval"]["four_eyes"])
        before = self.position("MSFT")
        order = self.ok("POST", "/api/orders", {"ticker": "MSFT", "side": "buy", "qty": 4}, "alice")
        self.assertEqual((order["status"], order["submitted_by"]), ("pending_approval", "alice"))
        approval = "%s/%d" % (APPROVALS, order["approval_id"])
        seq = self.s.last_seq()
        self.forbidden(self.req("PUT", approval, {"status": "approved"}, "alice"), "four_eyes_required")
        self.assertEqual(self.s.last_seq(), seq)
        self.assertEqual(self.ok("GET", "/api/orders/%d" % order["id"])["status"], "pending_approval")
        pending = self.ok("GET", APPROVALS + "?status=pending")["approvals"]
        self.assertIn(order["id"], [a["order_id"] for a in pending])
        decided = self.ok("PUT", approval, {"status": "approved", "reason": "second pair of eyes"}, "bob")
        self.assertEqual((decided["status"], decided["decided_by"]), ("approved", "bob"))
        self.assertEqual(decided["order"]["status"], "filled")
        self.assertEqual(self.position("MSFT"), before + 4)

    # signals ---------------------------------------------------------------
    def test_a_signal_with_the_body_token_is_held_by_a_rule_approved_and_filled(self):
        rules = [{"name": "signals wait", "source": "signal:*", "decision": "require_approval"}]
        config = self.ok("PUT", APPROVAL_CONFIG, {"auto_approve_paper": True, "rules": rules})
        self.assertEqual(config["rules"], rules)
        before = self.position("AAPL")
        # TradingView: no headers of its own, text/plain, the placeholders expanded as text.
        alert = '{"ticker": "NASDAQ:AAPL", "side": "BUY", "qty": "3", "token": "%s"}' % self.tokens["tv"]
        r = self.req("POST", "/api/signals/tv", alert, who=None, headers={"Content-Type": "text/plain; charset=utf-8"})
        self.assertEqual(r.status, 201, r)
        order = r.json
        self.assertEqual((order["ticker"], order["side"], order["qty"], order["source"], order["submitted_by"]),
                         ("AAPL", "buy", 3, "signal:tv", "tv"))
        self.assertEqual(order["status"], "pending_approval")
        self.assertEqual((order["gate"]["decision"], order["gate"]["rule"]), ("require_approval", 1))
        self.assertIn("signals wait", order["gate"]["reason"])
        # A manual order matches no rule: auto-approved as before.
        self.assertEqual(self.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1})["status"],
                         "filled")
        pending = [a for a in self.ok("GET", APPROVALS + "?status=pending")["approvals"] if a["order_id"] == order["id"]]
        self.assertEqual(len(pending), 1)
        decided = self.ok("PUT", "%s/%d" % (APPROVALS, pending[0]["id"]), {"status": "approved"}, "alice")
        self.assertEqual((decided["decided_by"], decided["order"]["status"]), ("alice", "filled"))
        self.assertEqual(self.position("AAPL"), before + 3 + 1)
        view = self.ok("GET", "/api/orders/%d" % order["id"], who="tv")
        self.assertEqual((view["status"], view["gate"]["rule"]), ("filled", 1))

    def test_a_signal_with_the_header_token_and_a_limit_price(self):
        r = self.req("POST", "/api/signals/tv", {"ticker": "AAPL", "side": "buy", "qty": 1, "limit_price": "95",
                                                 "client_order_id": "tv-1"}, "tv")
        self.assertEqual(r.status, 201, r)
        self.assertEqual((r.json["type"], r.json["limit_price"], r.json["source"], r.json["status"]),
                         ("limit", "95.00", "signal:tv", "submitted"))  # rests below the ask
        self.ok("POST", "/api/orders/%d/cancel" % r.json["id"], None, "tv", status=200)

    def test_signal_authentication(self):
        alert = {"ticker": "AAPL", "side": "buy", "qty": 1}
        before = self.s.last_seq()
        for who, body in ((None, alert), (None, dict(alert, token="")), (None, dict(alert, token=WRONG)),
                          (None, dict(alert, token=5)), (WRONG, alert), (None, "not json")):
            r = self.req("POST", "/api/signals/tv", body, who)
            self.assertEqual(r.status, 401, (who, body, r))
            self.assertEqual(r.json["error"]["code"], "unauthorized")
            self.assertEqual(r.headers.get("www-authenticate"), "Bearer")
        # A header that is not a bearer token is not overridden by the body's.
        r = self.req("POST", "/api/signals/tv", dict(alert, token=self.tokens["tv"]), None,
                     headers={"Authorization": "Basic YWRtaW46eA=="})
        self.assertEqual(r.status, 401, r)
        # Only a submitter posts signals: operators and viewers are refused, in the header or the body.
        for who in ("admin", "alice", "vera"):
            self.forbidden(self.req("POST", "/api/signals/tv", alert, who))
            token = self.s.token if who == "admin" else self.tokens[who]
            self.forbidden(self.req("POST", "/api/signals/tv", dict(alert, token=token), None))
        # Content types: JSON or text/plain only.
        r = self.req("POST", "/api/signals/tv", json.dumps(dict(alert, token=self.tokens["tv"])), None,
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual((r.status, r.json["error"]["code"]), (415, "unsupported_media_type"), r)
        r = self.req("POST", "/api/orders", json.dumps(alert), "algo", headers={"Content-Type": "text/plain"})
        self.assertEqual(r.status, 415, r)  # text/plain is the signals route's only
        # The router still wants a JSON object; a bad field is named.
        r = self.req("POST", "/api/signals/tv", "ticker=AAPL", "tv", headers={"Content-Type": "text/plain"})
        self.assertEqual((r.status, r.json["error"]["code"]), (400, "invalid_argument"), r)
        r = self.req("POST", "/api/signals/tv", dict(alert, side="hold", token=self.tokens["tv"]), None)
        self.assertEqual((r.status, r.json["error"]["field"]), (400, "side"), r)
        r = self.req("POST", "/api/signals/tv", dict(alert, token=[self.tokens["tv"]]), "tv")
        self.assertEqual(r.status, 400, r)  # a token field that is not a string is the router's to refuse
        self.assertEqual(self.s.last_seq(), before)


if __name__ == "__main__":
    main()
