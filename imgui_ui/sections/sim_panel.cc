// SimPanel: partial PUT /api/sim bodies, one setting per action.
#include "imgui_ui/sections/sim_panel.h"

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {
namespace {

const char* speed_label(int speed) {
  switch (speed) {
    case 0:
      return "Pause";
    case 1:
      return "1x";
    case 10:
      return "10x";
    case 100:
      return "100x";
    case 1000:
      return "1000x";
  }
  return "?";
}

void put_sim(DeskContext& ctx, nlohmann::json body, std::string done) {
  ctx.requests.send("PUT", "/api/sim", body, [toasts = &ctx.toasts, done = std::move(done)](const ApiReply& r) {
    toasts->outcome(r, done, "Could not change the simulator");
  });
}

ModalSpec reset_question(DeskContext& ctx) {
  ModalSpec spec;
  spec.title = "Reset the sandbox?";
  spec.body =
      "This wipes every order, approval, lockout, position and setting stored in this browser, and starts a "
      "fresh sandbox with its starting cash. It cannot be undone.";
  spec.ok_label = "Reset sandbox";
  spec.on_ok = [requests = &ctx.requests, toasts = &ctx.toasts](const std::string&) {
    requests->send("POST", "/api/sim/reset", nullptr,
                   [toasts](const ApiReply& r) { toasts->outcome(r, "Sandbox reset", "Could not reset the sandbox"); });
  };
  return spec;
}

}  // namespace

void SimPanel::draw(DeskContext& ctx, const SimStatus& sim) {
  const float em = ImGui::GetFontSize();
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(kColorMuted, "Sim clock");
  ImGui::SameLine();
  ImGui::TextUnformatted(format_clock(sim.clock).c_str());
  ImGui::SameLine(0, em);
  for (int speed : SimSettings::kSpeeds) {
    if (choice_button(ctx.frame, ids::sim_speed_id(speed), speed_label(speed), sim.settings.speed == speed) &&
        sim.settings.speed != speed)
      put_sim(ctx, {{"speed", speed}},
              speed == 0 ? "Simulator paused" : std::string("Simulator at ") + speed_label(speed));
    ImGui::SameLine();
  }

  ImGui::SameLine(0, em);
  field_label("Seed", 0);
  if (!editing_seed) seed = sim.settings.seed;
  if (recorded_input_u64(ctx.frame, ids::kSimSeed, seed, em * 7)) editing_seed = true;
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::kSimSeedApply, "Apply", editing_seed && seed != sim.settings.seed)) {
    editing_seed = false;
    put_sim(ctx, {{"seed", seed}}, "Simulator seed " + std::to_string(seed));
  }

  ImGui::SameLine(0, em);
  field_label("News/h", 0);
  if (!editing_news) news_per_hour = sim.settings.news_per_hour;
  if (recorded_input_int(ctx.frame, ids::kSimNewsRate, news_per_hour, em * 3.5f)) editing_news = true;
  // Applied when the field is left (Enter, Tab or a click elsewhere).
  if (ImGui::IsItemDeactivatedAfterEdit() && editing_news) {
    editing_news = false;
    if (news_per_hour != sim.settings.news_per_hour)
      put_sim(ctx, {{"news_per_hour", news_per_hour}}, std::to_string(news_per_hour) + " headlines per hour");
  }

  ImGui::SameLine(0, em);
  if (recorded_button(ctx.frame, ids::kResetSandbox, "Reset sandbox")) ctx.modal.open(reset_question(ctx));
  ImGui::SameLine();
  file.draw(ctx);
  // Last: its width changes with every quote, and buttons after it would
  // move under the operator's mouse.
  ImGui::SameLine(0, em);
  ImGui::TextColored(kColorMuted, "%llu quotes, %llu headlines", static_cast<unsigned long long>(sim.quotes),
                     static_cast<unsigned long long>(sim.news));
}

}  // namespace stonks::ui
