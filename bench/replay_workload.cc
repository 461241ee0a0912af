// Replay workloads (issue 10): a backtest's throughput, bars per second
// through strategy, risk, fills and portfolio into a journal, and the CSV
// import rate. The bars are generated from a fixed seed, the same on every
// platform.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "backtest/backtest_runner.h"
#include "bench_world.h"
#include "journal/memory_storage.h"
#include "marketdata/csv_bar_parser.h"
#include "strategy/strategy_registry.h"
#include "workloads.h"

namespace stonks::bench {
namespace {

constexpr int kReplaySymbols = 50;
constexpr std::int64_t kCent = 10'000;  // micros

// splitmix64: a tiny generator whose output is fixed by the seed on every
// platform (the standard distributions are not).
class SplitMix {
 public:
  explicit SplitMix(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return z ^ (z >> 31);
  }
  // Uniform enough in [-span, span] for a benchmark.
  std::int64_t between(std::int64_t span) {
    return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(2 * span + 1)) - span;
  }

 private:
  std::uint64_t s_;
};

std::int64_t cents(std::int64_t micros) { return std::max<std::int64_t>(kCent, micros / kCent * kCent); }

// `n` one-minute bars, every symbol each minute (RPL0..RPL49, in that order),
// each a random walk in cents of up to 1% a bar from 20..69, with a volume of
// 1,000,000 (far above the orders, so it never caps a fill).
std::vector<Bar> generated_bars(std::uint64_t n) {
  SplitMix rng(20'261'202);
  std::vector<Symbol> symbols;
  std::vector<std::int64_t> close;
  for (int i = 0; i < kReplaySymbols; ++i) {
    Result<Symbol> s = Symbol::parse("RPL" + std::to_string(i));
    check(s.status(), "symbol");
    symbols.push_back(*s);
    close.push_back((20 + i) * 1'000'000);
  }
  std::vector<Bar> bars;
  bars.reserve(n);
  Timestamp at = bench_epoch();
  for (std::uint64_t k = 0; k < n; ++k) {
    const int i = static_cast<int>(k % kReplaySymbols);
    if (i == 0) at += std::chrono::minutes(1);
    const std::int64_t open = close[i];
    const std::int64_t c = cents(open + open / 10'000 * rng.between(100));
    const std::int64_t wick = open / 10'000 * static_cast<std::int64_t>(rng.next() % 30);
    Bar b;
    b.symbol = symbols[i];
    b.open = Price::from_micros(open);
    b.close = Price::from_micros(c);
    b.high = Price::from_micros(cents(std::max(open, c) + wick + kCent - 1));
    b.low = Price::from_micros(std::max(kCent, cents(std::min(open, c) - wick)));
    b.volume = 1'000'000;
    b.at = at;
    bars.push_back(b);
    close[i] = c;
  }
  return bars;
}

std::string as_csv(const std::vector<Bar>& bars) {
  std::string out = "Datetime,Symbol,Open,High,Low,Close,Volume\n";
  out.reserve(bars.size() * 64);
  for (const Bar& b : bars) {
    out += format_iso8601(b.at) + "," + b.symbol.str() + "," + b.open.to_string() + "," + b.high.to_string() + "," +
           b.low.to_string() + "," + b.close.to_string() + "," + std::to_string(b.volume) + "\n";
  }
  return out;
}

std::vector<SymbolStrategy> sma_for_every_symbol() {
  std::vector<SymbolStrategy> out;
  for (int i = 0; i < kReplaySymbols; ++i) {
    Result<Symbol> s = Symbol::parse("RPL" + std::to_string(i));
    check(s.status(), "symbol");
    Result<std::unique_ptr<Strategy>> made =
        make_strategy(StrategySpec{"sma", *s, {{"fast", "10"}, {"slow", "30"}, {"qty", "10"}}});
    check(made.status(), "make_strategy");
    out.push_back(SymbolStrategy{*s, std::move(made).value()});
  }
  return out;
}

std::uint64_t stored_bytes(MemoryStorage& storage) {
  std::uint64_t total = 0;
  Result<std::vector<std::string>> names = storage.list();
  check(names.status(), "list");
  for (const std::string& name : *names) {
    Result<std::uint64_t> size = storage.file_size(name);
    check(size.status(), "file_size");
    total += *size;
  }
  return total;
}

}  // namespace

BenchResult replay_throughput(std::uint64_t bars, bool journaled) {
  std::vector<Bar> input = generated_bars(bars);
  MemoryStorage storage;
  Result<std::unique_ptr<BacktestRunner>> opened =
      BacktestRunner::open(journaled ? &storage : nullptr, std::make_unique<VectorBarSource>(std::move(input)),
                           sma_for_every_symbol(), BacktestConfig{});
  check(opened.status(), "BacktestRunner::open");
  BacktestRunner& runner = *opened.value();

  MemoryWatch mem;
  Stopwatch sw;
  check(runner.run(), "replay");
  BenchResult r = measured(journaled ? "replay_backtest_journaled" : "replay_backtest", "bars/s", bars, sw);
  r.memory = mem.stop(0);  // the bars (and the journal) dwarf the orders

  const EngineState& s = runner.state();
  if (!runner.done() || runner.equity().points() != bars / kReplaySymbols + (bars % kReplaySymbols ? 1 : 0))
    fail("the replay did not cover every bar");
  if (s.fills.empty()) fail("the replay traded nothing: it measured bars alone");
  const BacktestReport report = runner.report();
  r.details["orders"] = static_cast<double>(s.orders.size());
  r.details["fills"] = static_cast<double>(s.fills.size());
  r.details["trades"] = report.trades;
  r.details["events"] = static_cast<double>(s.last_seq);
  if (journaled) r.details["journal_mb"] = static_cast<double>(stored_bytes(storage)) / 1e6;
  r.note =
      std::string("1-minute bars of 50 symbols, sma fast=10 slow=30 qty=10 on each; risk, paper fills from bars, ") +
      (journaled ? "portfolio, journal to MemoryStorage (group commit)"
                 : "portfolio; no journal, as stonks-backtest runs without --journal");
  return r;
}

BenchResult csv_import(std::uint64_t bars) {
  const std::string text = as_csv(generated_bars(bars));
  constexpr std::size_t kChunk = 64 * 1024;
  std::vector<Bar> out;
  std::uint64_t parsed = 0;

  MemoryWatch mem;
  Stopwatch sw;
  CsvBarParser parser;
  for (std::size_t at = 0; at < text.size(); at += kChunk) {
    check(parser.feed(std::string_view(text).substr(at, kChunk), out), "csv feed");
    parsed += out.size();
    out.clear();  // streaming: a host hands each chunk's bars on
  }
  check(parser.finish(out), "csv finish");
  parsed += out.size();
  BenchResult r = measured("csv_import", "bytes/s", text.size(), sw);
  r.memory = mem.stop(0);

  if (parsed != bars) fail("the CSV import lost bars");
  r.details["bars"] = static_cast<double>(parsed);
  r.details["mb"] = static_cast<double>(text.size()) / 1e6;
  r.details["mb_per_s"] = r.rate() / 1e6;
  r.details["bars_per_s"] = static_cast<double>(parsed) / r.seconds;
  r.note = "CsvBarParser::feed in 64 KiB chunks: ISO-8601 times, a Symbol column, prices in cents";
  return r;
}

}  // namespace stonks::bench
