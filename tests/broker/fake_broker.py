"""Starts fake_alpaca.py as a real process and talks to it (stdlib only).

    from fake_broker import FakeBroker
    with FakeBroker() as broker:
        broker.control("POST", "/_control/quotes", {"AAPL": {"bid": "99.00", "ask": "99.10"}})
        ...  # point the adapter at broker.base_url with broker.key_id / broker.secret
        assert [o["posts"] for o in broker.orders()] == [1]

Routes and their JSON: fake_alpaca.py's module docstring.
"""
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_alpaca.py")
START_TIMEOUT = 10  # seconds


class BrokerResponse:
    def __init__(self, status, headers, raw):
        self.status = status
        self.headers = {k.lower(): v for k, v in headers}
        self.raw = raw

    @property
    def json(self):
        return json.loads(self.raw.decode("utf-8"))

    def __repr__(self):
        return "%d %r" % (self.status, self.raw[:300])


class FakeBroker:
    def __init__(self, key_id="fake-key-id", secret="fake-secret-key", rate_limit=None):
        self.key_id, self.secret, self.rate_limit = key_id, secret, rate_limit
        self.proc = None
        self.port = None
        self.stdout_lines, self.stderr_lines = [], []
        self.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    # Process ------------------------------------------------------------
    def start(self):
        cmd = [sys.executable, "-B", SCRIPT, "--port", "0", "--key-id", self.key_id, "--secret", self.secret]
        if self.rate_limit is not None:
            cmd += ["--rate-limit", str(self.rate_limit)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.stdout_lines, self.stderr_lines = [], []
        self.port = None
        listening = threading.Event()

        def read(stream, lines, watch):
            for raw in iter(stream.readline, b""):
                line = raw.decode("utf-8", "replace").rstrip("\n")
                lines.append(line)
                m = re.fullmatch(r"fake-alpaca listening on 127\.0\.0\.1:(\d+)", line) if watch else None
                if m:
                    self.port = int(m.group(1))
                    listening.set()
            listening.set()  # the process ended

        self.readers = [threading.Thread(target=read, args=(self.proc.stdout, self.stdout_lines, True), daemon=True),
                        threading.Thread(target=read, args=(self.proc.stderr, self.stderr_lines, False), daemon=True)]
        for t in self.readers:
            t.start()
        listening.wait(START_TIMEOUT)
        if self.port is None:
            self.proc.kill()
            raise AssertionError("fake broker did not start:\n" + self.logs())

    def stop(self, sig=signal.SIGTERM, timeout=10):
        """Signals the process and returns its exit status (None if it was never started)."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        code = self.proc.wait(timeout)
        for t in self.readers:
            t.join(5)
        self.proc.stdout.close()
        self.proc.stderr.close()
        return code

    def logs(self):
        return "\n".join(self.stdout_lines + self.stderr_lines)

    @property
    def base_url(self):
        return "http://127.0.0.1:%d" % self.port

    # HTTP ---------------------------------------------------------------
    def connect(self, timeout=10):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, auth=True, headers=None, timeout=10, conn=None):
        """One request as an adapter would send it. `auth`: send the right keys;
        `body`: a dict/list (JSON), str/bytes (as is) or None. Network errors
        (a dropped connection, a timeout) propagate."""
        h = {"APCA-API-KEY-ID": self.key_id, "APCA-API-SECRET-KEY": self.secret} if auth else {}
        data = None
        if body is not None:
            data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
            data = data.encode() if isinstance(data, str) else data
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        own = conn is None
        c = conn or self.connect(timeout)
        try:
            c.request(method, path, body=data, headers=h)
            r = c.getresponse()
            return BrokerResponse(r.status, r.getheaders(), r.read())
        finally:
            if own:
                c.close()

    def control(self, method, path, body=None):
        """A control call; its JSON answer, or AssertionError when it is not 200."""
        r = self.request(method, path, body, auth=False)
        if r.status != 200:
            raise AssertionError("%s %s -> %r" % (method, path, r))
        return r.json

    def orders(self):
        """Every order the broker ever stored, oldest first: {"posts", "order", ...}."""
        return self.control("GET", "/_control/orders")["orders"]

    def requests(self, since=0):
        """Every /v2 request received after `since`: {"method", "path", "status", "outcome", ...}."""
        return self.control("GET", "/_control/requests?since=%d" % since)["requests"]

    def reset(self):
        self.control("POST", "/_control/reset")

    def fault(self, **spec):
        return self.control("POST", "/_control/faults", spec)

    def lifecycle(self, spec):
        return self.control("POST", "/_control/lifecycles", spec)
