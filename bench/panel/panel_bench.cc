// panel_bench: the desk's frame cost (NewFrame to Render, no renderer) at
// 1280x800, in two rows:
//   - Trading Controls over 100,000 orders, 1,000 pending approvals and
//     1,000 active lockouts (issue 7's goal: under 4 ms natively, 8 ms in
//     wasm);
//   - every view of the desk in turn (those a sandbox offers: Trading
//     Controls, Market, Positions, Orders, Fills, Audit & News, Strategies,
//     Replay; Broker is a live server's) over a big book: 100,000 orders
//     and 100,000 fills on 20 tickers quoted once a minute for 2,000
//     minutes (2,000 one-minute candles each in a DeskHistory), and 10,000
//     audit entries the Audit view pages through a LocalApiClient from a
//     real ApiRouter over the engine's EventLog. Each view is opened by
//     loading a layout (T100 selected, so the chart draws), settled over 60
//     frames (the audit log's 20 pages arrive, one a frame), then timed; the
//     first frame after the switch is reported apart ("open"). Issue 22's
//     goal: a median under 1 ms natively (Release) and a p99 under 8 ms in
//     wasm (node), for each view and so for the worst.
// Prints the median and p99 frame time, wall and process CPU (on a busy
// machine the wall time also holds the moments the process waited for a
// core; under node the CPU time also counts its GC and compiler threads),
// and MET / MISSED against the goal of the platform it was built for. Exits
// 2 when the world is not what it claims (an order unfilled, a candle or an
// audit entry missing).
//
//   panel_bench [frames] [view]   frames timed per row and view (300); a view's
//                                 name (market, orders, ...) times that view alone
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <imgui.h>

#include "api/api_router.h"
#include "core/engine.h"
#include "core/event_log.h"
#include "cpu_clock.h"
#include "execution/paper_broker.h"
#include "imgui_ui/desk.h"
#include "imgui_ui/local_api_client.h"
#include "imgui_ui/model/desk_history.h"
#include "imgui_ui/widget_ids.h"

namespace stonks {
namespace {

constexpr int kOrders = 100'000;
constexpr int kPending = 1'000;
constexpr int kLockouts = 1'000;

void check(const Status& st, const char* what) {
  if (st.is_ok()) return;
  std::fprintf(stderr, "panel_bench: %s failed: %s\n", what, st.to_string().c_str());
  std::exit(1);
}

Symbol symbol(const std::string& text) { return *Symbol::parse(text); }

Quote quote(const char* ticker, const char* bid, const char* ask) {
  Quote q;
  q.symbol = symbol(ticker);
  q.bid = *Price::parse(bid);
  q.ask = *Price::parse(ask);
  return q;
}

// Filled round trips in AAPL, then orders held for approval in MSFT, then
// manual lockouts on tickers of their own; limits opened wide enough for all.
void build_world(Engine& engine, Timestamp& now) {
  RiskConfig config = engine.state().config;
  config.limits.max_open_orders = 100'000;
  config.limits.max_orders_per_window = 1'000'000;
  config.limits.max_daily_loss = Money::from_units(1'000'000'000);
  config.guards.cooldown_after_loss_seconds = 0;
  check(engine.update_config(config, "bench", now).status(), "update_config");
  check(engine.deposit(Money::from_units(1'000'000), "bench", now), "deposit");
  check(engine.on_quote(quote("AAPL", "99.90", "100.10"), now), "quote");
  check(engine.on_quote(quote("MSFT", "199.80", "200.20"), now), "quote");
  OrderIntent intent;
  intent.symbol = symbol("AAPL");
  intent.qty = 1;
  for (int i = 0; i < kOrders - kPending; ++i) {
    intent.side = i % 2 == 0 ? Side::kBuy : Side::kSell;
    now += std::chrono::milliseconds(1);
    check(engine.submit_order(intent, now).status(), "submit_order");
  }
  OperatorApprovalConfig approval = engine.state().config.operator_approval;
  approval.auto_approve_paper = false;
  approval.approval_timeout_minutes = 24 * 60;
  check(engine.update_approval_config(approval, "bench", now).status(), "update_approval_config");
  intent.symbol = symbol("MSFT");
  intent.side = Side::kBuy;
  for (int i = 0; i < kPending; ++i) check(engine.submit_order(intent, now).status(), "submit_order (held)");
  for (int i = 0; i < kLockouts; ++i) {
    LockoutRequest r;
    r.symbol = symbol("L" + std::to_string(i + 1));
    r.reason = "bench lockout " + std::to_string(i + 1);
    r.duration_minutes = 600;
    r.created_by = "bench";
    check(engine.create_lockout(r, now).status(), "create_lockout");
  }
}

// An ImGui context of 1280x800 at 60 frames a second with its font atlas
// built, as a host without a renderer needs; DestroyContext() ends it.
void headless_imgui() {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

// Row 1: the Trading Controls view over 100k orders, 1,000 pending, 1,000 lockouts.
int trading_controls_row(int frames) {
  std::printf("== Trading Controls over 100k orders, 1,000 pending, 1,000 lockouts ==\n");
  PaperBroker broker;
  Engine engine(broker, nullptr);
  Timestamp now = *parse_iso8601("2026-11-24T14:30:00Z");
  build_world(engine, now);
  const EngineState& s = engine.state();
  std::printf("world: %zu orders, %zu pending approvals, %zu active lockouts\n", s.orders.size(),
              s.approvals.pending_count(), s.lockouts.active(now).size());

  // Nothing is clicked, so nothing is sent; the handler only has to exist.
  ui::LocalApiClient client([](const ApiRequest&) { return ApiResponse{404, "{}"}; });
  ui::Desk desk(client);
  SimStatus sim;
  sim.clock = now;
  headless_imgui();

  std::vector<double> wall_ms, cpu_ms;
  const int warmup = 30;
  for (int i = 0; i < warmup + frames; ++i) {
    now += std::chrono::microseconds(16'667);
    sim.clock = now;
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = bench::process_cpu_seconds();
    ImGui::NewFrame();
    desk.draw(ui::DeskView{s, now, &sim, {}});
    ImGui::Render();
    const double c1 = bench::process_cpu_seconds();
    const auto t1 = std::chrono::steady_clock::now();
    client.poll();
    if (i < warmup) continue;
    wall_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    cpu_ms.push_back((c1 - c0) * 1e3);
  }
  const ImDrawData* draw = ImGui::GetDrawData();
  std::printf("panel frame, NewFrame..Render at 1280x800 over %d frames (%d vertices, %zu widgets recorded):\n", frames,
              draw->TotalVtxCount, desk.widgets().size());
  std::printf("  wall: median %.3f ms, p99 %.3f ms, max %.3f ms\n", percentile(wall_ms, 0.5), percentile(wall_ms, 0.99),
              percentile(wall_ms, 1.0));
  std::printf("  cpu:  median %.3f ms, p99 %.3f ms, max %.3f ms\n", percentile(cpu_ms, 0.5), percentile(cpu_ms, 0.99),
              percentile(cpu_ms, 1.0));
  ImGui::DestroyContext();
  return 0;
}

// Row 2: every view over a big book.
constexpr int kTickers = 20;
constexpr int kMinutes = 2'000;  // one quote per ticker a minute: 2,000 one-minute candles each
constexpr int kBookOrders = 100'000;
constexpr int kAuditEntries = 10'000;

void verify(bool ok, const std::string& what) {
  if (ok) return;
  std::fprintf(stderr, "panel_bench: %s\n", what.c_str());
  std::exit(2);
}

Symbol ticker(int t) { return symbol("T" + std::to_string(100 + t)); }

// The engine, its event log and the API over both, as a sandbox host wires
// them; the history is fed every committed event, as the host does each frame.
struct Book {
  PaperBroker broker;
  EventLog log;
  Engine engine{broker, &log};
  ApiRouter router{engine, log};
  ui::DeskHistory history;
  Timestamp now = *parse_iso8601("2026-11-23T10:40:00Z");  // the 2,000 minutes end at 20:00 the next day
  std::size_t audit_entries = 0;

  void observe() {
    check(log.for_each_after(history.last_seq(),
                             [this](const EventRecord& r) {
                               history.observe(r);
                               return true;
                             }),
          "event log");
  }
  void audited(const Status& st, const char* what) {
    check(st, what);
    ++audit_entries;
  }
};

// Each minute: a quote per ticker (a seeded random walk), then 50 market
// orders that fill (tickers in turn, a buy pass then a sell pass of the
// same sizes, so positions stay small), then five audit entries while the
// total is short of 10,000: a deposit, a lockout created and removed on that
// minute's ticker, a halt and its release. The equity is sampled each minute.
void build_book(Book& b) {
  RiskConfig config = b.engine.state().config;
  RiskLimits& l = config.limits;
  l.max_order_notional = Money::from_units(1'000'000'000);
  l.max_position_notional = Money::from_units(1'000'000'000);
  l.max_gross_exposure = Money::from_units(1'000'000'000);
  l.max_daily_loss = Money::from_units(1'000'000'000);
  l.max_open_orders = 100'000;
  l.max_orders_per_window = 1'000'000;
  l.allow_short = true;
  config.guards.cooldown_after_loss_seconds = 0;
  config.guards.price_shock_bps = 0;
  b.audited(b.engine.update_config(config, "bench", b.now).status(), "update_config");
  b.audited(b.engine.deposit(Money::from_units(10'000'000), "bench", b.now), "deposit");

  std::vector<std::int64_t> mid(kTickers);
  for (int t = 0; t < kTickers; ++t) mid[static_cast<std::size_t>(t)] = (50 + 10 * t) * 1'000'000;
  std::uint64_t seed = 22;
  const char* sources[] = {"desk", "strategy:sma_cross", "api"};
  const int per_minute = kBookOrders / kMinutes;
  int order = 0;
  int step = 0;  // of the audit cycle
  for (int m = 0; m < kMinutes; ++m) {
    const Timestamp minute = b.now;
    for (int t = 0; t < kTickers; ++t) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      std::int64_t& p = mid[static_cast<std::size_t>(t)];
      p = std::max<std::int64_t>(p + static_cast<std::int64_t>((seed >> 33) % 101) * 1'000 - 50'000, 1'000'000);
      Quote q;
      q.symbol = ticker(t);
      q.bid = Price::from_micros(p - 10'000);
      q.ask = Price::from_micros(p + 10'000);
      b.now += std::chrono::milliseconds(1);
      check(b.engine.on_quote(q, b.now), "on_quote");
    }
    for (int k = 0; k < per_minute; ++k, ++order) {
      const int pass = order / kTickers;
      OrderIntent in;
      in.symbol = ticker(order % kTickers);
      in.side = pass % 2 == 0 ? Side::kBuy : Side::kSell;
      in.qty = 1 + (pass / 2) % 5;
      in.source = sources[order % 3];
      b.now += std::chrono::milliseconds(100);
      check(b.engine.submit_order(in, b.now).status(), "submit_order");
    }
    LockoutId lockout = 0;
    for (int k = 0; k < 5 && b.audit_entries < kAuditEntries; ++k, ++step) {
      b.now += std::chrono::milliseconds(10);
      switch (step % 5) {
        case 0:
          b.audited(b.engine.deposit(Money::from_units(100), "alice", b.now), "deposit");
          break;
        case 1: {
          LockoutRequest r;
          r.symbol = ticker(m % kTickers);
          r.reason = "bench pause " + std::to_string(m);
          r.duration_minutes = 30;
          r.created_by = "bob";
          Result<Lockout> made = b.engine.create_lockout(r, b.now);
          b.audited(made.status(), "create_lockout");
          lockout = made->id;
          break;
        }
        case 2:
          b.audited(b.engine.remove_lockout(lockout, "bob", b.now).status(), "remove_lockout");
          break;
        case 3:
          b.audited(b.engine.set_halted(true, "carol", "bench drill", b.now), "halt");
          break;
        case 4:
          b.audited(b.engine.set_halted(false, "carol", "", b.now), "resume");
          break;
      }
    }
    b.history.sample_equity(b.engine.state(), b.now);
    b.now = minute + std::chrono::minutes(1);
  }
  b.observe();
}

struct ViewResult {
  const char* name;
  double open_ms, median, p99, max, cpu_median, cpu_p99;
};

// Row 2's targets, for the platform this was built for.
#ifdef __EMSCRIPTEN__
constexpr const char* kTargetText = "p99 under 8 ms (wasm)";
bool met(const ViewResult& r) { return r.p99 < 8.0; }
#else
constexpr const char* kTargetText = "median under 1 ms (native)";
bool met(const ViewResult& r) { return r.median < 1.0; }
#endif

int every_view_row(int frames, const std::string& only) {
  std::printf("\n== every view over a big book ==\n");
  Book b;
  build_book(b);
  const EngineState& s = b.engine.state();
  std::size_t candles = 0;
  for (int t = 0; t < kTickers; ++t) candles += b.history.candles(ticker(t), ui::CandleLength::k1m)->candles().size();
  std::printf(
      "world: %zu orders, %zu fills, %d tickers with %zu one-minute candles in all, %zu audit entries, %zu events\n",
      s.orders.size(), s.fills.size(), kTickers, candles, b.audit_entries, b.log.size());
  verify(s.orders.size() == kBookOrders && s.fills.size() == kBookOrders, "every order should have filled");
  verify(candles == static_cast<std::size_t>(kTickers) * kMinutes, "each ticker should have 2,000 candles");
  verify(b.audit_entries == kAuditEntries, "the log should hold 10,000 audit entries");

  Timestamp now = b.now;
  ui::LocalApiClient client([&b, &now](const ApiRequest& request) {
    ApiRequest r = request;
    r.now = now;
    return b.router.handle(r);
  });
  headless_imgui();
  std::vector<ViewResult> results;
  {
    ui::Desk desk(client);
    SimStatus sim;
    // One frame as the host draws it; returns its wall and CPU milliseconds.
    auto frame = [&](double& cpu_ms) {
      now += std::chrono::microseconds(16'667);
      sim.clock = now;
      b.observe();
      b.history.sample_equity(s, now);
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = bench::process_cpu_seconds();
      ImGui::NewFrame();
      desk.draw(ui::DeskView{s, now, &sim, {}, nullptr, &b.history});
      ImGui::Render();
      const double c1 = bench::process_cpu_seconds();
      const auto t1 = std::chrono::steady_clock::now();
      client.poll();
      cpu_ms = (c1 - c0) * 1e3;
      return std::chrono::duration<double, std::milli>(t1 - t0).count();
    };
    // Settles long enough for the audit log's 20 pages of 500, one a frame.
    const int settle = 60;
    std::printf(
        "per view, NewFrame..Render at 1280x800 over %d frames after %d to settle (ms; open: the first frame):\n",
        frames, settle);
    std::printf("  %-18s %8s %8s %8s %8s %9s %9s  %s\n", "view", "open", "median", "p99", "max", "cpu med", "cpu p99",
                kTargetText);
    for (const auto& [view, name] : EnumNames<ui::DeskViewId>::table) {
      if (view == ui::DeskViewId::kBroker) continue;  // a live server's: no broker here
      if (!only.empty() && only != name) continue;
      desk.load_settings("[Desk][Layout]\nview=" + std::string(name) + "\nticker=" + ticker(0).str() + "\n");
      double cpu = 0;
      const double open_ms = frame(cpu);
      for (int i = 1; i < settle; ++i) frame(cpu);
      std::vector<double> wall_ms, cpu_ms;
      for (int i = 0; i < frames; ++i) {
        wall_ms.push_back(frame(cpu));
        cpu_ms.push_back(cpu);
      }
      verify(desk.save_settings().find("view=" + std::string(name) + "\n") != std::string::npos,
             std::string("the desk should show ") + name);
      if (view == ui::DeskViewId::kAudit) {
        std::string count;
        for (const ui::DeskMessage& m : desk.messages())
          if (m.where == ui::ids::kAuditCount) count = m.text;
        verify(count == "10000 of 10000 entries", "the audit view should show 10,000 entries, not '" + count + "'");
      }
      ViewResult r{name,
                   open_ms,
                   percentile(wall_ms, 0.5),
                   percentile(wall_ms, 0.99),
                   percentile(wall_ms, 1.0),
                   percentile(cpu_ms, 0.5),
                   percentile(cpu_ms, 0.99)};
      std::printf("  %-18s %8.3f %8.3f %8.3f %8.3f %9.3f %9.3f  %s\n", name, r.open_ms, r.median, r.p99, r.max,
                  r.cpu_median, r.cpu_p99, met(r) ? "MET" : "MISSED");
      results.push_back(r);
    }
  }
  ImGui::DestroyContext();
  verify(!results.empty(), "no view named '" + only + "'");
  const auto by_median = std::max_element(results.begin(), results.end(),
                                          [](const ViewResult& a, const ViewResult& b) { return a.median < b.median; });
  const auto by_p99 = std::max_element(results.begin(), results.end(),
                                       [](const ViewResult& a, const ViewResult& b) { return a.p99 < b.p99; });
  const bool all_met = std::all_of(results.begin(), results.end(), met);
  std::printf("  worst view: by median %s (%.3f ms), by p99 %s (%.3f ms); %s: %s\n", by_median->name, by_median->median,
              by_p99->name, by_p99->p99, kTargetText, all_met ? "MET" : "MISSED");
  return 0;
}

}  // namespace
}  // namespace stonks

int main(int argc, char** argv) {
  int frames = argc > 1 ? std::atoi(argv[1]) : 300;
  if (frames <= 0) frames = 300;
  // A view's name as the second argument times that view alone (to profile it).
  const std::string only = argc > 2 ? argv[2] : "";
  const int status = only.empty() ? stonks::trading_controls_row(frames) : 0;
  return status != 0 ? status : stonks::every_view_row(frames, only);
}
