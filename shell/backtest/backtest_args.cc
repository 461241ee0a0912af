#include "backtest_args.h"

#include <algorithm>
#include <charconv>

namespace stonks {
namespace {

Status bad(const std::string& flag, const std::string& why) {
  return Status::invalid_argument(flag + ": " + why, flag);
}

Result<int> whole(const std::string& flag, const std::string& text, int lo, int hi) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi)
    return bad(flag,
               "expected a whole number " + std::to_string(lo) + ".." + std::to_string(hi) + ", got '" + text + "'");
  return v;
}

Result<Money> amount(const std::string& flag, const std::string& text) {
  Result<Money> m = Money::parse(text);
  if (!m.is_ok() || *m < Money()) return bad(flag, "expected a non-negative decimal amount, got '" + text + "'");
  return m;
}

Result<Symbol> ticker(const std::string& flag, const std::string& text) {
  Result<Symbol> s = Symbol::parse(text);
  if (!s.is_ok()) return bad(flag, "'" + text + "' is not a ticker");
  return s;
}

}  // namespace

std::string backtest_usage() {
  return R"(usage: stonks-backtest --csv FILE [--csv FILE ...] --strategy NAME[@TICKER] [--param KEY=VALUE ...] ...
                       [--symbol TICKER] [--bar-length SECONDS] [--cash AMOUNT]
                       [--slippage-bps N] [--fee-bps N] [--fee-per-fill AMOUNT]
                       [--out DIR] [--journal DIR]
                       [--sweep KEY=SPEC ...] [--rank METRIC] [--split FRACTION] [--shard K/N] [--workers N]
       stonks-backtest --merge FILE [--merge FILE ...] [--rank METRIC] [--out DIR]

Replays the bars of the CSV files through the strategies, with the engine's
risk checks and paper fills from bars (docs/backtest.md), and prints the report.

  --csv FILE             bars to replay (Date/Time, Open, High, Low, Close, Volume and an
                         optional Symbol column); repeat for several files. A bad row stops
                         everything: its line and reason are printed and nothing is run.
  --symbol TICKER        the ticker of files without a Symbol column. Without it, the file
                         name gives it: the name up to its first '_' or '.', upper-cased
                         (AAPL.csv and aapl_daily.csv are AAPL).
  --bar-length SECONDS   the time column is the bar's start and bars last this long
                         (default: the time is the bar's end; date-only rows end at midnight UTC)
  --strategy NAME[@TICKER]
                         switches a strategy on (sma, mean_reversion, rsi: docs/strategies.md)
                         for every symbol of the data, or only for TICKER; repeat for more
  --param KEY=VALUE      a parameter of the --strategy before it (e.g. fast=10, slow=30)
  --cash AMOUNT          starting cash (default 100000)
  --slippage-bps N       paper fills: slippage against the trader, 0..10000 (default 0)
  --fee-bps N            paper fills: fee as bps of the notional, 0..10000 (default 0)
  --fee-per-fill AMOUNT  paper fills: flat fee per fill (default 0)
  --out DIR              also write DIR/trades.csv, DIR/equity.csv, DIR/report.json and
                         DIR/report.svg (price candles with the fills marked, one panel per
                         symbol up to 8, and the equity curve with its drawdown shaded)
  --journal DIR          keep the engine's journal in DIR (an empty directory; default: none);
                         every row of the files is checked before anything is written

Sweeps (docs/backtest.md, "Sweeps"):
  --sweep KEY=FROM:TO:STEP | KEY=A,B,C
                         replay every combination of the swept parameters (repeat for more
                         keys) of every --strategy that takes KEY, spread over every core, and
                         print the best ones; writes sweep.csv (into --out DIR, or here)
  --rank sharpe|return|drawdown
                         what ranks the combinations (default sharpe; drawdown: smallest first)
  --split FRACTION       replay the first FRACTION of the bars (in-sample, which ranks) and the
                         rest (out-of-sample) apart, e.g. 0.7
  --shard K/N            run only the K-th of N equal slices of the combinations
  --merge FILE           rank the sweep.csv files of a sweep's shards as one (repeat per
                         file); takes no --csv or --strategy
  --workers N            replays at once (default: one per core); the results do not depend on it
  --help                 this text

Exit status: 0 after a replay or a sweep, 1 when the data, the strategies or the replay
failed, 64 for a bad command line, 130 for a sweep stopped by Ctrl-C (its results so far
written).
)";
}

Result<BacktestArgs> parse_backtest_args(const std::vector<std::string>& args) {
  BacktestArgs out;
  if (std::find(args.begin(), args.end(), "--help") != args.end()) {
    out.help = true;
    return out;
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (i + 1 >= args.size()) return bad(flag, flag.rfind("--", 0) == 0 ? "needs a value" : "unknown argument");
    const std::string& value = args[++i];
    if (flag == "--csv") {
      out.csv_files.push_back(value);
    } else if (flag == "--symbol") {
      Result<Symbol> s = ticker(flag, value);
      if (!s.is_ok()) return s.status();
      out.symbol = *s;
    } else if (flag == "--bar-length") {
      Result<int> s = whole(flag, value, 1, 7 * 24 * 3600);
      if (!s.is_ok()) return s.status();
      out.bar_length = std::chrono::seconds(*s);
    } else if (flag == "--strategy") {
      StrategyArg s;
      const std::size_t at = value.find('@');
      s.name = value.substr(0, at);
      if (at != std::string::npos) {
        Result<Symbol> t = ticker(flag, value.substr(at + 1));
        if (!t.is_ok()) return t.status();
        s.only = *t;
      }
      out.strategies.push_back(std::move(s));
    } else if (flag == "--param") {
      if (out.strategies.empty()) return bad(flag, "comes before any --strategy");
      const std::size_t eq = value.find('=');
      if (eq == std::string::npos || eq == 0) return bad(flag, "expected KEY=VALUE, got '" + value + "'");
      out.strategies.back().params.emplace_back(value.substr(0, eq), value.substr(eq + 1));
    } else if (flag == "--cash") {
      Result<Money> m = amount(flag, value);
      if (!m.is_ok()) return m.status();
      out.cash = *m;
    } else if (flag == "--slippage-bps" || flag == "--fee-bps") {
      Result<int> n = whole(flag, value, 0, 10'000);
      if (!n.is_ok()) return n.status();
      (flag == "--fee-bps" ? out.fee_bps : out.slippage_bps) = *n;
    } else if (flag == "--fee-per-fill") {
      Result<Money> m = amount(flag, value);
      if (!m.is_ok()) return m.status();
      out.fee_per_fill = *m;
    } else if (flag == "--out") {
      out.out_dir = value;
    } else if (flag == "--journal") {
      out.journal_dir = value;
    } else if (flag == "--sweep") {
      Result<SweepAxis> axis = parse_sweep_axis(value);
      if (!axis.is_ok()) return axis.status();
      out.sweeps.push_back(std::move(axis).value());
    } else if (flag == "--rank") {
      Result<SweepRank> r = parse_sweep_rank(value);
      if (!r.is_ok()) return r.status();
      out.rank = *r;
    } else if (flag == "--split") {
      Result<Money> f = Money::parse(value);
      if (!f.is_ok() || f->micros() <= 0 || f->micros() >= fixed_point::kScale)
        return bad(flag, "expected a fraction between 0 and 1, got '" + value + "'");
      out.split_micros = f->micros();
    } else if (flag == "--shard") {
      const std::size_t slash = value.find('/');
      if (slash == std::string::npos) return bad(flag, "expected K/N, got '" + value + "'");
      Result<int> n = whole(flag, value.substr(slash + 1), 1, 100'000);
      if (!n.is_ok()) return n.status();
      Result<int> k = whole(flag, value.substr(0, slash), 1, *n);
      if (!k.is_ok()) return k.status();
      out.shard = *k;
      out.shards = *n;
    } else if (flag == "--workers") {
      Result<int> n = whole(flag, value, 1, 1024);
      if (!n.is_ok()) return n.status();
      out.workers = *n;
    } else if (flag == "--merge") {
      out.merge_files.push_back(value);
    } else {
      return bad(flag, "unknown argument");
    }
  }
  if (!out.merge_files.empty()) {
    if (!out.csv_files.empty() || !out.strategies.empty() || !out.sweeps.empty())
      return bad("--merge", "merges sweep.csv files and replays nothing: no --csv, --strategy or --sweep");
    return out;
  }
  if (out.csv_files.empty()) return bad("--csv", "at least one file is needed");
  if (out.strategies.empty()) return bad("--strategy", "at least one strategy is needed");
  if (out.sweeps.empty()) {
    if (out.split_micros != 0) return bad("--split", "needs --sweep");
    if (out.shard != 0) return bad("--shard", "needs --sweep");
    if (out.workers != 0) return bad("--workers", "needs --sweep");
  } else if (!out.journal_dir.empty()) {
    return bad("--journal", "a sweep keeps no journal");
  }
  return out;
}

}  // namespace stonks
