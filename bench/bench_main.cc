// stonks_bench: the benchmarks of issues 3 and 10, the same code natively and in wasm (node).
//
//   stonks_bench [--quick] [--only LIST] [--json PATH] [--tmp DIR] [--commit-every N]
//                [--orders N] [--approval-intents N] [--recovery-events N] [--replay-bars N]
//   stonks_bench --compare NATIVE.json WASM.json [--json PATH]
//
// The first form runs the workloads (LIST: comma-separated of pipeline,
// journal, approval, recovery, replay, csv; default all), prints a table and
// writes the results to PATH. --orders and friends replace one workload's size (after
// --quick). The second prints native vs wasm against the targets and
// writes the combined document (bench/results.json in scripts/bench).
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "report.h"
#include "workloads.h"

namespace {

using stonks::bench::BenchResult;

struct Options {
  bool quick = false;
  std::string only;  // empty: all
  std::string json_path;
  std::string tmp_root = "/tmp";
  std::uint64_t commit_every = 1000;
  std::uint64_t orders = 0;  // 0: the default size (below)
  std::uint64_t approval_intents = 0;
  std::uint64_t recovery_events = 0;
  std::uint64_t replay_bars = 0;
  std::vector<std::string> compare;  // two paths in --compare mode
};

// Full sizes from issues 3 and 10; --quick runs 1/20 of each.
constexpr std::uint64_t kPipelineOrders = 1'000'000;
constexpr std::uint64_t kApprovalIntents = 100'000;
constexpr std::uint64_t kRecoveryEvents = 1'000'000;
constexpr std::uint64_t kReplayBars = 1'000'000;
constexpr std::uint64_t kQuickDivisor = 20;

const char* platform() {
#ifdef __EMSCRIPTEN__
  return "wasm";
#else
  return "native";
#endif
}

[[noreturn]] void usage(const char* problem) {
  std::fprintf(stderr,
               "stonks_bench: %s\n"
               "usage: stonks_bench [--quick] [--only pipeline,journal,approval,recovery,replay,csv] [--json PATH]\n"
               "                    [--tmp DIR] [--commit-every N]\n"
               "                    [--orders N] [--approval-intents N] [--recovery-events N] [--replay-bars N]\n"
               "       stonks_bench --compare NATIVE.json WASM.json [--json PATH]\n",
               problem);
  std::exit(64);
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) usage(("missing value after " + a).c_str());
      return argv[++i];
    };
    auto count = [&]() -> std::uint64_t {
      const std::string v = next();
      char* end = nullptr;
      const unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n == 0) usage((a + " needs a positive integer").c_str());
      return n;
    };
    if (a == "--quick") {
      o.quick = true;
    } else if (a == "--only") {
      o.only = "," + next() + ",";
    } else if (a == "--json") {
      o.json_path = next();
    } else if (a == "--tmp") {
      o.tmp_root = next();
    } else if (a == "--commit-every") {
      o.commit_every = count();
    } else if (a == "--orders") {
      o.orders = count();
    } else if (a == "--approval-intents") {
      o.approval_intents = count();
    } else if (a == "--recovery-events") {
      o.recovery_events = count();
    } else if (a == "--replay-bars") {
      o.replay_bars = count();
    } else if (a == "--compare") {
      o.compare.push_back(next());
      o.compare.push_back(next());
    } else {
      usage(("unknown argument " + a).c_str());
    }
  }
  return o;
}

bool selected(const Options& o, const char* workload) {
  return o.only.empty() || o.only.find("," + std::string(workload) + ",") != std::string::npos;
}

int run_compare(const Options& o) {
  nlohmann::ordered_json native, wasm;
  // A missing side is shown as "-" rather than failing the whole report.
  if (!stonks::bench::read_json_file(o.compare[0], &native)) native = nullptr;
  if (!stonks::bench::read_json_file(o.compare[1], &wasm)) wasm = nullptr;
  nlohmann::ordered_json combined = stonks::bench::compare(native, wasm);
  if (!o.json_path.empty() && !stonks::bench::write_json_file(o.json_path, combined)) return 1;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse_args(argc, argv);
  if (!o.compare.empty()) return run_compare(o);

  const std::uint64_t div = o.quick ? kQuickDivisor : 1;
  const std::uint64_t orders = o.orders ? o.orders : kPipelineOrders / div;
  const std::uint64_t intents = o.approval_intents ? o.approval_intents : kApprovalIntents / div;
  const std::uint64_t events = o.recovery_events ? o.recovery_events : kRecoveryEvents / div;
  const std::uint64_t replay_bars = o.replay_bars ? o.replay_bars : kReplayBars / div;
  std::vector<BenchResult> results;
  auto add = [&](BenchResult r) {
    std::printf("  %-24s %.3f s\n", r.name.c_str(), r.seconds);
    std::fflush(stdout);
    results.push_back(std::move(r));
  };
  std::printf("stonks_bench (%s%s)\n", platform(), o.quick ? ", quick" : "");

  if (selected(o, "pipeline")) add(stonks::bench::pipeline_journal_off(orders));
  if (selected(o, "journal")) add(stonks::bench::pipeline_journal_on(orders, o.tmp_root, o.commit_every));
  if (selected(o, "approval"))
    for (BenchResult& r : stonks::bench::approval_path(intents)) add(std::move(r));
  if (selected(o, "recovery"))
    for (BenchResult& r : stonks::bench::recovery(events, o.tmp_root, o.commit_every)) add(std::move(r));
  if (selected(o, "replay")) {
    add(stonks::bench::replay_throughput(replay_bars, false));
    add(stonks::bench::replay_throughput(replay_bars, true));
  }
  if (selected(o, "csv")) add(stonks::bench::csv_import(replay_bars));

  stonks::bench::print_table(platform(), results);
  if (!o.json_path.empty() &&
      !stonks::bench::write_json_file(o.json_path, stonks::bench::to_json(platform(), o.quick, results)))
    return 1;
  return 0;
}
