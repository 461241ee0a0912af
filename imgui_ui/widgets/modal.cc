// Modal: one ImGui popup modal, centred, sized to its text.
#include "imgui_ui/widgets/modal.h"

#include <imgui.h>

#include <cstdio>

#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {
namespace {
// One popup id whatever the title says ("###" keeps the id, shows the title).
constexpr const char* kPopupId = "###desk_modal";
}  // namespace

void Modal::open(ModalSpec spec) {
  if (spec_) return;
  spec_ = std::move(spec);
  needs_open_ = true;
  input_[0] = '\0';
}

void Modal::close() {
  ImGui::CloseCurrentPopup();
  spec_.reset();
}

void Modal::draw(FrameRecord& frame) {
  if (!spec_) return;
  if (needs_open_) {
    ImGui::OpenPopup(kPopupId);
    needs_open_ = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  const std::string title = spec_->title + kPopupId;
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    spec_.reset();  // closed from outside (ImGui closed it): nothing happens
    return;
  }
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
  ImGui::TextWrapped("%s", spec_->body.c_str());
  ImGui::PopTextWrapPos();
  frame.message("dialog", spec_->title + " " + spec_->body, false);
  if (spec_->input_id) {
    field_label(spec_->input_label.c_str(), 0);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    recorded_input_text(frame, spec_->input_id, input_, ImGui::GetFontSize() * 22);
    for (std::size_t i = 0; i < spec_->presets.size(); ++i) {
      if (i) ImGui::SameLine();
      const std::string& preset = spec_->presets[i];
      if (recorded_button(frame, ids::reject_preset_id(i), preset.c_str()))
        std::snprintf(input_, sizeof input_, "%s", preset.c_str());
    }
  }
  ImGui::Spacing();
  // Run the action after closing: it may open another dialog or send requests.
  std::function<void(const std::string&)> action;
  std::string input;
  // Ctrl+Enter answers OK from the keyboard (the queue's keys end here);
  // Enter alone never does.
  const ImGuiIO& io = ImGui::GetIO();
  const bool ctrl_enter = (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
  if (recorded_button(frame, spec_->ok_id, spec_->ok_label.c_str()) || ctrl_enter) {
    action = std::move(spec_->on_ok);
    input = input_;
    close();
  } else {
    ImGui::SameLine();
    const bool cancel = recorded_button(frame, spec_->cancel_id, "Cancel");
    if (ImGui::IsWindowAppearing()) ImGui::SetItemDefaultFocus();
    if (cancel || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) close();
  }
  ImGui::EndPopup();
  if (action) action(input);
}

}  // namespace stonks::ui
