// Market view: watch table and chart.
#include "imgui_ui/views/market_view.h"

#include <algorithm>
#include <cmath>

#include "imgui_ui/model/market_rows.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/charts.h"
#include "imgui_ui/widgets/controls.h"
#include "imgui_ui/widgets/table_tools.h"

namespace stonks::ui {
namespace {

constexpr int kColumns = 9;

MarketColumn column_of(int index) {
  switch (index) {
    case 2:
      return MarketColumn::kLast;
    case 3:
      return MarketColumn::kChange;
    case 4:
      return MarketColumn::kChangePct;
    case 5:
      return MarketColumn::kBid;
    case 6:
      return MarketColumn::kAsk;
    case 7:
      return MarketColumn::kSpread;
    default:
      return MarketColumn::kTicker;
  }
}

std::string opt(const std::optional<Price>& p) { return p ? p->to_string() : ""; }

std::vector<std::string> cells(const MarketRow& r) {
  return {r.symbol.str(),
          r.locked ? "locked" : "",
          opt(r.last),
          r.change ? format_signed(*r.change) : "",
          r.change_bps ? format_bps_percent(*r.change_bps) : "",
          opt(r.bid),
          opt(r.ask),
          opt(r.spread)};
}

const std::vector<std::string>& headers() {
  static const std::vector<std::string> h = {"Ticker", "Lock", "Last", "Chg", "Chg %", "Bid", "Ask", "Spread"};
  return h;
}

}  // namespace

void MarketView::draw(DeskContext& ctx) {
  const float em = ImGui::GetFontSize();
  const float watch = std::clamp(ImGui::GetContentRegionAvail().x * 0.45f, em * 30, em * 44);
  if (ImGui::BeginChild("##watch", ImVec2(watch, 0))) draw_watch(ctx, watch);
  ImGui::EndChild();
  ImGui::SameLine();
  if (ImGui::BeginChild("##chart", ImVec2(0, 0))) draw_chart(ctx);
  ImGui::EndChild();
}

void MarketView::draw_watch(DeskContext& ctx, float) {
  const float em = ImGui::GetFontSize();
  section_header("Market Watch");
  filter_field(ctx.frame, ids::kMarketFilter, "Filter", filter, sizeof filter, em * 6);
  ImGui::SameLine(0, em);
  ImGui::TextColored(kColorMuted, "Stale after");
  ImGui::SameLine();
  if (recorded_input_int(ctx.frame, ids::kMarketStaleAfter, stale_after_seconds, em * 3))
    stale_after_seconds = std::clamp(stale_after_seconds, 1, 3600);
  ImGui::SameLine();
  ImGui::TextColored(kColorMuted, "s");

  const ImGuiTableFlags flags = kListTableFlags | ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable("##market_watch", kColumns, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Ticker", ImGuiTableColumnFlags_DefaultSort);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort);
  for (const char* name : {"Last", "Chg", "Chg %", "Bid", "Ask", "Spread"}) ImGui::TableSetupColumn(name);
  ImGui::TableSetupColumn("Recent", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
    sort_column_ = column_of(specs->Specs[0].ColumnIndex);
    ascending_ = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
  }
  const std::vector<MarketRow> rows =
      market_rows(ctx.state(), ctx.view.history, ctx.view.now, filter, sort_column_, ascending_);
  const auto table_tsv = [&rows] {
    return table_text(
        headers(), rows.size(), [&](std::size_t i) { return cells(rows[i]); }, false);
  };
  for (const MarketRow& r : rows) {
    ImGui::TableNextRow();
    const std::string ticker = r.symbol.str();
    if (selectable_row(
            ctx.frame, ids::market_row_id(ticker), ticker, ctx.nav.ticker == ticker, [&r] { return cells(r); },
            table_tsv))
      ctx.nav.select_ticker(ticker);
    ImGui::TableNextColumn();
    if (r.locked) {
      badge("LOCK", kColorWarn);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.lock_reason.c_str());
    }
    table_cell(opt(r.last));
    const ImVec4& c =
        !r.change || r.change->micros() == 0 ? kColorText : (r.change->micros() > 0 ? kColorOk : kColorError);
    ImGui::TableNextColumn();
    ImGui::TextColored(c, "%s", r.change ? format_signed(*r.change).c_str() : "");
    ImGui::TableNextColumn();
    ImGui::TextColored(c, "%s", r.change_bps ? format_bps_percent(*r.change_bps).c_str() : "");
    table_cell(opt(r.bid));
    table_cell(opt(r.ask));
    table_cell(opt(r.spread));
    ImGui::TableNextColumn();
    const std::vector<Price> recent = recent_prices(ctx.state().market, r.symbol, 60);
    draw_sparkline(recent, ImVec2(std::max(ImGui::GetContentRegionAvail().x, em * 4), ImGui::GetTextLineHeight()),
                   recent.size() < 2 || recent.back() >= recent.front());
  }
  ImGui::EndTable();
}

void MarketView::draw_chart(DeskContext& ctx) {
  const std::string& ticker = ctx.nav.ticker;
  section_header(ticker.empty() ? "Chart" : (ticker + " chart").c_str());
  for (const auto& [value, name] : EnumNames<CandleLength>::table) {
    if (choice_button(ctx.frame, ids::chart_length_id(name), name, length == value)) length = value;
    ImGui::SameLine();
  }
  ImGui::TextColored(kColorMuted, "wheel: zoom, drag: pan");
  if (ticker.empty()) {
    ImGui::TextColored(kColorMuted, "Select a ticker in the watch to chart it.");
    return;
  }
  if (charted_ != ticker) {
    window_ = ChartWindow{};
    charted_ = ticker;
  }
  static const std::deque<Candle> kNone;
  const Result<Symbol> parsed = Symbol::parse(ticker);
  const Symbol symbol = parsed.is_ok() ? parsed.value() : Symbol();
  const CandleSeries* series = ctx.view.history && parsed.is_ok() ? ctx.view.history->candles(symbol, length) : nullptr;
  const std::deque<Candle>& candles = series ? series->candles() : kNone;

  // Our fills among the candles shown, and the spans the ticker was locked out.
  std::vector<ChartMarker> markers;
  std::vector<ChartSpan> spans;
  const EngineState& s = ctx.state();
  if (!candles.empty()) {
    // Only the fills near the candles in view: the window as it stands, and
    // a span either side for this frame's zoom or drag, which moves it
    // before the chart draws.
    fills_.update(s.fills);
    const ChartWindow w = settle_window(window_, candles.size());
    const double last = static_cast<double>(candles.size() - 1);
    const Timestamp from = candles[static_cast<std::size_t>(std::clamp(std::floor(w.first - w.span), 0.0, last))].start;
    const double to_index = std::ceil(w.first + 2 * w.span);
    const Timestamp to = to_index > last ? Timestamp::max() : candles[static_cast<std::size_t>(to_index)].start;
    for (std::size_t i : fills_.between(s.fills, symbol, from, to))
      markers.push_back({s.fills[i].at, s.fills[i].price, s.fills[i].side == Side::kBuy});
    for (const auto& [id, l] : s.lockouts.all()) {
      if (l.symbol != symbol) continue;
      Timestamp end = l.removed_at ? *l.removed_at : l.expires_at;
      if (l.active_at(ctx.view.now)) end = std::min(end, ctx.view.now);
      spans.push_back({l.created_at, end});
    }
  }
  const CandleChartShown shown = draw_candle_chart("##candles", candles, window_, ImVec2(0, 0), markers, spans);
  ctx.frame.widget(ids::kMarketChart);
  ctx.frame.message(ids::kMarketChart, chart_summary(ticker + " " + to_string(length), shown), false);
}

}  // namespace stonks::ui
