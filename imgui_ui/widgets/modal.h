// Modal: the desk's one confirmation dialog. A section asks for it with a
// spec saying what will change; the desk draws it at window level each frame
// (so OpenPopup and BeginPopupModal share one id stack). Cancel, Escape or
// closing it changes nothing; OK (or Ctrl+Enter) runs the spec's action.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "imgui_ui/frame_record.h"
#include "imgui_ui/widget_ids.h"

namespace stonks::ui {

struct ModalSpec {
  std::string title;  // the question: "Turn paper auto-approval off?"
  std::string body;   // what will change, in the operator's words
  std::string ok_label = "Confirm";
  const char* ok_id = ids::kConfirmOk;
  const char* cancel_id = ids::kConfirmCancel;
  // A text to ask for (the reject dialog's reason); null: none.
  const char* input_id = nullptr;
  std::string input_label;
  // Texts a click puts in the input (the reject dialog's preset reasons).
  std::vector<std::string> presets;
  // Runs on OK with the text typed (empty without an input).
  std::function<void(const std::string& input)> on_ok;
};

class Modal {
 public:
  // Opens `spec` on the next draw; ignored while another dialog is open (the
  // operator answers one question at a time).
  void open(ModalSpec spec);
  bool is_open() const { return spec_.has_value(); }
  // Draws the open dialog, records its buttons and its text (as a message
  // from "dialog"), and runs the action on OK.
  void draw(FrameRecord& frame);

 private:
  void close();

  std::optional<ModalSpec> spec_;
  bool needs_open_ = false;
  char input_[512] = {};
};

}  // namespace stonks::ui
