// Fills view.
#include "imgui_ui/views/fills_view.h"

#include <cstdio>

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"
#include "imgui_ui/widgets/table_tools.h"

namespace stonks::ui {

void FillsView::draw(DeskContext& ctx) {
  const float em = ImGui::GetFontSize();
  const EngineState& s = ctx.state();
  if (filter_field(ctx.frame, ids::kFillsTicker, "Ticker", ticker_, sizeof ticker_, em * 5)) filter.ticker = ticker_;
  ImGui::SameLine(0, em);
  if (filter_field(ctx.frame, ids::kFillsText, "Text", text_, sizeof text_, em * 8)) filter.text = text_;
  if (filter.ticker != ticker_) std::snprintf(ticker_, sizeof ticker_, "%s", filter.ticker.c_str());
  if (filter.text != text_) std::snprintf(text_, sizeof text_, "%s", filter.text.c_str());

  // Fills only grow: remade when the filter changed (or the fills are fewer:
  // another engine's); a fill that came is looked at alone and goes first.
  if (!(rows_filter_ == filter) || s.fills.size() < rows_for_) {
    rows_.clear();
    rows_for_ = 0;
    rows_filter_ = filter;
  }
  if (rows_for_ < s.fills.size()) {
    std::vector<std::size_t> fresh;  // newest first
    for (std::size_t i = s.fills.size(); i-- > rows_for_;)
      if (matches(s.fills[i], filter)) fresh.push_back(i);
    rows_.insert(rows_.begin(), fresh.begin(), fresh.end());
    rows_for_ = s.fills.size();
  }
  const auto cells_of = [&](std::size_t i) { return fill_cells(s.fills[rows_[i]]); };
  ImGui::SameLine(0, em);
  ImGui::TextColored(kColorMuted, "%zu of %zu fills", rows_.size(), s.fills.size());
  ImGui::SameLine();
  export_button(ctx, ids::kFillsExport, "fills.csv", rows_.size(),
                [&] { return table_text(fill_headers(), rows_.size(), cells_of, true); });

  if (!ImGui::BeginTable("##fills", 8, kListTableFlags | ImGuiTableFlags_Resizable)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const std::string& h : fill_headers()) ImGui::TableSetupColumn(h.c_str());
  ImGui::TableHeadersRow();
  const auto tsv = [&] { return table_text(fill_headers(), rows_.size(), cells_of, false); };
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows_.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Fill& f = s.fills[rows_[static_cast<std::size_t>(i)]];
      ImGui::TableNextRow();
      if (selectable_row(
              ctx.frame, "fills/row/" + std::to_string(f.id), std::to_string(f.id), false,
              [&f] { return fill_cells(f); }, tsv))
        ctx.nav.select_ticker(f.symbol.str());
      table_cell(format_clock(f.at));
      table_cell(f.symbol.str());
      ImGui::TableNextColumn();
      ImGui::TextColored(f.side == Side::kBuy ? kColorOk : kColorError, "%s", to_string(f.side));
      table_cell(std::to_string(f.qty));
      table_cell(f.price.to_string());
      table_cell(f.fee.to_string());
      ImGui::TableNextColumn();
      // The order is a click away: its timeline in the Orders view.
      ImGui::PushID(static_cast<int>(f.id));
      if (ImGui::SmallButton(("#" + std::to_string(f.order_id)).c_str())) {
        ctx.nav.order = f.order_id;
        ctx.nav.view = DeskViewId::kOrders;
      }
      ctx.frame.widget(ids::fill_order_link_id(f.id));
      ImGui::PopID();
    }
  ImGui::EndTable();
}

}  // namespace stonks::ui
