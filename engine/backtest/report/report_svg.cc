// The report's SVG: string building over CandleChart's and LineChart's layouts.
#include "backtest/report/report_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "backtest/report/report_format.h"
#include "chart/chart_layout.h"

namespace stonks {
namespace {

constexpr float kWidth = 960;
constexpr float kLeft = 84;    // room for the value labels
constexpr float kRight = 28;   // room for the last time label
constexpr float kHeader = 34;  // the summary line
constexpr float kTitle = 26;   // a panel's title above its plot
constexpr float kAxis = 30;    // the time labels under a plot
constexpr float kPricePlotH = 230;
constexpr float kEquityPlotH = 170;
constexpr float kMarker = 9;  // a fill marker's height and width
// Ticks at most: about one label per 80 px across, per 45 px down.
constexpr int kTimeTicks = 10;
constexpr int kPriceTicks = 6;
constexpr int kEquityTicks = 5;

const char kStyle[] =
    "<style>"
    "text{font:11px sans-serif;fill:#444}"
    ".title{font-size:13px;font-weight:bold;fill:#222}"
    ".frame{fill:none;stroke:#999}"
    ".grid{stroke:#e8e8e8}"
    ".candle.up{fill:#26a69a;stroke:#26a69a}"
    ".candle.down{fill:#ef5350;stroke:#ef5350}"
    ".marker{stroke:#222;stroke-width:0.8}"
    ".marker.buy{fill:#00c853}"
    ".marker.sell{fill:#d50000}"
    "polyline.equity{fill:none;stroke:#1565c0;stroke-width:1.5}"
    ".drawdown{fill:#d50000;fill-opacity:0.22;stroke:none}"
    "</style>\n";

// A coordinate with one decimal: plenty for a picture, and stable text.
std::string num(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(v));
  return buf;
}

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void text(std::string& out, float x, float y, const char* anchor, const char* cls, const std::string& body) {
  out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + cls + "\">" +
         escaped(body) + "</text>\n";
}

void line(std::string& out, float x1, float y1, float x2, float y2, const char* cls) {
  out += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" class=\"" +
         cls + "\"/>\n";
}

// The frame, horizontal grid lines with their labels on the left, and time
// labels under the plot.
void axes(std::string& out, const ChartBox& b, const std::vector<AxisTick>& values,
          const std::vector<AxisTick>& times) {
  for (const AxisTick& t : values) {
    line(out, b.x, t.pos, b.x + b.w, t.pos, "grid");
    text(out, b.x - 6, t.pos + 4, "end", "tick", t.label);
  }
  for (const AxisTick& t : times) {
    line(out, t.pos, b.y + b.h, t.pos, b.y + b.h + 4, "frame");
    text(out, t.pos, b.y + b.h + 17, "middle", "tick", t.label);
  }
  out += "<rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) + "\" height=\"" + num(b.h) +
         "\" class=\"frame\"/>\n";
}

// Opens a group clipped to the plot, so a wick or marker never spills over.
void open_clip(std::string& out, const ChartBox& b, int id) {
  const std::string name = "plot" + std::to_string(id);
  out += "<clipPath id=\"" + name + "\"><rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) +
         "\" height=\"" + num(b.h) + "\"/></clipPath>\n<g clip-path=\"url(#" + name + ")\">\n";
}

void price_panel(std::string& out, const BacktestReport& report, const PriceCandles& p,
                 const ChunkedVector<Fill>& fills, float top, int id) {
  const ChartBox box{kLeft, top + kTitle, kWidth - kLeft - kRight, kPricePlotH};
  const std::deque<Candle>& series = p.series.candles();
  const double all = std::max(static_cast<double>(series.size()), ChartWindow::kMinSpan);
  const CandleChart chart(series, box, ChartWindow{.first = 0, .span = all, .follow = false}, kPriceTicks, kTimeTicks);

  out += "<g class=\"panel price\" data-symbol=\"" + escaped(p.symbol.str()) + "\">\n";
  text(out, kLeft, top + 17, "start", "title",
       p.symbol.str() + ", " + candle_length_label(p.series.length()) + " candles (" + std::to_string(series.size()) +
           ")");
  axes(out, box, chart.price_ticks(), chart.time_ticks());
  open_clip(out, box, id);
  for (const CandleMark& m : chart.marks()) {
    const float body_top = std::min(m.open_y, m.close_y);
    const float body_h = std::max(1.0f, std::abs(m.open_y - m.close_y));
    out += std::string("<g class=\"candle ") + (m.up ? "up" : "down") + "\">";
    out += "<line x1=\"" + num(m.x) + "\" y1=\"" + num(m.high_y) + "\" x2=\"" + num(m.x) + "\" y2=\"" + num(m.low_y) +
           "\"/>";
    out += "<rect x=\"" + num(m.x - m.half_width) + "\" y=\"" + num(body_top) + "\" width=\"" + num(2 * m.half_width) +
           "\" height=\"" + num(body_h) + "\"/></g>\n";
  }
  for (const Fill& f : fills) {
    if (f.symbol != p.symbol) continue;
    const std::optional<float> x = chart.x_of_time(p.fill_time(f.at));
    if (!x) continue;
    const float y = chart.y_of(f.price);
    const bool buy = f.side == Side::kBuy;
    // The tip on the price: a buy's triangle points up from below it, a sell's down from above.
    const float base = buy ? kMarker : -kMarker;
    out += std::string("<path class=\"marker ") + (buy ? "buy" : "sell") + "\" d=\"M" + num(*x) + " " + num(y) + " L" +
           num(*x + kMarker / 2) + " " + num(y + base) + " L" + num(*x - kMarker / 2) + " " + num(y + base) +
           " Z\"><title>" + (buy ? "buy " : "sell ") + std::to_string(f.qty) + " @ " + f.price.to_string() + ", " +
           report_time(report, f.at - p.bar_length) + "</title></path>\n";
  }
  out += "</g>\n</g>\n";
}

void equity_panel(std::string& out, const EquityCurve& curve, float top, int id) {
  const ChartBox box{kLeft, top + kTitle, kWidth - kLeft - kRight, kEquityPlotH};
  std::vector<SeriesPoint> points;
  points.reserve(curve.size());
  for (const EquityPoint& e : curve) points.push_back(SeriesPoint{e.at, e.equity.micros()});
  const LineChart chart(points, box, kEquityTicks, kTimeTicks);

  out += "<g class=\"panel curve\">\n";
  text(out, kLeft, top + 17, "start", "title", "Equity, drawdown shaded");
  axes(out, box, chart.value_ticks(), chart.time_ticks());
  open_clip(out, box, id);
  const std::vector<LinePoint>& pts = chart.points();
  if (!pts.empty()) {
    // Along the running peak, then back along the curve: the area between.
    std::string d = "M" + num(pts.front().x) + " " + num(pts.front().peak_y);
    for (const LinePoint& p : pts) d += " L" + num(p.x) + " " + num(p.peak_y);
    for (auto it = pts.rbegin(); it != pts.rend(); ++it) d += " L" + num(it->x) + " " + num(it->y);
    out += "<path class=\"drawdown\" d=\"" + d + " Z\"/>\n";
    std::string line_points;
    for (const LinePoint& p : pts) line_points += (line_points.empty() ? "" : " ") + num(p.x) + "," + num(p.y);
    out += "<polyline class=\"equity\" points=\"" + line_points + "\"/>\n";
  }
  out += "</g>\n</g>\n";
}

}  // namespace

std::string report_svg(const BacktestReport& report, const std::vector<PriceCandles>& prices,
                       const ChunkedVector<Fill>& fills) {
  const std::size_t panels = std::min(prices.size(), kReportMaxPricePanels);
  const float price_h = kTitle + kPricePlotH + kAxis;
  const float height = kHeader + static_cast<float>(panels) * price_h + kTitle + kEquityPlotH + kAxis;

  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(kWidth) +
                    "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) + "\">\n";
  out += kStyle;
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
  text(out, kLeft, 22, "start", "title",
       "Backtest " + report_range(report) + ": final equity " + report_money(report.final_equity) + ", net P&L " +
           report_money(report.net_pnl) + ", " + std::to_string(report.fills) + " fills");
  float top = kHeader;
  for (std::size_t i = 0; i < panels; ++i, top += price_h)
    price_panel(out, report, prices[i], fills, top, static_cast<int>(i));
  equity_panel(out, report.equity_curve, top, static_cast<int>(panels));
  out += "</svg>\n";
  return out;
}

}  // namespace stonks
