// Scorecard view.
#include "imgui_ui/views/scorecard_view.h"

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"
#include "imgui_ui/widgets/table_tools.h"

namespace stonks::ui {
namespace {

std::string signed_money(Money m) { return (m.micros() > 0 ? "+" : "") + m.to_string(); }

void draw_lines(DeskContext& ctx, const char* table, const char* kind, const std::map<std::string, ScoreLine>& lines) {
  if (!ImGui::BeginTable(table, 7, kListTableFlags | ImGuiTableFlags_Resizable, ImVec2(0, 0))) return;
  for (const char* h :
       {kind, "Approved", "Filled", "Approved P&L", "Rejected", "Rejected P&L (counterfactual)", "Expired"})
    ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  for (const auto& [key, l] : lines) {
    ImGui::TableNextRow();
    const std::vector<std::string> cells = {key,
                                            std::to_string(l.approved),
                                            std::to_string(l.approved_filled),
                                            signed_money(l.approved_pnl),
                                            std::to_string(l.rejected),
                                            signed_money(l.rejected_pnl),
                                            std::to_string(l.expired)};
    std::string row;
    for (const std::string& c : cells) {
      table_cell(c);
      row += (row.empty() ? "" : "\t") + c;
    }
    ctx.frame.message(ids::scorecard_row_id(kind, key), row, false);
  }
  ImGui::EndTable();
}

}  // namespace

void ScorecardView::draw(DeskContext& ctx) {
  const EngineState& s = ctx.state();
  const double t = ImGui::GetTime();
  if (made_for_ != &s || (s.last_seq != made_at_seq_ && t - made_at_time_ >= 1.0) || s.last_seq < made_at_seq_) {
    card_ = make_scorecard(s);
    made_for_ = &s;
    made_at_seq_ = s.last_seq;
    made_at_time_ = t;
  }
  const ScoreLine& total = card_.total;
  section_header("Your calls");
  const std::string waits = card_.decisions == 0
                                ? "No decisions yet."
                                : std::to_string(card_.decisions) + " decisions: median wait " +
                                      format_duration(*card_.median_wait) + ", p90 " + format_duration(*card_.p90_wait);
  const std::string expired = std::to_string(total.expired) + " expired unanswered";
  const std::string approved = "Approved: " + std::to_string(total.approved) + " (" +
                               std::to_string(total.approved_filled) + " filled), P&L at the current price " +
                               signed_money(total.approved_pnl);
  const std::string rejected = "Rejected: " + std::to_string(total.rejected) + ", would have made " +
                               signed_money(total.rejected_pnl) +
                               " (counterfactual: filled at the price of that moment, marked at the current price)";
  // What the rejections were worth: the P&L they kept off the book.
  const Money value = total.approved_pnl - total.rejected_pnl;
  const std::string verdict = "Your calls vs. approving everything: " + signed_money(value);
  for (const std::string* line : {&waits, &expired, &approved, &rejected, &verdict}) {
    ImGui::TextUnformatted(line->c_str());
    ctx.frame.message(ids::kScorecardSummary, *line, false);
  }
  if (total.unmarked)
    ImGui::TextColored(kColorWarn, "%d orders have no current price and are left out of the P&L", total.unmarked);
  ImGui::TextColored(kColorMuted,
                     "From the approval trail: halt & flatten's closes and auto-approved orders are not calls.");
  ImGui::Spacing();
  const float half = ImGui::GetContentRegionAvail().y * 0.5f;
  section_header("By source");
  if (ImGui::BeginChild("##score_sources", ImVec2(0, half - ImGui::GetFrameHeightWithSpacing())))
    draw_lines(ctx, "##by_source", "source", card_.by_source);
  ImGui::EndChild();
  section_header("By ticker");
  if (ImGui::BeginChild("##score_tickers", ImVec2(0, 0))) draw_lines(ctx, "##by_ticker", "ticker", card_.by_ticker);
  ImGui::EndChild();
}

}  // namespace stonks::ui
