#!/usr/bin/env python3
"""Serves a directory (the built wasm app) on 127.0.0.1 for scripts/run and the e2e tests.

Threaded, with the MIME types the page needs (.wasm as application/wasm so it
compiles while streaming) and Cache-Control: no-store, so the next reload
always gets what was last built. GET /healthz names this server, so the
page runs its own paper sandbox (served by stonks-server, it mirrors that).
Usage: serve.py DIR [--port N]  (--port 0 picks a free port; the first line
printed is the URL).
"""
import argparse
import errno
import functools
import http.server
import sys

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".html": "text/html; charset=utf-8",
    ".png": "image/png",
    ".json": "application/json",
    ".ttf": "font/ttf",
    ".data": "application/octet-stream",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def do_GET(self):
        if self.path.split("?")[0] != "/healthz":
            return super().do_GET()
        body = b'{"status":"ok","server":"serve.py"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 -- the base class's name
        pass  # quiet: the page's requests are not the operator's business


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()

    handler = functools.partial(Handler, directory=args.directory)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            print(f"serve.py: port {args.port} on 127.0.0.1 is already in use; "
                  f"stop what holds it or choose another port with --port N", file=sys.stderr)
            return 2
        raise
    server.daemon_threads = True
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    print(f"serve.py: serving {args.directory}; Ctrl-C stops it", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
