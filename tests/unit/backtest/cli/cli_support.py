"""What the stonks-backtest CLI tests share: the binary under test (from
STONKS_BACKTEST), running it, reading a report line, and collecting
failures so that one run reports them all."""
import os
import subprocess
import sys

BINARY = os.environ["STONKS_BACKTEST"]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, timeout=60):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=timeout)


def value_of(report, label):
    """The value of the report line `label`, or None."""
    for line in report.splitlines():
        if line.startswith(label + " "):
            return line[len(label):].strip()
    return None


def finish():
    print("FAILED" if failures else "ok", f"({len(failures)} failures)")
    sys.exit(1 if failures else 0)
