#!/usr/bin/env python3
"""A fake Alpaca broker (Trading API v2 plus latest quotes) with scriptable faults.

    python3 fake_alpaca.py --port 0 --key-id K --secret S [--rate-limit 200]

Binds 127.0.0.1, prints exactly one line `fake-alpaca listening on
127.0.0.1:PORT` (flushed), serves HTTP/1.1 with keep-alive until SIGTERM or
SIGINT, then exits 0. Python 3.11, stdlib only. Facts about the real API come
from shared/reference/alpaca-trading-api-v2.md; where this fake has to choose
a wording the real API does not document, it says so below ("fake's wording").
The same server answers the trading and the market-data routes, so an adapter
can use one base URL for both.

CONVENTIONS (every /v2 route)
- Auth: headers APCA-API-KEY-ID and APCA-API-SECRET-KEY. Either missing ->
  403 {"message": "forbidden."} (what the real API answers when the headers do
  not arrive); present but wrong -> 401
  {"code": 40110000, "message": "request is not authorized"}.
- Errors: {"code": <8 digits>, "message": "..."}, sometimes with context fields.
- Decimals in trading JSON are strings ("100.1", "0"); quote prices in the
  market-data JSON are numbers. Derived decimals (average prices, P&L) are
  rounded to 6 places. Timestamps: RFC3339 UTC with microseconds.
- Rate limit: every response carries X-RateLimit-Limit, X-RateLimit-Remaining
  and X-RateLimit-Reset (unix seconds). Each authenticated /v2 request uses one
  of the budget (default 200 per 60 s window; trading and market data have a
  budget each); a window starts with its first request. Spent -> 429
  {"code": 42910000, "message": "rate limit exceeded"} (fake's wording),
  Remaining "0", nothing done. Unauthorized requests use no budget.

TRADING ROUTES
- POST /v2/orders {"symbol": "AAPL", "qty": "10", "side": "buy", "type":
  "market"|"limit", "time_in_force": "day"|"gtc"|"opg"|"cls"|"ioc"|"fok",
  "limit_price": "99.5" (limit only), "client_order_id": "<=48 chars",
  "extended_hours": false}. qty may be a string or a number.
  200 + order (status "accepted" unless a lifecycle says otherwise).
  400 {"code": 40010000}: body not a JSON object; qty and notional both given.
  422 {"code": 40010001, "message": ...}: symbol missing or without a quote
  ('asset "X" not found'), qty missing/invalid/<= 0, side, type, time in force,
  limit_price missing on a limit or given on a market order, fractional qty
  other than market+day, extended_hours other than limit+day, client_order_id
  over 48 chars, notional/stop/bracket orders (not supported by the fake).
  422 {"code": 40010001, "message": "client_order_id must be unique"}: the id
  was used before, whatever became of that order; no order is created.
  403 {"code": 40310000, "message": "account is not allowed to trade"} (fake's
  wording) when status != ACTIVE or trading_blocked/account_blocked;
  "new orders are rejected by user request" when trade_suspended_by_user.
  403 {"buying_power": "...", "code": 40310000, "cost_basis": "...",
  "message": "insufficient buying power"} when qty x price exceeds buying
  power (price: limit_price, else the ask for a buy and the bid for a sell;
  for a sell only the part beyond the free long position counts).
  403 {"available", "code": 40310000, "existing_qty", "held_for_orders",
  "message": "insufficient qty available for order (requested: Q, available:
  A)", "related_orders", "symbol"} for a short sell with shorting disabled.
- GET /v2/orders?status=open|closed|all&limit=50&direction=desc|asc&symbols=A,B&side=buy
  -> array, newest first by default, limit at most 500. open = not final;
  final = filled, canceled, expired, rejected, replaced.
- GET /v2/orders/{id}: 200; 404 {"code": 40410000, "message": "order not
  found"}; a non-UUID id -> 422 {"code": 40010001, "message": "order_id is missing"}.
- GET /v2/orders:by_client_order_id?client_order_id=X: 200 or 404 as above.
- DELETE /v2/orders/{id}: 204 = cancel requested (the order goes to
  pending_cancel; polls tell the end); 404 unknown; 422 non-UUID; 422
  {"code": 42210000, "message": "order is already in \"filled\" state"} when
  final or already pending_cancel.
- GET /v2/account: id, account_number, status ("ACTIVE"), currency, cash,
  buying_power (also regt_/non_marginable_; daytrading_ is "0"), equity =
  portfolio_value = cash + long_market_value + short_market_value,
  last_equity (the starting cash), multiplier "1", margins "0",
  trading_blocked, account_blocked, transfers_blocked,
  trade_suspended_by_user, shorting_enabled, pattern_day_trader,
  daytrade_count. Money as strings.
- GET /v2/positions -> array by symbol: asset_id, symbol, exchange,
  asset_class, avg_entry_price, qty (negative when short), qty_available,
  side long|short, market_value, cost_basis, unrealized_pl[pc],
  unrealized_intraday_pl[pc], current_price (the quote's mid),
  lastday_price, change_today. Strings.

MARKET DATA
- GET /v2/stocks/quotes/latest?symbols=AAPL,MSFT ->
  {"quotes": {"AAPL": {"t": "...Z", "ax": "V", "ap": 100.1, "as": 1, "bx": "V",
  "bp": 99.9, "bs": 1, "c": ["R"], "z": "C"}}}; symbols without a quote are
  left out; no symbols -> 400 {"code": 40010000, "message": "missing symbols"}.
- GET /v2/stocks/{symbol}/quotes/latest -> {"symbol": "AAPL", "quote": {...}}, 404 if unknown.
  `feed` is accepted and ignored. Starting quotes (bid/ask): AAPL 99.90/100.10,
  MSFT 199.80/200.20, NVDA 499.50/500.50.

ACCOUNT MODEL
Starts ACTIVE, unblocked, shorting enabled, cash 100000, no positions. A fill
of q at p moves cash by -q*p for a buy and +q*p for a sell (shorting
included); positions keep a weighted average entry price (reset when a
position flips side). buying_power = cash - (what open buy orders hold:
remaining qty x limit price or ask) - 2 x the cost of short positions (their
proceeds are in cash) + the control API's adjustment; never below 0.

ORDER LIFECYCLE: POLLS AND SCRIPTS
An order changes only when it is polled: a GET /v2/orders/{id}, a GET
/v2/orders:by_client_order_id, or a GET /v2/orders whose symbols/side filters
match it (the status filter is applied after the step, so an order that fills
on a poll of ?status=open is missing from that answer). Each poll takes one
step. Each order takes its lifecycle when stored: the next queued "next"
lifecycle, else its symbol's, else the default; a lifecycle is a JSON object
whose keys default to:
  {"status": "accepted", "hold_polls": 0, "outcome": "fill", "reason": "",
   "partials": 1, "immediate": false, "cancel_polls": 0, "cancel_race": false}
- status: what the POST answers and the order shows while held: accepted, new
  or pending_new.
- hold_polls: polls that still show `status`; the poll after them applies the
  outcome. So by default an order fills on the first poll after the POST.
- outcome: fill (market orders at the ask for buys / bid for sells; limit
  orders only when the quote crosses the limit, at the quote, else they show
  "new" and rest); reject (-> rejected, failed_at; `reason` is kept for the
  control API only: Alpaca's order object has no reason field); expire (->
  expired); cancel (-> canceled by the broker); never (-> new, open until
  canceled).
- partials: K -> the fill is spread over K polls (partially_filled in
  between; equal whole-share parts, the last takes the rest); filled_qty and
  filled_avg_price (weighted) follow.
- immediate: the POST itself counts as a poll (e.g. the POST answers
  "filled", or "rejected").
- cancel_polls: N -> after a DELETE the order shows pending_cancel for N
  polls; the next poll shows canceled (default: the first poll after it).
- cancel_race: the DELETE is answered 204 but the fill wins: the next poll
  shows the order filled (rest at the quote, or at its limit price).

FAULTS
Armed with POST /_control/faults. Every /v2 request that passed auth and the
rate budget is matched against the armed faults in arming order: `method`
(absent = any) and `path`, a prefix of the URL path without its query
(default "/v2/"). The first match with no `skip` left fires; it fires `times`
times (default 1; "always" = until cleared), then disarms. Each matching
fault that still has skips uses one up. `store` is false unless given. Kinds:
- latency {"delay_ms": 300}: waits, then serves the request normally.
- respond {"status": 504, "store": true, "body": ..., "content_type": ...,
  "headers": {...}}: answers `status`. store=true first lets the request take
  effect (the order is stored, the cancel requested) and throws its answer
  away. The body: a JSON value (sent as JSON), a string (text/plain unless
  content_type says otherwise) or absent: then the default for the status:
  401/403/404/422/429 an Alpaca JSON error (403: insufficient buying power,
  429: rate limit exceeded), anything else an nginx-style HTML page. A 429
  says X-RateLimit-Remaining "0". delay_ms waits before answering.
- drop {"store": false}: closes the connection without answering, before
  (store=false) or after (store=true) the request takes effect.
- timeout {"store": true, "delay_ms": 60000}: (stores, then) sends nothing
  until the client hangs up or delay_ms passes, then closes.

CONTROL API (no auth, JSON in and out, never logged; bad input -> 400 {"error": "..."})
- GET  /_control/state -> {"account": {...}, "positions": [...], "quotes":
       {"AAPL": {"bid": "99.9", "ask": "100.1"}}, "faults": [...],
       "lifecycles": {...}, "rate_limit": {"trading": {...}, "data": {...}}}
- POST /_control/reset: forgets orders, client ids, positions, faults,
       lifecycles and the request log; default quotes, account and budget.
- POST /_control/quotes {"AAPL": {"bid": "101.00", "ask": "101.20"}} -> {"quotes": {...}}
- POST /_control/account {"status": "ACTIVE", "trading_blocked": false,
       "account_blocked": false, "transfers_blocked": false,
       "trade_suspended_by_user": false, "shorting_enabled": true,
       "cash": "50000", "buying_power": "1000"} (any subset) -> the account.
       buying_power sets today's figure; later fills move it from there.
- POST /_control/rate_limit {"limit": 5, "window_s": 2} -> both budgets,
       refilled.
- POST /_control/faults {"method": "POST", "path": "/v2/orders", "kind":
       "respond", "status": 504, "store": true, "times": 1} -> the fault with
       its "id". More: {"kind": "timeout", "store": true}; {"kind": "drop",
       "store": false}; {"kind": "respond", "status": 429, "body": "too many
       requests"}; {"kind": "respond", "status": 500}; {"kind": "latency",
       "delay_ms": 300, "times": "always", "path": "/v2/account"};
       {"kind": "respond", "status": 502, "skip": 2}; {"kind": "respond",
       "method": "DELETE", "status": 204} (a cancel of a filled order answered
       204, as the real API once did); {"kind": "respond", "status": 403,
       "body": {"message": "forbidden."}} (an error without a code).
- GET  /_control/faults -> {"faults": [{"id", "kind", ..., "times" left, "fired"}]};
  DELETE /_control/faults disarms all.
- POST /_control/lifecycles {"next": {"hold_polls": 2, "outcome": "reject",
       "reason": "no shortable shares"}} queues a lifecycle for the next order;
       {"symbol": "MSFT", "lifecycle": {"partials": 3}} sets MSFT's
       ("lifecycle": null clears it); {"default": {"outcome": "never"}}.
       -> {"next": [...], "symbols": {...}, "default": {...}}.
  GET /_control/lifecycles shows them; DELETE /_control/lifecycles clears them.
- GET  /_control/orders -> {"orders": [{"posts": 1, "lifecycle": {...},
       "reject_reason": null, "fills": [{"qty": "3", "price": "100.1", "at":
       "..."}], "order": {<the Alpaca order>}}]}, every order ever stored,
       oldest first, without stepping any. posts = how many POST /v2/orders
       carried its client_order_id: 1 = sent once; more = resubmitted (each
       later one refused as a duplicate).
- POST /_control/orders/{id or client_order_id}/fill {"qty": "3", "price":
       "100.05"}: fills an open order now (qty default: the rest; price
       default: its fill price). -> the order as in /_control/orders.
- GET  /_control/requests[?since=SEQ] -> {"requests": [{"seq": 1, "at":
       "...", "method": "POST", "path": "/v2/orders", "status": 200,
       "outcome": "answered"|"dropped"|"timed_out"|"pending", "auth":
       "ok"|"missing"|"wrong", "fault": null|{"id": 1, "kind": "drop",
       "store": false}, "client_order_id": "..."|null, "body": "...",
       "secret_seen": false}]}: every /v2 request received, oldest first.
       Headers are never kept; the secret is replaced by "[redacted]" in
       path and body, and secret_seen says it appeared anywhere but its own
       header (path, body or another header).
"""
import argparse
import json
import select
import signal
import socket
import sys
import threading
import time
import traceback
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from broker_book import BrokerBook, BrokerError
from fake_order import parse_decimal, stamp, text
from fault_script import FaultScript
from rate_budget import RateBudget

JSON_TYPE = "application/json; charset=UTF-8"
MAX_LOGGED_BODY = 4000


class BadControl(Exception):
    pass


class App:
    """The broker's state and its two faces (the /v2 API and the control API).
    One lock guards everything; only waiting happens outside it."""

    def __init__(self, key_id, secret, rate_limit):
        self.key_id, self.secret, self.rate_limit = key_id, secret, rate_limit
        self.lock = threading.Lock()
        self.book = BrokerBook(time.time())
        self.faults = FaultScript()
        self.budgets = {"trading": RateBudget(rate_limit), "data": RateBudget(rate_limit)}
        self.log = []

    def reset(self):
        self.book.reset(time.time())
        self.faults.clear()
        for budget in self.budgets.values():
            budget.configure(self.rate_limit, 60)
        self.log.clear()

    def budget(self, path):
        return self.budgets["data" if path.startswith("/v2/stocks") else "trading"]

    def rate_headers(self, path, spent=False):
        with self.lock:
            return self.budget(path).headers(time.time(), spent)

    # Request log -----------------------------------------------------------
    def redact(self, value):
        return value.replace(self.secret, "[redacted]")

    def open_entry(self, method, target, raw, headers):
        body = raw.decode("utf-8", "replace")
        others = [v for k, v in headers.items() if k.lower() != "apca-api-secret-key"]
        cid = None
        if method == "POST":
            try:
                parsed = json.loads(body)
                cid = parsed.get("client_order_id") if isinstance(parsed, dict) else None
            except ValueError:
                pass
        entry = {
            "seq": len(self.log) + 1, "at": stamp(time.time()), "method": method, "path": self.redact(target),
            "status": None, "outcome": "pending", "auth": None, "fault": None,
            "client_order_id": self.redact(cid) if isinstance(cid, str) else None,
            "body": self.redact(body[:MAX_LOGGED_BODY]) if body else None,
            "secret_seen": any(self.secret in s for s in [target, body] + others),
        }
        self.log.append(entry)
        return entry

    def auth(self, headers):
        """None when the keys are right, else (status, body, log word)."""
        key, secret = headers.get("APCA-API-KEY-ID"), headers.get("APCA-API-SECRET-KEY")
        if key is None or secret is None:
            return 403, {"message": "forbidden."}, "missing"
        if key != self.key_id or secret != self.secret:
            return 401, {"code": 40110000, "message": "request is not authorized"}, "wrong"
        return None

    # The /v2 API -------------------------------------------------------------
    def route(self, method, path, query, raw):
        """(status, JSON value or None) of a /v2 request; takes the lock."""
        with self.lock:
            try:
                return self.route_locked(method, path, query, raw, time.time())
            except BrokerError as e:
                return e.status, e.body

    def route_locked(self, method, path, query, raw, now):
        book = self.book
        parts = path.split("/")
        if path == "/v2/orders":
            if method == "POST":
                try:
                    body = json.loads(raw.decode("utf-8")) if raw else None
                except ValueError:
                    body = None
                return 200, book.submit(body, now).to_json()
            if method == "GET":
                return 200, [o.to_json() for o in book.list(query, now)]
        elif path == "/v2/orders:by_client_order_id":
            if method == "GET":
                return 200, book.get_by_client_id(query.get("client_order_id"), now).to_json()
        elif len(parts) == 4 and path.startswith("/v2/orders/"):
            if method == "GET":
                return 200, book.get(parts[3], now).to_json()
            if method == "DELETE":
                book.cancel(parts[3], now)
                return 204, None
        elif path == "/v2/account":
            if method == "GET":
                return 200, book.account_json()
        elif path == "/v2/positions":
            if method == "GET":
                return 200, book.positions_json()
        elif path == "/v2/stocks/quotes/latest":
            if method == "GET":
                symbols = [s for s in query.get("symbols", "").split(",") if s]
                if not symbols:
                    return 400, {"code": 40010000, "message": "missing symbols"}
                return 200, {"quotes": {s: book.quote_json(s, now) for s in symbols if s in book.quotes}}
        elif len(parts) == 6 and path.startswith("/v2/stocks/") and path.endswith("/quotes/latest"):
            if method == "GET":
                if parts[3] not in book.quotes:
                    return 404, {"code": 40410000, "message": "symbol not found"}
                return 200, {"symbol": parts[3], "quote": book.quote_json(parts[3], now)}
        else:
            return 404, {"code": 40410000, "message": "endpoint not found"}
        return 405, {"code": 40510000, "message": "method not allowed"}

    # The control API ---------------------------------------------------------
    def control(self, method, path, query, raw):
        try:
            body = json.loads(raw.decode("utf-8")) if raw else None
        except ValueError:
            return 400, {"error": "the body is not JSON"}
        with self.lock:
            try:
                return self.control_locked(method, path, query, body, time.time())
            except (BadControl, ValueError) as e:
                return 400, {"error": str(e)}

    def control_locked(self, method, path, query, body, now):
        book = self.book
        route = (method, path)
        if route == ("GET", "/_control/state"):
            return 200, {"account": book.account_json(), "positions": book.positions_json(),
                         "quotes": self.quotes_json(), "faults": self.faults.to_json(),
                         "lifecycles": book.lifecycles_json(),
                         "rate_limit": {k: b.to_json(now) for k, b in self.budgets.items()}}
        if route == ("POST", "/_control/reset"):
            self.reset()
            return 200, {"ok": True}
        if route == ("POST", "/_control/quotes"):
            book.set_quotes(body, now)
            return 200, {"quotes": self.quotes_json()}
        if route == ("POST", "/_control/account"):
            book.set_account(body)
            return 200, book.account_json()
        if route == ("POST", "/_control/rate_limit"):
            if not isinstance(body, dict):
                raise BadControl('rate_limit: {"limit": N, "window_s": S}')
            for budget in self.budgets.values():
                budget.configure(body.get("limit", self.rate_limit), body.get("window_s", 60))
            return 200, {k: b.to_json(now) for k, b in self.budgets.items()}
        if route == ("POST", "/_control/faults"):
            return 200, self.faults.arm(body).to_json()
        if route == ("GET", "/_control/faults"):
            return 200, {"faults": self.faults.to_json()}
        if route == ("DELETE", "/_control/faults"):
            self.faults.clear()
            return 200, {"faults": []}
        if route == ("POST", "/_control/lifecycles"):
            book.set_lifecycle(body)
            return 200, book.lifecycles_json()
        if route == ("GET", "/_control/lifecycles"):
            return 200, book.lifecycles_json()
        if route == ("DELETE", "/_control/lifecycles"):
            book.clear_lifecycles()
            return 200, book.lifecycles_json()
        if route == ("GET", "/_control/orders"):
            return 200, {"orders": [o.control_json() for o in book.orders]}
        if route == ("GET", "/_control/requests"):
            since = int(query.get("since", "0"))
            return 200, {"requests": [e for e in self.log if e["seq"] > since]}
        parts = path.split("/")
        if method == "POST" and len(parts) == 5 and parts[2] == "orders" and parts[4] == "fill":
            return self.manual_fill(urllib.parse.unquote(parts[3]), body or {}, now)
        return 404, {"error": "no control route %s %s" % (method, path)}

    def manual_fill(self, key, body, now):
        if not isinstance(body, dict):
            raise BadControl('fill: {"qty": "3", "price": "100.05"}')
        qty = parse_decimal(body["qty"]) if "qty" in body else None
        price = parse_decimal(body["price"]) if "price" in body else None
        if ("qty" in body and qty is None) or ("price" in body and price is None):
            raise BadControl("qty and price are decimals")
        try:
            return 200, self.book.manual_fill(key, qty, price, now).control_json()
        except KeyError:
            return 404, {"error": "no order %s" % key}

    def quotes_json(self):
        return {s: {"bid": text(b), "ask": text(a)} for s, (b, a) in sorted(self.book.quotes.items())}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def version_string(self):
        return "fake-alpaca"

    def log_message(self, format, *args):
        pass  # quiet: a request line may carry what a buggy client leaked

    def do_GET(self):
        self.dispatch()

    do_POST = do_DELETE = do_PATCH = do_PUT = do_GET

    def dispatch(self):
        app = self.server.app
        url = urllib.parse.urlsplit(self.path)
        query = {k: v[-1] for k, v in urllib.parse.parse_qs(url.query, keep_blank_values=True).items()}
        try:
            raw = self.read_body()
        except ValueError:
            self.close_connection = True
            self.send(400, app.rate_headers(url.path), JSON_TYPE,
                      b'{"code":40010000,"message":"bad request framing"}')
            return
        try:
            if url.path.startswith("/_control/"):
                status, payload = app.control(self.command, url.path, query, raw)
                headers = app.rate_headers(url.path)
                self.send(status, headers, JSON_TYPE, json.dumps(payload).encode())
            else:
                self.serve_api(url.path, query, raw)
        except Exception:
            traceback.print_exc()
            self.send(500, app.rate_headers(url.path), JSON_TYPE,
                      b'{"code":50010000,"message":"fake broker internal error"}')

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            out = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return out
                out += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        if length < 0:
            raise ValueError("negative Content-Length")
        return self.rfile.read(length) if length else b""

    def serve_api(self, path, query, raw):
        app = self.server.app
        with app.lock:
            entry = app.open_entry(self.command, self.path, raw, self.headers)
        refused = app.auth(self.headers)
        if refused:
            status, body, entry["auth"] = refused
            return self.answer(entry, status, app.rate_headers(path), body)
        entry["auth"] = "ok"
        with app.lock:
            allowed = app.budget(path).take(time.time())
            fault = app.faults.take(self.command, path) if allowed else None
        if not allowed:
            return self.answer(entry, 429, app.rate_headers(path),
                               {"code": 42910000, "message": "rate limit exceeded"})
        if fault is None:
            status, body = app.route(self.command, path, query, raw)
            return self.answer(entry, status, app.rate_headers(path), body)
        entry["fault"] = {"id": fault.id, "kind": fault.kind, "store": fault.store}
        if fault.kind != "timeout":
            time.sleep(fault.delay_ms / 1000)
        if fault.kind == "latency":
            status, body = app.route(self.command, path, query, raw)
            return self.answer(entry, status, app.rate_headers(path), body)
        if fault.store:
            app.route(self.command, path, query, raw)
        if fault.kind == "respond":
            headers = app.rate_headers(path, spent=fault.status == 429)
            headers.update(fault.headers)
            content_type, body = fault.answer()
            entry["status"], entry["outcome"] = fault.status, "answered"
            return self.send(fault.status, headers, content_type, body)
        if fault.kind == "timeout":
            self.wait_for_hangup(fault.delay_ms / 1000)
        self.hang_up(entry, "timed_out" if fault.kind == "timeout" else "dropped")

    def answer(self, entry, status, headers, body):
        entry["status"], entry["outcome"] = status, "answered"
        data = b"" if body is None else json.dumps(body).encode()
        self.send(status, headers, JSON_TYPE, data)

    def send(self, status, headers, content_type, data):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 204:
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if status != 204:
            self.wfile.write(data)

    def wait_for_hangup(self, seconds):
        """Sends nothing until the client closes its end or `seconds` pass."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            readable, _, _ = select.select([self.connection], [], [], left)
            if not readable:
                continue
            try:
                if not self.connection.recv(1, socket.MSG_PEEK):
                    return  # the client gave up
            except OSError:
                return
            time.sleep(max(0.0, deadline - time.monotonic()))  # it sent more: sit the delay out
            return

    def hang_up(self, entry, outcome):
        entry["outcome"] = outcome
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--key-id", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--rate-limit", type=int, default=200, help="requests per 60 s window")
    args = parser.parse_args(argv)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.app = App(args.key_id, args.secret, args.rate_limit)

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()  # shutdown() waits for serve_forever

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print("fake-alpaca listening on 127.0.0.1:%d" % server.server_address[1], flush=True)
    server.serve_forever(poll_interval=0.1)
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
