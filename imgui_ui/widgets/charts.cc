// The charts: layout from engine/chart, drawing and mouse handling here.
#include "imgui_ui/widgets/charts.h"

#include <algorithm>
#include <cmath>

#include "imgui_ui/model/display_format.h"

namespace stonks::ui {
namespace {

const ImU32 kUp = IM_COL32(72, 200, 110, 255);
const ImU32 kDown = IM_COL32(235, 90, 80, 255);
const ImU32 kGrid = IM_COL32(255, 255, 255, 22);
const ImU32 kAxisText = IM_COL32(160, 166, 172, 255);
const ImU32 kFrame = IM_COL32(255, 255, 255, 40);
const ImU32 kCross = IM_COL32(255, 255, 255, 90);
const ImU32 kLockShade = IM_COL32(255, 170, 40, 38);
const ImU32 kLine = IM_COL32(110, 170, 255, 255);
const ImU32 kDrawdown = IM_COL32(235, 90, 80, 60);

struct Region {
  ImVec2 min, max;  // the whole widget
  ChartBox plot;    // inside the axes
};

// Reserves the widget's rectangle as one item (so the mouse over it is the
// chart's) and leaves room for the price labels on the right and the time
// labels below.
Region reserve(const char* id, ImVec2 size) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (size.x <= 0) size.x = avail.x;
  if (size.y <= 0) size.y = avail.y;
  size.x = std::max(size.x, 120.0f);
  size.y = std::max(size.y, 80.0f);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  const float label_w = ImGui::CalcTextSize("00000.00").x + 8;
  const float label_h = ImGui::GetTextLineHeight() + 4;
  Region r{min, ImVec2(min.x + size.x, min.y + size.y), {}};
  r.plot = ChartBox{min.x + 4, min.y + 4, size.x - label_w - 8, size.y - label_h - 8};
  return r;
}

void draw_axes(ImDrawList* dl, const Region& r, const std::vector<AxisTick>& y_ticks,
               const std::vector<AxisTick>& x_ticks) {
  const ChartBox& p = r.plot;
  dl->AddRect(ImVec2(p.x, p.y), ImVec2(p.x + p.w, p.y + p.h), kFrame);
  for (const AxisTick& t : y_ticks) {
    dl->AddLine(ImVec2(p.x, t.pos), ImVec2(p.x + p.w, t.pos), kGrid);
    dl->AddText(ImVec2(p.x + p.w + 4, t.pos - ImGui::GetTextLineHeight() / 2), kAxisText, t.label.c_str());
  }
  for (const AxisTick& t : x_ticks) {
    dl->AddLine(ImVec2(t.pos, p.y), ImVec2(t.pos, p.y + p.h), kGrid);
    const float w = ImGui::CalcTextSize(t.label.c_str()).x;
    dl->AddText(ImVec2(std::clamp(t.pos - w / 2, p.x, p.x + p.w - w), p.y + p.h + 3), kAxisText, t.label.c_str());
  }
}

bool inside(const ChartBox& p, ImVec2 m) { return m.x >= p.x && m.x <= p.x + p.w && m.y >= p.y && m.y <= p.y + p.h; }

}  // namespace

CandleChartShown draw_candle_chart(const char* id, const std::deque<Candle>& series, ChartWindow& window, ImVec2 size,
                                   const std::vector<ChartMarker>& markers, const std::vector<ChartSpan>& spans) {
  const Region r = reserve(id, size);
  const ImGuiIO& io = ImGui::GetIO();
  // The mouse moves the window before the layout, so this frame shows it.
  if (ImGui::IsItemHovered() && io.MouseWheel != 0 && !series.empty()) {
    const CandleChart before(series, r.plot, window);
    window = zoom_window(window, std::pow(0.85, io.MouseWheel), before.index_at(io.MousePos.x), series.size());
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0) && io.MouseDelta.x != 0 &&
      r.plot.w > 0) {
    const double per_pixel = settle_window(window, series.size()).span / r.plot.w;
    window = pan_window(window, -io.MouseDelta.x * per_pixel, series.size());
  }
  const CandleChart chart(series, r.plot, window);
  window = chart.window();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(r.min, r.max, true);
  CandleChartShown shown{chart.marks().size(), chart.low(), chart.high(), 0};
  if (chart.marks().empty()) {
    dl->AddText(ImVec2(r.plot.x + 8, r.plot.y + 8), kAxisText, "No candles yet: they build from the quotes received.");
    dl->PopClipRect();
    return shown;
  }
  const ChartBox& p = r.plot;
  for (const ChartSpan& s : spans) {
    const float x0 = chart.x_of_time_clamped(s.from), x1 = chart.x_of_time_clamped(s.to);
    if (x1 > x0) dl->AddRectFilled(ImVec2(x0, p.y), ImVec2(x1, p.y + p.h), kLockShade);
  }
  draw_axes(dl, r, chart.price_ticks(), chart.time_ticks());
  dl->PushClipRect(ImVec2(p.x, p.y), ImVec2(p.x + p.w, p.y + p.h), true);
  for (const CandleMark& m : chart.marks()) {
    const ImU32 c = m.up ? kUp : kDown;
    dl->AddLine(ImVec2(m.x, m.high_y), ImVec2(m.x, m.low_y), c);
    const float top = std::min(m.open_y, m.close_y), bottom = std::max(std::max(m.open_y, m.close_y), top + 1);
    dl->AddRectFilled(ImVec2(m.x - m.half_width, top), ImVec2(m.x + m.half_width, bottom), c);
  }
  for (const ChartMarker& mk : markers) {
    const std::optional<float> x = chart.x_of_time(mk.at);
    if (!x) continue;
    const float y = chart.y_of(mk.price), s = 5;
    if (mk.buy)
      dl->AddTriangleFilled(ImVec2(*x, y - s), ImVec2(*x - s, y + s), ImVec2(*x + s, y + s),
                            IM_COL32(90, 230, 255, 255));
    else
      dl->AddTriangleFilled(ImVec2(*x, y + s), ImVec2(*x - s, y - s), ImVec2(*x + s, y - s),
                            IM_COL32(255, 120, 220, 255));
    ++shown.markers;
  }
  dl->PopClipRect();
  if (ImGui::IsItemHovered() && inside(p, io.MousePos)) {
    dl->AddLine(ImVec2(io.MousePos.x, p.y), ImVec2(io.MousePos.x, p.y + p.h), kCross);
    dl->AddLine(ImVec2(p.x, io.MousePos.y), ImVec2(p.x + p.w, io.MousePos.y), kCross);
    if (std::optional<std::size_t> i = chart.candle_at(io.MousePos.x)) {
      const Candle& c = series[*i];
      ImGui::SetTooltip("%s\nO %s  H %s\nL %s  C %s\ncursor %s", format_clock(c.start).c_str(),
                        c.open.to_string().c_str(), c.high.to_string().c_str(), c.low.to_string().c_str(),
                        c.close.to_string().c_str(), chart.price_at(io.MousePos.y).to_string().c_str());
    }
  }
  dl->PopClipRect();
  return shown;
}

void draw_line_chart(const char* id, const std::vector<SeriesPoint>& points, ImVec2 size) {
  const Region r = reserve(id, size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(r.min, r.max, true);
  const LineChart chart(points, r.plot);
  if (chart.points().size() < 2) {
    dl->AddText(ImVec2(r.plot.x + 8, r.plot.y + 8), kAxisText, "The curve starts once the account has moved.");
    dl->PopClipRect();
    return;
  }
  draw_axes(dl, r, chart.value_ticks(), chart.time_ticks());
  const std::vector<LinePoint>& pts = chart.points();
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const LinePoint &a = pts[i - 1], &b = pts[i];
    if (a.y > a.peak_y + 0.5f || b.y > b.peak_y + 0.5f)
      dl->AddQuadFilled(ImVec2(a.x, a.peak_y), ImVec2(b.x, b.peak_y), ImVec2(b.x, b.y), ImVec2(a.x, a.y), kDrawdown);
    dl->AddLine(ImVec2(a.x, a.y), ImVec2(b.x, b.y), kLine, 1.5f);
  }
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsItemHovered() && inside(r.plot, io.MousePos)) {
    dl->AddLine(ImVec2(io.MousePos.x, r.plot.y), ImVec2(io.MousePos.x, r.plot.y + r.plot.h), kCross);
    const auto it = std::lower_bound(points.begin(), points.end(), io.MousePos.x,
                                     [&](const SeriesPoint& p, float x) { return chart.x_of(p.at) < x; });
    const SeriesPoint& p = it == points.end() ? points.back() : *it;
    ImGui::SetTooltip("%s\n%s", format_clock(p.at).c_str(), Money::from_micros(p.value).to_string().c_str());
  }
  dl->PopClipRect();
}

void draw_sparkline(const std::vector<Price>& prices, ImVec2 size, bool up) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  if (prices.size() < 2) return;
  const auto [lo, hi] = std::minmax_element(prices.begin(), prices.end());
  const double range = std::max<double>(static_cast<double>(hi->micros() - lo->micros()), 1);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 prev;
  for (std::size_t i = 0; i < prices.size(); ++i) {
    const ImVec2 pt(
        min.x + size.x * static_cast<float>(i) / static_cast<float>(prices.size() - 1),
        min.y + size.y - 1 - static_cast<float>((prices[i].micros() - lo->micros()) / range) * (size.y - 2));
    if (i > 0) dl->AddLine(prev, pt, up ? kUp : kDown);
    prev = pt;
  }
}

std::string chart_summary(const std::string& title, const CandleChartShown& shown) {
  return title + ": " + std::to_string(shown.visible) + " candles, " + shown.low.to_string() + " to " +
         shown.high.to_string() + ", " + std::to_string(shown.markers) + " fills";
}

}  // namespace stonks::ui
