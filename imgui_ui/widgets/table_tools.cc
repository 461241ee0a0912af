// Table tools: selection, copy menu, export.
#include "imgui_ui/widgets/table_tools.h"

#include "imgui_ui/model/csv.h"
#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {

bool selectable_row(FrameRecord& frame, const std::string& id, const std::string& text, bool selected,
                    const CellsFn& cells, const TextFn& table_tsv) {
  ImGui::TableNextColumn();
  ImGui::PushID(id.c_str());
  const bool clicked = ImGui::Selectable(text.c_str(), selected,
                                         ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
  frame.widget(id);
  frame.message(id, tsv_row(cells()), false);  // the row as shown, for the test hooks
  // The column under the mouse when the menu opened: "Copy cell" copies it.
  static int menu_column = 0;
  if (ImGui::IsItemClicked(ImGuiMouseButton_Right))
    for (int c = 0; c < ImGui::TableGetColumnCount(); ++c)
      if (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsHovered) menu_column = c;
  if (ImGui::BeginPopupContextItem("##copy")) {
    if (ImGui::MenuItem("Copy cell")) {
      const std::vector<std::string> c = cells();
      if (menu_column >= 0 && static_cast<std::size_t>(menu_column) < c.size())
        ImGui::SetClipboardText(c[static_cast<std::size_t>(menu_column)].c_str());
    }
    if (ImGui::MenuItem("Copy row")) ImGui::SetClipboardText(tsv_row(cells()).c_str());
    if (ImGui::MenuItem("Copy table")) ImGui::SetClipboardText(table_tsv().c_str());
    ImGui::EndPopup();
  }
  ImGui::PopID();
  return clicked;
}

std::string table_text(const std::vector<std::string>& headers, std::size_t count,
                       const std::function<std::vector<std::string>(std::size_t)>& row, bool csv) {
  std::string out = csv ? csv_row(headers) : tsv_row(headers);
  for (std::size_t i = 0; i < count; ++i) out += csv ? csv_row(row(i)) : tsv_row(row(i));
  return out;
}

void export_button(DeskContext& ctx, const char* id, const std::string& file_name, std::size_t rows,
                   const TextFn& csv) {
  if (!recorded_button(ctx.frame, id, "Export CSV", static_cast<bool>(ctx.save_file))) return;
  ctx.save_file(file_name, csv());
  ctx.toasts.info("Exported " + std::to_string(rows) + " rows to " + file_name);
}

bool filter_field(FrameRecord& frame, const char* id, const char* label, char* buf, std::size_t size, float width) {
  ImGui::TextColored(kColorMuted, "%s", label);
  ImGui::SameLine();
  return recorded_input_text(frame, id, buf, size, width);
}

}  // namespace stonks::ui
