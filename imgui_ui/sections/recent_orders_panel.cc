// Recent orders: rows straight from the OrderTable (ids are dense, 1..n).
#include "imgui_ui/sections/recent_orders_panel.h"

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/views/orders_view.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {
namespace {

void order_row(DeskContext& ctx, const Order& o) {
  const OrderIntent& in = o.intent();
  const Timestamp now = ctx.view.now;
  ImGui::TableNextRow();
  table_cell(std::to_string(o.id()));
  table_cell(format_duration(now - o.created_at()));
  table_cell(in.symbol.str());
  table_cell(to_string(in.side));
  table_cell(std::to_string(in.qty));
  table_cell(to_string(in.type));
  table_cell(in.limit_price ? in.limit_price->to_string() : "");
  ImGui::TableNextColumn();
  const bool cancel_asked = ctx.state().cancel_requests.contains(o.id());
  ImGui::TextColored(order_status_color(o.status()), "%s%s", to_string(o.status()),
                     cancel_asked ? ", cancel sent" : "");
  table_cell(std::to_string(o.filled_qty()));
  table_cell(o.filled_qty() > 0 ? o.avg_fill_price().to_string() : "");
  table_cell(in.source);
  std::string reasons;
  for (const Reason& r : o.reasons()) reasons += (reasons.empty() ? "" : "; ") + r.to_string();
  table_cell(reasons);
  if (!reasons.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", reasons.c_str());
  ImGui::TableNextColumn();
  // Offered while the order can still end otherwise; asking again resends it.
  if (!is_terminal(o.status()) && recorded_button(ctx.frame, ids::order_cancel_id(o.id()), "Cancel", true))
    cancel_order(ctx, o.id());
}

}  // namespace

void draw_recent_orders(DeskContext& ctx, float height) {
  const OrderTable& orders = ctx.state().orders;
  if (ImGui::BeginChild("##orders", ImVec2(0, height), true)) {
    const std::string title = "Recent Orders (" + std::to_string(orders.size()) + ")";
    section_header(title.c_str());
    if (orders.empty()) {
      ImGui::TextColored(kColorMuted, "No orders yet. Send one from the ticket.");
    } else if (ImGui::BeginTable("##orders_table", 13, kListTableFlags)) {
      ImGui::TableSetupScrollFreeze(0, 1);
      for (const char* name :
           {"#", "Age", "Ticker", "Side", "Qty", "Type", "Limit", "Status", "Filled", "Avg price", "Source"})
        ImGui::TableSetupColumn(name);
      ImGui::TableSetupColumn("Reasons", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableSetupColumn("");
      ImGui::TableHeadersRow();
      ImGuiListClipper clipper;
      clipper.Begin(static_cast<int>(orders.size()));
      while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
          order_row(ctx, orders.at(orders.size() - static_cast<OrderId>(i)));  // newest first
      ImGui::EndTable();
    }
  }
  ImGui::EndChild();
}

}  // namespace stonks::ui
