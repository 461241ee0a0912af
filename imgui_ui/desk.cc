// Desk: the Trading Controls window and where each section sits in it.
//
// [SECTION] index
//   Desk::Impl   the sections' state, the request sender, toasts and dialog
//   Desk::draw   one full-window ImGui window:
//                  account strip + persistence and connection status, sim strip (if any)
//                  and the Strategies / Replay pane buttons (with the sim)
//                  left column:  mode and halt, paper order approval, ticket, broker (if any)
//                  right column: pending approvals, active lockouts, recent orders
//                then the dialog (at window level), the open pane (a window over the
//                right column) and the toasts overlay
#include "imgui_ui/desk.h"

#include <algorithm>

#include <imgui.h>

#include "imgui_ui/account_strip.h"
#include "imgui_ui/approval_config_panel.h"
#include "imgui_ui/approvals_panel.h"
#include "imgui_ui/broker_panel.h"
#include "imgui_ui/connection_status.h"
#include "imgui_ui/controls.h"
#include "imgui_ui/desk_context.h"
#include "imgui_ui/lockouts_panel.h"
#include "imgui_ui/mode_panel.h"
#include "imgui_ui/order_ticket_panel.h"
#include "imgui_ui/persistence_status.h"
#include "imgui_ui/recent_orders_panel.h"
#include "imgui_ui/replay_panel.h"
#include "imgui_ui/sim_panel.h"
#include "imgui_ui/strategies_panel.h"
#include "imgui_ui/widget_ids.h"

namespace stonks::ui {

struct Desk::Impl {
  explicit Impl(ApiClient& client) : requests(client) {}

  Requests requests;
  FrameRecord frame;
  Toasts toasts;
  Modal modal;
  ModePanel mode;
  ApprovalConfigPanel approval_config;
  OrderTicketPanel ticket;
  ApprovalsPanel approvals;
  LockoutsPanel lockouts;
  SimPanel sim;
  StrategiesPanel strategies;
  ReplayPanel replay;
};

Desk::Desk(ApiClient& client) : impl_(std::make_unique<Impl>(client)) {}
Desk::~Desk() = default;

const std::vector<WidgetRect>& Desk::widgets() const { return impl_->frame.widgets(); }
std::vector<DeskMessage> Desk::messages() const { return impl_->frame.messages(); }
void Desk::set_csv_picker(std::function<void()> open) { impl_->replay.pick_csv = std::move(open); }
void Desk::csv_picked(std::string name, std::string text) {
  impl_->replay.csv_picked(std::move(name), std::move(text));
}

void Desk::draw(const DeskView& view) {
  Impl& d = *impl_;
  d.frame.begin();
  DeskContext ctx{view, d.requests, d.frame, d.toasts, d.modal};

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!ImGui::Begin("Trading Controls", nullptr, flags)) {
    ImGui::End();
    d.toasts.draw(d.frame);
    return;
  }
  draw_account_strip(ctx);
  draw_persistence_status(ctx);
  draw_connection_status(ctx);
  if (view.sim) d.sim.draw(ctx, *view.sim);
  if (view.sim) {  // the panes act through the sandbox's own routes
    if (choice_button(d.frame, ids::kStrategiesToggle, "Strategies", d.strategies.open)) {
      d.strategies.open = !d.strategies.open;
      d.replay.open = false;
    }
    ImGui::SameLine();
    if (choice_button(d.frame, ids::kReplayToggle, "Replay", d.replay.open)) {
      d.replay.open = !d.replay.open;
      d.strategies.open = false;
    }
  }
  ImGui::Separator();

  const float em = ImGui::GetFontSize();
  const float left = std::clamp(ImGui::GetContentRegionAvail().x * 0.34f, em * 24, em * 36);
  if (ImGui::BeginChild("##left", ImVec2(left, 0))) {
    d.mode.draw(ctx);
    ImGui::Spacing();
    d.approval_config.draw(ctx);
    ImGui::Spacing();
    d.ticket.draw(ctx);
    if (view.broker) {
      ImGui::Spacing();
      draw_broker_panel(ctx, *view.broker);
    }
  }
  ImGui::EndChild();
  ImGui::SameLine();
  const ImVec2 pane_pos = ImGui::GetCursorScreenPos(), pane_size = ImGui::GetContentRegionAvail();
  if (ImGui::BeginChild("##right", ImVec2(0, 0))) {
    const float height = ImGui::GetContentRegionAvail().y;
    d.approvals.draw(ctx, height * 0.42f);
    d.lockouts.draw(ctx, height * 0.34f);
    draw_recent_orders(ctx, 0);  // the rest
  }
  ImGui::EndChild();

  d.modal.draw(d.frame);
  ImGui::End();
  if (d.strategies.open || d.replay.open) {
    ImGui::SetNextWindowPos(pane_pos);
    ImGui::SetNextWindowSize(pane_size);
    ImGui::SetNextWindowBgAlpha(1.0f);  // the columns it covers must not show through
    bool& open = d.strategies.open ? d.strategies.open : d.replay.open;
    const ImGuiWindowFlags pane_flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin(d.strategies.open ? "Strategies###pane" : "Replay###pane", &open, pane_flags)) {
      if (d.strategies.open)
        d.strategies.draw(ctx);
      else
        d.replay.draw(ctx);
    }
    ImGui::End();
  }
  d.toasts.draw(d.frame);
}

}  // namespace stonks::ui
