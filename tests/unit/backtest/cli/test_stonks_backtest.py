#!/usr/bin/env python3
"""stonks-backtest on a fixture worked out by hand (ctest label: backtest).

ibm_daily.csv has no Symbol column: the file name gives IBM. Daily bars
(date-only rows end at the next midnight UTC), sma fast=2 slow=3 qty=10,
cash 10000, a 1.00 fee per fill:

  day   O   H     L     C    fast   slow     what happens                  equity
  01-05 12  12.5  11.5  12                                                 10000
  01-06 12  12    10.5  11                                                 10000
  01-07 11  11    9.5   10   10.5   11       fast below (first side seen)  10000
  01-08 10  13.5  10    13   11.5   11.33    cross above: buy 10 decided   10000
  01-09 14  16.5  14    16   14.5   13       buy 10 @ 14 (the open), fee 1 9859 + 160 = 10019
  01-12 16  16    12.5  13   14.5   14                                     9859 + 130 = 9989
  01-13 13  13    9.5   10   11.5   13       cross below: sell decided     9859 + 100 = 9959
  01-14 11  11.5  10    10                   sell 10 @ 11, fee 1           9968

One trade: long 10, 14 -> 11, 110 - 140 - 2 = -32. Exposure 3 of 8 bar
times. Max drawdown 10019 -> 9959: 60 / 10019 = 0.60%, from the end of
01-09 (01-10T00:00Z) to the last point (01-15T00:00Z), never regained: 5 days.
"""
import json
import os
import xml.etree.ElementTree as ET
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
from cli_support import BINARY, check, finish, run, value_of

def test_report_and_files():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        p = run("--csv", os.path.join(HERE, "ibm_daily.csv"), "--strategy", "sma", "--param", "fast=2",
                "--param", "slow=3", "--param", "qty=10", "--cash", "10000", "--fee-per-fill", "1", "--out", out)
        check(p.returncode == 0, f"exit 0, got {p.returncode}: {p.stderr}")
        r = p.stdout
        check(r.startswith("Backtest 2026-01-05 .. 2026-01-14 (8 bar times, 2 fills)"),
              "first line: " + r.splitlines()[0] if r else "no output")
        expected = {
            "Starting equity": "10000.00", "Final equity": "9968.00", "Net P&L": "-32.00",
            "Total return": "-0.32%", "Max drawdown": "0.60%", "Max drawdown length": "5.0 days",
            "Exposure": "37.50%", "Trades": "1", "Won / lost / open": "0 / 1 / 0", "Win rate": "0.00%",
            "Average win": "0.00", "Average loss": "-32.00", "Fees paid": "2.00",
        }
        for label, want in expected.items():
            got = value_of(r, label)
            check(got == want, f"{label}: want {want!r}, got {got!r}")

        with open(os.path.join(out, "trades.csv")) as f:
            trades = f.read()
        check(trades == "symbol,side,qty,entry_time,entry_price,exit_time,exit_price,fees,pnl\n"
                        "IBM,long,10,2026-01-09,14.00,2026-01-14,11.00,2.00,-32.00\n",
              "trades.csv: " + trades)
        with open(os.path.join(out, "equity.csv")) as f:
            equity = f.read().splitlines()
        check(equity[0] == "time,equity" and len(equity) == 9, f"equity.csv rows: {equity}")
        check([row.split(",")[1] for row in equity[1:]] ==
              ["10000.00", "10000.00", "10000.00", "10000.00", "10019.00", "9989.00", "9959.00", "9968.00"],
              f"equity.csv values: {equity}")
        with open(os.path.join(out, "report.json")) as f:
            rep = json.load(f)
        check(rep["net_pnl"] == "-32.00" and rep["trades"] == 1 and rep["losses"] == 1, f"report.json: {rep}")
        check(rep["total_return"] == -0.0032, f"total_return {rep['total_return']}")
        check(rep["max_drawdown"] == 0.005989, f"max_drawdown {rep['max_drawdown']}")  # 60 / 10019
        check(rep["max_drawdown_duration_seconds"] == 5 * 86400, "drawdown seconds")
        check(rep["exposure"] == 0.375, f"exposure {rep['exposure']}")
        check_svg(os.path.join(out, "report.svg"))


SVG = "{http://www.w3.org/2000/svg}"


def check_svg(path):
    """report.svg: parses as XML, one day candle per bar, the buy and the sell marked."""
    check(os.path.exists(path), "report.svg is written")
    if not os.path.exists(path):
        return
    with open(path) as f:
        text = f.read()
    check(text.startswith("<svg "), "report.svg starts with <svg: " + text[:40])
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        check(False, f"report.svg is well-formed XML: {e}")
        return
    check(root.tag == SVG + "svg", f"the root is an SVG element: {root.tag}")
    classes = [el.get("class", "") for el in root.iter()]
    panels = [el.get("data-symbol") for el in root.iter(SVG + "g") if el.get("class") == "panel price"]
    check(panels == ["IBM"], f"one price panel, for IBM: {panels}")
    # 8 daily bars: 01-05, 01-08 and 01-09 close at or above their open, the other 5 below.
    check(classes.count("candle up") == 3 and classes.count("candle down") == 5,
          f"candles: {classes.count('candle up')} up, {classes.count('candle down')} down")
    titles = {el.get("class"): "".join(el.itertext()) for el in root.iter(SVG + "path")
              if el.get("class", "").startswith("marker")}
    check(classes.count("marker buy") == 1 and classes.count("marker sell") == 1,
          f"one buy and one sell marker: {classes.count('marker buy')}, {classes.count('marker sell')}")
    check(titles.get("marker buy") == "buy 10 @ 14.00, 2026-01-09", f"buy marker: {titles}")
    check(titles.get("marker sell") == "sell 10 @ 11.00, 2026-01-14", f"sell marker: {titles}")
    labels = ["".join(el.itertext()) for el in root.iter(SVG + "text") if el.get("class") == "tick"]
    check("12.00" in labels and "10000.00" in labels, f"price and equity tick labels: {labels}")
    check(classes.count("equity") == 1 and classes.count("drawdown") == 1, "the equity line and its drawdown")


def test_bad_rows_stop_everything():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        p = run("--csv", os.path.join(HERE, "bad_rows.csv"), "--symbol", "IBM", "--strategy", "sma",
                "--param", "fast=2", "--param", "slow=3", "--param", "qty=10", "--out", out)
        check(p.returncode == 1, f"bad rows: exit 1, got {p.returncode}")
        check("bad_rows.csv:3:" in p.stderr, "the line is named: " + p.stderr)
        check("high" in p.stderr and "low" in p.stderr, "the reason is given: " + p.stderr)
        check(p.stdout == "", "nothing was run: " + p.stdout)
        check(not os.path.exists(out), "no output files")


def test_bad_strategy_names_the_field():
    p = run("--csv", os.path.join(HERE, "ibm_daily.csv"), "--strategy", "sma", "--param", "fast=5",
            "--param", "slow=3", "--param", "qty=10")
    check(p.returncode == 1 and "params.slow" in p.stderr, "fast >= slow refused naming params.slow: " + p.stderr)


def test_command_line():
    p = run("--help")
    check(p.returncode == 0, "--help exits 0")
    for flag in ["--csv", "--symbol", "--bar-length", "--strategy", "--param", "--cash", "--slippage-bps",
                 "--fee-bps", "--fee-per-fill", "--out", "--journal", "--help"]:
        check(flag in p.stdout, f"--help documents {flag}")
    p = run("--csv", "x.csv", "--strategy", "sma", "--bogus", "1")
    check(p.returncode == 64 and "--bogus" in p.stderr, "an unknown flag exits 64 naming it")
    p = run("--csv", "x.csv")
    check(p.returncode == 64 and "--strategy" in p.stderr, "no strategy exits 64")


for test in [test_report_and_files, test_bad_rows_stop_everything, test_bad_strategy_names_the_field,
             test_command_line]:
    test()
finish()
