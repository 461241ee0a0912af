// ReplayPanel: one replay at a time, its status polled (one GET in flight)
// while it runs. Ratios arrive as fractions with 6 decimals and are shown as
// stonks-backtest shows them: percentages with 2 decimals, Sharpe with 3.
#include "imgui_ui/views/replay_panel.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"

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

void ReplayPanel::start(DeskContext& ctx) {
  nlohmann::json body = {{"csv", csv_}, {"strategy", form_.spec()}, {"cash", std::string(cash_.data())}};
  if (symbol_[0] != '\0') body["symbol"] = std::string(symbol_.data());
  if (fee_per_fill_[0] != '\0') body["fee_per_fill"] = std::string(fee_per_fill_.data());
  ctx.requests.send("POST", "/api/backtest", body, [this, toasts = &ctx.toasts](const ApiReply& r) {
    if (!r.ok()) {
      std::vector<FieldWidget> fields(std::begin(kFields), std::end(kFields));
      fields.insert(fields.end(), form_.fields().begin(), form_.fields().end());
      return errors_.set(r, fields, ids::kReplayStart);
    }
    errors_.clear();
    status_ = r.body;
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
      if (r.ok()) status_ = r.body;
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
    start(ctx);
  inline_error(ctx.frame, errors_, ids::kReplayStart);

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
          status_ = r.body;
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
        status_ = r.body;
      else
        toasts->outcome(r, "", "Could not pause the replay");
    });
}

void ReplayPanel::draw_report(DeskContext& ctx, const nlohmann::json& r) {
  ImGui::Separator();
  const std::string days = fixed(nlohmann::json(json_int(r, "max_drawdown_duration_seconds") / 86400.0), 2) + " days";
  const std::pair<const char*, std::string> rows[] = {
      {"Period", json_string(r, "start") + " .. " + json_string(r, "end")},
      {"Starting equity", json_string(r, "starting_equity")},
      {"Final equity", json_string(r, "final_equity")},
      {"Net P&L", json_string(r, "net_pnl")},
      {"Total return", percent(json_member(r, "total_return"))},
      {"CAGR", percent(json_member(r, "cagr"))},
      {"Volatility", percent(json_member(r, "annual_volatility"))},
      {"Sharpe", fixed(json_member(r, "sharpe"), 3)},
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

  std::vector<float> equity;  // display only: the sparkline's heights
  for (const nlohmann::json& p : json_member(r, "equity_curve"))
    equity.push_back(std::strtof(json_string(p, "equity").c_str(), nullptr));
  if (equity.size() > 1)
    ImGui::PlotLines("##equity", equity.data(), static_cast<int>(equity.size()), 0, "equity", FLT_MAX, FLT_MAX,
                     ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 4));

  const nlohmann::json& trades = json_member(r, "trade_list");
  ImGui::Text("Trades (%zu)", trades.size());
  if (ImGui::BeginTable("##trades", 8, kListTableFlags, ImVec2(0, 0))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* h : {"Symbol", "Side", "Qty", "Entry", "Price", "Exit", "Price", "P&L"})
      ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const nlohmann::json& t : trades) {
      const std::string row[] = {json_string(t, "symbol"),           json_string(t, "side"),
                                 std::to_string(json_int(t, "qty")), json_string(t, "entry_at"),
                                 json_string(t, "entry_price"),      json_string(t, "exit_at"),
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
