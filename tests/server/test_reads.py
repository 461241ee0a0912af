"""Reads answered from the server's read cache (shell/read_cache.h) stay
exactly the engine's state: every change shows in the next read, from the
client that made it and from others, and one client's answer is never
given to another who may not see it."""
import threading
import time

from harness import APPROVALS, APPROVAL_CONFIG, ServerTest, funded_paper_desk, main


class Reads(ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        funded_paper_desk(cls.server)
        code, out, err = cls.server.cli("token", "add", "algo", "--role", "submitter", "--source", "strategy:algo")
        assert code == 0, err
        cls.algo = out.strip()
        time.sleep(1.2)  # the server rereads the token file at most once a second

    def pending(self):
        return self.server.ok("GET", APPROVALS + "?status=pending")["approvals"]

    def test_every_decision_shows_in_the_next_read(self):
        s = self.server
        s.ok("PUT", APPROVAL_CONFIG, {"auto_approve_paper": False})
        held = [s.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1}) for _ in range(3)]
        for _ in range(20):  # the same read again and again: answered from the cache
            self.assertEqual(len(self.pending()), 3)
        for i, order in enumerate(held):
            approval = next(a for a in self.pending() if a["order_id"] == order["id"])
            s.ok("PUT", "%s/%d" % (APPROVALS, approval["id"]), {"status": "approved", "reason": "ok"})
            self.assertEqual(len(self.pending()), 2 - i, "the approval shows in the very next read")
            self.assertEqual(s.ok("GET", "/api/orders/%d" % order["id"])["status"], "filled")
        s.ok("PUT", APPROVAL_CONFIG, {"auto_approve_paper": True})
        self.assertTrue(s.ok("GET", APPROVAL_CONFIG)["auto_approve_paper"])

    def test_readers_never_see_less_than_was_acknowledged(self):
        s = self.server
        s.ok("PUT", APPROVAL_CONFIG, {"auto_approve_paper": True})
        def msft_orders():
            return sum(1 for o in s.ok("GET", "/api/orders?limit=500")["orders"] if o["ticker"] == "MSFT")

        base = msft_orders()
        acknowledged = [0]
        problems = []
        done = threading.Event()

        def write():
            for _ in range(60):
                s.ok("POST", "/api/orders", {"ticker": "MSFT", "side": "buy", "qty": 1})
                acknowledged[0] += 1
            done.set()

        def read():
            while not done.is_set():
                floor = acknowledged[0]
                seen = msft_orders() - base
                if seen < floor:
                    problems.append((seen, floor))

        readers = [threading.Thread(target=read) for _ in range(3)]
        writer = threading.Thread(target=write)
        for t in readers + [writer]:
            t.start()
        for t in readers + [writer]:
            t.join()
        self.assertEqual(problems, [], "a read missed an order acknowledged before it began")

    def test_a_submitter_never_gets_an_operators_answer(self):
        s = self.server
        s.ok("PUT", APPROVAL_CONFIG, {"auto_approve_paper": True})
        order = s.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1})
        path = "/api/orders/%d" % order["id"]
        for _ in range(3):
            self.assertEqual(s.request("GET", path).status, 200)
        r = s.request("GET", path, token=self.algo)
        self.assertNotEqual(r.status, 200, "the operator's order is not the submitter's to read")
        mine = s.request("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1}, token=self.algo)
        self.assertEqual(mine.status, 201)


if __name__ == "__main__":
    main()
