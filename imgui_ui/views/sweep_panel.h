// SweepPanel: the Replay view's parameter sweep, stonks-backtest --sweep in
// the browser. Axes (a parameter of the chosen strategy, from its ParamDef
// table, and a values text "5:30:5" or "5,10,20"), an optional split and
// the rank metric, Run sweep; then its progress (runs done / total) and the
// rows ranked as the CLI ranks them, in its number format. Acts through
// /api/backtest/sweep (POST to start, GET polled while it runs); a row
// clicked is handed back to the Replay view as the replay body of that run.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "imgui_ui/desk_context.h"
#include "imgui_ui/widgets/field_errors.h"

namespace stonks::ui {

class SweepPanel {
 public:
  // The axes, split, rank and Run sweep for `strategy` (the form's choice);
  // `errors` is the Replay view's, the sweep's errors beside their fields.
  // Run sweep takes an axis and `can_run` (a file chosen); true when pressed.
  bool draw_form(DeskContext& ctx, const std::string& strategy, const FieldErrors& errors, float label_width,
                 bool can_run);
  // Starts a sweep of `replay_body` (POST /api/backtest's: the file, the
  // strategy, the cash) with the axes; a refusal goes to `errors`, beside
  // the field (`replay_fields`: the replay body's) or Run sweep.
  void start(DeskContext& ctx, nlohmann::json replay_body, FieldErrors& errors, std::vector<FieldWidget> replay_fields);
  bool has_results() const { return status_.is_object(); }
  // The progress and the ranked rows; a row clicked gives the replay body of its run.
  std::optional<nlohmann::json> draw_results(DeskContext& ctx);

 private:
  struct Axis {
    std::string key;
    std::array<char, 64> values{};
  };
  // The axes' fields and widgets, rebuilt when the axes change.
  void name_fields();

  std::string strategy_;  // the axes' strategy: another one's parameters start them over
  std::vector<Axis> axes_;
  std::array<char, 16> split_{};
  std::string rank_ = "sharpe";
  std::vector<std::string> field_names_, widget_ids_;
  std::vector<FieldWidget> fields_;
  nlohmann::json replay_body_;  // the body the sweep ran, for a row's replay
  nlohmann::json status_;       // GET /api/backtest/sweep as last answered
  bool polling_ = false;
};

}  // namespace stonks::ui
