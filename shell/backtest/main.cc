// stonks-backtest: replays CSV bars through strategies natively, prints the
// report and writes it as CSV, JSON and an SVG chart (backtest_args.cc has the flags).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "backtest/backtest_runner.h"
#include "backtest/report/report_format.h"
#include "backtest/report/report_svg.h"
#include "backtest_args.h"
#include "bar_files.h"
#include "journal/file_storage.h"
#include "progress_line.h"
#include "replay_setup.h"
#include "sweep.h"

namespace stonks {
namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "stonks-backtest: %s\n", message.c_str());
  return 1;
}

Status write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  if (!f) return Status::io_error(path.string() + ": cannot be written");
  return Status::ok();
}

// The report's files in `dir`.
Status write_outputs(const std::string& dir, const BacktestReport& report, const BacktestRunner& runner) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::io_error(dir + ": " + ec.message());
  const std::filesystem::path d(dir);
  if (Status st = write_file(d / "trades.csv", trades_csv(report)); !st.is_ok()) return st;
  if (Status st = write_file(d / "equity.csv", equity_csv(report)); !st.is_ok()) return st;
  if (Status st = write_file(d / "report.json", report_json(report)); !st.is_ok()) return st;
  return write_file(d / "report.svg", report_svg(report, runner.candles().candles(), runner.state().fills));
}

int run(const BacktestArgs& args) {
  const BarFileOptions files{args.symbol, args.bar_length};
  // With a journal, a bad row must not leave half a replay's journal behind.
  if (!args.journal_dir.empty()) {
    if (Status st = check_bar_files(args.csv_files, files); !st.is_ok()) return fail(st.message());
  }
  Result<BarFiles> opened_files = open_bar_files(args.csv_files, files);
  if (!opened_files.is_ok()) return fail(opened_files.status().message());
  BarFiles bars = std::move(opened_files).value();
  Result<std::vector<SymbolStrategy>> strategies = make_strategies(args.strategies, bars.symbols);
  if (!strategies.is_ok()) return fail(strategies.status().message());

  std::unique_ptr<FileStorage> disk;
  if (!args.journal_dir.empty()) {
    Result<std::unique_ptr<FileStorage>> opened = FileStorage::open(args.journal_dir);
    if (!opened.is_ok()) return fail(opened.status().to_string());
    disk = std::move(opened).value();
  }
  Result<std::unique_ptr<BacktestRunner>> runner =
      BacktestRunner::open(disk.get(), std::move(bars.bars), std::move(strategies).value(), backtest_config(args));
  if (!runner.is_ok()) return fail(runner.status().to_string());
  BacktestRunner& r = *runner.value();
  ProgressLine progress;
  while (!r.done()) {
    if (Status st = r.step(1 << 16); !st.is_ok()) {
      progress.clear();
      if (const std::optional<Bar>& at = r.failed_at())
        return fail("the replay stopped at the " + at->symbol.str() + " bar of " + format_iso8601(at->at) + ": " +
                    st.message() + "; no report");
      return fail(st.message() + "; no report");
    }
    progress.show(bars.bytes->read, bars.bytes->total, "bytes of data");
  }
  progress.clear();
  const BacktestReport report = r.report();
  std::fputs(report_text(report).c_str(), stdout);
  if (!args.out_dir.empty()) {
    if (Status st = write_outputs(args.out_dir, report, r); !st.is_ok()) return fail(st.to_string());
  }
  return 0;
}

}  // namespace
}  // namespace stonks

int main(int argc, char** argv) {
  stonks::Result<stonks::BacktestArgs> args =
      stonks::parse_backtest_args(std::vector<std::string>(argv + 1, argv + argc));
  if (!args.is_ok()) {
    std::fprintf(stderr, "stonks-backtest: %s\n(stonks-backtest --help lists the flags)\n",
                 args.status().message().c_str());
    return 64;
  }
  if (args->help) {
    std::fputs(stonks::backtest_usage().c_str(), stdout);
    return 0;
  }
  if (!args->merge_files.empty()) return stonks::run_merge(*args);
  if (!args->sweeps.empty()) return stonks::run_sweep(*args);
  return stonks::run(*args);
}
