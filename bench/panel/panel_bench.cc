// panel_bench: the desk's frame cost (NewFrame to Render, no renderer) over
// a big engine: 100,000 orders, 1,000 pending approvals, 1,000 active
// lockouts. Prints the median and p99 frame time, wall and process CPU (on
// a busy machine the wall time also holds the moments the process waited
// for a core); the goal is under 4 ms natively and under 8 ms in wasm.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <imgui.h>

#include "core/engine.h"
#include "cpu_clock.h"
#include "execution/paper_broker.h"
#include "imgui_ui/desk.h"
#include "imgui_ui/local_api_client.h"

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

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

int run(int frames) {
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
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

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

}  // namespace
}  // namespace stonks

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::atoi(argv[1]) : 300;
  return stonks::run(frames > 0 ? frames : 300);
}
