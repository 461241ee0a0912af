"""The per-key request budget behind the X-RateLimit-* headers: a fixed window
(60 s by default) that starts with its first request and really counts down."""
import math


class RateBudget:
    def __init__(self, limit=200, window_s=60.0):
        self.configure(limit, window_s)

    def configure(self, limit, window_s):
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise ValueError("limit must be an integer >= 1")
        if not isinstance(window_s, (int, float)) or isinstance(window_s, bool) or window_s <= 0:
            raise ValueError("window_s must be > 0")
        self.limit = limit
        self.window_s = float(window_s)
        self.used = 0
        self.window_end = None

    def roll(self, now):
        if self.window_end is None or now >= self.window_end:
            self.used = 0
            self.window_end = None

    def take(self, now):
        """Counts one request; False (and nothing counted) when the window's budget is spent."""
        self.roll(now)
        if self.window_end is None:
            self.window_end = now + self.window_s
        if self.used >= self.limit:
            return False
        self.used += 1
        return True

    def headers(self, now, spent=False):
        """The three headers as they stand now; `spent` reports a zero budget
        (a scripted 429)."""
        self.roll(now)
        end = self.window_end if self.window_end is not None else now + self.window_s
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": "0" if spent else str(self.limit - self.used),
            "X-RateLimit-Reset": str(math.ceil(end)),
        }

    def to_json(self, now):
        self.roll(now)
        return {"limit": self.limit, "window_s": self.window_s, "used": self.used,
                "reset": math.ceil(self.window_end) if self.window_end is not None else None}
