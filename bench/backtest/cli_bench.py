#!/usr/bin/env python3
"""stonks-backtest end to end as a user runs it (issue 25's goals): CSV parse,
replay and report of one symbol's 1-minute bars, and a parameter sweep.

  cli_bench.py BACKTEST_BINARY [--quick] [--data-dir DIR]

Writes the bar files once (a seeded random walk, cached in --data-dir) and
runs the binary on each, reading the child's own rusage (os.wait4): wall
time, user and system CPU, peak resident size and minor page faults, the
costs that move most between machines. Rows and goals:

  backtest_cli_1m     1M bars                          (memory per bar: the 5M row less this one)
  backtest_cli_5m     5M bars: under 2.5 s and 300 MB peak
  backtest_cli_10m    10M bars: peak at most 10% above the 5M row's
  sweep_48x1m         48 combinations over 1M bars: under 8 s

Missing a goal is reported, not failed; a run that fails exits 1.
"""
import argparse
import datetime
import os
import random
import subprocess
import sys
import threading
import time

SWEEP = ["--sweep", "fast=5:40:5", "--sweep", "slow=50:100:10"]  # 8 x 6 = 48


def write_bars(path, n):
    if os.path.exists(path):
        return
    rng = random.Random(25)
    t = datetime.datetime(2000, 1, 3, 9, 30)
    step = datetime.timedelta(minutes=1)
    price = 10000
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("Datetime,Open,High,Low,Close,Volume\n")
        lines = []
        for i in range(n):
            o = price
            c = max(100, o + rng.randint(-30, 30))
            h = max(o, c) + rng.randint(0, 10)
            lo = max(1, min(o, c) - rng.randint(0, 10))
            lines.append("%sZ,%d.%02d,%d.%02d,%d.%02d,%d.%02d,%d\n" % (
                t.isoformat(), o // 100, o % 100, h // 100, h % 100, lo // 100, lo % 100, c // 100, c % 100,
                1000 + i % 500))
            if len(lines) == 100000:
                f.writelines(lines)
                lines = []
            price = c
            t += step
        f.writelines(lines)
    os.replace(tmp, path)


def high_water_mb(pid):
    """The process's peak resident size so far (VmHWM), or 0 once it has exited."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0


def run(args):
    """Runs args, returning (wall, user, sys, peak MB, minor faults, stdout).

    The peak is VmHWM read every 10 ms while the child runs: rusage's
    ru_maxrss would count the forked Python's pages before exec."""
    start = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    reader = threading.Thread(target=lambda: setattr(proc, "out", proc.stdout.read()))
    reader.start()
    peak = 0
    while reader.is_alive():  # its stdout closes when it exits
        peak = max(peak, high_water_mb(proc.pid))
        time.sleep(0.01)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit(f"cli_bench: {' '.join(args)} failed")
    return wall, usage.ru_utime, usage.ru_stime, peak, usage.ru_minflt, proc.out.decode()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("binary")
    p.add_argument("--quick", action="store_true")
    p.add_argument("--data-dir", default="build/bench-native/backtest-data")
    a = p.parse_args()
    os.makedirs(a.data_dir, exist_ok=True)
    scale = 20 if a.quick else 1
    sizes = {"1m": 1_000_000 // scale, "5m": 5_000_000 // scale, "10m": 10_000_000 // scale}
    files = {}
    for name, n in sizes.items():
        files[name] = os.path.join(a.data_dir, f"walk_{n}.csv")
        print(f"(writing {n} bars to {files[name]} once)" if not os.path.exists(files[name]) else "", end="")
        write_bars(files[name], n)
    print()
    base = [a.binary, "--symbol", "WALK", "--strategy", "sma", "--param", "qty=10"]
    rows = {}
    print(f"{'row':<18}{'bars':>10}{'wall s':>9}{'user s':>9}{'sys s':>8}{'peak MB':>9}{'minor faults':>14}  goal")
    for name in ("1m", "5m", "10m"):
        wall, user, sys_, peak, faults, out = run(base + ["--csv", files[name]])
        rows[name] = (wall, peak)
        goal = ""
        if name == "5m":
            goal = ("MET" if wall < 2.5 and peak < 300 else "MISSED") + " (< 2.5 s, < 300 MB)"
        if name == "10m":
            goal = ("MET" if peak <= 1.1 * rows["5m"][1] else "MISSED") + " (peak <= 1.1 x the 5M row's)"
        fills = next((l.split("(")[1].split()[3] for l in out.splitlines() if l.startswith("Backtest")), "?")
        print(f"backtest_cli_{name:<5}{sizes[name]:>10}{wall:>9.2f}{user:>9.2f}{sys_:>8.2f}{peak:>9.1f}{faults:>14}"
              f"  {goal}  ({fills} fills)")
    per_bar = (rows["5m"][1] - rows["1m"][1]) * 1024 * 1024 / (sizes["5m"] - sizes["1m"])
    print(f"  peak growth from 1M to 5M bars: {per_bar:.1f} bytes per bar (the orders and fills of the trades)")
    wall, user, sys_, peak, faults, _ = run(base + ["--csv", files["1m"], "--out", os.path.join(a.data_dir, "sweep")]
                                              + SWEEP)
    goal = ("MET" if wall < 8 else "MISSED") + " (< 8 s)"
    print(f"{'sweep_48x1m':<18}{sizes['1m']:>10}{wall:>9.2f}{user:>9.2f}{sys_:>8.2f}{peak:>9.1f}{faults:>14}  {goal}"
          f"  ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
