// The Broker section: the server's GET /api/broker beside the replica's state.
#include "imgui_ui/views/broker_panel.h"

#include <map>

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/sections/account_strip.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {
namespace {

// A line of plain text, recorded as a message at `where` for the tests.
void status_line(FrameRecord& frame, const char* where, const std::string& text, const ImVec4& color) {
  ImGui::TextColored(color, "%s", text.c_str());
  frame.message(where, text, false);
}

void draw_link(DeskContext& ctx, const BrokerStatus& s) {
  switch (s.link) {
    case BrokerStatus::Link::kUnknown:
      status_line(ctx.frame, ids::kBrokerLink, "No request to the broker has ended yet", kColorMuted);
      break;
    case BrokerStatus::Link::kConnected:
      status_line(ctx.frame, ids::kBrokerLink, "Connected", kColorOk);
      break;
    case BrokerStatus::Link::kFailing:
      inline_note(ctx.frame, ids::kBrokerLink,
                  "Failing since " + (s.failing_since ? format_clock(*s.failing_since) : std::string("?")) + ": " +
                      s.last_error,
                  true);
      break;
  }
  if (s.link == BrokerStatus::Link::kConnected && s.last_error_at)
    status_line(ctx.frame, ids::kBrokerLink, "Last error " + format_clock(*s.last_error_at) + ": " + s.last_error,
                kColorMuted);
  status_line(ctx.frame, ids::kBrokerLatency,
              s.latency_ms ? "Latency " + std::to_string(*s.latency_ms) + " ms" : std::string("Latency unknown"),
              kColorText);
  if (!s.rate) {
    status_line(ctx.frame, ids::kBrokerRateLimit, "Rate budget unknown", kColorMuted);
    return;
  }
  const BrokerStatus::RateBudget& r = *s.rate;
  const std::string text = "Rate budget " + std::to_string(r.remaining) + "/" + std::to_string(r.limit) +
                           ", refills at " + format_clock(r.reset) + " (in " + format_duration(r.reset - ctx.view.now) +
                           ")";
  status_line(ctx.frame, ids::kBrokerRateLimit, text, r.remaining == 0 ? kColorWarn : kColorText);
}

void figure_row(const char* name, const std::string& engine, const std::string& broker, bool differs) {
  ImGui::TableNextRow();
  table_cell(name);
  table_cell(engine);
  ImGui::TableNextColumn();
  ImGui::TextColored(differs ? kColorError : kColorText, "%s", broker.c_str());
}

void draw_account(DeskContext& ctx, const BrokerHoldings& h, bool cash_differs) {
  if (!ImGui::BeginTable("##broker_account", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
  for (const char* name : {"Account", "Engine", "Broker"}) ImGui::TableSetupColumn(name);
  ImGui::TableHeadersRow();
  const Portfolio& p = ctx.state().portfolio;
  const auto broker = [&](Money BrokerAccount::*field) {
    return h.account ? ((*h.account).*field).to_string() : std::string("?");
  };
  figure_row("Cash", p.cash().to_string(), broker(&BrokerAccount::cash), cash_differs);
  figure_row("Buying power", desk_buying_power(ctx.state(), ctx.view.now).to_string(),
             broker(&BrokerAccount::buying_power), false);
  figure_row("Equity", p.equity_at(ctx.state().valuation.market_value()).to_string(), broker(&BrokerAccount::equity),
             false);
  ImGui::EndTable();
}

void draw_positions(DeskContext& ctx, const BrokerHoldings& h) {
  // Every symbol either side holds: (engine qty, broker qty or nothing known).
  std::map<Symbol, std::pair<Quantity, std::optional<Quantity>>> rows;
  for (const auto& [symbol, pos] : ctx.state().portfolio.positions())
    if (pos.qty != 0) rows[symbol].first = pos.qty;
  if (h.positions) {
    for (auto& [symbol, row] : rows) row.second = 0;
    for (const BrokerPosition& b : *h.positions) rows[b.symbol].second = rows[b.symbol].second.value_or(0) + b.qty;
  }
  if (rows.empty()) {
    ImGui::TextColored(kColorMuted, "No positions on either side.");
    return;
  }
  if (!ImGui::BeginTable("##broker_positions", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
  for (const char* name : {"Position", "Engine", "Broker"}) ImGui::TableSetupColumn(name);
  ImGui::TableHeadersRow();
  for (const auto& [symbol, q] : rows)
    figure_row(symbol.str().c_str(), std::to_string(q.first), q.second ? std::to_string(*q.second) : "?",
               q.second && *q.second != q.first);
  ImGui::EndTable();
}

}  // namespace

void draw_broker_panel(DeskContext& ctx, const BrokerStatusView& broker) {
  section_header("Broker");
  if (!broker.fetch_error.empty())
    inline_note(ctx.frame, ids::kBrokerLink, "Broker status not updated: " + broker.fetch_error, true);
  if (!broker.received) {
    ImGui::TextColored(kColorMuted, "Asking the server about its broker...");
    return;
  }
  const BrokerStatus& s = broker.status;
  draw_link(ctx, s);

  const std::vector<BrokerDifference> differences = reconcile(ctx.state(), s.holdings);
  bool cash_differs = false;
  for (const BrokerDifference& d : differences) cash_differs |= d.kind == BrokerDifference::Kind::kCash;
  ImGui::Spacing();
  draw_account(ctx, s.holdings, cash_differs);
  ImGui::Spacing();
  draw_positions(ctx, s.holdings);
  if (s.holdings_at) ImGui::TextColored(kColorMuted, "Broker figures from %s", format_clock(*s.holdings_at).c_str());
  // Said, never resolved: the operator decides which side is right.
  for (const BrokerDifference& d : differences)
    inline_note(ctx.frame, ids::kBrokerDifferences, "Broker and engine differ: " + d.describe(), true);
  if (differences.empty() && s.holdings.account && s.holdings.positions)
    status_line(ctx.frame, ids::kBrokerDifferences, "Broker and engine agree", kColorOk);
}

}  // namespace stonks::ui
