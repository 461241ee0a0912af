// The desk's widget patterns: each pushes its id, draws, records its rect.
#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {

const ImVec4& order_status_color(OrderStatus s) {
  switch (s) {
    case OrderStatus::kFilled:
    case OrderStatus::kAccepted:
      return kColorOk;
    case OrderStatus::kRiskRejected:
    case OrderStatus::kRejected:
      return kColorError;
    case OrderStatus::kPendingApproval:
      return kColorWarn;
    case OrderStatus::kExpired:
    case OrderStatus::kCancelled:
      return kColorMuted;
    default:
      return kColorText;
  }
}
namespace {

// Every recorded control draws inside its own id scope, so the same label
// ("Approve", "Remove") can repeat on every row.
struct IdScope {
  explicit IdScope(const std::string& id) { ImGui::PushID(id.c_str()); }
  ~IdScope() { ImGui::PopID(); }
};

}  // namespace

bool recorded_button(FrameRecord& frame, const std::string& id, const char* label, bool enabled) {
  IdScope scope(id);
  ImGui::BeginDisabled(!enabled);
  const bool clicked = ImGui::Button(label);
  ImGui::EndDisabled();
  frame.widget(id);
  return clicked && enabled;
}

bool choice_button(FrameRecord& frame, const std::string& id, const char* label, bool selected, bool enabled) {
  if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  const bool clicked = recorded_button(frame, id, label, enabled);
  if (selected) ImGui::PopStyleColor();
  return clicked;
}

bool recorded_checkbox(FrameRecord& frame, const std::string& id, const char* label, bool value) {
  IdScope scope(id);
  bool shown = value;
  const bool clicked = ImGui::Checkbox(label, &shown);
  frame.widget(id);
  return clicked;
}

bool recorded_input_text(FrameRecord& frame, const std::string& id, char* buf, std::size_t size, float width,
                         ImGuiInputTextFlags flags) {
  IdScope scope(id);
  ImGui::SetNextItemWidth(width);
  const bool changed = ImGui::InputText("##value", buf, size, flags);
  frame.widget(id);
  return changed;
}

bool recorded_input_int(FrameRecord& frame, const std::string& id, int& value, float width) {
  IdScope scope(id);
  ImGui::SetNextItemWidth(width);
  // No +/- buttons: quantities and minutes are typed.
  const bool changed = ImGui::InputInt("##value", &value, 0, 0);
  frame.widget(id);
  return changed;
}

bool recorded_input_u64(FrameRecord& frame, const std::string& id, std::uint64_t& value, float width) {
  IdScope scope(id);
  ImGui::SetNextItemWidth(width);
  const bool changed = ImGui::InputScalar("##value", ImGuiDataType_U64, &value);
  frame.widget(id);
  return changed;
}

void field_label(const char* text, float width) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text);
  ImGui::SameLine(width);
}

void inline_error(FrameRecord& frame, const FieldErrors& errors, const char* widget, ErrorPlace place,
                  const char* label) {
  const std::string* error = errors.find(widget);
  if (!error) return;
  if (place == ErrorPlace::kBeside) {
    ImGui::SameLine();
    inline_note(frame, widget, *error, true);
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, kColorError);
    ImGui::TextWrapped("%s%s%s", label, *label ? ": " : "", error->c_str());
    ImGui::PopStyleColor();
    frame.message(widget, *error, true);
  }
}

void inline_note(FrameRecord& frame, const char* where, const std::string& text, bool error) {
  ImGui::PushStyleColor(ImGuiCol_Text, error ? kColorError : kColorOk);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  frame.message(where, text, error);
}

void badge(const char* text, const ImVec4& color) {
  const ImVec2 pad(4, 1);
  const ImVec2 size = ImGui::CalcTextSize(text);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + size.x + 2 * pad.x, at.y + size.y + 2 * pad.y),
                      ImGui::GetColorU32(ImVec4(color.x, color.y, color.z, 0.22f)), 3.0f);
  draw->AddText(ImVec2(at.x + pad.x, at.y + pad.y), ImGui::GetColorU32(color), text);
  ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

void table_cell(const std::string& text) {
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(text.c_str());
}

void section_header(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, kColorAccent);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::Separator();
}

}  // namespace stonks::ui
