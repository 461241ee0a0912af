"""What the server acknowledged survives: SIGTERM mid-load (graceful: exit 0),
kill -9 mid-flow and a restart on the same data dir; a damaged journal stops
the start (exit 2, file and offset named) and is left as it was; one server
per data dir."""
import http.client
import os
import signal
import threading
import time
import unittest

from harness import Server, funded_paper_desk, main

THREADS = 4


def load(server, stop, acked, attempts):
    """Each thread deposits 1.00 again and again on a kept-alive connection, counting the 201s."""

    def worker():
        conn = None
        while not stop.is_set():
            try:
                conn = conn or server.connect(timeout=10)
                attempts.append(1)
                r = server.request("POST", "/api/account/deposits", {"amount": "1.00"}, conn=conn)
                if r.status == 201:
                    acked.append(1)
            except (OSError, http.client.HTTPException):
                if conn:
                    conn.close()
                conn = None
                if server.proc.poll() is not None:
                    return
                time.sleep(0.01)

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    return threads


def deposits(server):
    return round(float(server.ok("GET", "/api/account")["deposits"]))


class Durability(unittest.TestCase):
    def setUp(self):
        self.s = Server()

    def tearDown(self):
        self.s.close()

    def run_load_then(self, kill):
        stop, acked, attempts = threading.Event(), [], []
        threads = load(self.s, stop, acked, attempts)
        time.sleep(1.0)
        code = kill()
        stop.set()
        for t in threads:
            t.join(30)
        self.assertGreater(len(acked), 50)
        return code, len(acked)

    def test_sigterm_mid_load_loses_nothing_acknowledged(self):
        code, acked = self.run_load_then(lambda: (self.s.signal(signal.SIGTERM), self.s.wait())[1])
        self.assertEqual(code, 0, self.s.logs())
        self.assertIn("stopped; the journal is flushed", self.s.logs())
        self.s.restart()
        total = deposits(self.s)
        self.assertGreaterEqual(total, acked)
        self.assertLessEqual(total, acked + THREADS)  # at most the ones in flight, processed but not read back

    def test_kill9_mid_flow_keeps_every_acknowledged_command(self):
        funded_paper_desk(self.s)
        self.s.ok("PUT", "/api/admin/trading/approval-config", {"auto_approve_paper": False})
        held = [self.s.ok("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1}) for _ in range(3)]
        self.s.ok("PUT", "/api/admin/trading/approvals/%d" % held[0]["approval_id"], {"status": "approved"})
        self.s.ok("PUT", "/api/admin/trading/approvals/%d" % held[1]["approval_id"], {"status": "rejected"})
        lockout = self.s.ok("POST", "/api/admin/trading/lockouts",
                            {"ticker": "MSFT", "reason": "kept", "duration_minutes": 60})
        before = deposits(self.s)
        code, acked = self.run_load_then(self.s.kill9)
        self.assertEqual(code, -signal.SIGKILL)
        self.s.restart()
        total = deposits(self.s) - before
        self.assertGreaterEqual(total, acked)
        self.assertLessEqual(total, acked + THREADS)
        statuses = [self.s.ok("GET", "/api/orders/%d" % o["id"])["status"] for o in held]
        self.assertEqual(statuses, ["filled", "rejected", "pending_approval"])
        active = [l["id"] for l in self.s.ok("GET", "/api/admin/trading/lockouts")["lockouts"]]
        self.assertIn(lockout["id"], active)
        # And the restarted server goes on from there.
        self.s.ok("PUT", "/api/admin/trading/approvals/%d" % held[2]["approval_id"], {"status": "approved"})

    def test_a_corrupt_journal_refuses_to_start(self):
        for i in range(20):
            self.s.ok("POST", "/api/account/deposits", {"amount": "%d.00" % (i + 1)})
        self.s.kill9()  # no final snapshot: the records stay in the segment
        journal = os.path.join(self.s.data_dir, "journal")
        segments = sorted(n for n in os.listdir(journal) if n.startswith("seg-"))
        path = os.path.join(journal, segments[0])
        with open(path, "rb") as f:
            data = bytearray(f.read())
        data[40] ^= 0xFF  # inside an early record, far from the tail
        with open(path, "wb") as f:
            f.write(bytes(data))
        self.s.start(expect_listen=False)
        code = self.s.wait()
        log = "\n".join(self.s.stderr_lines)
        self.assertEqual(code, 2, log)
        self.assertIn(segments[0], log)
        self.assertIn("offset", log)
        self.assertIn("refusing to start", log)
        self.assertIsNone(self.s.port)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), bytes(data))  # left as it was

    def test_one_server_per_data_dir(self):
        other = Server(data_dir=self.s.data_dir, expect_listen=False)
        try:
            self.assertEqual(other.wait(), 1)
            self.assertIn("another stonks-server is using", "\n".join(other.stderr_lines))
        finally:
            other.close()
        self.assertEqual(self.s.request("GET", "/healthz", token=None).status, 200)


if __name__ == "__main__":
    main()
