// ReplayPanel: one replay at a time, its status polled (one GET in flight)
// while it runs. Ratios arrive as fractions with 6 decimals and are shown as
// stonks-backtest shows them: percentages and ratios with 2 decimals, durations in days with 1.
#include "imgui_ui/views/replay_panel.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <vector>

#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/charts.h"
#include "imgui_ui/widgets/controls.h"
#include "json/json_values.h"

namespace stonks::ui {
namespace {

constexpr FieldWidget kFields[] = {{"csv", ids::kReplayOpenCsv},
                                   {"symbol", ids::kReplaySymbol},
                                   {"cash", ids::kReplayCash},
                                   {"fee_per_fill", ids::kReplayFee}};

// The base name up to its first '_' or '.', upper-cased, when it is letters only.
std::string ticker_of(const std::string& file) {
  std::string base = file.substr(file.find_last_of("/\\") + 1);
  base = base.substr(0, base.find_first_of("_."));
  if (base.empty() || base.size() > 10) return {};
  for (char& c : base) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return base;
}

std::string percent(const nlohmann::json& v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", v.is_number() ? v.get<double>() * 100 : 0.0);
  return buf;
}

std::string fixed(const nlohmann::json& v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v.is_number() ? v.get<double>() : 0.0);
  return buf;
}

const char* kSpeeds[] = {"1", "10", "100", "1000", "max"};

}  // namespace

ReplayPanel::ReplayPanel() : form_("replay", "strategy.") { std::snprintf(cash_.data(), cash_.size(), "100000"); }

void ReplayPanel::csv_picked(std::string name, std::string text) {
  file_name_ = std::move(name);
  csv_ = std::move(text);
  errors_.clear();
  if (symbol_[0] == '\0') std::snprintf(symbol_.data(), symbol_.size(), "%s", ticker_of(file_name_).c_str());
}

nlohmann::json ReplayPanel::body() const {
  nlohmann::json body = {{"csv", csv_}, {"strategy", form_.spec()}, {"cash", std::string(cash_.data())}};
  if (symbol_[0] != '\0') body["symbol"] = std::string(symbol_.data());
  if (fee_per_fill_[0] != '\0') body["fee_per_fill"] = std::string(fee_per_fill_.data());
  return body;
}

std::vector<FieldWidget> ReplayPanel::fields() const {
  std::vector<FieldWidget> fields(std::begin(kFields), std::end(kFields));
  fields.insert(fields.end(), form_.fields().begin(), form_.fields().end());
  return fields;
}

void ReplayPanel::start(DeskContext& ctx, const nlohmann::json& body) {
  showing_sweep_ = false;
  ctx.requests.send("POST", "/api/backtest", body, [this, toasts = &ctx.toasts](const ApiReply& r) {
    if (!r.ok()) return errors_.set(r, fields(), ids::kReplayStart);
    errors_.clear();
    set_status(r.body);
    toasts->outcome(r, "Replay started", "");
  });
}

void ReplayPanel::draw(DeskContext& ctx) {
  const float em = ImGui::GetFontSize();
  const float label = em * 6;
  const std::string state = json_string(status_, "state");
  // Polled while it runs: one GET at a time, each answered within a frame or two.
  if ((state == "running") && !polling_) {
    polling_ = true;
    ctx.requests.send("GET", "/api/backtest", nullptr, [this](const ApiReply& r) {
      polling_ = false;
      if (r.ok()) set_status(r.body);
    });
  }

  section_header("Replay a CSV through a strategy");
  field_label("File", label);
  if (recorded_button(ctx.frame, ids::kReplayOpenCsv, "Open CSV...", pick_csv != nullptr)) pick_csv();
  ImGui::SameLine();
  if (file_name_.empty()) {
    ImGui::TextColored(kColorMuted, pick_csv ? "no file chosen" : "no file picker here");
  } else {
    ImGui::Text("%s (%zu bytes)", file_name_.c_str(), csv_.size());
  }
  inline_error(ctx.frame, errors_, ids::kReplayOpenCsv, ErrorPlace::kBelow, "File");

  field_label("Symbol", label);
  bool edited = recorded_input_text(ctx.frame, ids::kReplaySymbol, symbol_.data(), symbol_.size(), em * 6,
                                    ImGuiInputTextFlags_CharsUppercase);
  ImGui::SameLine();
  ImGui::TextColored(kColorMuted, "for a file without a Symbol column");
  inline_error(ctx.frame, errors_, ids::kReplaySymbol, ErrorPlace::kBelow, "Symbol");
  edited |= form_.draw(ctx, errors_, label);
  field_label("Cash", label);
  edited |= recorded_input_text(ctx.frame, ids::kReplayCash, cash_.data(), cash_.size(), em * 8);
  inline_error(ctx.frame, errors_, ids::kReplayCash);
  field_label("Fee/fill", label);
  edited |= recorded_input_text(ctx.frame, ids::kReplayFee, fee_per_fill_.data(), fee_per_fill_.size(), em * 8);
  inline_error(ctx.frame, errors_, ids::kReplayFee);
  if (edited) errors_.clear();
  if (recorded_button(ctx.frame, ids::kReplayStart, state == "running" ? "Restart" : "Start", !csv_.empty()))
    start(ctx, body());
  inline_error(ctx.frame, errors_, ids::kReplayStart);
  if (sweep_.draw_form(ctx, form_.name(), errors_, label, !csv_.empty())) {
    showing_sweep_ = true;
    sweep_.start(ctx, body(), errors_, fields());
  }

  if (showing_sweep_ && sweep_.has_results()) {
    if (std::optional<nlohmann::json> run = sweep_.draw_results(ctx)) start(ctx, *run);
    return;
  }
  if (sweep_.has_results()) {
    ImGui::Separator();
    if (recorded_button(ctx.frame, ids::kReplaySweepBack, "Back to the sweep's results")) showing_sweep_ = true;
  }
  if (status_.is_object()) draw_progress(ctx);
  if (const nlohmann::json& report = json_member(status_, "report"); report.is_object()) draw_report(ctx, report);
}

void ReplayPanel::draw_progress(DeskContext& ctx) {
  ImGui::Separator();
  const std::int64_t done = json_int(status_, "bars_done"), total = json_int(status_, "total");
  const std::string state = json_string(status_, "state");
  const std::string text = std::to_string(done) + " / " + std::to_string(total) + " bars, " +
                           std::to_string(json_int(status_, "rate")) + " bars/s" +
                           (state == "running" ? "" : " (" + state + ")");
  ImGui::ProgressBar(total > 0 ? static_cast<float>(done) / static_cast<float>(total) : 0.0f, ImVec2(-1, 0),
                     text.c_str());
  ctx.frame.widget(ids::kReplayProgress);
  ctx.frame.message(ids::kReplayProgress, text, state == "failed");
  if (state == "failed") inline_note(ctx.frame, ids::kReplayProgress, json_string(status_, "error"), true);

  const nlohmann::json& speed = json_member(status_, "speed");
  const std::string current = speed.is_string() ? speed.get<std::string>() : speed.dump();
  const bool live = state == "running" || state == "paused";
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(kColorMuted, "Bars/s");
  for (const char* s : kSpeeds) {
    ImGui::SameLine();
    if (choice_button(ctx.frame, ids::replay_speed_id(s), s, current == s, live) && current != s) {
      const nlohmann::json value = std::string(s) == "max" ? nlohmann::json("max") : nlohmann::json(std::atoi(s));
      ctx.requests.send("PUT", "/api/backtest", {{"speed", value}}, [this, toasts = &ctx.toasts](const ApiReply& r) {
        if (r.ok())
          set_status(r.body);
        else
          toasts->outcome(r, "", "Could not change the replay speed");
      });
    }
  }
  ImGui::SameLine();
  const bool paused = json_bool(status_, "paused");
  if (recorded_button(ctx.frame, ids::kReplayPause, paused ? "Resume" : "Pause", live))
    ctx.requests.send("PUT", "/api/backtest", {{"paused", !paused}}, [this, toasts = &ctx.toasts](const ApiReply& r) {
      if (r.ok())
        set_status(r.body);
      else
        toasts->outcome(r, "", "Could not pause the replay");
    });
}

void ReplayPanel::set_status(nlohmann::json status) {
  status_ = std::move(status);
  charts_read_ = false;
}

void ReplayPanel::draw_report(DeskContext& ctx, const nlohmann::json& r) {
  ImGui::Separator();
  if (!charts_read_) {
    charts_read_ = true;
    Result<std::vector<PriceChart>> charts = parse_price_charts(json_member(r, "price_charts"));
    price_charts_ = charts.is_ok() ? std::move(charts).value() : std::vector<PriceChart>{};
    equity_.clear();
    for (const nlohmann::json& p : json_member(r, "equity_curve")) {
      const Result<Timestamp> at = timestamp_from_json(json_member(p, "at"));
      const Result<std::int64_t> equity = micros_from_json(json_member(p, "equity"));
      if (at.is_ok() && equity.is_ok()) equity_.push_back({*at, *equity});
    }
    charted_ = 0;
    window_ = ChartWindow{};
  }
  const float left = std::max(ImGui::GetContentRegionAvail().x * 0.45f, ImGui::GetFontSize() * 30);
  if (ImGui::BeginChild("##report_numbers", ImVec2(left, 0))) draw_numbers(ctx, r);
  ImGui::EndChild();
  ImGui::SameLine();
  if (ImGui::BeginChild("##report_charts", ImVec2(0, 0))) draw_charts(ctx);
  ImGui::EndChild();
}

void ReplayPanel::draw_charts(DeskContext& ctx) {
  if (price_charts_.empty()) {
    ImGui::TextColored(kColorMuted, "No price chart in this report.");
  } else {
    for (std::size_t i = 0; i < price_charts_.size() && price_charts_.size() > 1; ++i) {
      const std::string name = price_charts_[i].symbol.str();
      if (choice_button(ctx.frame, ids::replay_chart_symbol_id(name), name.c_str(), charted_ == i)) {
        charted_ = i;
        window_ = ChartWindow{};
      }
      ImGui::SameLine();
    }
    const PriceChart& c = price_charts_[std::min(charted_, price_charts_.size() - 1)];
    const std::string title = c.symbol.str() + ", " + candle_length_label(c.candle_length) + " candles";
    ImGui::TextColored(kColorMuted, "%s (wheel: zoom, drag: pan)", title.c_str());
    std::vector<ChartMarker> markers;
    for (const ChartFill& f : c.fills) markers.push_back({f.at, f.price, f.side == Side::kBuy});
    const CandleChartShown shown = draw_candle_chart("##report_candles", c.candles, window_,
                                                     ImVec2(0, ImGui::GetContentRegionAvail().y * 0.6f), markers, {});
    ctx.frame.widget(ids::kReplayChart);
    ctx.frame.message(ids::kReplayChart, chart_summary(title, shown), false);
  }
  ImGui::TextColored(kColorMuted, "Equity, drawdown shaded");
  draw_line_chart("##report_equity", equity_, ImVec2(0, 0));
  ctx.frame.widget(ids::kReplayEquity);
  ctx.frame.message(ids::kReplayEquity, std::to_string(equity_.size()) + " points", false);
}

void ReplayPanel::draw_numbers(DeskContext& ctx, const nlohmann::json& r) {
  const std::string days = fixed(nlohmann::json(json_int(r, "max_drawdown_duration_seconds") / 86400.0), 1) + " days";
  const std::pair<const char*, std::string> rows[] = {
      {"Period", json_string(r, "start") + " .. " + json_string(r, "end")},
      {"Starting equity", json_string(r, "starting_equity")},
      {"Final equity", json_string(r, "final_equity")},
      {"Net P&L", json_string(r, "net_pnl")},
      {"Total return", percent(json_member(r, "total_return"))},
      {"CAGR", percent(json_member(r, "cagr"))},
      {"Volatility", percent(json_member(r, "annual_volatility"))},
      {"Sharpe", fixed(json_member(r, "sharpe"), 2)},
      {"Max drawdown", percent(json_member(r, "max_drawdown"))},
      {"Max drawdown length", days},
      {"Exposure", percent(json_member(r, "exposure"))},
      {"Trades", std::to_string(json_int(r, "trades"))},
      {"Won / lost / open", std::to_string(json_int(r, "wins")) + " / " + std::to_string(json_int(r, "losses")) +
                                " / " + std::to_string(json_int(r, "open_trades"))},
      {"Win rate", percent(json_member(r, "win_rate"))},
      {"Average win", json_string(r, "average_win")},
      {"Average loss", json_string(r, "average_loss")},
      {"Fees paid", json_string(r, "fees_paid")},
  };
  if (ImGui::BeginTable("##report", 4, ImGuiTableFlags_SizingFixedFit)) {
    for (const auto& [name, value] : rows) {
      table_cell(name);
      table_cell(value);
      ctx.frame.message(ids::kReplayReport, std::string(name) + ": " + value, false);
    }
    ImGui::EndTable();
  }

  const nlohmann::json& trades = json_member(r, "trade_list");
  // A daily report's times are the bars' dates, as stonks-backtest prints them.
  const bool daily = json_member(r, "daily").is_boolean() && json_member(r, "daily").get<bool>();
  auto when = [daily](const nlohmann::json& t, const char* key) {
    const std::string at = json_string(t, key);
    return daily ? at.substr(0, 10) : at;
  };
  ImGui::Text("Trades (%zu)", trades.size());
  if (ImGui::BeginTable("##trades", 8, kListTableFlags, ImVec2(0, 0))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* h : {"Symbol", "Side", "Qty", "Entry", "Price", "Exit", "Price", "P&L"})
      ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const nlohmann::json& t : trades) {
      const std::string row[] = {json_string(t, "symbol"),           json_string(t, "side"),
                                 std::to_string(json_int(t, "qty")), when(t, "entry_at"),
                                 json_string(t, "entry_price"),      when(t, "exit_at"),
                                 json_string(t, "exit_price"),       json_string(t, "pnl")};
      std::string line;
      for (const std::string& cell : row) {
        table_cell(cell);
        line += (line.empty() ? "" : " ") + cell;
      }
      ctx.frame.message(ids::kReplayTrades, line, false);
    }
    ImGui::EndTable();
  }
}

}  // namespace stonks::ui
