// SweepPanel: one sweep at a time, its status polled (one GET in flight)
// while it runs. The numbers arrive as sweep.csv writes them (hundredths)
// and show as stonks-backtest's table prints them: percentages with "%".
#include "imgui_ui/views/sweep_panel.h"

#include <algorithm>
#include <cstdio>
#include <span>

#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"
#include "imgui_ui/widgets/table_tools.h"
#include "strategy/strategy_registry.h"

namespace stonks::ui {
namespace {

constexpr const char* kRanks[] = {"sharpe", "return", "drawdown"};

// The CLI table's metric cells of one part: trades, return, sharpe, drawdown (then win rate, final equity).
std::vector<std::string> metric_cells(const nlohmann::json& m, bool whole) {
  std::vector<std::string> cells = {std::to_string(json_int(m, "trades")), json_string(m, "return_pct") + "%",
                                    json_string(m, "sharpe"), json_string(m, "max_drawdown_pct") + "%"};
  if (whole) {
    cells.push_back(json_string(m, "win_rate_pct") + "%");
    cells.push_back(json_string(m, "final_equity"));
  }
  return cells;
}

std::vector<std::string> row_cells(const nlohmann::json& row, bool split) {
  std::vector<std::string> cells = {std::to_string(json_int(row, "rank"))};
  for (const nlohmann::json& v : json_member(row, "values")) cells.push_back(v.is_string() ? v.get<std::string>() : "");
  for (std::string& c : metric_cells(json_member(row, "in_sample"), true)) cells.push_back(std::move(c));
  if (split)
    for (std::string& c : metric_cells(json_member(row, "out_of_sample"), false)) cells.push_back(std::move(c));
  return cells;
}

}  // namespace

void SweepPanel::name_fields() {
  field_names_.clear();
  widget_ids_.clear();
  for (std::size_t i = 0; i < axes_.size(); ++i) {
    field_names_.push_back("sweep[" + std::to_string(i) + "].key");
    widget_ids_.push_back(ids::replay_sweep_key_id(i, axes_[i].key));
    field_names_.push_back("sweep[" + std::to_string(i) + "].values");
    widget_ids_.push_back(ids::replay_sweep_values_id(i));
  }
  field_names_.push_back("sweep");
  widget_ids_.push_back(ids::kReplaySweepAdd);
  field_names_.push_back("split");
  widget_ids_.push_back(ids::kReplaySweepSplit);
  field_names_.push_back("rank");
  widget_ids_.push_back(ids::replay_sweep_rank_id(kRanks[0]));
  fields_.clear();
  for (std::size_t i = 0; i < field_names_.size(); ++i)
    fields_.push_back({field_names_[i].c_str(), widget_ids_[i].c_str()});
}

bool SweepPanel::draw_form(DeskContext& ctx, const std::string& strategy, const FieldErrors& errors, float label_width,
                           bool can_run) {
  const float em = ImGui::GetFontSize();
  const std::span<const ParamDef> defs = strategy_params(strategy);
  if (strategy != strategy_) {
    strategy_ = strategy;
    std::erase_if(axes_, [&](const Axis& a) { return find_param(defs, a.key) == nullptr; });
    name_fields();
  }
  section_header("Sweep its parameters (stonks-backtest --sweep)");
  for (std::size_t i = 0; i < axes_.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    field_label(("Axis " + std::to_string(i + 1)).c_str(), label_width);
    for (const ParamDef& d : defs) {
      const std::string key(d.key);
      if (choice_button(ctx.frame, ids::replay_sweep_key_id(i, key), key.c_str(), axes_[i].key == key)) {
        axes_[i].key = key;
        name_fields();
      }
      ImGui::SameLine();
    }
    ImGui::TextColored(kColorMuted, "values");
    ImGui::SameLine();
    recorded_input_text(ctx.frame, ids::replay_sweep_values_id(i), axes_[i].values.data(), axes_[i].values.size(),
                        em * 10);
    ImGui::SameLine();
    const bool removed = recorded_button(ctx.frame, ids::replay_sweep_remove_id(i), "Remove");
    inline_error(ctx.frame, errors, ids::replay_sweep_key_id(i, axes_[i].key).c_str());
    inline_error(ctx.frame, errors, ids::replay_sweep_values_id(i).c_str());
    ImGui::PopID();
    if (removed) {
      axes_.erase(axes_.begin() + static_cast<std::ptrdiff_t>(i));
      name_fields();
      break;
    }
  }
  field_label("", label_width);
  if (recorded_button(ctx.frame, ids::kReplaySweepAdd, "Add axis", !defs.empty())) {
    // The first parameter not swept yet.
    Axis axis{std::string(defs.front().key), {}};
    for (const ParamDef& d : defs) {
      const bool swept = std::any_of(axes_.begin(), axes_.end(), [&](const Axis& a) { return a.key == d.key; });
      if (!swept) {
        axis.key = std::string(d.key);
        break;
      }
    }
    axes_.push_back(axis);
    name_fields();
  }
  ImGui::SameLine();
  ImGui::TextColored(kColorMuted, "values: FROM:TO:STEP (5:30:5) or A,B,C (5,10,20)");
  inline_error(ctx.frame, errors, ids::kReplaySweepAdd);
  field_label("Split", label_width);
  recorded_input_text(ctx.frame, ids::kReplaySweepSplit, split_.data(), split_.size(), em * 6);
  ImGui::SameLine();
  ImGui::TextColored(kColorMuted, "optional: 0.7 ranks on the first 70%% of the bars, the rest out-of-sample");
  inline_error(ctx.frame, errors, ids::kReplaySweepSplit);
  field_label("Rank by", label_width);
  for (const char* r : kRanks) {
    if (choice_button(ctx.frame, ids::replay_sweep_rank_id(r), r, rank_ == r)) rank_ = r;
    ImGui::SameLine();
  }
  ImGui::NewLine();
  inline_error(ctx.frame, errors, ids::replay_sweep_rank_id(kRanks[0]).c_str());
  const bool run = recorded_button(ctx.frame, ids::kReplaySweepRun, "Run sweep", can_run && !axes_.empty());
  inline_error(ctx.frame, errors, ids::kReplaySweepRun);
  return run;
}

void SweepPanel::start(DeskContext& ctx, nlohmann::json replay_body, FieldErrors& errors,
                       std::vector<FieldWidget> replay_fields) {
  nlohmann::json body = replay_body;
  body["sweep"] = nlohmann::json::array();
  for (const Axis& a : axes_) body["sweep"].push_back({{"key", a.key}, {"values", std::string(a.values.data())}});
  body["rank"] = rank_;
  if (split_[0] != '\0') body["split"] = std::string(split_.data());
  replay_fields.insert(replay_fields.end(), fields_.begin(), fields_.end());
  ctx.requests.send("POST", "/api/backtest/sweep", body,
                    [this, &errors, fields = std::move(replay_fields), replay_body = std::move(replay_body),
                     toasts = &ctx.toasts](const ApiReply& r) {
                      if (!r.ok()) return errors.set(r, fields, ids::kReplaySweepRun);
                      errors.clear();
                      replay_body_ = replay_body;
                      status_ = r.body;
                      toasts->outcome(r, "Sweep started", "");
                    });
}

std::optional<nlohmann::json> SweepPanel::draw_results(DeskContext& ctx) {
  const std::string state = json_string(status_, "state");
  if (state == "running" && !polling_) {
    polling_ = true;
    ctx.requests.send("GET", "/api/backtest/sweep", nullptr, [this](const ApiReply& r) {
      polling_ = false;
      if (r.ok()) status_ = r.body;
    });
  }
  ImGui::Separator();
  const std::int64_t done = json_int(status_, "done"), total = json_int(status_, "total");
  const std::string text =
      std::to_string(done) + " / " + std::to_string(total) + " runs" + (state == "running" ? "" : " (" + state + ")");
  ImGui::ProgressBar(total > 0 ? static_cast<float>(done) / static_cast<float>(total) : 0.0f, ImVec2(-1, 0),
                     text.c_str());
  ctx.frame.widget(ids::kReplaySweepProgress);
  ctx.frame.message(ids::kReplaySweepProgress, text, false);
  if (const std::int64_t refused = json_int(status_, "refused"); refused > 0)
    inline_note(
        ctx.frame, ids::kReplaySweepProgress,
        std::to_string(refused) + " combinations refused by the strategy, e.g. " + json_string(status_, "refusal"),
        true);

  const nlohmann::json& rows = json_member(status_, "rows");
  if (!rows.is_array()) return std::nullopt;
  const bool split = status_.contains("split");
  std::vector<std::string> headers = {"rank"};
  for (const nlohmann::json& k : json_member(status_, "keys"))
    headers.push_back(k.is_string() ? k.get<std::string>() : "");
  for (const char* h : {"trades", "return", "sharpe", "drawdown", "win rate", "final equity"}) headers.emplace_back(h);
  if (split)
    for (const char* h : {"oos trades", "oos return", "oos sharpe", "oos drawdown"}) headers.emplace_back(h);
  ImGui::TextColored(kColorMuted, "Ranked by %s; click a row for its run's report",
                     json_string(status_, "rank").c_str());
  std::optional<nlohmann::json> clicked;
  if (ImGui::BeginTable("##sweep_rows", static_cast<int>(headers.size()), kListTableFlags, ImVec2(0, 0))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const std::string& h : headers) ImGui::TableSetupColumn(h.c_str());
    ImGui::TableHeadersRow();
    const auto tsv = [&] {
      return table_text(
          headers, rows.size(), [&](std::size_t i) { return row_cells(rows[i], split); }, false);
    };
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const nlohmann::json& row = rows[static_cast<std::size_t>(i)];
        const std::vector<std::string> cells = row_cells(row, split);
        ImGui::TableNextRow();
        if (selectable_row(
                ctx.frame, ids::replay_sweep_row_id(static_cast<std::size_t>(i) + 1), cells[0], false,
                [&] { return cells; }, tsv)) {
          clicked = replay_body_;
          (*clicked)["strategy"]["params"].update(json_member(row, "params"));
        }
        for (std::size_t c = 1; c < cells.size(); ++c) table_cell(cells[c]);
      }
    }
    ImGui::EndTable();
  }
  return clicked;
}

}  // namespace stonks::ui
