// ReplayPanel: the Replay pane. Open CSV... (the host's file picker), the
// symbol for files without a Symbol column, a strategy and its parameters,
// the starting cash and a fee per fill, Start; then a progress bar (bars done / total, rate),
// speed buttons and Pause, and when the replay is done its report: the
// numbers stonks-backtest prints for the same file and parameters, the
// trades and an equity sparkline. Acts through /api/backtest (POST to
// start, PUT for the speed, GET polled while it runs).
#pragma once

#include <array>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "imgui_ui/desk_context.h"
#include "imgui_ui/views/strategies_panel.h"
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
  void start(DeskContext& ctx);
  void draw_progress(DeskContext& ctx);
  void draw_report(DeskContext& ctx, const nlohmann::json& report);

  std::string file_name_;
  std::string csv_;
  std::array<char, 16> symbol_{};
  std::array<char, 24> cash_{};
  std::array<char, 24> fee_per_fill_{};  // as stonks-backtest's --fee-per-fill; empty: none
  StrategyForm form_;
  FieldErrors errors_;
  nlohmann::json status_;  // GET /api/backtest as last answered; null before a start
  bool polling_ = false;   // a GET is on its way
};

}  // namespace stonks::ui
