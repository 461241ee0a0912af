"""Scripted faults: which requests to spoil and how, armed through
POST /_control/faults (fake_alpaca.py's docstring is the reference)."""
import http
import json

KINDS = ("latency", "timeout", "drop", "respond")
SPEC_KEYS = ("method", "path", "kind", "times", "skip", "delay_ms", "store", "status", "body", "content_type",
             "headers")
DEFAULT_TIMEOUT_MS = 60000
NGINX_PAGE = ("<html>\r\n<head><title>{0} {1}</title></head>\r\n<body>\r\n<center><h1>{0} {1}</h1></center>\r\n"
              "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
DEFAULT_JSON_BODIES = {
    401: {"code": 40110000, "message": "request is not authorized"},
    403: {"buying_power": "0", "code": 40310000, "cost_basis": "1", "message": "insufficient buying power"},
    404: {"code": 40410000, "message": "order not found"},
    422: {"code": 40010001, "message": "invalid order"},
    429: {"code": 42910000, "message": "rate limit exceeded"},
}


def default_answer(status):
    """(content type, body bytes) a `respond` fault sends when its spec has no body."""
    if status in DEFAULT_JSON_BODIES:
        return "application/json; charset=UTF-8", json.dumps(DEFAULT_JSON_BODIES[status]).encode()
    return "text/html", NGINX_PAGE.format(status, http.HTTPStatus(status).phrase).encode()


class Fault:
    def __init__(self, fault_id, spec):
        if not isinstance(spec, dict):
            raise ValueError("a fault is a JSON object")
        for key in spec:
            if key not in SPEC_KEYS:
                raise ValueError("unknown fault key %r (known: %s)" % (key, ", ".join(SPEC_KEYS)))
        self.id = fault_id
        self.kind = spec.get("kind")
        if self.kind not in KINDS:
            raise ValueError("fault kind must be one of %s" % ", ".join(KINDS))
        self.method = spec.get("method")
        self.path = spec.get("path", "/v2/")
        if not isinstance(self.path, str) or not self.path.startswith("/v2/"):
            raise ValueError("fault path is a prefix starting with /v2/")
        self.times = spec.get("times", 1)
        if self.times == "always":
            self.times = None
        elif not isinstance(self.times, int) or isinstance(self.times, bool) or self.times < 1:
            raise ValueError('fault times is an integer >= 1 or "always"')
        self.skip = spec.get("skip", 0)
        default_delay = DEFAULT_TIMEOUT_MS if self.kind == "timeout" else 0
        self.delay_ms = spec.get("delay_ms", default_delay)
        for key in ("skip", "delay_ms"):
            value = getattr(self, key)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError("fault %s is an integer >= 0" % key)
        self.store = spec.get("store", False)
        if not isinstance(self.store, bool):
            raise ValueError("fault store is true or false")
        self.status = spec.get("status")
        if self.kind == "respond" and (not isinstance(self.status, int) or not 200 <= self.status <= 599):
            raise ValueError("a respond fault needs a status between 200 and 599")
        self.headers = spec.get("headers", {})
        if not isinstance(self.headers, dict) or not all(isinstance(v, str) for v in self.headers.values()):
            raise ValueError("fault headers map names to strings")
        self.spec_body = spec.get("body")
        self.spec_content_type = spec.get("content_type")
        self.fired = 0

    def matches(self, method, path):
        return (self.method is None or self.method == method) and path.startswith(self.path)

    def answer(self):
        """(content type, body bytes) of a respond fault."""
        if self.spec_body is None:
            kind, body = default_answer(self.status)
        elif isinstance(self.spec_body, str):
            kind, body = "text/plain; charset=utf-8", self.spec_body.encode()
        else:
            kind, body = "application/json; charset=UTF-8", json.dumps(self.spec_body).encode()
        return self.spec_content_type or kind, body

    def to_json(self):
        return {"id": self.id, "kind": self.kind, "method": self.method, "path": self.path,
                "times": "always" if self.times is None else self.times, "skip": self.skip,
                "delay_ms": self.delay_ms, "store": self.store, "status": self.status, "fired": self.fired}


class FaultScript:
    def __init__(self):
        self.faults = []
        self.next_id = 1

    def arm(self, spec):
        fault = Fault(self.next_id, spec)
        self.next_id += 1
        self.faults.append(fault)
        return fault

    def clear(self):
        self.faults.clear()

    def take(self, method, path):
        """The fault that fires on this request, if any: the first armed one
        that matches with no skips left. Every matching fault that still has
        skips uses one up, whichever fires."""
        chosen = None
        for fault in self.faults:
            if not fault.matches(method, path):
                continue
            if fault.skip > 0:
                fault.skip -= 1
            elif chosen is None:
                chosen = fault
        if chosen is not None:
            chosen.fired += 1
            if chosen.times is not None:
                chosen.times -= 1
                if chosen.times == 0:
                    self.faults.remove(chosen)
        return chosen

    def to_json(self):
        return [f.to_json() for f in self.faults]
