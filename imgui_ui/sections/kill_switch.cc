#include "imgui_ui/sections/kill_switch.h"

#include "imgui_ui/model/flatten_plan.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {
namespace {

void send_flatten(Requests& requests, Toasts& toasts_ref, const std::string& reason) {
  Toasts* toasts = &toasts_ref;
  nlohmann::json body = nlohmann::json::object();
  if (!reason.empty()) body["reason"] = reason;
  requests.send("POST", "/api/admin/trading/flatten", body, [toasts](const ApiReply& r) {
    // The report itself shows under the strip, from the state.
    toasts->outcome(r, "Halted and flattened: the report is under the status strip", "Halt & flatten failed");
  });
}

}  // namespace

void ask_halt_and_flatten(DeskContext& ctx) {
  const FlattenPlan plan = plan_flatten(ctx.state());
  ModalSpec first;
  first.title = "Halt & flatten everything?";
  first.body = describe(plan);
  first.ok_label = "Continue...";
  first.ok_id = ids::kFlattenContinue;
  first.input_id = ids::kFlattenReason;
  first.input_label = "Reason";
  first.on_ok = [requests = &ctx.requests, toasts = &ctx.toasts, modal = &ctx.modal, plan](const std::string& reason) {
    ModalSpec second;
    second.title = "Flatten now? This cannot be undone";
    second.body = describe(plan) + "\n\nThe closing orders are yours: they are sent now without approval.";
    second.ok_label = "Halt & flatten now";
    second.ok_id = ids::kFlattenConfirm;
    second.on_ok = [requests, toasts, reason](const std::string&) { send_flatten(*requests, *toasts, reason); };
    modal->open(std::move(second));
  };
  ctx.modal.open(std::move(first));
}

void draw_flatten_report(DeskContext& ctx, std::string& dismissed) {
  const std::optional<FlattenReport>& report = ctx.state().last_flatten;
  if (!report || dismissed == format_iso8601(report->at)) return;
  const FlattenReportLines lines = report_lines(*report);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.25f, 0.08f, 0.08f, 1.0f));
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const std::size_t rows = 2 + lines.failed.size() + lines.closed.size();
  const float height =
      std::min<float>(static_cast<float>(rows) * line, line * 8) + ImGui::GetStyle().WindowPadding.y * 2;
  if (ImGui::BeginChild("##flatten_report", ImVec2(0, height), true)) {
    ImGui::TextWrapped("%s", lines.summary.c_str());
    ctx.frame.message(ids::kFlattenReport, lines.summary, false);
    for (const std::string& f : lines.failed) {
      ImGui::TextColored(kColorError, "%s", f.c_str());
      ctx.frame.message(ids::kFlattenReport, f, true);
    }
    for (const std::string& c : lines.closed) {
      ImGui::TextUnformatted(c.c_str());
      ctx.frame.message(ids::kFlattenReport, c, false);
    }
    if (recorded_button(ctx.frame, ids::kFlattenDismiss, "Dismiss")) dismissed = format_iso8601(report->at);
    ImGui::SameLine();
    ImGui::TextColored(kColorMuted, "The audit log keeps this report (Audit & News: halt_and_flatten).");
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace stonks::ui
