// Desk: the Trading Controls window and where each section sits in it.
//
// [SECTION] index
//   Desk::Impl   the sections' state, the request sender, toasts and dialog
//   Desk::draw   one full-window ImGui window:
//                  account strip + persistence and connection status, sim strip (if any)
//                  left column:  mode and halt, paper order approval, ticket
//                  right column: pending approvals, active lockouts, recent orders
//                then the dialog (at window level) and the toasts overlay
#include "imgui_ui/desk.h"

#include <algorithm>

#include <imgui.h>

#include "imgui_ui/account_strip.h"
#include "imgui_ui/approval_config_panel.h"
#include "imgui_ui/approvals_panel.h"
#include "imgui_ui/connection_status.h"
#include "imgui_ui/desk_context.h"
#include "imgui_ui/lockouts_panel.h"
#include "imgui_ui/mode_panel.h"
#include "imgui_ui/order_ticket_panel.h"
#include "imgui_ui/persistence_status.h"
#include "imgui_ui/recent_orders_panel.h"
#include "imgui_ui/sim_panel.h"

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
};

Desk::Desk(ApiClient& client) : impl_(std::make_unique<Impl>(client)) {}
Desk::~Desk() = default;

const std::vector<WidgetRect>& Desk::widgets() const { return impl_->frame.widgets(); }
std::vector<DeskMessage> Desk::messages() const { return impl_->frame.messages(); }

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
  ImGui::Separator();

  const float em = ImGui::GetFontSize();
  const float left = std::clamp(ImGui::GetContentRegionAvail().x * 0.34f, em * 24, em * 36);
  if (ImGui::BeginChild("##left", ImVec2(left, 0))) {
    d.mode.draw(ctx);
    ImGui::Spacing();
    d.approval_config.draw(ctx);
    ImGui::Spacing();
    d.ticket.draw(ctx);
  }
  ImGui::EndChild();
  ImGui::SameLine();
  if (ImGui::BeginChild("##right", ImVec2(0, 0))) {
    const float height = ImGui::GetContentRegionAvail().y;
    d.approvals.draw(ctx, height * 0.42f);
    d.lockouts.draw(ctx, height * 0.34f);
    draw_recent_orders(ctx, 0);  // the rest
  }
  ImGui::EndChild();

  d.modal.draw(d.frame);
  ImGui::End();
  d.toasts.draw(d.frame);
}

}  // namespace stonks::ui
