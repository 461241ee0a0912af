#!/usr/bin/env python3
"""stonks-server under wrk (issue 8's goals): keep-alive HTTP on 127.0.0.1,
client and server sharing the machine's cores.

  wrk_bench.py SERVER_BINARY [--seconds N] [--connections N]

Starts the server on a free port with a fresh data dir (journal on, group
commit), seeds a paper account whose risk limits let every order through, then
runs wrk twice: GET the pending approvals, and POST market orders
(auto-approval on, paper broker: each order fills at once). Prints requests/s
and latency percentiles against the goals: >= 20,000 GET/s, >= 5,000 orders/s,
p99 under 10 ms. Exit 1 when a run fails (a non-2xx answer counts as failure);
missing a goal is reported, not failed.
"""
import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile

GOALS = {"get_pending_approvals": 20000, "post_orders": 5000}
P99_GOAL_MS = 10.0
HELD_APPROVALS = 20

# Alternating buys and sells keep the position (and its limits) small.
POST_LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local bodies = {'{"ticker":"AAPL","side":"buy","qty":1}', '{"ticker":"AAPL","side":"sell","qty":1}'}
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, bodies[n % 2 + 1])
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary):
        self.tmp = tempfile.mkdtemp(prefix="stonks-wrk-")
        self.port = free_port()
        self.proc = subprocess.Popen(
            [binary, "--listen", "127.0.0.1:%d" % self.port, "--data-dir", os.path.join(self.tmp, "data")],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.token = None
        for line in self.proc.stdout:
            m = re.search(r"admin token[^:]*: (\S+)", line)
            if m:
                self.token = m.group(1)
            if line.startswith("listening on"):
                break
        if not self.token:
            raise SystemExit("wrk_bench: the server printed no admin token")

    def call(self, method, path, body=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        data = json.dumps(body) if body is not None else None
        headers = {"Authorization": "Bearer " + self.token}
        if data:
            headers["Content-Type"] = "application/json"
        c.request(method, path, body=data, headers=headers)
        r = c.getresponse()
        text = r.read()
        if r.status >= 300:
            raise SystemExit("wrk_bench: %s %s answered %d: %s" % (method, path, r.status, text[:300]))
        return json.loads(text)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)
        shutil.rmtree(self.tmp, ignore_errors=True)


def seed(server):
    server.call("POST", "/api/account/deposits", {"amount": "1000000000.00"})
    server.call("POST", "/api/quotes", {"ticker": "AAPL", "bid": "99.99", "ask": "100.01"})
    config = server.call("GET", "/api/admin/trading/risk-config")
    config.pop("version", None)
    limits = config["limits"]
    for key in ("max_order_notional", "max_position_notional", "max_gross_exposure", "max_daily_loss"):
        limits[key] = "1000000000.00"
    limits["max_open_orders"] = 100000
    limits["max_orders_per_window"] = 1000000
    limits["allow_short"] = True  # concurrent connections may sell before their buy lands
    config["guards"]["cooldown_after_fill_seconds"] = 0
    config["guards"]["cooldown_after_loss_seconds"] = 0
    server.call("PUT", "/api/admin/trading/risk-config", config)
    # Held approvals give the GET a realistic page to list (then orders flow straight through).
    server.call("PUT", "/api/admin/trading/approval-config", {"auto_approve_paper": False})
    for _ in range(HELD_APPROVALS):
        server.call("POST", "/api/orders", {"ticker": "AAPL", "side": "buy", "qty": 1})
    server.call("PUT", "/api/admin/trading/approval-config", {"auto_approve_paper": True})


def run_wrk(server, name, path, seconds, connections, lua=None):
    cmd = ["wrk", "-t2", "-c%d" % connections, "-d%ds" % seconds, "--latency",
           "-H", "Authorization: Bearer " + server.token]
    script = None
    if lua:
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        script.write(lua)
        script.close()
        cmd += ["-s", script.name]
    cmd.append("http://127.0.0.1:%d%s" % (server.port, path))
    out = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout
    if script:
        os.unlink(script.name)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p = {q: re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\b" % q, out, re.M) for q in ("50", "99")}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if not rps or not all(p.values()):
        print(out, file=sys.stderr)
        raise SystemExit("wrk_bench: could not read wrk's output for " + name)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    ms = {q: float(m.group(1)) * scale[m.group(2)] for q, m in p.items()}
    return {"name": name, "rps": float(rps.group(1)), "p50_ms": ms["50"], "p99_ms": ms["99"],
            "non_2xx": int(errors.group(1)) if errors else 0}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk_bench: wrk is not installed (scripts/setup --bench installs it)")

    server = Server(args.binary)
    try:
        seed(server)
        results = [run_wrk(server, "get_pending_approvals", "/api/admin/trading/approvals?status=pending",
                           args.seconds, args.connections),
                   run_wrk(server, "post_orders", "/api/orders", args.seconds, args.connections, POST_LUA)]
    finally:
        server.stop()

    status = 0
    print("%-24s %12s %10s %10s %8s  %s" % ("workload", "requests/s", "p50 ms", "p99 ms", "non-2xx", "goal"))
    for r in results:
        met = r["rps"] >= GOALS[r["name"]] and r["p99_ms"] < P99_GOAL_MS
        print("%-24s %12.0f %10.2f %10.2f %8d  >= %d/s, p99 < %.0f ms: %s" %
              (r["name"], r["rps"], r["p50_ms"], r["p99_ms"], r["non_2xx"], GOALS[r["name"]], P99_GOAL_MS,
               "met" if met else "MISSED"))
        if r["non_2xx"]:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
