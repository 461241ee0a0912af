"""Bad input over real HTTP: malformed JSON, oversized and truncated bodies,
wrong content types, invalid UTF-8, garbage and slow clients -- each answered
cleanly (JSON errors) with nothing changed and the server still serving.
Also the static files: MIME types, no-store, gzip, no way out of the app dir."""
import gzip
import socket
import threading
import time

from harness import WASM_BYTES, ServerTest, funded_paper_desk, main, raw_exchange

ORDERS = "/api/orders"


class BadInput(ServerTest):
    SERVER_ARGS = ("--read-timeout-ms", "1000")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        funded_paper_desk(cls.server)

    def setUp(self):
        self.before = self.server.last_seq()

    def tearDown(self):
        self.assertEqual(self.server.last_seq(), self.before, "a refused request changed the state")
        self.assertEqual(self.server.request("GET", "/healthz", token=None).status, 200)

    def refused(self, r, status, code):
        self.assertEqual(r.status, status, r)
        self.assertEqual(r.headers["content-type"], "application/json", r)
        self.assertEqual(r.json["error"]["code"], code, r)

    def raw(self, head, body=b"", **kw):
        auth = ("Authorization: Bearer %s\r\n" % self.server.token).encode()
        return raw_exchange(self.server.port, head.replace(b"\r\n\r\n", b"\r\n" + auth + b"\r\n", 1) + body, **kw)

    def test_malformed_json(self):
        for body in ('{"ticker":', "[1,2]", '{"ticker":"AAPL","side":"buy","qty":1} trailing', "nan",
                     '{"ticker":"AAPL","side":"buy","qty":1,"qty":2}'):
            self.refused(self.server.request("POST", ORDERS, body), 400, "invalid_argument")

    def test_oversized_body_is_413(self):
        big = '{"ticker":"AAPL","side":"buy","qty":1,"client_order_id":"%s"}' % ("x" * 70000)
        self.refused(self.server.request("POST", ORDERS, big), 413, "payload_too_large")
        # Chunked, so the size is known only while reading.
        chunk = b"x" * 40000
        body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(3)) + b"0\r\n\r\n"
        out = self.raw(b"POST /api/orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                       b"Content-Type: application/json\r\nConnection: close\r\n\r\n", body)
        self.assertTrue(out.startswith(b"HTTP/1.1 413"), out[:200])

    def test_invalid_utf8(self):
        body = b'{"ticker":"AAPL","side":"buy","qty":1,"source":"\xff\xfe"}'
        self.refused(self.server.request("POST", ORDERS, body), 400, "invalid_argument")
        out = self.raw(b"GET /api/orders/\xff%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 404"), out[:200])
        self.assertIn(b'"not_found"', out)
        # In a header: a token that is not even UTF-8 is just a wrong token.
        out = raw_exchange(self.server.port, b"GET /api/account HTTP/1.1\r\nHost: x\r\n"
                           b"Authorization: Bearer \xff\xfe\xfd\r\nConnection: close\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 401"), out[:200])
        out = self.raw(b"GET /api/account HTTP/1.1\r\nHost: x\r\nX-Note: \xc3\x28\xff\r\nConnection: close\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 200"), out[:200])

    def test_wrong_content_type_is_415(self):
        body = '{"ticker":"AAPL","side":"buy","qty":1}'
        for ctype in ("text/plain", "application/x-www-form-urlencoded", "application/jsonx"):
            r = self.server.request("POST", ORDERS, body, headers={"Content-Type": ctype})
            self.refused(r, 415, "unsupported_media_type")
        # cpp-httplib parses multipart bodies itself: this one is malformed, so 400 before any route.
        r = self.server.request("POST", ORDERS, body, headers={"Content-Type": "multipart/form-data; boundary=x"})
        self.refused(r, 400, "invalid_argument")
        r = self.server.request("POST", "/api/orders/preview", body,
                                headers={"Content-Type": "Application/JSON; charset=utf-8"})
        self.assertEqual(r.status, 200, r)

    def test_unknown_routes_and_methods(self):
        self.refused(self.server.request("GET", "/api/nope"), 404, "not_found")
        r = self.server.request("PATCH", "/api/orders", {})
        self.refused(r, 405, "method_not_allowed")
        self.assertEqual(r.json["error"]["allow"], ["POST", "GET"])
        self.refused(self.server.request("GET", "/api/orders?limit=0"), 400, "invalid_argument")
        self.refused(self.server.request("GET", "/api/orders?limit=1&limit=2"), 400, "invalid_argument")

    def test_garbage_and_truncated_requests(self):
        out = raw_exchange(self.server.port, b"\x16\x03\x01garbage that is not http\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 400"), out[:200])
        # A body shorter than its Content-Length, then the client goes away.
        self.raw(b"POST /api/account/deposits HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 100\r\n\r\n", b'{"amount":"1', shut_write=True)
        # Headers cut off mid-line.
        raw_exchange(self.server.port, b"POST /api/account/deposits HTTP/1.1\r\nContent-Le", shut_write=True)

    def test_slow_clients_do_not_wedge_the_server(self):
        slow = []
        for _ in range(6):
            s = socket.create_connection(("127.0.0.1", self.server.port))
            s.sendall(b"POST /api/account/deposits HTTP/1.1\r\nHost: x\r\n")  # and then nothing
            slow.append(s)
        try:
            t0 = time.monotonic()
            for _ in range(20):
                self.assertEqual(self.server.request("GET", "/api/account").status, 200)
            self.assertLess(time.monotonic() - t0, 2.0)
            # The read timeout (1 s here) closes them, answering nothing that changes anything.
            slow[0].settimeout(5)
            t0 = time.monotonic()
            answer = slow[0].recv(4096)
            self.assertLess(time.monotonic() - t0, 4.0)
            self.assertTrue(answer == b"" or answer.startswith(b"HTTP/1.1 400"), answer[:100])
        finally:
            for s in slow:
                s.close()

    def test_many_clients_at_once(self):
        errors = []

        def client():
            try:
                conn = self.server.connect()
                for _ in range(25):
                    if self.server.request("GET", "/api/account", conn=conn).status != 200:
                        errors.append("status")
                conn.close()
            except Exception as e:  # noqa: BLE001 -- collected for the assertion
                errors.append(repr(e))

        threads = [threading.Thread(target=client) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        self.assertEqual(errors, [])

    def test_no_cors(self):
        r = self.server.request("OPTIONS", "/api/account", token=None,
                                headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "PUT"})
        self.assertEqual(r.status, 401)
        self.assertNotIn("access-control-allow-origin", r.headers)

    def test_static_files(self):
        s = self.server
        r = s.request("GET", "/", token=None)
        self.assertEqual((r.status, r.headers["content-type"]), (200, "text/html; charset=utf-8"))
        self.assertEqual(r.headers["cache-control"], "no-store")
        r = s.request("GET", "/app.wasm", token=None, headers={"Accept-Encoding": "gzip"})
        self.assertEqual(r.headers["content-type"], "application/wasm")
        self.assertEqual(r.headers.get("content-encoding"), "gzip")
        self.assertLess(len(r.raw), len(WASM_BYTES) // 4)
        self.assertEqual(gzip.decompress(r.raw), WASM_BYTES)
        r = s.request("GET", "/app.wasm", token=None)
        self.assertEqual((r.headers.get("content-encoding"), r.raw), (None, WASM_BYTES))
        r = s.request("GET", "/app.js", token=None, headers={"Accept-Encoding": "gzip"})
        self.assertTrue(r.headers["content-type"].startswith("text/javascript"))
        self.assertEqual(r.headers.get("content-encoding"), "gzip")
        # A rebuilt file is served at once.
        with open(s.app_dir + "/index.html", "w") as f:
            f.write("rebuilt")
        self.assertEqual(s.request("GET", "/index.html", token=None).raw, b"rebuilt")
        for path in ("/../data/tokens", "/%2e%2e/data/tokens", "/..%2fdata/tokens", "/.hidden", "/nope.js"):
            out = raw_exchange(s.port, b"GET " + path.encode() + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            self.assertTrue(out.startswith(b"HTTP/1.1 404") or out.startswith(b"HTTP/1.1 400"), (path, out[:100]))
            self.assertNotIn(b"operator", out)


if __name__ == "__main__":
    main()
