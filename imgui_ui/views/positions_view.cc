// Positions view: positions table, account figures, equity curve.
#include "imgui_ui/views/positions_view.h"

#include <cstdlib>

#include "imgui_ui/model/book_rows.h"
#include "imgui_ui/sections/account_strip.h"
#include "imgui_ui/sections/order_outcome.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/charts.h"
#include "imgui_ui/widgets/controls.h"
#include "imgui_ui/widgets/table_tools.h"

namespace stonks::ui {
namespace {

const ImVec4& pnl_color(Money m) { return m < Money() ? kColorError : (m > Money() ? kColorOk : kColorText); }

void money_cell(const std::optional<Money>& m) {
  ImGui::TableNextColumn();
  if (m) ImGui::TextColored(pnl_color(*m), "%s", m->to_string().c_str());
}

// The account's figures as one wrapped row of "name value" pairs, each also a message.
void figures(DeskContext& ctx, const std::vector<std::pair<std::string, Money>>& items) {
  bool first = true;
  for (const auto& [name, value] : items) {
    if (!first) ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    first = false;
    ImGui::TextColored(kColorMuted, "%s", name.c_str());
    ImGui::SameLine();
    ImGui::Text("%s", value.to_string().c_str());
    ctx.frame.message(ids::kAccountFigures, name + ": " + value.to_string(), false);
  }
}

}  // namespace

void PositionsView::draw(DeskContext& ctx) {
  const EngineState& s = ctx.state();
  today_.update(s.fills, ctx.view.now);
  const PositionTable table = position_table(s, ctx.view.history, ctx.view.now, today_);
  const float height = ImGui::GetContentRegionAvail().y;
  if (ImGui::BeginChild("##positions", ImVec2(0, height * 0.45f), true)) {
    section_header(("Positions (" + std::to_string(table.rows.size()) + ")").c_str());
    if (table.rows.empty()) {
      ImGui::TextColored(kColorMuted, "No positions yet. Buy from the ticket (Trading Controls) or the market watch.");
    } else if (ImGui::BeginTable("##positions_table", 9, kListTableFlags | ImGuiTableFlags_Resizable)) {
      ImGui::TableSetupScrollFreeze(0, 1);
      for (const std::string& h : position_headers()) ImGui::TableSetupColumn(h.c_str());
      ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableHeadersRow();
      const auto tsv = [&table] {
        return table_text(
            position_headers(), table.rows.size(), [&](std::size_t i) { return position_cells(table.rows[i]); }, false);
      };
      for (const PositionRow& r : table.rows) {
        ImGui::TableNextRow();
        const std::string ticker = r.symbol.str();
        if (selectable_row(
                ctx.frame, ids::position_row_id(ticker), ticker, ctx.nav.ticker == ticker,
                [&r] { return position_cells(r); }, tsv))
          ctx.nav.select_ticker(ticker);
        table_cell(std::to_string(r.qty));
        table_cell(r.qty == 0 ? "" : r.avg_cost.to_string());
        table_cell(r.last ? r.last->to_string() : "");
        table_cell(r.market_value.to_string());
        money_cell(r.qty == 0 ? std::optional<Money>() : r.unrealized);
        money_cell(r.realized);
        money_cell(r.day_pnl);
        ImGui::TableNextColumn();
        if (r.qty != 0 && recorded_button(ctx.frame, ids::position_close_id(ticker), "Close"))
          ask_close(ctx, r.symbol, r.qty);
      }
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextColored(kColorMuted, "Total");
      table_cell("");
      table_cell("");
      table_cell("");
      table_cell(table.market_value.to_string());
      money_cell(table.unrealized);
      money_cell(table.realized);
      money_cell(table.day_pnl);
      for (const auto& [name, value] :
           {std::pair<const char*, std::optional<Money>>{"Market value", table.market_value},
            {"Unrealized", table.unrealized},
            {"Realized", table.realized},
            {"Day P&L", table.day_pnl}})
        ctx.frame.message(ids::kPositionsTotals, std::string(name) + ": " + (value ? value->to_string() : "unknown"),
                          false);
      ImGui::EndTable();
    }
  }
  ImGui::EndChild();

  if (ImGui::BeginChild("##account", ImVec2(0, 0), true)) {
    section_header("Account");
    const Portfolio& p = s.portfolio;
    const Money mv = s.valuation.market_value();
    figures(ctx, {{"Cash", p.cash()},
                  {"Equity", p.equity_at(mv)},
                  {"Buying power", desk_buying_power(s, ctx.view.now)},
                  {"Realized", p.realized_pnl()},
                  {"Unrealized", s.valuation.unrealized_pnl()},
                  {"Day P&L", p.day_pnl_at(mv)},
                  {"Fees", p.fees_paid()},
                  {"Gross exposure", s.valuation.gross_exposure()}});
    ImGui::TextColored(kColorMuted, "Equity over the session (drawdowns shaded)");
    static const std::vector<SeriesPoint> kNone;
    draw_line_chart("##equity", ctx.view.history ? ctx.view.history->equity() : kNone, ImVec2(0, 0));
    ctx.frame.widget(ids::kEquityChart);
  }
  ImGui::EndChild();
}

void PositionsView::ask_close(DeskContext& ctx, const Symbol& symbol, Quantity qty) {
  const Side side = qty > 0 ? Side::kSell : Side::kBuy;
  const Quantity size = std::llabs(qty);
  const std::string what =
      std::string(side == Side::kSell ? "Sell " : "Buy ") + std::to_string(size) + " " + symbol.str() + " at market";
  ModalSpec spec;
  spec.title = "Close " + symbol.str() + "?";
  spec.body = what +
              " to close the position. It goes through the risk checks and, when approvals are held, waits "
              "for approval like any order.";
  spec.ok_label = "Send";
  spec.on_ok = [&requests = ctx.requests, &toasts = ctx.toasts, symbol, side, size](const std::string&) {
    const nlohmann::json body = {
        {"ticker", symbol.str()}, {"side", to_string(side)}, {"qty", size}, {"type", "market"}};
    requests.send("POST", "/api/orders", body, [&toasts](const ApiReply& r) {
      const OrderOutcome o = submit_outcome(r);
      if (o.refused)
        toasts.error("Close: " + o.text());
      else
        toasts.info("Close: " + o.text());
    });
  };
  ctx.modal.open(std::move(spec));
}

}  // namespace stonks::ui
