#!/usr/bin/env python3
"""stonks-backtest --sweep, --split, --shard and --merge, as a quant uses them
(ctest label: backtest).

The data is a seeded random walk of 700 daily bars written by the test. What
is checked is what a user relies on: every row of the table is the replay
that a plain run with those parameters gives, the results do not depend on
the number of workers, shards merged equal the whole sweep, the in-sample
part of a split is a plain run over the first part of the file, and Ctrl-C
keeps what finished.
"""
import csv
import datetime
import os
import random
import signal
import subprocess
import tempfile
import time

from cli_support import BINARY, check, finish, run, value_of

def write_walk(path, days, seed=11):
    rng = random.Random(seed)
    d = datetime.date(2020, 1, 1)
    price = 10000  # cents
    with open(path, "w") as f:
        f.write("Date,Open,High,Low,Close,Volume\n")
        for _ in range(days):
            o = price
            c = max(500, o + rng.randint(-250, 260))
            h = max(o, c) + rng.randint(0, 80)
            l = max(100, min(o, c) - rng.randint(0, 80))
            f.write(f"{d.isoformat()},{o/100:.2f},{h/100:.2f},{l/100:.2f},{c/100:.2f},100000\n")
            price = c
            d += datetime.timedelta(days=1)


def read_rows(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def sweep(data, out, *extra):
    return run("--csv", data, "--strategy", "sma", "--param", "qty=10", "--sweep", "fast=2:10:2",
               "--sweep", "slow=12,20,30", "--out", out, *extra)


def test_rows_are_plain_runs_and_workers_do_not_matter(tmp, data):
    one = os.path.join(tmp, "one")
    three = os.path.join(tmp, "three")
    p = sweep(data, one, "--workers", "1")
    check(p.returncode == 0, f"sweep exits 0: {p.returncode} {p.stderr}")
    check(p.stdout.splitlines()[0].split()[:3] == ["rank", "fast", "slow"], "the table's header: " + p.stdout)
    p3 = sweep(data, three, "--workers", "3")
    check(p3.returncode == 0 and p3.stdout == p.stdout, "three workers print the same table")
    with open(os.path.join(one, "sweep.csv")) as a, open(os.path.join(three, "sweep.csv")) as b:
        check(a.read() == b.read(), "three workers write the same sweep.csv")
    rows = read_rows(os.path.join(one, "sweep.csv"))
    check(len(rows) == 15, f"5 x 3 combinations: {len(rows)}")
    sharpes = [float(r["sharpe"]) for r in rows]
    check(sharpes == sorted(sharpes, reverse=True), f"ranked by Sharpe: {sharpes}")
    for r in (rows[0], rows[-1]):
        plain = run("--csv", data, "--strategy", "sma", "--param", "qty=10", "--param", "fast=" + r["fast"],
                    "--param", "slow=" + r["slow"])
        check(plain.returncode == 0, plain.stderr)
        check(value_of(plain.stdout, "Final equity") == r["final_equity"],
              f"row fast={r['fast']} slow={r['slow']}: final equity {r['final_equity']} is the plain run's "
              f"{value_of(plain.stdout, 'Final equity')}")
        check(value_of(plain.stdout, "Sharpe") == r["sharpe"], f"and its Sharpe {r['sharpe']}")
        check(value_of(plain.stdout, "Trades") == r["trades"], f"and its trades {r['trades']}")
        check(value_of(plain.stdout, "Total return") == r["return_pct"] + "%", f"and its return {r['return_pct']}")


def test_shards_merged_equal_the_whole(tmp, data):
    whole = os.path.join(tmp, "whole")
    check(sweep(data, whole).returncode == 0, "the whole sweep runs")
    parts = []
    for k in (1, 2, 3, 4):
        d = os.path.join(tmp, f"shard{k}")
        p = sweep(data, d, "--shard", f"{k}/4")
        check(p.returncode == 0, f"shard {k}/4 runs: {p.stderr}")
        parts += ["--merge", os.path.join(d, "sweep.csv")]
    sizes = [len(read_rows(os.path.join(tmp, f"shard{k}", "sweep.csv"))) for k in (1, 2, 3, 4)]
    check(sum(sizes) == 15 and max(sizes) - min(sizes) <= 1, f"four near-equal slices of 15: {sizes}")
    merged = os.path.join(tmp, "merged")
    p = run(*parts, "--out", merged)
    check(p.returncode == 0, f"--merge exits 0: {p.stderr}")
    with open(os.path.join(whole, "sweep.csv")) as a, open(os.path.join(merged, "sweep.csv")) as b:
        check(a.read() == b.read(), "the merged shards' sweep.csv is the whole sweep's")
    p = run(*parts[:4], "--out", os.path.join(tmp, "half"))
    check(p.returncode == 0 and "hold" in p.stderr, "merging half the shards says what is missing: " + p.stderr)
    p = run(*parts[:2], *parts[:2], "--out", os.path.join(tmp, "twice"))
    check(p.returncode == 1 and "two files" in p.stderr, "a shard merged twice is refused: " + p.stderr)


def test_split_reports_out_of_sample(tmp, data):
    out = os.path.join(tmp, "split")
    p = sweep(data, out, "--split", "0.7", "--rank", "return")
    check(p.returncode == 0, f"--split runs: {p.stderr}")
    check("oos return" in p.stdout.splitlines()[0], "the table shows out-of-sample columns")
    rows = read_rows(os.path.join(out, "sweep.csv"))
    returns = [float(r["return_pct"]) for r in rows]
    check(returns == sorted(returns, reverse=True), "ranked by the in-sample return")
    # The in-sample part is the first 70% of the 700 bars: a plain run over them.
    with open(data) as f:
        lines = f.readlines()
    first = os.path.join(tmp, "first70.csv")
    with open(first, "w") as f:
        f.writelines(lines[: 1 + 490])
    r = rows[0]
    plain = run("--csv", first, "--symbol", "WALK", "--strategy", "sma", "--param", "qty=10",
                "--param", "fast=" + r["fast"], "--param", "slow=" + r["slow"])
    check(value_of(plain.stdout, "Final equity") == r["final_equity"],
          f"in-sample final equity {r['final_equity']} is a plain run's over the first 490 bars "
          f"{value_of(plain.stdout, 'Final equity')}")
    check(all(r["oos_final_equity"] for r in rows), "every row has its out-of-sample numbers")


def test_refused_combinations_are_named_and_left_out(tmp, data):
    out = os.path.join(tmp, "refused")
    p = run("--csv", data, "--strategy", "sma", "--sweep", "fast=10,20", "--sweep", "slow=15,30", "--out", out)
    check(p.returncode == 0, p.stderr)
    check("1 combinations refused" in p.stderr and "params.slow" in p.stderr, "fast 20 slow 15 refused: " + p.stderr)
    check(len(read_rows(os.path.join(out, "sweep.csv"))) == 3, "three rows")


def test_ctrl_c_keeps_what_finished(tmp, data):
    # 9,480 runs over 5,000 bars: minutes even in a Release build.
    long_data = os.path.join(tmp, "long.csv")
    write_walk(long_data, 5000)
    out = os.path.join(tmp, "stopped")
    proc = subprocess.Popen([BINARY, "--csv", long_data, "--strategy", "sma", "--sweep", "fast=2:80:1",
                             "--sweep", "slow=81:200:1", "--out", out, "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    check(proc.returncode == 130, f"Ctrl-C exits 130: {proc.returncode} {stderr[-300:]}")
    check("stopped by Ctrl-C" in stderr, "and says so: " + stderr[-300:])
    rows = read_rows(os.path.join(out, "sweep.csv"))
    check(0 < len(rows) < 9480, f"the runs that finished are written: {len(rows)} of 9480")
    check(stdout.startswith("rank"), "and ranked on stdout")


def test_bad_flags(tmp, data):
    for args, flag in [(["--split", "1.5"], "--split"), (["--shard", "3/2"], "--shard"),
                       (["--rank", "luck"], "--rank"), (["--sweep", "fast=5:1:1"], "--sweep"),
                       (["--sweep", "fast"], "--sweep")]:
        p = run("--csv", data, "--strategy", "sma", "--sweep", "slow=30,40", *args)
        check(p.returncode == 64 and flag in p.stderr, f"{args} exits 64 naming {flag}: {p.returncode} {p.stderr}")
    p = run("--csv", data, "--strategy", "sma", "--split", "0.5")
    check(p.returncode == 64 and "--split" in p.stderr, "--split without --sweep: " + p.stderr)
    p = run("--merge", "a.csv", "--csv", data)
    check(p.returncode == 64 and "--merge" in p.stderr, "--merge with --csv: " + p.stderr)
    p = run("--csv", data, "--strategy", "sma", "--sweep", "window=5,10")
    check(p.returncode == 1 and "window" in p.stderr, "a key no strategy takes: " + p.stderr)
    p = run("--csv", data, "--strategy", "sma")
    check(p.returncode == 0 and value_of(p.stdout, "Trades") is not None, "--strategy sma runs on its defaults")


with tempfile.TemporaryDirectory() as tmp:
    data = os.path.join(tmp, "walk.csv")
    write_walk(data, 700)
    for test in [test_rows_are_plain_runs_and_workers_do_not_matter, test_shards_merged_equal_the_whole,
                 test_split_reports_out_of_sample, test_refused_combinations_are_named_and_left_out,
                 test_ctrl_c_keeps_what_finished, test_bad_flags]:
        test(tmp, data)
finish()
