// Desk: the operator panel: a status strip, a bar of views (Trading
// Controls, Market, Positions, Orders, ...) and the open one. Draws one ImGui frame from a
// read-only view of the engine and acts only through an ApiClient.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/engine_state.h"
#include "imgui_ui/api_client.h"
#include "imgui_ui/broker_view.h"
#include "imgui_ui/model/desk_history.h"
#include "model/enum_names.h"
#include "model/time.h"
#include "sim/sim_settings.h"

namespace stonks::ui {

// What the host knows that the engine does not.
struct HostStatus {
  enum class Persistence { kOff, kSaved, kSaving, kFailed };
  Persistence persistence = Persistence::kOff;
  std::string persistence_detail;  // why saving failed, or where it saves
  bool storage_persistent = true;  // false: the browser may evict the store; the desk says so

  // Against a server the state is a replica: whether it follows the server
  // now. kLost keeps showing the last state received, marked stale.
  enum class Link { kNone, kLive, kLost };
  Link link = Link::kNone;
  std::string link_detail;  // the server (kLive), or why the link is down and since when (kLost)
};

struct DeskView {
  const EngineState& state;
  Timestamp now;                   // the engine's clock (the simulation clock in the browser)
  const SimStatus* sim = nullptr;  // null: no simulator (a server without --sim)
  HostStatus host;
  const BrokerStatusView* broker = nullptr;  // null: no broker to show (the sandbox, a paper server)
  const DeskHistory* history = nullptr;      // candles and equity; null: the views say there is none
};

// What the host does for an alert beyond its toast. Any may be empty.
enum class AlertKind;
struct AlertHost {
  std::function<void(AlertKind kind)> play_tone;        // a short tone (Web Audio)
  std::function<void(const std::string& text)> notify;  // a system notification, when the page is hidden
  std::function<void()> ask_permission;                 // for notify: the operator turned them on
};

// The desk's views, in the order of its view bar.
enum class DeskViewId {
  kTrading,
  kRisk,
  kMarket,
  kPositions,
  kOrders,
  kFills,
  kAudit,
  kScorecard,
  kStrategies,
  kReplay,
  kBroker
};

// A widget's rectangle in ImGui's logical pixels (CSS pixels in the browser),
// recorded as the frame drew it: what end-to-end tests click.
struct WidgetRect {
  std::string id;  // stable ids listed in imgui_ui/widget_ids.h
  float x = 0, y = 0, w = 0, h = 0;
};

// A message the operator sees now: a toast, an inline error (or outcome)
// beside a field, or the open dialog's question.
struct DeskMessage {
  std::string where;  // "toast", "dialog", or the widget id the message sits beside
  std::string text;
  bool error = false;
};

class Desk {
 public:
  explicit Desk(ApiClient& client);
  ~Desk();
  // Draws the whole window; call between ImGui::NewFrame() and ImGui::Render().
  void draw(const DeskView& view);
  // After draw(): the widgets of that frame (only the visible part of each;
  // rows scrolled or clipped away are absent), and what it showed.
  const std::vector<WidgetRect>& widgets() const;
  std::vector<DeskMessage> messages() const;
  // The host's file picker for the Replay pane's "Open CSV...": `open`
  // shows it, and the host hands the chosen file to csv_picked() (any time
  // later). Without a picker the button is disabled.
  void set_csv_picker(std::function<void()> open);
  void csv_picked(std::string name, std::string text);
  // The same for the sim strip's "Import sandbox..." (a sandbox export).
  void set_import_picker(std::function<void()> open);
  void import_picked(std::string name, std::string text);
  // The layout remembered across reloads -- the open view, the selected
  // ticker, the filters, the chart's length, and the tables' column widths,
  // order and sort orders -- as ImGui .ini text (the host keeps it in the
  // browser's storage, apart from the journal). Call with the ImGui context
  // current. load_settings() takes what save_settings() gave, ignoring what
  // it does not know; ImGui says when to save again (io.WantSaveIniSettings).
  std::string save_settings();
  void load_settings(std::string_view ini);
  // How the host saves an exported file (a browser download; a file
  // natively). Without one the Export buttons are disabled.
  void set_file_saver(std::function<void(const std::string& name, const std::string& text)> save);
  // How alerts reach the operator beyond the toast (imgui_ui/model/alerts.h).
  void set_alert_host(AlertHost host);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stonks::ui

namespace stonks {
// The host status' names, as the page's test hooks report them.
template <>
struct EnumNames<ui::HostStatus::Persistence> {
  using P = ui::HostStatus::Persistence;
  static constexpr EnumName<P> table[] = {
      {P::kOff, "off"}, {P::kSaved, "saved"}, {P::kSaving, "saving"}, {P::kFailed, "failed"}};
};
template <>
struct EnumNames<ui::DeskViewId> {
  using V = ui::DeskViewId;
  static constexpr EnumName<V> table[] = {
      {V::kTrading, "trading"},       {V::kRisk, "risk"},     {V::kMarket, "market"}, {V::kPositions, "positions"},
      {V::kOrders, "orders"},         {V::kFills, "fills"},   {V::kAudit, "audit"},   {V::kScorecard, "scorecard"},
      {V::kStrategies, "strategies"}, {V::kReplay, "replay"}, {V::kBroker, "broker"}};
};
template <>
struct EnumNames<ui::HostStatus::Link> {
  using L = ui::HostStatus::Link;
  static constexpr EnumName<L> table[] = {{L::kNone, "none"}, {L::kLive, "live"}, {L::kLost, "lost"}};
};
}  // namespace stonks
