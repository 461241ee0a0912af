// Toasts: an overlay window listing recent outcomes, newest at the bottom.
#include "imgui_ui/widgets/toasts.h"

#include <imgui.h>

#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {

void Toasts::add(std::string text, bool error) {
  toasts_.push_back(Toast{std::move(text), error});
  while (toasts_.size() > kMaxShown) toasts_.pop_front();
}

void Toasts::keyed(const std::string& key, std::string text, bool error) {
  for (Toast& t : toasts_)
    if (t.key == key) {
      t.text = std::move(text);
      t.error = error;
      t.shown_at = -1;
      return;
    }
  add(std::move(text), error);
  toasts_.back().key = key;
}

void Toasts::draw(FrameRecord& frame) {
  const double now = ImGui::GetTime();
  std::erase_if(toasts_, [now](const Toast& t) {
    return t.shown_at >= 0 && now - t.shown_at > (t.error ? kErrorSeconds : kInfoSeconds);
  });
  if (toasts_.empty()) return;

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float pad = 12;
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - pad, vp->WorkPos.y + vp->WorkSize.y - pad),
                          ImGuiCond_Always, ImVec2(1, 1));
  ImGui::SetNextWindowBgAlpha(0.92f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
  if (!ImGui::Begin("##toasts", nullptr, flags)) {
    ImGui::End();
    return;
  }
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
  for (Toast& t : toasts_) {
    if (t.shown_at < 0) t.shown_at = now;
    ImGui::PushStyleColor(ImGuiCol_Text, t.error ? kColorError : kColorText);
    ImGui::TextWrapped("%s", t.text.c_str());
    ImGui::PopStyleColor();
    frame.message("toast", t.text, t.error);
  }
  ImGui::PopTextWrapPos();
  ImGui::End();
}

}  // namespace stonks::ui
