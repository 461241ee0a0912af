"""The fake broker's book: quotes, account, positions and orders, with the
rules the real Trading API applies (validation, buying power, lifecycles).

No I/O, no threads, no clock: fake_alpaca.py calls it under one lock and
passes `now` in. Errors are BrokerError(status, Alpaca error body).
"""
import uuid
from decimal import Decimal

from fake_order import FINAL, Order, asset_id, parse_decimal, parse_lifecycle, stamp, text

DEFAULT_QUOTES = {"AAPL": ("99.90", "100.10"), "MSFT": ("199.80", "200.20"), "NVDA": ("499.50", "500.50")}
DEFAULT_CASH = Decimal("100000")
ACCOUNT_STATUSES = ("ONBOARDING", "SUBMISSION_FAILED", "SUBMITTED", "ACCOUNT_UPDATED", "APPROVAL_PENDING",
                    "ACTIVE", "REJECTED")
ACCOUNT_FLAGS = ("trading_blocked", "account_blocked", "transfers_blocked", "trade_suspended_by_user",
                 "shorting_enabled")
TIME_IN_FORCE = ("day", "gtc", "opg", "cls", "ioc", "fok")
UNSUPPORTED_TYPES = ("stop", "stop_limit", "trailing_stop")
MAX_CLIENT_ORDER_ID = 48
MAX_LIST_LIMIT = 500


class BrokerError(Exception):
    def __init__(self, status, body):
        super().__init__(body.get("message", ""))
        self.status = status
        self.body = body


def invalid(message):
    return BrokerError(422, {"code": 40010001, "message": message})


def not_found():
    return BrokerError(404, {"code": 40410000, "message": "order not found"})


def is_uuid(value):
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


class Position:
    def __init__(self):
        self.qty = Decimal(0)  # signed: short < 0
        self.avg = Decimal(0)

    def add(self, signed_qty, price):
        new = self.qty + signed_qty
        if self.qty == 0 or (self.qty > 0) == (signed_qty > 0):
            self.avg = (self.avg * abs(self.qty) + price * abs(signed_qty)) / abs(new)
        elif new != 0 and (new > 0) != (self.qty > 0):
            self.avg = price  # flipped from long to short or back
        self.qty = new


class BrokerBook:
    def __init__(self, now):
        self.reset(now)

    def reset(self, now):
        self.quotes = {s: (Decimal(b), Decimal(a)) for s, (b, a) in DEFAULT_QUOTES.items()}
        self.quote_times = {}
        self.cash = DEFAULT_CASH
        self.bp_adjust = Decimal(0)  # what POST /_control/account set buying_power to, beyond the rule
        self.status = "ACTIVE"
        self.flags = dict.fromkeys(ACCOUNT_FLAGS, False)
        self.flags["shorting_enabled"] = True
        self.account_id = str(uuid.uuid4())
        self.created_at = now
        self.positions = {}
        self.orders = []  # in submission order
        self.by_id = {}
        self.by_client_id = {}  # every id ever used, canceled and rejected orders' too
        self.next_lifecycles = []
        self.symbol_lifecycles = {}
        self.default_lifecycle = parse_lifecycle({})

    # Quotes ----------------------------------------------------------------
    def set_quotes(self, spec, now):
        """spec: {"AAPL": {"bid": "99.9", "ask": "100.1"}}; a crossed or
        non-positive quote is refused (ValueError)."""
        if not isinstance(spec, dict) or not spec:
            raise ValueError('quotes: {"SYMBOL": {"bid": "...", "ask": "..."}}')
        parsed = {}
        for symbol, q in spec.items():
            bid = parse_decimal(q.get("bid")) if isinstance(q, dict) else None
            ask = parse_decimal(q.get("ask")) if isinstance(q, dict) else None
            if bid is None or ask is None or bid <= 0 or ask < bid:
                raise ValueError("quote for %s needs 0 < bid <= ask" % symbol)
            parsed[symbol] = (bid, ask)
        self.quotes.update(parsed)
        self.quote_times.update(dict.fromkeys(parsed, now))

    def quote_json(self, symbol, now):
        """The market-data API's latest-quote object (prices as JSON numbers)."""
        bid, ask = self.quotes[symbol]
        t = stamp(self.quote_times.get(symbol, now))
        return {"t": t[:-1] + "000Z", "ax": "V", "ap": float(ask), "as": 1, "bx": "V", "bp": float(bid), "bs": 1,
                "c": ["R"], "z": "C"}

    def mark(self, symbol, fallback):
        q = self.quotes.get(symbol)
        return (q[0] + q[1]) / 2 if q else fallback

    # Account ---------------------------------------------------------------
    def set_account(self, spec):
        if not isinstance(spec, dict):
            raise ValueError("account: a JSON object")
        known = ("status", "cash", "buying_power") + ACCOUNT_FLAGS
        for key in spec:
            if key not in known:
                raise ValueError("unknown account key %r (known: %s)" % (key, ", ".join(known)))
        if "status" in spec:
            if spec["status"] not in ACCOUNT_STATUSES:
                raise ValueError("account status must be one of %s" % ", ".join(ACCOUNT_STATUSES))
            self.status = spec["status"]
        for flag in ACCOUNT_FLAGS:
            if flag in spec:
                if not isinstance(spec[flag], bool):
                    raise ValueError("%s must be true or false" % flag)
                self.flags[flag] = spec[flag]
        for key in ("cash", "buying_power"):
            if key in spec and parse_decimal(spec[key]) is None:
                raise ValueError("%s must be a decimal" % key)
        if "cash" in spec:
            self.cash = parse_decimal(spec["cash"])
        if "buying_power" in spec:
            self.bp_adjust = Decimal(0)
            self.bp_adjust = parse_decimal(spec["buying_power"]) - self.raw_buying_power()

    def raw_buying_power(self):
        """cash, less what open buy orders hold and twice each short's cost
        (its proceeds sit in cash), plus the control API's adjustment."""
        held = sum((o.remaining() * self.order_price(o) for o in self.orders if o.is_open() and o.side == "buy"),
                   Decimal(0))
        shorts = sum((-p.qty * p.avg for p in self.positions.values() if p.qty < 0), Decimal(0))
        return self.cash + self.bp_adjust - held - 2 * shorts

    def buying_power(self):
        return max(Decimal(0), self.raw_buying_power())

    def account_json(self):
        values = [p.qty * self.mark(s, p.avg) for s, p in self.positions.items()]
        long_mv = sum((v for v in values if v > 0), Decimal(0))
        short_mv = sum((v for v in values if v < 0), Decimal(0))
        equity = self.cash + long_mv + short_mv
        bp = text(self.buying_power())
        body = {
            "id": self.account_id,
            "account_number": "PA3FAKE00001",
            "status": self.status,
            "crypto_status": "INACTIVE",
            "currency": "USD",
            "created_at": stamp(self.created_at),
            "cash": text(self.cash),
            "buying_power": bp,
            "regt_buying_power": bp,
            "daytrading_buying_power": "0",
            "non_marginable_buying_power": bp,
            "equity": text(equity),
            "last_equity": text(DEFAULT_CASH),
            "long_market_value": text(long_mv),
            "short_market_value": text(short_mv),
            "portfolio_value": text(equity),
            "multiplier": "1",
            "initial_margin": "0",
            "maintenance_margin": "0",
            "last_maintenance_margin": "0",
            "sma": "0",
            "daytrade_count": 0,
            "pattern_day_trader": False,
        }
        body.update(self.flags)
        return body

    def positions_json(self):
        out = []
        for symbol in sorted(self.positions):
            p = self.positions[symbol]
            price = self.mark(symbol, p.avg)
            value, cost = p.qty * price, p.qty * p.avg
            pl = value - cost
            plpc = pl / abs(cost) if cost else Decimal(0)
            out.append({
                "asset_id": asset_id(symbol), "symbol": symbol, "exchange": "NASDAQ", "asset_class": "us_equity",
                "asset_marginable": True, "avg_entry_price": text(p.avg), "qty": text(p.qty),
                "qty_available": text(p.qty - self.held_for_sells(symbol) if p.qty > 0 else p.qty),
                "side": "long" if p.qty > 0 else "short", "market_value": text(value), "cost_basis": text(cost),
                "unrealized_pl": text(pl), "unrealized_plpc": text(plpc), "unrealized_intraday_pl": text(pl),
                "unrealized_intraday_plpc": text(plpc), "current_price": text(price), "lastday_price": text(price),
                "change_today": "0"})
        return out

    def held_for_sells(self, symbol):
        return sum((o.remaining() for o in self.open_sells(symbol)), Decimal(0))

    def open_sells(self, symbol):
        return [o for o in self.orders if o.is_open() and o.side == "sell" and o.symbol == symbol]

    # Lifecycle scripts -----------------------------------------------------
    def set_lifecycle(self, spec):
        """{"next": L} queues L for the next order; {"symbol": S, "lifecycle": L}
        sets S's (null clears it); {"default": L} replaces the default."""
        if not isinstance(spec, dict) or len([k for k in ("next", "symbol", "default") if k in spec]) != 1:
            raise ValueError('lifecycles: one of {"next": L}, {"symbol": S, "lifecycle": L}, {"default": L}')
        if "next" in spec:
            self.next_lifecycles.append(parse_lifecycle(spec["next"]))
        elif "default" in spec:
            self.default_lifecycle = parse_lifecycle(spec["default"])
        elif spec.get("lifecycle") is None:
            self.symbol_lifecycles.pop(spec["symbol"], None)
        else:
            self.symbol_lifecycles[spec["symbol"]] = parse_lifecycle(spec["lifecycle"])

    def clear_lifecycles(self):
        self.next_lifecycles.clear()
        self.symbol_lifecycles.clear()
        self.default_lifecycle = parse_lifecycle({})

    def lifecycles_json(self):
        return {"next": self.next_lifecycles, "symbols": self.symbol_lifecycles, "default": self.default_lifecycle}

    def take_lifecycle(self, symbol):
        if self.next_lifecycles:
            return self.next_lifecycles.pop(0)
        return self.symbol_lifecycles.get(symbol, self.default_lifecycle)

    # Orders: submission ----------------------------------------------------
    def submit(self, body, now):
        """POST /v2/orders: validates like the real API, then stores the order.
        A reused client_order_id is counted on the existing order and refused."""
        fields = self.validate(body)
        cid = fields["client_order_id"]
        if cid and cid in self.by_client_id:
            self.by_client_id[cid].posts += 1
            raise invalid("client_order_id must be unique")
        self.check_can_trade()
        self.check_buying_power(fields)
        position = self.positions.get(fields["symbol"])
        held = position.qty if position else Decimal(0)
        if fields["side"] == "buy":
            intent = "buy_to_close" if held < 0 else "buy_to_open"
        else:
            intent = "sell_to_close" if held > 0 else "sell_to_open"
        order = Order(fields, self.take_lifecycle(fields["symbol"]), intent, now)
        self.orders.append(order)
        self.by_id[order.id] = order
        self.by_client_id[order.client_order_id] = order
        if order.lifecycle["immediate"]:
            self.step(order, now)
        return order

    def validate(self, body):
        if not isinstance(body, dict):
            raise BrokerError(400, {"code": 40010000, "message": "request body format is invalid"})
        symbol = body.get("symbol")
        if not isinstance(symbol, str) or not symbol:
            raise invalid("symbol is required")
        if symbol not in self.quotes:
            raise invalid('asset "%s" not found' % symbol)
        if body.get("qty") is not None and body.get("notional") is not None:
            raise BrokerError(400, {"code": 40010000, "message": "qty and notional can not be both specified"})
        if body.get("notional") is not None:
            raise invalid("notional orders are not supported by the fake broker")
        if body.get("qty") is None:
            raise invalid("qty or notional is required")
        qty = parse_decimal(body["qty"])
        if qty is None:
            raise invalid("invalid qty")
        if qty <= 0:
            raise invalid("qty must be > 0")
        side = body.get("side")
        if side not in ("buy", "sell"):
            raise invalid("invalid side: must be buy or sell")
        kind = body.get("type")
        if kind in UNSUPPORTED_TYPES:
            raise invalid('order type "%s" is not supported by the fake broker' % kind)
        if kind not in ("market", "limit"):
            raise invalid("invalid order type")
        tif = body.get("time_in_force")
        if tif not in TIME_IN_FORCE:
            raise invalid("invalid time_in_force")
        limit = body.get("limit_price")
        if kind == "limit":
            limit = parse_decimal(limit) if limit is not None else None
            if limit is None or limit <= 0:
                raise invalid("limit_price is required and must be > 0 for limit orders")
        elif limit is not None:
            raise invalid("limit_price must not be given for market orders")
        if qty != qty.to_integral_value() and (kind != "market" or tif != "day"):
            raise invalid("fractional orders must be market orders with day time_in_force")
        extended = body.get("extended_hours", False)
        if not isinstance(extended, bool):
            raise invalid("extended_hours must be a boolean")
        if extended and (kind != "limit" or tif != "day"):
            raise invalid("extended hours order must be DAY limit orders")
        if body.get("order_class", "simple") not in ("simple", ""):
            raise invalid("order_class %s is not supported by the fake broker" % body.get("order_class"))
        cid = body.get("client_order_id")
        if cid is not None and not isinstance(cid, str):
            raise invalid("client_order_id must be a string")
        if cid and len(cid) > MAX_CLIENT_ORDER_ID:
            raise invalid("client_order_id must be no more than %d characters" % MAX_CLIENT_ORDER_ID)
        return {"symbol": symbol, "qty": qty, "side": side, "type": kind, "time_in_force": tif,
                "limit_price": limit, "extended_hours": extended, "client_order_id": cid or None}

    def check_can_trade(self):
        if self.flags["trade_suspended_by_user"]:
            raise BrokerError(403, {"code": 40310000, "message": "new orders are rejected by user request"})
        if self.status != "ACTIVE" or self.flags["trading_blocked"] or self.flags["account_blocked"]:
            raise BrokerError(403, {"code": 40310000, "message": "account is not allowed to trade"})

    def check_buying_power(self, f):
        bid, ask = self.quotes[f["symbol"]]
        price = f["limit_price"] or (ask if f["side"] == "buy" else bid)
        needs = f["qty"]
        if f["side"] == "sell":
            position = self.positions.get(f["symbol"])
            long_qty = position.qty if position and position.qty > 0 else Decimal(0)
            held = self.held_for_sells(f["symbol"])
            available = max(Decimal(0), long_qty - held)
            needs = max(Decimal(0), f["qty"] - available)  # the part that opens a short
            if needs and not self.flags["shorting_enabled"]:
                raise BrokerError(403, {
                    "available": text(available), "code": 40310000, "existing_qty": text(long_qty),
                    "held_for_orders": text(held),
                    "message": "insufficient qty available for order (requested: %s, available: %s)" %
                               (text(f["qty"]), text(available)),
                    "related_orders": [o.id for o in self.open_sells(f["symbol"])], "symbol": f["symbol"]})
        cost = needs * price
        if cost > self.buying_power():
            raise BrokerError(403, {"buying_power": text(self.buying_power()), "code": 40310000,
                                    "cost_basis": text(cost), "message": "insufficient buying power"})

    # Orders: lookups (each one a poll) -------------------------------------
    def get(self, order_id, now):
        if not is_uuid(order_id):
            raise invalid("order_id is missing")
        order = self.by_id.get(order_id)
        if order is None:
            raise not_found()
        self.step(order, now)
        return order

    def get_by_client_id(self, client_order_id, now):
        if not client_order_id:
            raise invalid("client_order_id is missing")
        order = self.by_client_id.get(client_order_id)
        if order is None:
            raise not_found()
        self.step(order, now)
        return order

    def list(self, query, now):
        """GET /v2/orders; query: {name: value} from the URL."""
        status = query.get("status", "open")
        if status not in ("open", "closed", "all"):
            raise invalid("invalid status")
        direction = query.get("direction", "desc")
        if direction not in ("asc", "desc"):
            raise invalid("invalid direction")
        try:
            limit = int(query.get("limit", "50"))
        except ValueError:
            raise invalid("invalid limit") from None
        if limit < 1:
            raise invalid("invalid limit")
        symbols = [s for s in query.get("symbols", "").split(",") if s]
        side = query.get("side")
        matched = [o for o in self.orders if (not symbols or o.symbol in symbols) and (not side or o.side == side)]
        for order in matched:
            self.step(order, now)
        if status != "all":
            matched = [o for o in matched if o.is_open() == (status == "open")]
        if direction == "desc":
            matched.reverse()
        return matched[:min(limit, MAX_LIST_LIMIT)]

    # Orders: cancel and fills ----------------------------------------------
    def cancel(self, order_id, now):
        """DELETE /v2/orders/{id}: 204 means the request was taken, not that
        the order is canceled (the next polls tell)."""
        if not is_uuid(order_id):
            raise invalid("order_id is missing")
        order = self.by_id.get(order_id)
        if order is None:
            raise not_found()
        if order.status in FINAL or order.status == "pending_cancel":
            raise BrokerError(422, {"code": 42210000, "message": 'order is already in "%s" state' % order.status})
        order.set_status("pending_cancel", now)
        order.cancel_left = order.lifecycle["cancel_polls"]

    def manual_fill(self, key, qty, price, now):
        """POST /_control/orders/{id}/fill: fills `qty` (default: the rest) of
        an open order at `price` (default: its fill price now)."""
        order = self.by_id.get(key) or self.by_client_id.get(key)
        if order is None:
            raise KeyError(key)
        if not order.is_open():
            raise ValueError('order is in "%s" state' % order.status)
        qty = order.remaining() if qty is None else qty
        price = price or self.fill_price(order, forced=True)
        if qty <= 0 or qty > order.remaining() or price is None or price <= 0:
            raise ValueError("fill needs 0 < qty <= %s and a price > 0" % text(order.remaining()))
        self.fill(order, qty, price, now)
        return order

    def step(self, order, now):
        """One poll's worth of the order's scripted life."""
        if not order.is_open():
            return
        if order.status == "pending_cancel":
            self.step_cancel(order, now)
        elif order.hold_left > 0:
            order.hold_left -= 1
        else:
            self.apply_outcome(order, now)

    def step_cancel(self, order, now):
        if order.lifecycle["cancel_race"]:
            price = self.fill_price(order, forced=True)
            if price is not None:
                self.fill(order, order.remaining(), price, now)  # the fill won the race
                return
        if order.cancel_left > 0:
            order.cancel_left -= 1
        else:
            order.set_status("canceled", now)

    def apply_outcome(self, order, now):
        outcome = order.lifecycle["outcome"]
        if outcome == "reject":
            order.reject_reason = order.lifecycle["reason"] or "rejected by the fake broker's script"
            order.set_status("rejected", now)
        elif outcome == "expire":
            order.set_status("expired", now)
        elif outcome == "cancel":
            order.set_status("canceled", now)
        else:
            price = self.fill_price(order) if outcome == "fill" else None
            if price is None:
                if order.status != "partially_filled" and order.status != "new":
                    order.set_status("new", now)  # routed and resting
                return
            qty = order.next_part()
            order.parts_left = max(1, order.parts_left - 1)
            self.fill(order, qty, price, now)

    def order_price(self, order):
        bid, ask = self.quotes[order.symbol]
        return order.limit_price or (ask if order.side == "buy" else bid)

    def fill_price(self, order, forced=False):
        """The quote's side for the order (ask for buys, bid for sells) when a
        limit would take it, else None; `forced`: a limit order's own price."""
        bid, ask = self.quotes[order.symbol]
        price = ask if order.side == "buy" else bid
        if order.limit_price is None:
            return price
        crosses = price <= order.limit_price if order.side == "buy" else price >= order.limit_price
        if crosses:
            return price
        return order.limit_price if forced else None

    def fill(self, order, qty, price, now):
        order.record_fill(qty, price, now)
        signed = qty if order.side == "buy" else -qty
        position = self.positions.setdefault(order.symbol, Position())
        position.add(signed, price)
        if position.qty == 0:
            del self.positions[order.symbol]
        self.cash -= signed * price
