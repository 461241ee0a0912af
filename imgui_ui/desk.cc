// Desk: the frame every view sits in.
//
// [SECTION] index
//   Desk::Impl   the views' state, where the operator is, the request sender,
//                toasts and dialog
//   Desk::draw   one full-window ImGui window:
//                  the status strip (never scrolls away, its Alerts popup;
//                  alerts raised), the halt & flatten
//                  report until dismissed, the account strip,
//                  the sim strip (with a simulator), the view bar,
//                  then the open view filling the rest;
//                then the dialog (at window level) and the toasts overlay
#include "imgui_ui/desk.h"

#include <chrono>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiSettingsHandler: the desk's own .ini section

#include "imgui_ui/desk_context.h"
#include "imgui_ui/model/alerts.h"
#include "imgui_ui/model/desk_settings.h"
#include "imgui_ui/sections/account_strip.h"
#include "imgui_ui/sections/alert_settings.h"
#include "imgui_ui/sections/kill_switch.h"
#include "imgui_ui/sections/sim_panel.h"
#include "imgui_ui/views/audit_view.h"
#include "imgui_ui/views/broker_panel.h"
#include "imgui_ui/views/fills_view.h"
#include "imgui_ui/views/market_view.h"
#include "imgui_ui/views/orders_view.h"
#include "imgui_ui/views/positions_view.h"
#include "imgui_ui/views/replay_panel.h"
#include "imgui_ui/views/risk_config_view.h"
#include "imgui_ui/views/scorecard_view.h"
#include "imgui_ui/views/strategies_panel.h"
#include "imgui_ui/views/trading_controls_view.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"
#include "imgui_ui/widgets/status_strip.h"

namespace stonks::ui {

struct Desk::Impl {
  explicit Impl(ApiClient& client) : requests(client) {}

  Requests requests;
  FrameRecord frame;
  Toasts toasts;
  Modal modal;
  DeskNavigation nav;
  std::function<void(const std::string&, const std::string&)> save_file;
  SimPanel sim;
  TradingControlsView trading;
  RiskConfigView risk;
  MarketView market;
  PositionsView positions;
  OrdersView orders;
  FillsView fills;
  AuditView audit;
  ScorecardView scorecard;
  StrategiesPanel strategies;
  ReplayPanel replay;
  std::string dismissed_flatten;  // the halt & flatten report's time, once dismissed
  AlertSettings alerts;
  AlertWatch alert_watch;
  AlertCollapser alert_collapser;
  AlertHost alert_host;
  DeskSettings settings;  // as last written to ImGui's settings (a change marks them dirty)
  bool handler_added = false;
  DeskSettings pending;  // read from .ini lines, applied once all are in

  DeskSettings current() const {
    DeskSettings s;
    s.view = to_string(nav.view);
    s.ticker = nav.ticker;
    s.market_filter = market.filter;
    s.length = market.length;
    s.stale_after_seconds = market.stale_after_seconds;
    s.orders = orders.filter;
    s.fills = fills.filter;
    s.audit = audit.filter;
    s.dismissed_flatten = dismissed_flatten;
    s.alerts = alerts;
    return s;
  }
  void apply(const DeskSettings& s) {
    if (std::optional<DeskViewId> v = parse_enum<DeskViewId>(s.view)) nav.view = *v;
    if (!s.ticker.empty()) nav.select_ticker(s.ticker);
    std::snprintf(market.filter, sizeof market.filter, "%s", s.market_filter.c_str());
    market.length = s.length;
    market.stale_after_seconds = s.stale_after_seconds;
    orders.filter = s.orders;
    fills.filter = s.fills;
    audit.filter = s.audit;
    dismissed_flatten = s.dismissed_flatten;
    alerts = s.alerts;
    settings = current();
  }
  // Toasts, tones and notifications for what changed since the last frame.
  void raise_alerts(const EngineState& state);
  // Registers the [Desk][Layout] section with the current ImGui context,
  // once; the newest desk owns the section. The destructor takes it out
  // again (the context outlives desks: a reset sandbox gets a new one).
  void add_settings_handler();
  ~Impl();
};

namespace {

const ImGuiID kSettingsHash = ImHashStr("Desk");

void remove_settings_handlers(const void* owner) {
  ImGuiContext* g = ImGui::GetCurrentContext();
  if (!g) return;
  for (int i = g->SettingsHandlers.Size - 1; i >= 0; --i)
    if (g->SettingsHandlers[i].TypeHash == kSettingsHash && (!owner || g->SettingsHandlers[i].UserData == owner))
      g->SettingsHandlers.erase(g->SettingsHandlers.Data + i);
}

}  // namespace

Desk::Impl::~Impl() {
  if (handler_added) remove_settings_handlers(this);
}

void Desk::Impl::add_settings_handler() {
  if (handler_added) return;
  handler_added = true;
  remove_settings_handlers(nullptr);
  ImGuiSettingsHandler h;
  h.TypeName = "Desk";
  h.TypeHash = kSettingsHash;
  h.UserData = this;
  h.ReadOpenFn = [](ImGuiContext*, ImGuiSettingsHandler* self, const char* name) -> void* {
    return std::string_view(name) == "Layout" ? self->UserData : nullptr;
  };
  h.ReadLineFn = [](ImGuiContext*, ImGuiSettingsHandler*, void* entry, const char* line) {
    static_cast<Impl*>(entry)->pending.read_line(line);
  };
  h.ApplyAllFn = [](ImGuiContext*, ImGuiSettingsHandler* self) {
    Impl& d = *static_cast<Impl*>(self->UserData);
    d.apply(d.pending);
    d.pending = DeskSettings();
  };
  h.WriteAllFn = [](ImGuiContext*, ImGuiSettingsHandler* self, ImGuiTextBuffer* out) {
    const Impl& d = *static_cast<const Impl*>(self->UserData);
    out->appendf("[Desk][Layout]\n%s\n", d.current().to_lines().c_str());
  };
  ImGui::GetCurrentContext()->SettingsHandlers.push_back(h);
}

void Desk::Impl::raise_alerts(const EngineState& state) {
  for (const Alert& a : alert_watch.look(state)) {
    const std::size_t k = static_cast<std::size_t>(a.kind);
    const Alert shown = alert_collapser.collapse(a, ImGui::GetTime());
    if (alerts.toast[k]) toasts.keyed(std::string("alert/") + to_string(a.kind), shown.text, shown.error);
    // One tone and one notification per run of repeats; a kind without a
    // toast does not notify either.
    if (shown.count > 1) continue;
    if (alerts.sound[k] && alert_host.play_tone) alert_host.play_tone(a.kind);
    if (alerts.notify && alerts.toast[k] && alert_host.notify) alert_host.notify(shown.text);
  }
}

namespace {

// Which views this host offers: Strategies and Replay act through the
// sandbox's own routes; Broker needs a broker.
bool offered(DeskViewId v, const DeskView& view) {
  switch (v) {
    case DeskViewId::kStrategies:
    case DeskViewId::kReplay:
      return view.sim != nullptr;
    case DeskViewId::kBroker:
      return view.broker != nullptr;
    default:
      return true;
  }
}

const char* view_label(DeskViewId v, const EngineState& s) {
  switch (v) {
    case DeskViewId::kTrading:
      return s.approvals.pending_count() ? "Trading Controls *" : "Trading Controls";
    case DeskViewId::kRisk:
      return "Risk Config";
    case DeskViewId::kMarket:
      return "Market";
    case DeskViewId::kPositions:
      return "Positions";
    case DeskViewId::kOrders:
      return "Orders";
    case DeskViewId::kFills:
      return "Fills";
    case DeskViewId::kAudit:
      return "Audit & News";
    case DeskViewId::kScorecard:
      return "Scorecard";
    case DeskViewId::kStrategies:
      return "Strategies";
    case DeskViewId::kReplay:
      return "Replay";
    case DeskViewId::kBroker:
      return "Broker";
  }
  return "";
}

}  // namespace

Desk::Desk(ApiClient& client) : impl_(std::make_unique<Impl>(client)) {}
Desk::~Desk() = default;

const std::vector<WidgetRect>& Desk::widgets() const { return impl_->frame.widgets(); }
std::vector<DeskMessage> Desk::messages() const { return impl_->frame.messages(); }
void Desk::set_csv_picker(std::function<void()> open) { impl_->replay.pick_csv = std::move(open); }
void Desk::set_import_picker(std::function<void()> open) { impl_->sim.file.pick = std::move(open); }
void Desk::import_picked(std::string name, std::string text) {
  impl_->sim.file.picked(std::move(name), std::move(text));
}
void Desk::csv_picked(std::string name, std::string text) {
  impl_->replay.csv_picked(std::move(name), std::move(text));
}
std::string Desk::save_settings() {
  impl_->add_settings_handler();
  std::size_t size = 0;
  const char* ini = ImGui::SaveIniSettingsToMemory(&size);
  return std::string(ini, size);
}

void Desk::load_settings(std::string_view ini) {
  impl_->add_settings_handler();
  ImGui::LoadIniSettingsFromMemory(ini.data(), ini.size());
}

void Desk::set_alert_host(AlertHost host) { impl_->alert_host = std::move(host); }

void Desk::set_file_saver(std::function<void(const std::string&, const std::string&)> save) {
  impl_->save_file = std::move(save);
}

void Desk::draw(const DeskView& view) {
  Impl& d = *impl_;
  d.add_settings_handler();
  d.frame.begin();
  const Duration stale_after = std::chrono::seconds(d.market.stale_after_seconds);
  DeskContext ctx{view, d.requests, d.frame, d.toasts, d.modal, d.nav, d.save_file, stale_after};
  if (!offered(d.nav.view, view)) d.nav.view = DeskViewId::kTrading;

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  // Saved settings on (no NoSavedSettings): its tables inherit the flag from
  // the window, and their columns and sort orders are worth remembering.
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!ImGui::Begin("Desk", nullptr, flags)) {
    ImGui::End();
    d.toasts.draw(d.frame);
    return;
  }
  const StatusStripActions strip = draw_status_strip(ctx, stale_after);
  if (strip.open_queue) d.nav.view = DeskViewId::kTrading;
  if (strip.flatten) ask_halt_and_flatten(ctx);
  if (strip.alerts) ImGui::OpenPopup(kAlertsPopup);
  draw_alert_settings(ctx, d.alerts, d.alert_host);
  d.raise_alerts(view.state);
  draw_flatten_report(ctx, d.dismissed_flatten);
  draw_account_strip(ctx);
  if (view.sim) d.sim.draw(ctx, *view.sim);

  for (const auto& [v, name] : EnumNames<DeskViewId>::table) {
    if (!offered(v, view)) continue;
    if (v != DeskViewId::kTrading) ImGui::SameLine();
    if (choice_button(d.frame, ids::view_tab_id(name), view_label(v, view.state), d.nav.view == v)) d.nav.view = v;
  }
  ImGui::Separator();

  if (ImGui::BeginChild("##view", ImVec2(0, 0))) {
    switch (d.nav.view) {
      case DeskViewId::kTrading:
        d.trading.draw(ctx);
        break;
      case DeskViewId::kRisk:
        d.risk.draw(ctx);
        break;
      case DeskViewId::kMarket:
        d.market.draw(ctx);
        break;
      case DeskViewId::kPositions:
        d.positions.draw(ctx);
        break;
      case DeskViewId::kOrders:
        d.orders.draw(ctx);
        break;
      case DeskViewId::kFills:
        d.fills.draw(ctx);
        break;
      case DeskViewId::kAudit:
        d.audit.follow(ctx);  // only while open: drawing any other view sends nothing
        d.audit.draw(ctx);
        break;
      case DeskViewId::kScorecard:
        d.scorecard.draw(ctx);
        break;
      case DeskViewId::kStrategies:
        d.strategies.draw(ctx);
        break;
      case DeskViewId::kReplay:
        d.replay.draw(ctx);
        break;
      case DeskViewId::kBroker:
        draw_broker_panel(ctx, *view.broker);
        break;
    }
  }
  ImGui::EndChild();
  d.modal.draw(d.frame);
  ImGui::End();
  d.toasts.draw(d.frame);
  if (DeskSettings now = d.current(); !(now == d.settings)) {
    d.settings = std::move(now);
    ImGui::MarkIniSettingsDirty();
  }
}

}  // namespace stonks::ui
