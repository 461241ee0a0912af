"""Starts stonks-server as a real process and talks HTTP to it (stdlib only).

The binary comes from $STONKS_SERVER (ctest sets it). Each Server gets a
fresh temporary data dir (or a given one), an ephemeral 127.0.0.1 port read
from its "listening on" line, and a small app dir of its own for the static
file tests.
"""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import unittest

BINARY = os.environ.get("STONKS_SERVER", "")
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
START_TIMEOUT = 20  # seconds; an ASan build starts slower
WASM_BYTES = b"\0asm\x01\0\0\0" + b"stonks " * 4000

# The operator routes the tests use most.
APPROVAL_CONFIG = "/api/admin/trading/approval-config"
APPROVALS = "/api/admin/trading/approvals"
LOCKOUTS = "/api/admin/trading/lockouts"


def make_app_dir(root):
    app = os.path.join(root, "app")
    os.makedirs(app, exist_ok=True)
    with open(os.path.join(app, "index.html"), "w") as f:
        f.write("<!doctype html><title>desk</title>\n")
    with open(os.path.join(app, "app.wasm"), "wb") as f:
        f.write(WASM_BYTES)
    with open(os.path.join(app, "app.js"), "w") as f:
        f.write("console.log('desk');\n" * 200)
    return app


class Response:
    def __init__(self, status, headers, raw):
        self.status = status
        self.headers = {k.lower(): v for k, v in headers}
        self.raw = raw

    @property
    def json(self):
        return json.loads(self.raw.decode("utf-8"))

    def __repr__(self):
        return "%d %s" % (self.status, self.raw[:300])


class Server:
    def __init__(self, data_dir=None, args=(), expect_listen=True):
        if not BINARY:
            raise unittest.SkipTest("STONKS_SERVER is not set")
        self.tmp = tempfile.mkdtemp(prefix="stonks-server-test-")
        self.data_dir = data_dir or os.path.join(self.tmp, "data")
        self.app_dir = make_app_dir(self.tmp)
        self.args = list(args)
        self.stdout_lines = []
        self.stderr_lines = []
        self.admin_token = None
        self.port = None
        self.proc = None
        self.start(expect_listen)

    def start(self, expect_listen=True):
        cmd = [BINARY, "--listen", "127.0.0.1:0", "--data-dir", self.data_dir, "--app-dir", self.app_dir]
        self.proc = subprocess.Popen(cmd + self.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.stdout_lines, self.stderr_lines = [], []
        self.port = None
        listening = threading.Event()

        def read(stream, lines, watch):
            for raw in iter(stream.readline, b""):
                line = raw.decode("utf-8", "replace").rstrip("\n")
                lines.append(line)
                if watch:
                    m = re.search(r"so_[0-9a-f]{64}", line)
                    if line.startswith("admin token") and m:
                        self.admin_token = m.group(0)
                    m = re.match(r"listening on https?://127\.0\.0\.1:(\d+)$", line)
                    if m:
                        self.port = int(m.group(1))
                        listening.set()
            listening.set()  # the process ended

        self.readers = [threading.Thread(target=read, args=(self.proc.stdout, self.stdout_lines, True), daemon=True),
                        threading.Thread(target=read, args=(self.proc.stderr, self.stderr_lines, False), daemon=True)]
        for t in self.readers:
            t.start()
        if not expect_listen:
            return
        listening.wait(START_TIMEOUT)
        if self.port is None:
            self.proc.kill()
            raise AssertionError("server did not start: " + "\n".join(self.stderr_lines))
        self.token = self.admin_token

    # HTTP ---------------------------------------------------------------
    def connect(self, timeout=30):
        if "--tls-cert" in self.args:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE  # the tests' self-signed certificate
            return http.client.HTTPSConnection("127.0.0.1", self.port, timeout=timeout, context=context)
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, token="admin", headers=None, conn=None, timeout=30):
        """One request. `token`: "admin" (the admin token), None (no header) or a token string.
        `body`: a dict/list (sent as JSON), str/bytes (sent as is) or None."""
        h = {}
        if token == "admin":
            token = self.token
        if token is not None:
            h["Authorization"] = "Bearer " + token
        data = None
        if body is not None:
            data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
            if isinstance(data, str):
                data = data.encode()
            h["Content-Type"] = "application/json"
        elif method in ("POST", "PUT"):
            h["Content-Length"] = "0"
        h.update(headers or {})
        own = conn is None
        c = conn or self.connect(timeout)
        try:
            c.request(method, path, body=data, headers=h)
            r = c.getresponse()
            return Response(r.status, r.getheaders(), r.read())
        finally:
            if own:
                c.close()

    def ok(self, method, path, body=None, status=None, token="admin"):
        r = self.request(method, path, body, token=token)
        want = status or (201 if method == "POST" else 200)
        if r.status != want:
            raise AssertionError("%s %s -> %r (wanted %d)" % (method, path, r, want))
        return r.json

    def last_seq(self):
        return self.ok("GET", "/api/snapshot")["last_seq"]

    def cli(self, *args):
        """Runs `stonks-server ARGS --data-dir DATA`; (returncode, stdout, stderr)."""
        p = subprocess.run([BINARY, *args, "--data-dir", self.data_dir], capture_output=True, text=True, timeout=30)
        return p.returncode, p.stdout, p.stderr

    # Process ------------------------------------------------------------
    def signal(self, sig):
        self.proc.send_signal(sig)

    def wait(self, timeout=30):
        code = self.proc.wait(timeout)
        for t in self.readers:
            t.join(5)
        self.proc.stdout.close()
        self.proc.stderr.close()
        return code

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            return self.wait()
        return self.proc.returncode if self.proc else None

    def kill9(self):
        self.proc.kill()  # SIGKILL
        return self.wait()

    def restart(self, expect_listen=True):
        self.stop()
        token = self.token
        self.start(expect_listen)
        if expect_listen:
            self.token = token  # the admin token is printed only on the first start

    def close(self):
        try:
            self.stop()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def logs(self):
        return "\n".join(self.stdout_lines + self.stderr_lines)


def funded_paper_desk(server, cash="1000000.00"):
    """Deposits cash and quotes AAPL, MSFT and NVDA."""
    server.ok("POST", "/api/account/deposits", {"amount": cash})
    for t, bid, ask in (("AAPL", "99.90", "100.10"), ("MSFT", "199.80", "200.20"), ("NVDA", "499.50", "500.50")):
        server.ok("POST", "/api/quotes", {"ticker": t, "bid": bid, "ask": ask})


def api_routes():
    """(method, path) of every route in docs/api.md's route table, {id} as 1, {name} as tv."""
    with open(os.path.join(REPO, "docs", "api.md")) as f:
        text = f.read()
    table = text.split("## Route table", 1)[1].split("\n## ", 1)[0]
    routes = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[1].startswith("/api"):
            continue
        for method in cells[0].split(","):
            routes.append((method.strip(), cells[1].replace("{id}", "1").replace("{name}", "tv")))
    assert len(routes) >= 20, routes
    return routes


def raw_exchange(port, data, timeout=5.0, shut_write=False):
    """Sends raw bytes and returns everything the server answers until it closes (or timeout)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
        if shut_write:
            s.shutdown(socket.SHUT_WR)
        out = b""
        while True:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            out += chunk
        return out
    finally:
        s.close()


class ServerTest(unittest.TestCase):
    """A test case with one server for the whole class (args: SERVER_ARGS)."""
    SERVER_ARGS = ()

    @classmethod
    def setUpClass(cls):
        cls.server = Server(args=cls.SERVER_ARGS)

    @classmethod
    def tearDownClass(cls):
        code = cls.server.stop()
        logs = cls.server.logs()
        cls.server.close()
        assert code == 0, "server exit status %r\n%s" % (code, logs)
        # Tokens are printed once on stdout at creation, never logged.
        assert "so_" not in "\n".join(cls.server.stderr_lines), "a token reached the log"


def main():
    unittest.main(verbosity=2)
