// Audit & News view.
#include "imgui_ui/views/audit_view.h"

#include <cstdio>

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/model/order_rows.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"
#include "imgui_ui/widgets/table_tools.h"

namespace stonks::ui {

void AuditView::follow(DeskContext& ctx) {
  std::optional<std::string> path = feed_.next_request(ctx.state().last_seq);
  if (!path) return;
  // The reply reads the state of its own frame: the desk outlives its requests.
  const EngineState* state = &ctx.state();
  ctx.requests.send("GET", *path, nullptr, [this, state](const ApiReply& r) {
    if (!r.ok()) {
      error_ = "The audit log could not be read: " + r.error_text();
      feed_.on_failure();
      return;
    }
    error_.clear();
    if (Status st = feed_.on_page(r.body, *state); !st.is_ok()) error_ = st.to_string();
  });
}

const std::vector<const AuditRow*>& AuditView::rows() {
  // The feed only appends and lets the oldest go: its size and what it let
  // go say when it changed.
  Key key{feed_.rows().size(), feed_.dropped(), filter};
  if (rows_key_ == key) return rows_;
  rows_.clear();
  for (auto it = feed_.rows().rbegin(); it != feed_.rows().rend(); ++it)
    if (matches(*it, filter)) rows_.push_back(&*it);
  rows_key_ = std::move(key);
  return rows_;
}

void AuditView::draw(DeskContext& ctx) {
  const float height = ImGui::GetContentRegionAvail().y;
  draw_log(ctx, height * 0.62f);
  draw_news(ctx);
}

void AuditView::draw_log(DeskContext& ctx, float height) {
  if (!ImGui::BeginChild("##audit", ImVec2(0, height), true)) {
    ImGui::EndChild();
    return;
  }
  const float em = ImGui::GetFontSize();
  section_header("Audit log");
  if (filter_field(ctx.frame, ids::kAuditAction, "Action", action_, sizeof action_, em * 7)) filter.action = action_;
  ImGui::SameLine(0, em);
  if (filter_field(ctx.frame, ids::kAuditActor, "Actor", actor_, sizeof actor_, em * 6)) filter.actor = actor_;
  ImGui::SameLine(0, em);
  if (filter_field(ctx.frame, ids::kAuditTicker, "Ticker", ticker_, sizeof ticker_, em * 5)) filter.ticker = ticker_;
  if (filter.action != action_) std::snprintf(action_, sizeof action_, "%s", filter.action.c_str());
  if (filter.actor != actor_) std::snprintf(actor_, sizeof actor_, "%s", filter.actor.c_str());
  if (filter.ticker != ticker_) std::snprintf(ticker_, sizeof ticker_, "%s", filter.ticker.c_str());

  const std::vector<const AuditRow*>& rows = this->rows();
  const std::string count = std::to_string(rows.size()) + " of " + std::to_string(feed_.rows().size()) + " entries" +
                            (feed_.dropped() ? " (" + std::to_string(feed_.dropped()) + " older not kept)" : "");
  ImGui::SameLine(0, em);
  ImGui::TextColored(kColorMuted, "%s", count.c_str());
  ctx.frame.message(ids::kAuditCount, count, false);
  const auto cells_of = [&rows](std::size_t i) { return audit_cells(*rows[i]); };
  ImGui::SameLine();
  export_button(ctx, ids::kAuditExport, "audit.csv", rows.size(),
                [&] { return table_text(audit_headers(), rows.size(), cells_of, true); });
  if (!error_.empty()) inline_note(ctx.frame, ids::kAuditCount, error_, true);

  if (ImGui::BeginTable("##audit_table", 7, kListTableFlags | ImGuiTableFlags_Resizable)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* h : {"Seq", "Time", "Actor", "Action", "Target", "Ticker"}) ImGui::TableSetupColumn(h);
    ImGui::TableSetupColumn("Reason", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    const auto tsv = [&] { return table_text(audit_headers(), rows.size(), cells_of, false); };
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const AuditRow& r = *rows[static_cast<std::size_t>(i)];
        ImGui::TableNextRow();
        if (selectable_row(
                ctx.frame, ids::audit_row_id(r.seq), std::to_string(r.seq), false, [&r] { return audit_cells(r); },
                tsv) &&
            !r.ticker.empty())
          ctx.nav.select_ticker(r.ticker);
        if (ImGui::IsItemHovered() && r.details != "{}") ImGui::SetTooltip("%s", r.details.c_str());
        table_cell(r.at);
        table_cell(r.actor);
        table_cell(r.action);
        table_cell(r.target);
        table_cell(r.ticker);
        table_cell(r.reason);
      }
    ImGui::EndTable();
  }
  ImGui::EndChild();
}

void AuditView::draw_news(DeskContext& ctx) {
  if (!ImGui::BeginChild("##news", ImVec2(0, 0), true)) {
    ImGui::EndChild();
    return;
  }
  const std::deque<NewsEvent>& news = ctx.state().recent_news;
  section_header(("Headlines (the newest " + std::to_string(news.size()) + ")").c_str());
  filter_field(ctx.frame, ids::kNewsTicker, "Ticker", news_ticker_, sizeof news_ticker_, ImGui::GetFontSize() * 5);
  if (ImGui::BeginTable("##news_table", 4, kListTableFlags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* h : {"Time", "Ticker", "Severity"}) ImGui::TableSetupColumn(h);
    ImGui::TableSetupColumn("Headline", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (auto it = news.rbegin(); it != news.rend(); ++it) {
      if (news_ticker_[0] && !equal_folded(it->symbol.str(), news_ticker_)) continue;
      ImGui::TableNextRow();
      table_cell(format_clock(it->at));
      table_cell(it->symbol.str());
      ImGui::TableNextColumn();
      ImGui::TextColored(it->severity >= 70 ? kColorError : (it->severity >= 40 ? kColorWarn : kColorText), "%d",
                         it->severity);
      table_cell(it->headline);
    }
    ImGui::EndTable();
  }
  ImGui::EndChild();
}

}  // namespace stonks::ui
