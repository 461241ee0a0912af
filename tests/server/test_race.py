"""8 clients approve and reject the same pending approvals at once: each is
decided exactly once (the others get 409) and each approved order fills
exactly once."""
import random
import threading
import unittest
from collections import Counter

from harness import Server, funded_paper_desk, main

APPROVALS = 20
CLIENTS = 8


class Race(unittest.TestCase):
    def test_each_approval_is_decided_once_and_filled_once(self):
        s = Server()
        try:
            funded_paper_desk(s)
            s.ok("PUT", "/api/admin/trading/approval-config", {"auto_approve_paper": False})
            orders = [s.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1})
                      for _ in range(APPROVALS)]
            ids = [o["approval_id"] for o in orders]
            results = []  # (approval id, asked decision, status, decided status)
            lock = threading.Lock()
            start = threading.Barrier(CLIENTS)

            def client(seed):
                rng = random.Random(seed)
                order = ids[:]
                rng.shuffle(order)
                conn = s.connect()
                start.wait()
                for aid in order:
                    ask = rng.choice(["approved", "rejected"])
                    r = s.request("PUT", "/api/admin/trading/approvals/%d" % aid, {"status": ask}, conn=conn)
                    with lock:
                        results.append((aid, ask, r.status, r.json.get("status")))
                conn.close()

            threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)

            self.assertEqual(len(results), APPROVALS * CLIENTS)
            wins = {}
            for aid, ask, status, decided in results:
                self.assertIn(status, (200, 409), (aid, status))
                if status == 200:
                    self.assertNotIn(aid, wins, "approval %d decided twice" % aid)
                    self.assertEqual(decided, ask)
                    wins[aid] = ask
            self.assertEqual(sorted(wins), sorted(ids))

            approved_orders = {o["id"] for o in orders if wins[o["approval_id"]] == "approved"}
            fills = Counter()
            after = 0
            while True:
                page = s.ok("GET", "/api/events?after=%d&limit=1000" % after)
                for e in page["events"]:
                    if e["type"] == "order_filled":
                        fills[e["data"]["fill"]["order_id"]] += 1
                after = page["next_after"]
                if not page["has_more"]:
                    break
            self.assertEqual(set(fills), approved_orders)
            self.assertTrue(all(n == 1 for n in fills.values()), fills)
            for o in orders:
                status = s.ok("GET", "/api/orders/%d" % o["id"])["status"]
                self.assertEqual(status, "filled" if o["id"] in approved_orders else "rejected")
            position = [p for p in s.ok("GET", "/api/positions")["positions"] if p["ticker"] == "AAPL"]
            self.assertEqual(position[0]["qty"] if position else 0, len(approved_orders))
            self.assertEqual(s.stop(), 0)
        finally:
            s.close()


if __name__ == "__main__":
    main()
