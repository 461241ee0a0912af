// The desk's widget patterns, each written once: a control drawn under its
// stable id (widget_ids.h) with its rectangle recorded, the inline error
// beside a field, section headers, and the palette.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <imgui.h>

#include "imgui_ui/frame_record.h"
#include "imgui_ui/widgets/field_errors.h"
#include "model/order.h"

namespace stonks::ui {

inline const ImVec4 kColorText{0.90f, 0.92f, 0.94f, 1.0f};
inline const ImVec4 kColorMuted{0.60f, 0.64f, 0.68f, 1.0f};
inline const ImVec4 kColorError{1.00f, 0.45f, 0.42f, 1.0f};
inline const ImVec4 kColorOk{0.45f, 0.85f, 0.50f, 1.0f};
inline const ImVec4 kColorWarn{1.00f, 0.72f, 0.30f, 1.0f};
inline const ImVec4 kColorAccent{0.45f, 0.70f, 1.00f, 1.0f};
// An order's status as the blotter and Recent Orders colour it.
const ImVec4& order_status_color(OrderStatus s);

// A button; true on the frame it is clicked. Disabled buttons show greyed
// and never fire, but are still recorded (tests check they are there).
bool recorded_button(FrameRecord& frame, const std::string& id, const char* label, bool enabled = true);

// A button drawn pressed-in when `selected` (mode, side, order type, speed).
bool choice_button(FrameRecord& frame, const std::string& id, const char* label, bool selected, bool enabled = true);

// A checkbox showing `value` (the engine's, never flipped here); true when
// clicked: the caller decides what a click asks for.
bool recorded_checkbox(FrameRecord& frame, const std::string& id, const char* label, bool value);

// Text and number fields `width` pixels wide; true when the value changed.
bool recorded_input_text(FrameRecord& frame, const std::string& id, char* buf, std::size_t size, float width,
                         ImGuiInputTextFlags flags = 0);
template <std::size_t N>
bool recorded_input_text(FrameRecord& frame, const std::string& id, char (&buf)[N], float width,
                         ImGuiInputTextFlags flags = 0) {
  return recorded_input_text(frame, id, buf, N, width, flags);
}
bool recorded_input_int(FrameRecord& frame, const std::string& id, int& value, float width);
bool recorded_input_u64(FrameRecord& frame, const std::string& id, std::uint64_t& value, float width);

// A label for the framed widget that follows on the same line, padded to
// `width` so the fields of a form line up.
void field_label(const char* text, float width);

// The error beside `widget`, if `errors` holds one, recorded as a message
// there: kBeside on the same line after it, wrapped to the region's edge;
// kBelow on its own line naming `label` (forms laid out in one row).
enum class ErrorPlace { kBeside, kBelow };
void inline_error(FrameRecord& frame, const FieldErrors& errors, const char* widget,
                  ErrorPlace place = ErrorPlace::kBeside, const char* label = "");

// A line of text recorded as a message beside `where` (outcomes shown in place).
void inline_note(FrameRecord& frame, const char* where, const std::string& text, bool error);

// A section's title line: "Pending Approvals (3)".
void section_header(const char* text);

// A small coloured tag on the current line ("news-shock").
void badge(const char* text, const ImVec4& color);

// The desk's lists: scrolling (so ImGuiListClipper draws only what shows),
// striped, columns sized to their content.
inline constexpr ImGuiTableFlags kListTableFlags =
    ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;

// The next cell of a table row, holding `text`.
void table_cell(const std::string& text);

}  // namespace stonks::ui
