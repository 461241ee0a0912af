// ReplayPanel: the Replay pane. Open CSV... (the host's file picker), the
// symbol for files without a Symbol column, a strategy and its parameters,
// the starting cash and a fee per fill, Start; then a progress bar (bars done / total, rate),
// speed buttons and Pause, and when the replay is done its report: the
// numbers stonks-backtest prints for the same file and parameters, the
// trades, and report.svg's charts: each symbol's candles with the fills
// marked, and the equity curve with its drawdown shaded. Acts through
// /api/backtest (POST to start, PUT for the speed, GET polled while it runs).
// Below the form, a sweep of the strategy's parameters (SweepPanel): its
// ranked rows take the report's place until one is clicked, which replays
// that run; a button leads back to them.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backtest/report/report_chart_json.h"
#include "chart/chart_layout.h"

#include "imgui_ui/desk_context.h"
#include "imgui_ui/views/strategies_panel.h"
#include "imgui_ui/views/sweep_panel.h"
#include "imgui_ui/widgets/field_errors.h"

namespace stonks::ui {

class ReplayPanel {
 public:
  ReplayPanel();
  std::function<void()> pick_csv;  // the host's picker; null: none (the button is disabled)

  // The file the operator picked: its name gives the symbol field a ticker
  // ("aapl_daily.csv" -> AAPL) unless one is typed.
  void csv_picked(std::string name, std::string text);
  void draw(DeskContext& ctx);

 private:
  // POST /api/backtest's body from the form, and the fields it names.
  nlohmann::json body() const;
  std::vector<FieldWidget> fields() const;
  void start(DeskContext& ctx, const nlohmann::json& body);
  void draw_progress(DeskContext& ctx);
  void draw_report(DeskContext& ctx, const nlohmann::json& report);
  void draw_numbers(DeskContext& ctx, const nlohmann::json& report);  // the figures and the trades
  void draw_charts(DeskContext& ctx);
  // Every answer of /api/backtest goes through here: a new status drops the
  // charts read from the last report.
  void set_status(nlohmann::json status);

  std::string file_name_;
  std::string csv_;
  std::array<char, 16> symbol_{};
  std::array<char, 24> cash_{};
  std::array<char, 24> fee_per_fill_{};  // as stonks-backtest's --fee-per-fill; empty: none
  StrategyForm form_;
  FieldErrors errors_;
  SweepPanel sweep_;
  bool showing_sweep_ = false;  // the sweep's results rather than the replay's report
  nlohmann::json status_;       // GET /api/backtest as last answered; null before a start
  bool polling_ = false;        // a GET is on its way
  // The report's charts, read once from status_["report"] (it does not change).
  bool charts_read_ = false;
  std::vector<PriceChart> price_charts_;
  std::vector<SeriesPoint> equity_;
  std::size_t charted_ = 0;  // which of price_charts_ is shown
  ChartWindow window_;
};

}  // namespace stonks::ui
