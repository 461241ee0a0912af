"""One order at the fake broker: its scripted lifecycle, its fills and its Alpaca JSON.

Decimals are decimal.Decimal, never floats; times are unix seconds (floats)
passed in by the caller, rendered as RFC3339 with microseconds like Alpaca's.
"""
import datetime
import uuid
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal, InvalidOperation

FINAL = ("filled", "canceled", "expired", "rejected", "replaced")
SIX_PLACES = Decimal("0.000001")

# What a lifecycle script may say, with the default (an order that fills on
# the first poll after the POST). The module docstring of fake_alpaca.py
# explains each key.
DEFAULT_LIFECYCLE = {
    "status": "accepted",
    "hold_polls": 0,
    "outcome": "fill",
    "reason": "",
    "partials": 1,
    "immediate": False,
    "cancel_polls": 0,
    "cancel_race": False,
}
HELD_STATUSES = ("accepted", "new", "pending_new")
OUTCOMES = ("fill", "reject", "expire", "cancel", "never")


def text(d):
    """Alpaca's decimal string: no exponent, no trailing zeros, derived values
    rounded to six places (the real API may send more)."""
    if d is None:
        return None
    if d.as_tuple().exponent < -6:
        d = d.quantize(SIX_PLACES, ROUND_HALF_EVEN)
    if d == 0:
        return "0"
    return format(d.normalize(), "f")


def parse_decimal(value):
    """A finite Decimal from a JSON string or number; None when it is not one."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    try:
        d = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def stamp(now):
    if now is None:
        return None
    return datetime.datetime.fromtimestamp(now, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def asset_id(symbol):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "fake-alpaca/asset/" + symbol))


def parse_lifecycle(spec):
    """DEFAULT_LIFECYCLE overlaid with `spec`; ValueError names the bad key."""
    if not isinstance(spec, dict):
        raise ValueError("a lifecycle is a JSON object")
    out = dict(DEFAULT_LIFECYCLE)
    for key, value in spec.items():
        if key not in out:
            raise ValueError("unknown lifecycle key %r" % key)
        want = type(DEFAULT_LIFECYCLE[key])
        if type(value) is not want:
            raise ValueError("lifecycle %r must be a %s" % (key, want.__name__))
        out[key] = value
    if out["status"] not in HELD_STATUSES:
        raise ValueError("lifecycle status must be one of %s" % ", ".join(HELD_STATUSES))
    if out["outcome"] not in OUTCOMES:
        raise ValueError("lifecycle outcome must be one of %s" % ", ".join(OUTCOMES))
    for key in ("hold_polls", "cancel_polls"):
        if out[key] < 0:
            raise ValueError("lifecycle %s must be >= 0" % key)
    if out["partials"] < 1:
        raise ValueError("lifecycle partials must be >= 1")
    return out


class Order:
    def __init__(self, fields, lifecycle, position_intent, now):
        self.id = str(uuid.uuid4())
        self.client_order_id = fields["client_order_id"] or str(uuid.uuid4())
        self.symbol = fields["symbol"]
        self.side = fields["side"]
        self.qty = fields["qty"]
        self.type = fields["type"]
        self.time_in_force = fields["time_in_force"]
        self.limit_price = fields["limit_price"]
        self.extended_hours = fields["extended_hours"]
        self.position_intent = position_intent
        self.lifecycle = lifecycle
        self.status = lifecycle["status"]
        self.hold_left = lifecycle["hold_polls"]
        self.parts_left = lifecycle["partials"]
        self.cancel_left = 0
        self.reject_reason = None
        self.posts = 1  # POSTs that carried this client_order_id
        self.fills = []  # [(qty, price, now)]
        self.filled_qty = Decimal(0)
        self.filled_value = Decimal(0)
        self.created_at = self.submitted_at = self.updated_at = now
        self.filled_at = self.canceled_at = self.expired_at = self.failed_at = None

    # State -----------------------------------------------------------------
    def is_open(self):
        return self.status not in FINAL

    def remaining(self):
        return self.qty - self.filled_qty

    def avg_price(self):
        return self.filled_value / self.filled_qty if self.filled_qty else None

    def next_part(self):
        """How much the next scripted partial fill takes: an even share of
        what is left (whole shares when the order is for whole shares)."""
        left = self.remaining()
        if self.parts_left <= 1:
            return left
        part = left / self.parts_left
        if self.qty == self.qty.to_integral_value():
            part = max(Decimal(1), part.to_integral_value(ROUND_DOWN))
        return min(part, left)

    def set_status(self, status, now):
        self.status = status
        self.updated_at = now
        if status == "filled":
            self.filled_at = now
        elif status == "canceled":
            self.canceled_at = now
        elif status == "expired":
            self.expired_at = now
        elif status == "rejected":
            self.failed_at = now

    def record_fill(self, qty, price, now):
        self.fills.append((qty, price, now))
        self.filled_qty += qty
        self.filled_value += qty * price
        if self.remaining() == 0:
            self.set_status("filled", now)
        elif self.status != "pending_cancel":
            self.set_status("partially_filled", now)
        else:
            self.updated_at = now

    # JSON ------------------------------------------------------------------
    def to_json(self):
        """The Alpaca v2 order entity."""
        price = text(self.limit_price)
        return {
            "id": self.id,
            "client_order_id": self.client_order_id,
            "created_at": stamp(self.created_at),
            "updated_at": stamp(self.updated_at),
            "submitted_at": stamp(self.submitted_at),
            "filled_at": stamp(self.filled_at),
            "expired_at": stamp(self.expired_at),
            "canceled_at": stamp(self.canceled_at),
            "failed_at": stamp(self.failed_at),
            "replaced_at": None,
            "replaced_by": None,
            "replaces": None,
            "asset_id": asset_id(self.symbol),
            "symbol": self.symbol,
            "asset_class": "us_equity",
            "notional": None,
            "qty": text(self.qty),
            "filled_qty": text(self.filled_qty),
            "filled_avg_price": text(self.avg_price()),
            "order_class": "",
            "order_type": self.type,
            "type": self.type,
            "side": self.side,
            "position_intent": self.position_intent,
            "time_in_force": self.time_in_force,
            "limit_price": price,
            "stop_price": None,
            "status": self.status,
            "extended_hours": self.extended_hours,
            "legs": None,
            "trail_percent": None,
            "trail_price": None,
            "hwm": None,
        }

    def control_json(self):
        """What the control API shows: the order plus what only the fake knows."""
        return {
            "posts": self.posts,
            "lifecycle": self.lifecycle,
            "reject_reason": self.reject_reason,
            "fills": [{"qty": text(q), "price": text(p), "at": stamp(t)} for q, p, t in self.fills],
            "order": self.to_json(),
        }
