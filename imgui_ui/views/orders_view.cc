// Orders view: blotter, timeline, cancel and export.
#include "imgui_ui/views/orders_view.h"

#include <cstring>

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/model/order_timeline.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"
#include "imgui_ui/widgets/table_tools.h"

namespace stonks::ui {
namespace {

const char* status_filter_label(const OrderFilter& f) {
  return f.status == OrderFilter::Status::kOne ? to_string(f.one) : to_string(f.status);
}

const ImVec4& timeline_color(TimelineEntry::Kind k) {
  switch (k) {
    case TimelineEntry::Kind::kGood:
      return kColorOk;
    case TimelineEntry::Kind::kBad:
      return kColorError;
    case TimelineEntry::Kind::kWaiting:
      return kColorWarn;
    case TimelineEntry::Kind::kInfo:
      return kColorText;
  }
  return kColorText;
}

// Whether the rows can change while no order comes: what the filter or the
// sort reads moves as orders go through (status, fills, reasons; the free
// text reads every cell).
bool reads_progress(const OrderFilter& f, const OrderSort& sort) {
  switch (sort.column) {
    case OrderColumn::kStatus:
    case OrderColumn::kFilled:
    case OrderColumn::kAvgPrice:
    case OrderColumn::kReasons:
      return true;
    default:
      return f.status != OrderFilter::Status::kAll || !f.text.empty();
  }
}

}  // namespace

void cancel_order(DeskContext& ctx, OrderId id) {
  ctx.requests.send("POST", "/api/orders/" + std::to_string(id) + "/cancel", nlohmann::json::object(),
                    [toasts = &ctx.toasts, id](const ApiReply& r) {
                      const std::string name = "Order #" + std::to_string(id);
                      if (!r.ok()) {
                        toasts->error("Could not cancel #" + std::to_string(id) + ": " + r.error_text());
                      } else if (json_member(r.body, "cancel_request").is_object()) {
                        toasts->info(name + ": cancel sent to the broker; its answer decides (a fill may win)");
                      } else {
                        toasts->info(name + " " + json_string(r.body, "status") + ".");
                      }
                    });
}

const std::vector<OrderId>& OrdersView::rows(const EngineState& s) {
  const bool progress = reads_progress(filter, sort);
  Key key{s.orders.size(), 0, 0, 0, 0, filter, sort};
  if (progress) {
    key.fills = s.fills.size();
    key.open = s.open_orders.size();
    key.approvals = s.approvals.all().size();
    key.pending = s.approvals.pending_count();
  }
  ++age_;
  const bool stale = progress && s.last_seq != rows_seq_ && age_ >= kRefreshFrames;
  if (!made_ || !(key == key_) || stale) {
    rows_ = select_orders(s.orders, filter, sort);
    key_ = std::move(key);
    rows_seq_ = s.last_seq;
    age_ = 0;
    made_ = true;
  }
  return rows_;
}

void OrdersView::draw(DeskContext& ctx) {
  draw_filters(ctx);
  const float height = ImGui::GetContentRegionAvail().y;
  draw_table(ctx, ctx.nav.order ? height * 0.62f : 0);
  if (ctx.nav.order) draw_timeline(ctx);
}

void OrdersView::draw_filters(DeskContext& ctx) {
  const float em = ImGui::GetFontSize();
  ImGui::TextColored(kColorMuted, "Status");
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::kOrdersStatus, status_filter_label(filter))) ImGui::OpenPopup("##status_menu");
  if (ImGui::BeginPopup("##status_menu")) {
    auto choice = [&](const char* name, OrderFilter::Status st, OrderStatus one) {
      if (ImGui::Selectable(name)) {
        filter.status = st;
        filter.one = one;
      }
      ctx.frame.widget(ids::orders_status_choice_id(name));
    };
    for (OrderFilter::Status st : {OrderFilter::Status::kAll, OrderFilter::Status::kOpen, OrderFilter::Status::kDone})
      choice(to_string(st), st, filter.one);
    for (const auto& [status, name] : EnumNames<OrderStatus>::table) choice(name, OrderFilter::Status::kOne, status);
    ImGui::EndPopup();
  }
  ImGui::SameLine(0, em);
  ImGui::TextColored(kColorMuted, "Side");
  ImGui::SameLine();
  const char* side = filter.side ? to_string(*filter.side) : "all";
  if (recorded_button(ctx.frame, ids::kOrdersSide, side)) {
    if (!filter.side)
      filter.side = Side::kBuy;
    else if (*filter.side == Side::kBuy)
      filter.side = Side::kSell;
    else
      filter.side.reset();
  }
  ImGui::SameLine(0, em);
  if (filter_field(ctx.frame, ids::kOrdersTicker, "Ticker", ticker_, sizeof ticker_, em * 5)) filter.ticker = ticker_;
  ImGui::SameLine(0, em);
  if (filter_field(ctx.frame, ids::kOrdersSource, "Source", source_, sizeof source_, em * 7)) filter.source = source_;
  ImGui::SameLine(0, em);
  if (filter_field(ctx.frame, ids::kOrdersText, "Text", text_, sizeof text_, em * 8)) filter.text = text_;
  // Filters restored from the settings show in their fields.
  if (filter.ticker != ticker_) std::snprintf(ticker_, sizeof ticker_, "%s", filter.ticker.c_str());
  if (filter.source != source_) std::snprintf(source_, sizeof source_, "%s", filter.source.c_str());
  if (filter.text != text_) std::snprintf(text_, sizeof text_, "%s", filter.text.c_str());
}

void OrdersView::draw_table(DeskContext& ctx, float height) {
  const EngineState& s = ctx.state();
  const std::vector<OrderId>& ids_shown = rows(s);
  const auto cells_of = [&s, &ids_shown](std::size_t i) { return order_cells(s.orders.at(ids_shown[i])); };
  const std::string count = std::to_string(ids_shown.size()) + " of " + std::to_string(s.orders.size()) + " orders";
  ImGui::TextColored(kColorMuted, "%s", count.c_str());
  ctx.frame.message(ids::kOrdersCount, count, false);
  ImGui::SameLine();
  export_button(ctx, ids::kOrdersExport, "orders.csv", ids_shown.size(),
                [&] { return table_text(order_headers(), ids_shown.size(), cells_of, true); });

  const ImGuiTableFlags flags = kListTableFlags | ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_Hideable | ImGuiTableFlags_Reorderable;
  if (!ImGui::BeginTable("##blotter", kOrderColumns + 1, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (int c = 0; c < kOrderColumns; ++c) {
    ImGuiTableColumnFlags f = 0;
    if (c == 0) f |= ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending;
    if (c == kOrderColumns - 1) f |= ImGuiTableColumnFlags_WidthStretch;
    ImGui::TableSetupColumn(order_headers()[static_cast<std::size_t>(c)].c_str(), f);
  }
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
    sort.column = static_cast<OrderColumn>(std::min<int>(specs->Specs[0].ColumnIndex, kOrderColumns - 1));
    sort.ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
  }
  const auto tsv = [&] { return table_text(order_headers(), ids_shown.size(), cells_of, false); };
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(ids_shown.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Order& o = s.orders.at(ids_shown[static_cast<std::size_t>(i)]);
      const OrderIntent& in = o.intent();
      ImGui::TableNextRow();
      if (selectable_row(
              ctx.frame, ids::order_row_id(o.id()), std::to_string(o.id()), ctx.nav.order == o.id(),
              [&o] { return order_cells(o); }, tsv)) {
        ctx.nav.order = ctx.nav.order == o.id() ? 0 : o.id();
        ctx.nav.select_ticker(in.symbol.str());
      }
      table_cell(format_clock(o.created_at()));
      table_cell(in.symbol.str());
      table_cell(to_string(in.side));
      table_cell(std::to_string(in.qty));
      table_cell(to_string(in.type));
      table_cell(in.limit_price ? in.limit_price->to_string() : "");
      ImGui::TableNextColumn();
      const bool cancel_asked = s.cancel_requests.contains(o.id());
      ImGui::TextColored(order_status_color(o.status()), "%s%s", to_string(o.status()),
                         cancel_asked ? ", cancel sent" : "");
      table_cell(std::to_string(o.filled_qty()));
      table_cell(o.filled_qty() > 0 ? o.avg_fill_price().to_string() : "");
      table_cell(in.source);
      ImGui::TableNextColumn();
      if (!o.reasons().empty()) {
        const std::string reasons = order_cells(o).back();
        ImGui::TextUnformatted(reasons.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", reasons.c_str());
      }
      ImGui::TableNextColumn();
      // Offered while the order can still end otherwise; asking again resends it.
      if (!is_terminal(o.status()) && recorded_button(ctx.frame, ids::order_cancel_id(o.id()), "Cancel"))
        cancel_order(ctx, o.id());
    }
  ImGui::EndTable();
}

void OrdersView::draw_timeline(DeskContext& ctx) {
  if (!ImGui::BeginChild("##timeline", ImVec2(0, 0), true)) {
    ImGui::EndChild();
    return;
  }
  const OrderId id = ctx.nav.order;
  const Order* o = ctx.state().order(id);
  section_header(("Order #" + std::to_string(id) + " timeline").c_str());
  if (o && !is_terminal(o->status())) {
    ImGui::SameLine();
    if (recorded_button(ctx.frame, ids::order_cancel_id(id) + "/timeline", "Cancel order")) cancel_order(ctx, id);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Close timeline")) ctx.nav.order = 0;
  if (ImGui::BeginTable("##timeline_table", 3, kListTableFlags)) {
    ImGui::TableSetupColumn("Time");
    ImGui::TableSetupColumn("Step");
    ImGui::TableSetupColumn("Detail", ImGuiTableColumnFlags_WidthStretch);
    for (const TimelineEntry& e : order_timeline(ctx.state(), id)) {
      ImGui::TableNextRow();
      table_cell(format_clock(e.at));
      ImGui::TableNextColumn();
      ImGui::TextColored(timeline_color(e.kind), "%s", e.what.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", e.detail.c_str());
      ctx.frame.message(ids::kOrderTimeline, e.what + ": " + e.detail, e.kind == TimelineEntry::Kind::kBad);
    }
    ImGui::EndTable();
  }
  ImGui::EndChild();
}

}  // namespace stonks::ui
