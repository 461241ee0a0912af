"""Operators over HTTP: 401 without or with a wrong token on every route,
403 for viewers on every command, token add/list/revoke, the actor in the
audit log, and the slowdown of repeated wrong tokens."""
import concurrent.futures
import os
import re
import stat
import time
import unittest

from harness import Server, ServerTest, api_routes, funded_paper_desk, main

WRONG = "so_" + "0" * 64


class Auth(ServerTest):
    # Wrong tokens are slowed down; here barely, so 60 of them stay quick.
    SERVER_ARGS = ("--auth-fail-delay-ms", "1", "--auth-fail-max-delay-ms", "4")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        funded_paper_desk(cls.server)

    def snapshot(self):
        return self.server.ok("GET", "/api/snapshot")

    def test_first_start_prints_an_admin_token_once(self):
        self.assertRegex(self.server.admin_token, r"^so_[0-9a-f]{64}$")
        code, out, _ = self.server.cli("token", "list")
        self.assertEqual((code, out), (0, "admin operator\n"))

    def test_401_on_every_route_without_or_with_a_wrong_token(self):
        before = self.snapshot()
        body = {"ticker": "AAPL", "side": "buy", "qty": 1}
        for method, path in api_routes():
            for token, headers in ((None, {}), (WRONG, {}), (None, {"Authorization": "Basic YWRtaW46eA=="}),
                                   (None, {"Authorization": "Bearer"}), (self.server.token + "x", {})):
                r = self.server.request(method, path, body if method != "GET" else None, token=token, headers=headers)
                self.assertEqual(r.status, 401, "%s %s %r" % (method, path, r))
                self.assertEqual(r.json["error"]["code"], "unauthorized")
                self.assertEqual(r.headers.get("www-authenticate"), "Bearer")
        self.assertEqual(self.snapshot(), before)

    def test_viewer_reads_everything_and_changes_nothing(self):
        code, token, _ = self.server.cli("token", "add", "vera", "--role", "viewer")
        self.assertEqual(code, 0)
        token = token.strip()
        time.sleep(1.2)  # the server rereads the token file at most once a second
        before = self.snapshot()
        for method, path in api_routes():
            body = {"x": 1} if method != "GET" else None
            r = self.server.request(method, path, body, token=token)
            if method == "GET":
                self.assertIn(r.status, (200, 404), "%s %s %r" % (method, path, r))
            else:
                self.assertEqual(r.status, 403, "%s %s %r" % (method, path, r))
                self.assertEqual(r.json["error"]["code"], "forbidden")
        self.assertEqual(self.snapshot(), before)

    def test_the_actor_is_the_operators_name(self):
        code, token, _ = self.server.cli("token", "add", "alice", "--role", "operator")
        self.assertEqual(code, 0)
        time.sleep(1.2)
        lockout = self.server.ok("POST", "/api/admin/trading/lockouts",
                                 {"ticker": "NVDA", "reason": "by alice", "duration_minutes": 5}, token=token.strip())
        self.assertEqual(lockout["created_by"], "alice")
        entries = self.server.ok("GET", "/api/audit")["entries"]
        self.assertEqual(entries[-1]["actor"], "alice")
        self.assertEqual(entries[-1]["action"], "lockout_created")

    def test_token_add_list_revoke(self):
        s = self.server
        code, token, _ = s.cli("token", "add", "bob", "--role", "operator")
        token = token.strip()
        self.assertEqual(code, 0)
        self.assertRegex(token, r"^so_[0-9a-f]{64}$")
        self.assertEqual(s.cli("token", "add", "bob", "--role", "viewer")[0], 1)  # exists
        self.assertEqual(s.cli("token", "add", "bad name", "--role", "viewer")[0], 1)
        self.assertEqual(s.cli("token", "add", "carol")[0], 1)  # no role
        code, out, _ = s.cli("token", "list")
        self.assertIn("bob operator\n", out)
        self.assertNotIn("so_", out)
        path = os.path.join(s.data_dir, "tokens")
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(s.data_dir).st_mode), 0o700)
        with open(path) as f:
            self.assertNotIn(token, f.read())  # stored hashed only
        time.sleep(1.2)
        self.assertEqual(s.request("GET", "/api/account", token=token).status, 200)
        self.assertEqual(s.cli("token", "revoke", "bob")[0], 0)
        self.assertEqual(s.cli("token", "revoke", "bob")[0], 1)
        time.sleep(1.2)
        self.assertEqual(s.request("GET", "/api/account", token=token).status, 401)
        self.assertNotIn("bob", s.cli("token", "list")[1])

    def test_token_adds_at_once_all_take_effect(self):
        s = self.server
        names = ["team%d" % i for i in range(8)]
        with concurrent.futures.ThreadPoolExecutor(len(names)) as pool:
            results = list(pool.map(lambda n: s.cli("token", "add", n, "--role", "viewer"), names))
        self.assertEqual([r[0] for r in results], [0] * len(names), results)
        listed = s.cli("token", "list")[1]
        for name in names:
            self.assertIn(name + " viewer\n", listed)
        time.sleep(1.2)
        for (_, token, _), name in zip(results, names):
            self.assertEqual(s.request("GET", "/api/account", token=token.strip()).status, 200, name)

    def test_health_and_static_files_need_no_token(self):
        self.assertEqual(self.server.request("GET", "/healthz", token=None).json,
                         {"status": "ok", "server": "stonks-server"})
        self.assertEqual(self.server.request("GET", "/", token=None).status, 200)


class Throttle(unittest.TestCase):
    def test_repeated_wrong_tokens_are_slowed_and_logged(self):
        s = Server(args=("--auth-fail-delay-ms", "100", "--auth-fail-max-delay-ms", "400"))
        try:
            times = []
            for _ in range(5):
                t0 = time.monotonic()
                self.assertEqual(s.request("GET", "/api/account", token=WRONG).status, 401)
                times.append(time.monotonic() - t0)
            # 100, 200, 400, 400, 400 ms
            self.assertGreaterEqual(times[0], 0.09)
            self.assertGreaterEqual(times[2], 0.38)
            self.assertGreaterEqual(sum(times), 1.4)
            self.assertLess(times[4], 1.5)  # capped
            t0 = time.monotonic()
            self.assertEqual(s.request("GET", "/api/account").status, 200)  # the right token is not slowed
            self.assertLess(time.monotonic() - t0, 0.3)
            t0 = time.monotonic()
            s.request("GET", "/api/account", token=WRONG)
            self.assertLess(time.monotonic() - t0, 0.3)  # and it reset the count
            # A token never reaches the log.
            self.assertEqual(s.stop(), 0)
            log = "\n".join(s.stderr_lines)
            self.assertRegex(log, r"wrong token\(s\) in a row from 127\.0\.0\.1")
            self.assertNotIn("so_", log)
        finally:
            s.close()

    def test_second_start_prints_no_token(self):
        s = Server()
        try:
            s.restart()
            self.assertFalse(any("so_" in line for line in s.stdout_lines), s.stdout_lines)
            self.assertEqual(s.request("GET", "/api/account").status, 200)
        finally:
            s.close()


if __name__ == "__main__":
    main()
